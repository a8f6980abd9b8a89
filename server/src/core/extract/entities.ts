/**
 * Rule-based named-entity recognition for one source article.
 *
 * Pipeline, per sentence of the title, headings, body and captions:
 * 1. tokens (`nameTokens.ts`), with all-capitals headlines recognised and read
 *    through the document's own capitalised words and the gazetteer;
 * 2. runs of capitalised words, joined by name particles ("de", "van", "al"),
 *    by "of" after a head word ("Association of ...", "Committee of Mali") and
 *    by "and"/"&" inside organisation names ("National Olympic and Sports
 *    Committee"), cut at possessives;
 * 3. each run is cleaned: a sentence-initial common word is dropped ("But",
 *    "During"), a title is split off and becomes a person cue ("Russian President
 *    | Vladimir Putin"), honorifics ("Mr") and demonyms ("Frenchman") too, a
 *    leading nationality adjective becomes an affiliation unless the name is an
 *    organisation ("Russian Olympic Committee" stays whole);
 * 4. acronyms defined in brackets ("International Military Sports Council
 *    (CISM)") tie the two names together;
 * 5. names are resolved within the source: same folded name, surname or name
 *    tail of a person ("Putin", "de Oliveira", "Mr Brown"), acronym alone;
 * 6. roles and affiliations (`roles.ts`) are read around person names.
 *
 * Captions are used for mentions, but their roles only count for people the
 * body gives no role: captions restate the body in shorthand ("Russia's
 * Ambassador-at-Large") and the body's wording is the one a writer cites.
 * Photo credits ("©Getty Images") are not read at all.
 */
import type { EntityType, LocalEntity, Mention, Paragraph, Role } from '../model';
import { foldText } from '../text/normalize';
import {
  CALENDAR_WORDS, COMMON_OPENERS, COMMON_WORDS, COMPANIES, COMPANY_NAMES, DEMONYM_NOUNS, DESCRIPTOR_TAILS, GIVEN_NAMES, HONORIFICS, MEETING_HEADS, MULTIWORD_PLACES,
  NAME_PARTICLES, NATIONALITIES, NON_ENTITY_ACRONYMS, NON_ENTITY_ADJECTIVES, OF_HEADS, ORG_CUES, ORG_DESCRIPTOR_TAILS,
  OTHER_CUES, PERSON_DESCRIPTOR_TAILS, PERSON_VERBS, PLACE_CUES, PLACE_PREPOSITIONS, PLACES, REGIONS, STANDALONE_NAMES, STANDING_BODY_WORDS,
  MULTIWORD_TOWNS, TOWNS, CLUB_PREFIXES, CLUBS, CRICKET_COUNTIES,
} from './lexicon';
import { isAllCaps, saintKey, tokenizeNames, type NameToken } from './nameTokens';
import { findRoles, isTitleHead, isTitleWord, type NameRef } from './roles';
import { inTeamPosition, readSportsReport, type SportsReport } from './teams';

type ParagraphKind = Paragraph['kind'];

interface SentenceTokens {
  toks: NameToken[];
  kind: ParagraphKind;
}

/** A run of tokens recognised as a name. */
interface Candidate {
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** Folded text, white space collapsed: the resolution key. */
  key: string;
  type: EntityType;
  /** How sure `type` is: 0 (guess) .. 5 (stated by a title or honorific). */
  strength: number;
  /** A single acronym-shaped token ("CISM", "NOCs"). */
  acronym: boolean;
  affiliation?: string;
  group: number;
}

/** Words of the document, for telling names from capitalised common words. */
interface DocumentWords {
  /** Folded words written with a capital in mid-sentence somewhere. */
  capitalised: Set<string>;
  /** Folded words written in lower case somewhere. */
  lower: Set<string>;
  /** Folded words written with a capital first in a sentence. */
  initial: Set<string>;
}

/**
 * Named entities of one source: people, organisations, places and other named
 * things, with every mention (name words only), the roles stated for people,
 * acronyms and affiliations. `paragraphs` come from `splitStructure`.
 */
export function extractEntities(text: string, paragraphs: Paragraph[]): LocalEntity[] {
  const sentences = tokenizeParagraphs(text, paragraphs);
  const words = documentWords(sentences);
  const candidates: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) findCandidates(text, sentences[i], i, words, candidates);
  const report = readSportsReport(sentences);
  if (report.sports) typeTeams(sentences, candidates, report);
  const acronyms = linkAcronyms(text, sentences, candidates);
  const groups = resolve(text, sentences, candidates, acronyms);
  return buildEntities(text, sentences, candidates, groups, acronyms);
}

// ---------------------------------------------------------------- tokens

function tokenizeParagraphs(text: string, paragraphs: Paragraph[]): SentenceTokens[] {
  const out: SentenceTokens[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      let end = s.end;
      if (p.kind === 'caption') {
        // The photo credit is not part of what the caption says.
        const credit = text.indexOf('©', s.start);
        if (credit >= 0 && credit < end) end = credit;
      }
      if (end > s.start) out.push({ toks: tokenizeNames(text, s.start, end), kind: p.kind });
    }
  }
  return out;
}

