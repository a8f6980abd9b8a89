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
import { tokenAt, type NameToken } from './nameTokens';

/** Words of results, tables and match reports. */
const SPORTS_WORDS = new Set(`
  soccer football cricket baseball basketball hockey rugby tennis golf athletics boxing
  league division standings halftime half-time innings wickets wicket overs batsman bowler
  goals goal scorers scored striker midfielder goalkeeper defender champions championship
  match matches fixture fixtures premiership drew coach club clubs stadium cup semi-final quarter-final
`.trim().split(/\s+/));

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
 * Reads the sentences as a sports report or not: at least three match scores
 * ("2-1", "92-90") or results and competition words, counted together; a
 * cricket report also names innings, wickets, overs or cricket itself.
 */
export function readSportsReport(sentences: readonly { toks: NameToken[] }[]): SportsReport {
  let evidence = 0;
  let cricket = false;
  for (const s of sentences) {
    const toks = s.toks;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.word) continue;
      if (mayBeSportsWord(t.norm) && SPORTS_WORDS.has(t.norm)) {
        evidence++;
        // Every cricket word is a sports word too.
        if (CRICKET_WORDS.has(t.norm)) cricket = true;
      } else if (isScore(t.text)) evidence++;
      // Nothing later can change the answer.
      if (cricket && evidence >= 3) return { sports: true, cricket: true };
    }
  }
  return { sports: evidence >= 3, cricket: evidence >= 3 && cricket };
}

/**
 * (First letter, length) pairs of the sports words: every word of a document is asked, and this
 * spares hashing the great many that cannot be one.
 */
const SPORTS_SHAPES = ((): Uint8Array => {
  const shapes = new Uint8Array(32 * 32);
  for (const w of SPORTS_WORDS) shapes[wordShape(w)] = 1;
  return shapes;
})();

function wordShape(norm: string): number {
  return ((norm.charCodeAt(0) & 31) << 5) | (norm.length & 31);
}

function mayBeSportsWord(norm: string): boolean {
  return SPORTS_SHAPES[wordShape(norm)] === 1;
}

/** A subset of {@link SPORTS_WORDS}. */
const CRICKET_WORDS = new Set(['cricket', 'innings', 'wickets', 'wicket', 'overs', 'batsman', 'bowler']);

/** "2-1", "92-90", "429-7": a score (dates and years have longer parts). Char codes, not a regex: every word of the corpus is asked. */
function isScore(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return false;
  const dash = text.indexOf('-');
  return dash >= 1 && dash <= 3 && text.length - dash - 1 >= 1 && text.length - dash - 1 <= 3 && allDigits(text, 0, dash) && allDigits(text, dash + 1, text.length);
}

/** True when `text[from, to)` holds ASCII digits only. */
function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
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
