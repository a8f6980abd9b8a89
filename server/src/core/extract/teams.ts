/**
 * Sports reports: telling a club named after its home ("Surrey", "CHICAGO",
 * "Leicestershire", "Karlsruhe") from the place itself.
 *
 * News writes results, tables and match reports with the club's home as its
 * name: "Chicago 4 HOUSTON 3", "Leicestershire beat Somerset by an innings",
 * "Surrey 429-7", "drew with Karlsruhe". Two facts are needed: the document is
 * a sports report (scores, results and competition vocabulary), and the name
 * stands where a team stands (before a score, beside "beat", "v", "drew with",
 * before "'s coach"). The entity rules decide which names may be re-typed.
 */
import { isScore, tokenAt, type NameToken, type WordTally } from './nameTokens';

/** Words before a team: "beat X", "v X", "against X". */
const BEFORE_TEAM = new Set(`beat beats beating defeated v vs vs. versus against edged thrashed hammered routed overcame host hosts visit play joined joining`.split(' '));

/** Pairs of words before a team: "drew with X", "lost to X", "at home to X", "victory over X". */
const BEFORE_TEAM_PAIRS = new Set([
  'drew with', 'draw with', 'draw against', 'lost to', 'losing to', 'lose to', 'home to', 'win over', 'victory over',
  'win against', 'defeat by', 'defeat to', 'defeat against', 'beaten by', 'transferred to', 'transfer to', 'moved to',
  'move to', 'signed for', 'signed from', 'loan to', 'loan from', 'loan at',
]);

/** Words after a team: "X beat Y", "X drew", "X v Y". */
const AFTER_TEAM = new Set(`beat beats defeated drew draw lost won edged thrashed hammered routed v vs vs. versus`.split(' '));

/** A team's people, parts and results: "Surrey's coach", "Bayern's striker", "Nice's home defeat". */
const TEAM_MEMBERS = new Set(`
  coach manager striker midfielder defender goalkeeper keeper captain skipper players player squad fans
  supporters side team chairman boss bowlers batsmen batting bowling innings lineup line-up
  home away defeat win victory draw lead goal goals first second reply total
`.trim().split(/\s+/));

/** Cricket scorecard marks before a player's name ("c Tillekeratne b Dharmasena 13"): the number is a score. */
const SCORECARD_MARKS = new Set(['b', 'c', 'st', 'lbw']);

/** What kind of report a document is, for reading team names. */
export interface SportsReport {
  /** Results, tables or match reports: scores and competition words. */
  sports: boolean;
  /** A cricket report: county names are the teams. */
  cricket: boolean;
}

/**
 * Reads a document as a sports report or not: at least three match scores
 * ("2-1", "92-90") or results and competition words, counted together; a
 * cricket report also names innings, wickets, overs or cricket itself.
 */
export function readSportsReport(tally: WordTally): SportsReport {
  const sports = tally.sportsEvidence >= 3;
  return { sports, cricket: sports && tally.cricketWords > 0 };
}

/** A plain count ("4", "429"), not a year ("1996"): what follows a team in a result or a table. */
function isCount(t: NameToken | undefined): boolean {
  return t !== undefined && t.word && /^\d{1,3}$/.test(t.text);
}

/**
 * True when tokens `[first, last]` stand where a team's name does: before a
 * score or a table's counts ("Chicago 4", "Surrey 429-7"), beside a result
 * verb ("Leicestershire beat Somerset", "drew with Karlsruhe", "v Derbyshire")
 * or before a team member ("Bayern's coach").
 */
export function inTeamPosition(toks: NameToken[], first: number, last: number): boolean {
  const next = tokenAt(toks, last + 1);
  const prev = tokenAt(toks, first - 1);
  if (next && (isCount(next) || (next.word && isScore(next.text)))) return !(prev && prev.word && SCORECARD_MARKS.has(prev.norm));
  if (toks[last].poss) return next !== undefined && next.word && TEAM_MEMBERS.has(next.norm);
  if (next && next.word && AFTER_TEAM.has(next.norm)) return true;
  if (prev && prev.word) {
    if (BEFORE_TEAM.has(prev.norm)) return true;
    const prev2 = tokenAt(toks, first - 2);
    if (prev2?.word && BEFORE_TEAM_PAIRS.has(prev2.norm + ' ' + prev.norm)) return true;
  }
  return false;
}