function documentWords(sentences: SentenceTokens[]): DocumentWords {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  const initial = new Set<string>();
  const shouting = new Set<SentenceTokens>();
  // Only words also written with a capital are ever asked about in lower case; a cheap
  // (first letter, length) filter spares hashing the many lower-case words that cannot be.
  const capsAnywhere = new Set<string>();
  const filter = new Uint32Array(32);
  for (const s of sentences) {
    let wordCount = 0;
    let capsCount = 0;
    for (const t of s.toks) {
      if (!t.word) continue;
      wordCount++;
      if (t.cap) {
        if (isAllCaps(t.text)) capsCount++;
        capsAnywhere.add(t.norm);
        filter[t.norm.charCodeAt(0) & 31] |= 1 << (t.norm.length & 31);
      }
    }
    if (capsCount >= 3 && capsCount >= wordCount * 0.6) {
      shouting.add(s);
      continue;
    }
    for (const t of s.toks) {
      if (!t.word || !t.cap) continue;
      if (t.sentStart) initial.add(t.norm);
      else capitalised.add(t.norm);
    }
  }
  for (const s of sentences) {
    if (shouting.has(s)) continue;
    for (const t of s.toks) {
      if (!t.word || t.cap) continue;
      const n = t.norm;
      if ((filter[n.charCodeAt(0) & 31] & (1 << (n.length & 31))) !== 0 && capsAnywhere.has(n)) lower.add(n);
    }
  }
  // In an all-capitals headline capitals say nothing: a word is a name there only
  // when the document writes it with a capital elsewhere or the gazetteer knows it.
  for (const s of shouting) {
    const toks = s.toks;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.word || !t.cap) continue;
      // "NEW YORK", "ST LOUIS": a known multi-word place keeps all its words.
      const placeWords = multiwordPlaceAt(toks, k);
      if (placeWords > 0) {
        for (let j = k; j < k + placeWords; j++) {
          toks[j].cap = true;
          toks[j].acronym = false;
          toks[j].sentStart = false;
        }
        k += placeWords - 1;
        continue;
      }
      const known = capitalised.has(t.norm) || isPlaceWord(t.norm) || NATIONALITIES[t.norm] !== undefined
        || (initial.has(t.norm) && !lower.has(t.norm) && !looksLikeCommonWord(t.norm));
      t.cap = known && !COMMON_WORDS.has(t.norm);
      t.acronym = t.cap && t.acronym && t.text.length <= 5 && capitalised.has(t.norm);
      t.sentStart = false;
    }
  }
  return { capitalised, lower, initial };
}

/** Number of words (2 or 3) of a multi-word place starting at token `k`, or 0. */
function multiwordPlaceAt(toks: NameToken[], k: number): number {
  let key = toks[k].norm;
  for (let n = 2; n <= 3; n++) {
    const t = toks[k + n - 1];
    if (!t || !t.word) return 0;
    key += ' ' + t.norm;
    if (MULTIWORD_PLACES.has(key)) return n;
  }
  return 0;
}

// ---------------------------------------------------------------- candidates

interface Piece {
  first: number;
  last: number;
  personCue: boolean;
  affiliation?: string;
  /** Only nationality/title/common words ("National Olympic"): kept only if "and" joins it to a real name. */
  trivial: boolean;
}

function isNameToken(t: NameToken | undefined): boolean {
  return t !== undefined && t.word && t.cap && !isDescriptor(t);
}

/** "Sydney-listed", "Brazilian-born": a capitalised hyphenated adjective, no part of the name after it. */
function isDescriptor(t: NameToken): boolean {
  const dash = t.norm.lastIndexOf('-');
  return dash > 0 && DESCRIPTOR_TAILS.has(t.norm.slice(dash + 1));
}

/** The descriptor's last part when token `t` is one ("listed"), else undefined. */
function descriptorTail(t: NameToken | undefined): string | undefined {
  if (!t || !t.word || !t.cap || !isDescriptor(t)) return undefined;
  return t.norm.slice(t.norm.lastIndexOf('-') + 1);
}

function findCandidates(text: string, sentence: SentenceTokens, index: number, words: DocumentWords, out: Candidate[]): void {
  const toks = sentence.toks;
  const pieces: Piece[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isNameToken(toks[i]) || CALENDAR_WORDS.has(toks[i].norm)) {
      i++;
      continue;
    }
    const last = extendRun(toks, i);
    splitRun(toks, i, last, words, pieces);
    i = last + 1;
  }
  mergeOverAnd(toks, pieces);
  const from = out.length;
  for (const p of pieces) if (!p.trivial) out.push(makeCandidate(text, toks, index, p));
  if (out.length - from > 1) typeCoordinatedMeetings(toks, out, from);
}

/** The last token of the run of capitalised words starting at `i`. */
function extendRun(toks: NameToken[], i: number): number {
  let last = i;
  while (true) {
    const t = toks[last];
    if (t.poss) break;
    const n1 = toks[last + 1];
    if (!n1) break;
    if (isNameToken(n1)) {
      // "Friday", "May" end a name unless they follow a given name ("Theresa May").
      if (CALENDAR_WORDS.has(n1.norm) && !GIVEN_NAMES.has(t.norm)) break;
      last++;
      continue;
    }
    if (n1.word) {
      if (NAME_PARTICLES.has(n1.norm) && isNameToken(toks[last + 2])) {
        last += 2;
        continue;
      }
      if ((n1.norm === 'of' || n1.norm === 'for') && OF_HEADS.has(t.norm)) {
        if (isNameToken(toks[last + 2])) {
          last += 2;
          continue;
        }
        if (toks[last + 2]?.norm === 'the' && isNameToken(toks[last + 3])) {
          last += 3;
          continue;
        }
      }
    } else if (n1.text === '.' && last === i && (HONORIFICS.has(t.norm) || t.norm === 'st' || t.norm === 'ste') && isNameToken(toks[last + 2])) {
      last += 2; // "Mr. Brown", "St. Petersburg"
      continue;
    } else if (n1.text === '.' && isInitial(t) && isNameToken(toks[last + 2])) {
      last += 2; // "S. Waugh", "George W. Bush"
      continue;
    }
    break;
  }
  return last;
}

/** A single capital letter: an initial of a name ("S." in "S. Waugh"). */
function isInitial(t: NameToken): boolean {
  const c = t.text.charCodeAt(0);
  return t.text.length === 1 && c >= 65 && c <= 90;
}

/** Cleans a run and splits off titles: pushes zero, one or two pieces. */
function splitRun(toks: NameToken[], a: number, b: number, words: DocumentWords, pieces: Piece[]): void {
  // "New York", "NEW YORK" open a dateline: a known place keeps its common first word.
  if (toks[a].sentStart && a < b && isCommonCapital(toks[a], words) && multiwordPlaceAt(toks, a) === 0) a++;
  while (a < b && !toks[a].word) a++;
  let personCue = false;
  let affiliation: string | undefined;
  // "Conservative Michael Howard", "Democrat Walter Mondale": a party word before a person's name.
  if (a < b && PARTY_WORDS.has(toks[a].norm) && (GIVEN_NAMES.has(toks[a + 1].norm) || HONORIFICS.has(toks[a + 1].norm))) a++;
  if (a < b && HONORIFICS.has(toks[a].norm)) {
    a++;
    if (!toks[a].word) a++;
    personCue = true;
  }
  if (a < b && DEMONYM_NOUNS[toks[a].norm] && isPlainNameTail(toks, a + 1, b)) {
    affiliation = DEMONYM_NOUNS[toks[a].norm];
    a++;
    personCue = true;
  }
  // "Russian President | Vladimir Putin", "ROC President | Stanislav Pozdnyakov".
  for (let h = b - 1; h >= a; h--) {
    if (!isTitleHead(toks[h].norm)) continue;
    if (!isPlainNameTail(toks, h + 1, b)) break;
    let r = h;
    while (r - 1 >= a && isTitleWord(toks[r - 1].norm) && !toks[r - 1].poss) r--;
    if (r > a) pushPiece(toks, a, r - 1, false, undefined, words, pieces);
    pushPiece(toks, h + 1, b, true, affiliation, words, pieces);
    return;
  }
  pushPiece(toks, a, b, personCue, affiliation, words, pieces);
}

/** True when tokens `[from, to]` read as a person's name: no cue, title or connector words. */
function isPlainNameTail(toks: NameToken[], from: number, to: number): boolean {
  if (from > to || to - from > 4) return false;
  for (let k = from; k <= to; k++) {
    const n = toks[k].norm;
    if (ORG_CUES.has(n) || OTHER_CUES.has(n) || PLACE_CUES.has(n) || isTitleWord(n) || n === 'of' || n === 'for') return false;
  }
  return true;
}

function pushPiece(toks: NameToken[], a: number, b: number, personCue: boolean, affiliation: string | undefined, words: DocumentWords, pieces: Piece[]): void {
  if (!personCue && a < b && NATIONALITIES[toks[a].norm] && !hasCue(toks, a + 1, b) && !isPlaceName(spanKey(toks, a, b))) {
    // "Russian athletes" is no name; "Syrian NOCs" is the NOCs of Syria.
    affiliation = NATIONALITIES[toks[a].norm];
    a++;
  }
  if (a > b) return;
  if (a === b && !personCue && (!isKnownSingle(toks[a], words, toks[a + 1]) || isGenericCue(toks[a].norm))) return;
  pieces.push({ first: a, last: b, personCue, affiliation, trivial: !personCue && isTrivial(toks, a, b) });
}

/** A run made only of nationality, title, common and calendar words ("Russian Presidential", "Acting President"). */
function isTrivial(toks: NameToken[], a: number, b: number): boolean {
  if (a === b && NON_ENTITY_ADJECTIVES.has(toks[a].norm)) return true;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (!t.word) continue;
    const n = t.norm;
    if (NATIONALITIES[n] === undefined && !isTitleWord(n) && !COMMON_WORDS.has(n) && !CALENDAR_WORDS.has(n) && !HONORIFICS.has(n)) return false;
  }
  return true;
}

/** "Government", "Association", "Games" alone name nothing in particular ("Congress" and "Kremlin" do). */
function isGenericCue(norm: string): boolean {
  return (ORG_CUES.has(norm) || OTHER_CUES.has(norm) || PLACE_CUES.has(norm)) && !STANDALONE_NAMES.has(norm);
}

/**
 * A single capitalised word is a name unless it stands first in its sentence
 * and reads as a common word: in the word lists, written in lower case
 * elsewhere, or shaped like a plural, participle or adverb ("Athletes",
 * "Founded", "Speaking") while the document never capitalises it elsewhere.
 */
function isKnownSingle(t: NameToken, words: DocumentWords, next: NameToken | undefined): boolean {
  if (!t.sentStart) return true;
  if (t.acronym || isPlaceWord(t.norm)) return true;
  if (COMMON_WORDS.has(t.norm) || CALENDAR_WORDS.has(t.norm)) return false;
  if (words.capitalised.has(t.norm)) return true;
  if (words.lower.has(t.norm)) return false;
  // "No-one", "Pre-tax", "Year-on-year": a compound whose later parts are lower case is a common word.
  if (isLowerCompound(t.text) || isContraction(t.norm)) return false;
  // "Green said", "Young added": a surname that is also a common word, before a verb of speech.
  if (next?.word && PERSON_VERBS.has(next.norm)) return true;
  return !COMMON_OPENERS.has(t.norm) && !looksLikeCommonWord(t.norm);
}

/**
 * Plurals, participles, adverbs and abstract nouns ("Athletes", "Founded",
 * "Friendship", "Speculation"); the noun suffixes only on longer words, since
 * short ones are often names ("City", "Ness").
 */
function looksLikeCommonWord(norm: string): boolean {
  return /(?:s|ing|ed|ly)$/.test(norm) || (norm.length >= 7 && /(?:ship|ness|ment|tion|sion|ity|ism|hood)$/.test(norm));
}

/** "No-one", "Four-time", "Pre-tax": hyphenated, and the part after the first hyphen starts in lower case. */
function isLowerCompound(text: string): boolean {
  const dash = text.indexOf('-');
  if (dash <= 0 || dash + 1 >= text.length) return false;
  const c = text.charCodeAt(dash + 1);
  return c >= 97 && c <= 122;
}

/** "We've", "I'd", "It'll", "Don't": a contraction is never a name. */
function isContraction(norm: string): boolean {
  return /'(?:ve|d|ll|re|m|t)$/.test(norm);
}

function isCommonCapital(t: NameToken, words: DocumentWords): boolean {
  if (COMMON_WORDS.has(t.norm) || CALENDAR_WORDS.has(t.norm)) return true;
  // "Injured Chelsea ...", "Analysing Mr Brown ...": a participle opening the sentence.
  if (/(?:ing|ed)$/.test(t.norm) && t.norm.length > 4 && !words.capitalised.has(t.norm) && !GIVEN_NAMES.has(t.norm)) return true;
  return words.lower.has(t.norm) && !words.capitalised.has(t.norm) && !GIVEN_NAMES.has(t.norm);
}

function hasCue(toks: NameToken[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const n = toks[k].norm;
    if (ORG_CUES.has(n) || OTHER_CUES.has(n) || PLACE_CUES.has(n)) return true;
  }
  return false;
}

/** Joins "National Olympic | and | Sports Committee of Mali" and "Procter | & | Gamble". */
function mergeOverAnd(toks: NameToken[], pieces: Piece[]): void {
  for (let i = 0; i + 1 < pieces.length; i++) {
    const p = pieces[i];
    const q = pieces[i + 1];
    if (q.first !== p.last + 2 || p.personCue || q.personCue || q.trivial || toks[p.last].poss) continue;
    const joiner = toks[p.last + 1];
    const left = toks[p.last].norm;
    const leftIsCue = ORG_CUES.has(left) || OTHER_CUES.has(left);
    const leftIsNameAlready = (p.first === p.last && toks[p.first].acronym) || isPlaceName(spanKey(toks, p.first, p.last));
    let merge = false;
    if (joiner.text === '&') merge = true;
    else if (joiner.norm === 'and') {
      // "Notts County and Queens Park Rangers": a left side ending in a place cue is a whole name already.
      if (hasCue(toks, q.first, q.last) && !leftIsCue && !PLACE_CUES.has(left) && !leftIsNameAlready) merge = true;
      // "National Olympic Committee and Sports Confederation of Denmark": one body's full name.
      else if (leftIsCue && q.last - q.first >= 3 && toks[q.last - 1].norm === 'of' && isPlaceName(toks[q.last].norm) && !hasOf(toks, p.first, p.last)) merge = true;
    }
    if (!merge) continue;
    p.last = q.last;
    p.trivial = false;
    pieces.splice(i + 1, 1);
    i--;
  }
}

function hasOf(toks: NameToken[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (toks[k].norm === 'of') return true;
  return false;
}

/**
 * Resolution key of tokens `[a, b]`: folded words joined by single spaces. The
 * dot after an initial sticks to it ("j. r. smith"), so the key of "J. R. Smith"
 * equals the folded name as written and the canonical name is not also an alias.
 */
function spanKey(toks: NameToken[], a: number, b: number): string {
  let key = toks[a].norm;
  for (let k = a + 1; k <= b; k++) key += toks[k].text === '.' ? '.' : ' ' + toks[k].norm;
  return key;
}

function isPlaceWord(norm: string): boolean {
  return PLACES.has(norm) || REGIONS.has(norm);
}

function isPlaceName(key: string): boolean {
  return PLACES.has(key) || REGIONS.has(key) || MULTIWORD_PLACES.has(key);
}

function makeCandidate(text: string, toks: NameToken[], sentence: number, p: Piece): Candidate {
  const start = toks[p.first].start;
  const end = toks[p.last].end;
  // "St Petersburg" = "Saint Petersburg" = "St. Petersburg".
  const key = saintKey(spanKey(toks, p.first, p.last));
  const c: Candidate = {
    sentence, first: p.first, last: p.last, start, end, text: text.slice(start, end), key,
    type: 'other', strength: 0, acronym: p.first === p.last && toks[p.first].acronym, affiliation: p.affiliation, group: -1,
  };
  classify(c, toks, p.personCue);
  return c;
}

/** Sets the candidate's type and the strength of the evidence for it. */
function classify(c: Candidate, toks: NameToken[], personCue: boolean): void {
  const [type, strength] = typeEvidence(c, toks, personCue);
  c.type = type;
  c.strength = strength;
}

/** The type a candidate's own words and neighbours suggest, with the strength of that evidence. */
function typeEvidence(c: Candidate, toks: NameToken[], personCue: boolean): [EntityType, number] {
  if (personCue) return PERSON_5;
  let head = toks[c.last].norm;
  for (let k = c.first + 1; k < c.last; k++) {
    if (toks[k].norm === 'of' || toks[k].norm === 'for') {
      head = toks[k - 1].norm;
      break;
    }
  }
  const multi = c.last > c.first;
  // A known place first: "West Bank" ends with a cue word but is no bank.
  if (isPlaceName(c.key)) return ['place', 4];
  if (multi && MEETING_HEADS.has(head) && !namesStandingBody(toks, c.first, c.last)) return ['other', 4];
  if (ORG_CUES.has(head) || (!multi && STANDALONE_NAMES.has(c.key))) return ['organization', 4];
  if (OTHER_CUES.has(head)) return ['other', 4];
  // "East Jerusalem", "Northern Cape", "South China": a compass word before a place or region.
  if (multi && c.last === c.first + 1 && COMPASS_WORDS.has(toks[c.first].norm) && isPlaceWord(toks[c.last].norm)) return ['place', 3];
  if (PLACE_CUES.has(head) && multi) return ['place', 3];
  if (c.acronym) return NON_ENTITY_ACRONYMS.has(c.key) ? ['other', 4] : ['organization', 2];
  for (let k = c.first; k <= c.last; k++) if (ORG_CUES.has(toks[k].norm)) return ['organization', 3];
  const prev = toks[c.first - 1];
  const descriptor = descriptorTail(prev);
  if (descriptor !== undefined) return ORG_DESCRIPTOR_TAILS.has(descriptor) ? ['organization', 3] : PERSON_DESCRIPTOR_TAILS.has(descriptor) ? ['person', 3] : ['other', 0];
  const firstWord = toks[c.first].norm;
  if (multi && COMPANY_NAMES.has(companyKey(c.key))) return ['organization', 4];
  if (COMPANIES.has(firstWord) || (multi && COMPANIES.has(toks[c.last].norm))) return ['organization', 3];
  if (multi && CLUB_PREFIXES.has(firstWord)) return ['organization', 3];
  // "U. S.", "A. B.": initials alone are an abbreviation, not somebody's name.
  if (multi && isInitial(toks[toks[c.last].word ? c.last : c.last - 1])) return ['other', 0];
  if (multi && (GIVEN_NAMES.has(firstWord) || isInitial(toks[c.first]))) return ['person', 3];
  // "Air France", "Dynamo Moscow", "Sydney Swans": a place inside a longer name makes a team or a company.
  if (multi && (isPlaceWord(firstWord) || isPlaceWord(toks[c.last].norm))) return ['organization', 2];
  // "the Federal Reserve", "the Honda Accura": people do not take the article.
  if (multi && prev?.norm === 'the') return ['organization', 1];
  const next = toks[c.last + 1];
  if ((next?.word && PERSON_VERBS.has(next.norm)) || (prev?.word && PERSON_VERBS.has(prev.norm))) return ['person', 2];
  if (multi) return ['person', 1];
  if (prev?.word && PLACE_PREPOSITIONS.has(prev.norm)) return ['place', 1];
  return ['other', 0];
}

/**
 * In a sports report, a town, county or unknown name standing where a team
 * does ("Chicago 4 HOUSTON 3", "Leicestershire beat Somerset", "drew with
 * Karlsruhe") is the club: an organisation, and the strongest evidence, so
 * every mention of that name in the report follows. Countries stay places
 * ("Romania beat Lithuania"); names read as people stay people.
 */
function typeTeams(sentences: SentenceTokens[], candidates: Candidate[], report: SportsReport): void {
  // "Edberg beat Rios": a word of a person's name in the report ("Stefan Edberg") is that person.
  const personWords = new Set<string>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.first === c.last) continue;
    const toks = sentences[c.sentence].toks;
    for (let k = c.first; k <= c.last; k++) if (toks[k].word) personWords.add(toks[k].norm);
  }
  for (const c of candidates) {
    const toks = sentences[c.sentence].toks;
    if (!mayBeTeam(c) || personWords.has(c.key)) continue;
    if (!isNamedClub(c, toks, report) && !inTeamPosition(toks, c.first, c.last)) continue;
    c.type = 'organization';
    c.strength = 5;
  }
}

/** A candidate whose type a team position may overrule: a town or county, or a name of unknown type. */
function mayBeTeam(c: Candidate): boolean {
  if (c.type === 'place') return c.strength < 4 || TOWNS.has(c.key) || REGIONS.has(c.key) || MULTIWORD_TOWNS.has(c.key);
  if (c.type === 'other') return c.strength === 0;
  return c.type === 'person' && c.strength <= 1;
}

/**
 * A name that is a club wherever it stands in the report: a county in a
 * cricket report, a club known by one word ("Bayern"), a town's "City" or
 * "County" that is no known place ("Notts County", "Manchester City").
 */
function isNamedClub(c: Candidate, toks: NameToken[], report: SportsReport): boolean {
  if (c.first === c.last) return CLUBS.has(c.key) || (report.cricket && CRICKET_COUNTIES.has(c.key));
  const head = toks[c.last].norm;
  return (head === 'city' || head === 'county') && !isPlaceName(c.key);
}

/** A company name's lookup form: "&" and "and" between the words dropped ("Procter & Gamble" → "procter gamble"). */
function companyKey(key: string): string {
  return key.includes('&') || key.includes(' and ') ? key.replace(/ (?:&|and) /g, ' ') : key;
}

/**
 * True when a name headed by "Assembly"/"Congress" is a standing body: it
 * names a country or nation ("Welsh Assembly", "US Congress", "United Nations
 * General Assembly", "UN General Assembly"), an organisation cue ("Trades Union
 * Congress") or a body word ("National Assembly"). "CISM General Assembly",
 * "World Congress" are meetings.
 */
function namesStandingBody(toks: NameToken[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (!t.word || MEETING_HEADS.has(t.norm)) continue;
    const n = t.norm;
    if (STANDING_BODY_WORDS.has(n) || isPlaceWord(n) || NATIONALITIES[n] !== undefined || (STANDALONE_NAMES.has(n) && !t.acronym) || ORG_CUES.has(n)) return true;
    if (t.acronym && (n === 'un' || n === 'u.n' || n === 'u.n.' || n === 'us' || n === 'u.s' || n === 'u.s.' || n === 'eu')) return true;
  }
  return isPlaceName(spanKey(toks, a, b - 1));
}

/**
 * "the General Assembly and Congress": a lone "Congress" coordinated with a
 * meeting is a meeting too, not the US legislature.
 */
function typeCoordinatedMeetings(toks: NameToken[], cands: Candidate[], from: number): void {
  for (let i = from; i < cands.length; i++) {
    const c = cands[i];
    if (c.first !== c.last || !MEETING_HEADS.has(c.key)) continue;
    const before = i > from ? cands[i - 1] : undefined;
    const after = cands[i + 1];
    const meeting = (o: Candidate | undefined, joiner: number) => o !== undefined && o.type === 'other' && toks[joiner]?.norm === 'and' && MEETING_HEADS.has(toks[o.last].norm);
    if ((before && before.last === c.first - 2 && meeting(before, c.first - 1)) || (after && after.first === c.last + 2 && meeting(after, c.last + 1))) {
      c.type = 'other';
      c.strength = 4;
    }
  }
}

const PERSON_5: [EntityType, number] = ['person', 5];
/** Party words that describe the person after them. */
const PARTY_WORDS = new Set(['conservative', 'tory', 'labour', 'liberal', 'democrat', 'republican', 'socialist', 'communist', 'nationalist', 'unionist']);
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower']);

// ---------------------------------------------------------------- acronyms

/** An acronym stated in brackets after its expansion. */
interface AcronymDefinition {
  /** Acronym as written ("NOCs"). */
  text: string;
  /** Resolution key of the acronym ("noc"). */
  key: string;
  expansion: Candidate;
  /** The candidate of the bracketed acronym itself. */
  acronym: Candidate;
}

/** Key of an acronym: folded, a plural "s" dropped ("NOCs" → "noc"). */
function acronymKey(word: string): string {
  const w = /[A-Z]s$/.test(word) ? word.slice(0, -1) : word;
  return foldText(w);
}

function linkAcronyms(text: string, sentences: SentenceTokens[], candidates: Candidate[]): AcronymDefinition[] {
  const defs: AcronymDefinition[] = [];
  for (let i = 0; i + 1 < candidates.length; i++) {
    const c = candidates[i];
    const a = candidates[i + 1];
    if (a.sentence !== c.sentence || !a.acronym || c.acronym) continue;
    const toks = sentences[c.sentence].toks;
    if (a.first !== c.last + 2 || toks[c.last + 1].text !== '(' || toks[a.last + 1]?.text !== ')') continue;
    const first = coveringSuffix(toks, c.first, c.last, a.text);
    if (first < 0) continue;
    if (first > c.first) {
      c.first = first;
      c.start = toks[first].start;
      c.text = text.slice(c.start, c.end);
      c.key = spanKey(toks, first, c.last);
    }
    a.type = c.type;
    a.strength = Math.min(a.strength, c.strength);
    defs.push({ text: a.text, key: acronymKey(a.text), expansion: c, acronym: a });
  }
  return defs;
}

/**
 * The first token of the shortest tail of `[a, b]` whose initials contain every
 * letter of the acronym (in any order: "CISM" is French for "International
 * Military Sports Council"); -1 when even the whole run does not.
 */
function coveringSuffix(toks: NameToken[], a: number, b: number, acronym: string): number {
  const needed = new Map<string, number>();
  const letters = /[A-Z]s$/.test(acronym) ? acronym.slice(0, -1) : acronym;
  for (const ch of foldText(letters)) if (/[a-z]/.test(ch)) needed.set(ch, (needed.get(ch) ?? 0) + 1);
  const have = new Map<string, number>();
  for (let k = b; k >= a; k--) {
    const t = toks[k];
    if (!t.word) continue;
    const contributed = t.acronym ? t.text.replace(/[^A-Z]/g, '').toLowerCase() : t.norm[0];
    for (const ch of contributed) have.set(ch, (have.get(ch) ?? 0) + 1);
    let covered = true;
    for (const [ch, n] of needed) if ((have.get(ch) ?? 0) < n) covered = false;
    if (covered && isNameToken(t)) return k;
  }
  return -1;
}

// ---------------------------------------------------------------- resolution

/** Union-find over candidate indices. */
class Groups {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function resolve(text: string, sentences: SentenceTokens[], candidates: Candidate[], acronyms: AcronymDefinition[]): Groups {
  const groups = new Groups();
  const byKey = new Map<string, number>();
  const acronymGroups = new Map<string, number>();
  for (const c of candidates) {
    const key = c.acronym ? 'acronym:' + acronymKey(c.text) : c.key;
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.add();
      byKey.set(key, g);
    }
    c.group = g;
    if (c.acronym) acronymGroups.set(acronymKey(c.text), g);
  }
  for (const d of acronyms) groups.union(d.expansion.group, d.acronym.group);
  // "TimeWarner" and "Time Warner" in one article are one two-word name written two ways: the evidence
  // of both decides the type ("TimeWarner said" alone would make a person).
  const bySpaceless = new Map<string, number>();
  for (const c of candidates) {
    if (c.acronym || c.last !== c.first + 1) continue;
    const toks = sentences[c.sentence].toks;
    bySpaceless.set(toks[c.first].norm + toks[c.last].norm, c.group);
  }
  if (bySpaceless.size > 0) {
    for (const c of candidates) {
      if (c.acronym || c.last !== c.first) continue;
      const g = bySpaceless.get(c.key);
      if (g !== undefined) groups.union(c.group, g);
    }
  }
  // A full name written as an acronym elsewhere in the source ("NOCs" before its definition) is covered by the key.
  for (const c of candidates) {
    if (c.acronym) continue;
    const g = acronymGroups.get(c.key);
    if (g !== undefined) groups.union(c.group, g);
  }

  // Name tails of people: "putin", "de oliveira", "oumar traore" → the person's group.
  const tails = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.last === c.first || c.type !== 'person') continue;
    const toks = sentences[c.sentence].toks;
    for (let k = c.last; k > c.first; k--) {
      if (!toks[k].word || !toks[k].cap) continue;
      const tail = spanKey(toks, k, c.last);
      const list = tails.get(tail);
      if (list) list.push(c);
      else tails.set(tail, [c]);
      // "de Oliveira" is a tail too.
      if (k - 1 > c.first && NAME_PARTICLES.has(toks[k - 1].norm)) {
        const withParticle = spanKey(toks, k - 1, c.last);
        const l2 = tails.get(withParticle);
        if (l2) l2.push(c);
        else tails.set(withParticle, [c]);
      }
    }
  }
  for (const c of candidates) {
    if (c.acronym || c.strength >= 4 || (c.type !== 'person' && c.type !== 'other' && c.strength >= 2)) continue;
    const toks = sentences[c.sentence].toks;
    const before = toks[c.first - 1];
    if (before && before.word && !before.cap && NAME_PARTICLES.has(before.norm)) {
      const extended = before.norm + ' ' + c.key;
      const owners = tails.get(extended);
      if (owners) {
        c.first--;
        c.start = before.start;
        c.text = text.slice(c.start, c.end);
        c.key = extended;
        attach(groups, c, owners);
        continue;
      }
    }
    const owners = tails.get(c.key);
    if (owners) attach(groups, c, owners);
  }
  return groups;
}

/** Joins a short name to the nearest earlier full name it ends (or the first one when none is earlier). */
function attach(groups: Groups, c: Candidate, owners: Candidate[]): void {
  let best = owners[0];
  for (const o of owners) if (o.start < c.start && o.group !== c.group) best = o;
  if (best === c) return;
  groups.union(c.group, best.group);
  if (c.type !== 'person' && c.strength < 2) {
    c.type = 'person';
    c.strength = 2;
  }
}

// ---------------------------------------------------------------- entities

interface Building {
  candidates: Candidate[];
  type: EntityType;
  strength: number;
  bodyRoles: Role[];
  captionRoles: Role[];
  affiliation?: string;
  acronym?: string;
}

function buildEntities(text: string, sentences: SentenceTokens[], candidates: Candidate[], groups: Groups, acronyms: AcronymDefinition[]): LocalEntity[] {
  const byGroup = new Map<number, Building>();
  for (const c of candidates) {
    const g = groups.find(c.group);
    let b = byGroup.get(g);
    if (!b) {
      // Every field from the start: one object shape, so V8 does not deoptimise this loop as fields appear.
      b = { candidates: [], type: c.type, strength: -1, bodyRoles: [], captionRoles: [], affiliation: undefined, acronym: undefined };
      byGroup.set(g, b);
    }
    b.candidates.push(c);
    if (c.strength > b.strength) {
      b.type = c.type;
      b.strength = c.strength;
    }
  }
  // A nationality before an organisation's acronym ("Syrian NOCs") is not the organisation's affiliation.
  for (const b of byGroup.values()) {
    if (b.type === 'person') b.affiliation = b.candidates.find((c) => c.affiliation)?.affiliation;
  }
  for (const d of acronyms) {
    const b = byGroup.get(groups.find(d.expansion.group));
    if (b && !b.acronym) b.acronym = /[A-Z]s$/.test(d.text) ? d.text.slice(0, -1) : d.text;
  }
  // A lone acronym never defined here is still its own acronym.
  for (const b of byGroup.values()) if (!b.acronym && b.candidates.every((c) => c.acronym)) b.acronym = b.candidates[0].text.replace(/(?<=[A-Z])s$/, '');

  collectRoles(text, sentences, candidates, groups, byGroup);

  // Sorted in text order before the entities exist: their optional fields give them several shapes,
  // and a comparator reading them would make V8 deoptimise this function.
  const ordered: Array<{ b: Building; mentions: Mention[] }> = [];
  for (const b of byGroup.values()) ordered.push({ b, mentions: dedupeMentions(b.candidates) });
  ordered.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
  const entities: LocalEntity[] = [];
  for (const { b, mentions } of ordered) {
    const canonicalCandidate = canonicalName(b.candidates, sentences);
    const canonical = canonicalCandidate.text.replace(/\s+/g, ' ');
    const aliases: string[] = [];
    const seen = new Set([canonicalCandidate.key]);
    for (const c of b.candidates) {
      if (!seen.has(c.key)) {
        seen.add(c.key);
        aliases.push(c.text);
      }
    }
    if (b.acronym && !seen.has(foldText(b.acronym))) aliases.push(b.acronym);
    const roles = b.bodyRoles.length > 0 ? withCaptionOrgs(b.bodyRoles, b.captionRoles) : b.captionRoles;
    const entity: LocalEntity = { name: canonical, type: b.type, aliases, mentions, roles: dedupeRoles(roles) };
    if (b.acronym) entity.acronym = b.acronym;
    if (b.affiliation) entity.affiliation = b.affiliation;
    entities.push(entity);
  }
  return entities;
}

function collectRoles(text: string, sentences: SentenceTokens[], candidates: Candidate[], groups: Groups, byGroup: Map<number, Building>): void {
  let i = 0;
  while (i < candidates.length) {
    const sentence = candidates[i].sentence;
    const inSentence: Candidate[] = [];
    while (i < candidates.length && candidates[i].sentence === sentence) inSentence.push(candidates[i++]);
    const refs: NameRef[] = inSentence.map((c) => {
      const b = byGroup.get(groups.find(c.group));
      const notPerson = b !== undefined && b.type !== 'person' && b.strength >= 2;
      return { first: c.first, last: c.last, text: c.text, norm: c.key, notPerson };
    });
    const { toks, kind } = sentences[sentence];
    for (const f of findRoles(text, toks, refs)) {
      const b = byGroup.get(groups.find(inSentence[f.name].group));
      if (!b) continue;
      if (f.role) {
        (kind === 'body' || kind === 'heading' ? b.bodyRoles : b.captionRoles).push(f.role);
        if (b.type !== 'person' && b.strength < 5) {
          b.type = 'person';
          b.strength = 5;
        }
      }
      if (f.affiliation && (!b.affiliation || kind === 'body')) b.affiliation ??= f.affiliation;
    }
  }
}

/** The candidate whose words name the entity best: most words, not a headline's capitals, then the longest. */
function canonicalName(cands: Candidate[], sentences: SentenceTokens[]): Candidate {
  let best: Candidate | undefined;
  let bestWords = -1;
  for (const c of cands) {
    if (c.acronym && cands.some((o) => !o.acronym)) continue;
    // An all-capitals headline form is the last choice for a name.
    const n = wordsIn(c, sentences) * 2 - (!c.acronym && isAllCaps(c.text) ? 1 : 0);
    if (n > bestWords || (n === bestWords && best !== undefined && c.text.length > best.text.length)) {
      best = c;
      bestWords = n;
    }
  }
  return best ?? cands[0];
}

/** Words of a candidate: "St. Petersburg" has two, like "Saint Petersburg". */
function wordsIn(c: Candidate, sentences: SentenceTokens[]): number {
  const toks = sentences[c.sentence].toks;
  let n = 0;
  for (let k = c.first; k <= c.last; k++) if (toks[k].word) n++;
  return n;
}

function dedupeMentions(cands: Candidate[]): Mention[] {
  const out: Mention[] = [];
  const seen = new Set<number>();
  for (const c of [...cands].sort((a, b) => a.start - b.start)) {
    if (seen.has(c.start)) continue;
    seen.add(c.start);
    out.push({ start: c.start, end: c.end, text: c.text });
  }
  return out;
}

/**
 * Body roles, each missing organisation taken from a caption stating the same
 * title with one ("Deputy Defence Minister Nikolai Pankov" in the body, "Russia's
 * Deputy Defence Minister Nikolai Pankov" in the caption). The span stays the body's.
 */
function withCaptionOrgs(body: Role[], captions: Role[]): Role[] {
  if (captions.length === 0 || body.every((r) => r.org)) return body;
  return body.map((r) => {
    if (r.org) return r;
    const title = r.text.toLowerCase();
    const stated = captions.find((c) => c.org && !c.former === !r.former && c.text.toLowerCase() === title);
    return stated ? { ...r, org: stated.org } : r;
  });
}

function dedupeRoles(roles: Role[]): Role[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const k = `${r.start}:${r.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => a.start - b.start);
}
