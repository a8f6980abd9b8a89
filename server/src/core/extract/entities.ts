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
  COMPANY_NAMES, LEX, MULTIWORD_PLACES, NON_ENTITY_ACRONYMS, ORG_DESCRIPTOR_TAILS, PERSON_DESCRIPTOR_TAILS, PLACES, REGIONS,
  MULTIWORD_TOWNS, TOWNS, CLUBS, CRICKET_COUNTIES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, demonymCountry, nationalityCountry,
} from './lexicon';
import { isAllCaps, isGivenNameVariant, lexOf, mayBeSamePerson, newWordTally, saintKey, tokenAt, tokenizeNames, type NameToken, type WordTally } from './nameTokens';
import { findRoles, type NameRef } from './roles';
import { inTeamPosition, readSportsReport, type SportsReport } from './teams';

type ParagraphKind = Paragraph['kind'];

interface SentenceTokens {
  toks: NameToken[];
  kind: ParagraphKind;
  /** Written in capitals ("BRAZIL WIN WORLD CUP"): most of its words, and at least three, are all capitals. */
  shouting: boolean;
  /** The sentence's capitalised words are `capitals[capitalsFrom, capitalsTo)` of the document's {@link WordTally}. */
  capitalsFrom: number;
  capitalsTo: number;
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

/** True when word token `t` is in one of the word lists of `bits` ({@link LEX}); punctuation is in none. */
function inLists(t: NameToken, bits: number): boolean {
  return (lexOf(t) & bits) !== 0;
}

/**
 * Named entities of one source: people, organisations, places and other named
 * things, with every mention (name words only), the roles stated for people,
 * acronyms and affiliations. `paragraphs` come from `splitStructure`.
 */
export function extractEntities(text: string, paragraphs: Paragraph[]): LocalEntity[] {
  const tally = newWordTally();
  const sentences = tokenizeParagraphs(text, paragraphs, tally);
  const words = documentWords(sentences, tally.capitals);
  const candidates: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) findCandidates(text, sentences[i], i, words, tally.capitalIndex, candidates);
  const report = readSportsReport(tally);
  if (report.sports) typeTeams(sentences, candidates, report);
  const acronyms = linkAcronyms(text, sentences, candidates);
  const groups = resolve(text, sentences, candidates, acronyms, words);
  return buildEntities(text, sentences, candidates, groups, acronyms);
}

// ---------------------------------------------------------------- tokens

function tokenizeParagraphs(text: string, paragraphs: Paragraph[], tally: WordTally): SentenceTokens[] {
  const out: SentenceTokens[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      let end = s.end;
      if (p.kind === 'caption') {
        // The photo credit is not part of what the caption says.
        const credit = text.indexOf('©', s.start);
        if (credit >= 0 && credit < end) end = credit;
      }
      if (end <= s.start) continue;
      const capitalsFrom = tally.capitals.length;
      const toks = tokenizeNames(text, s.start, end, tally);
      // A sentence of white space alone has nothing to read (and its empty array would be of another kind than the rest).
      if (toks.length === 0) continue;
      const shouting = tally.allCaps >= 3 && tally.allCaps >= tally.words * 0.6;
      out.push({ toks, kind: p.kind, shouting, capitalsFrom, capitalsTo: tally.capitals.length });
    }
  }
  return out;
}

/**
 * The document's words by how they are written; `capitals` are its capitalised words ({@link WordTally}).
 * Each step is a small function of its own, the rare all-capitals headline's too: V8 compiles each
 * hot function again whenever a path it has not seen yet runs, and a small one is cheap to redo.
 */
function documentWords(sentences: SentenceTokens[], capitals: NameToken[]): DocumentWords {
  const words: DocumentWords = { capitalised: new Set<string>(), lower: new Set<string>(), initial: new Set<string>() };
  const headlineCapitals = sortCapitalised(sentences, capitals, words);
  collectLowerCase(sentences, words, headlineCapitals);
  for (let i = 0; i < sentences.length; i++) if (sentences[i].shouting) readShoutingSentence(sentences[i].toks, words);
  return words;
}

/**
 * Capitalised words outside all-capitals headlines into `words`, first in a sentence or not; returns
 * the headlines' own, if any. Every one is also marked in {@link lowerFilter}: only words also
 * written with a capital are ever asked about in lower case, and the cheap (first two letters,
 * length) filter spares hashing the many lower-case words that cannot be.
 */
function sortCapitalised(sentences: SentenceTokens[], capitals: NameToken[], words: DocumentWords): Set<string> | undefined {
  const filter = lowerFilter.fill(0);
  let headlineCapitals: Set<string> | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.shouting) headlineCapitals ??= new Set<string>();
    for (let k = s.capitalsFrom; k < s.capitalsTo; k++) {
      const t = capitals[k];
      const shape = wordShape(t.norm);
      filter[shape >>> 5] |= 1 << (shape & 31);
      if (s.shouting) headlineCapitals?.add(t.norm);
      else if (t.sentStart) words.initial.add(t.norm);
      else words.capitalised.add(t.norm);
    }
  }
  return headlineCapitals;
}

/** Words written in lower case outside headlines that are capitalised somewhere (`headlineCapitals`: in headlines). */
function collectLowerCase(sentences: SentenceTokens[], words: DocumentWords, headlineCapitals: Set<string> | undefined): void {
  const { capitalised, initial, lower } = words;
  const filter = lowerFilter;
  // The last word found lower case in each of a few slots: "the", "he", "in" come again and again, each
  // a new string to hash, and comparing a few letters with the one found last is cheaper.
  const found = lastFound.fill('');
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i].shouting) continue;
    const toks = sentences[i].toks;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.word || t.cap) continue;
      const n = t.norm;
      const shape = wordShape(n);
      if ((filter[shape >>> 5] & (1 << (shape & 31))) === 0 || found[shape & (FOUND_SLOTS - 1)] === n) continue;
      if (initial.has(n) || capitalised.has(n) || (headlineCapitals !== undefined && headlineCapitals.has(n))) {
        lower.add(n);
        found[shape & (FOUND_SLOTS - 1)] = n;
      }
    }
  }
}

/** Slots of {@link collectLowerCase}'s last found words, by the low bits of their {@link wordShape}. */
const FOUND_SLOTS = 256;
const lastFound: string[] = new Array<string>(FOUND_SLOTS).fill('');

/**
 * In an all-capitals headline capitals say nothing: a word is a name there only
 * when the document writes it with a capital elsewhere or the gazetteer knows it.
 */
function readShoutingSentence(toks: NameToken[], words: DocumentWords): void {
  const { capitalised, lower, initial } = words;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (!t.word || !t.cap) continue;
    // "NEW YORK", "ST LOUIS": a known multi-word place keeps all its words.
    const placeWords = multiwordPlaceAt(toks, k);
    if (placeWords > 0) {
      for (let j = k; j < k + placeWords; j++) toks[j] = recased(toks[j], true, false);
      k += placeWords - 1;
      continue;
    }
    const known = capitalised.has(t.norm) || inLists(t, LEX.place | LEX.nationality)
      || (initial.has(t.norm) && !lower.has(t.norm) && !looksLikeCommonWord(t.norm));
    const cap = known && !inLists(t, LEX.common);
    toks[k] = recased(t, cap, cap && t.acronym && t.text.length <= 5 && capitalised.has(t.norm));
  }
}

/**
 * A headline token read again: a copy with new capital facts, not a rewrite of the token. V8 takes
 * fields never written after an object is made for constants, and the first write, at the first
 * all-capitals headline deep into a first index, threw away the optimised code of every function
 * that reads tokens (a dozen recompiles).
 */
function recased(t: NameToken, cap: boolean, acronym: boolean): NameToken {
  return { text: t.text, norm: t.norm, start: t.start, end: t.end, word: t.word, cap, acronym, poss: t.poss, sentStart: false, lex: t.lex };
}

/** Bits of the filter of {@link documentWords}, in 32-bit words. */
const FILTER_WORDS = 256;

/** The filter's bits, one array cleared for each document: a typed array is costly to allocate. */
const lowerFilter = new Uint32Array(FILTER_WORDS);

/** A word's bit in that filter: its first two letters and length, mixed. */
function wordShape(norm: string): number {
  // (A one-letter word's second letter counts as 0: reading past the end would make V8 drop the optimised code.)
  const h = Math.imul((norm.charCodeAt(0) << 6) ^ (norm.length > 1 ? norm.charCodeAt(1) : 0) ^ (norm.length << 13), 0x9e3779b1);
  return h >>> (32 - 13);
}

/** Number of words (2 or 3) of a multi-word place starting at token `k`, or 0. */
function multiwordPlaceAt(toks: NameToken[], k: number): number {
  let key = toks[k].norm;
  for (let n = 2; n <= 3; n++) {
    const t = tokenAt(toks, k + n - 1);
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

/** A capitalised word that may be part of a name: not a descriptor ("Sydney-listed", "Brazilian-born", no part of the name after it). */
function isNameToken(t: NameToken | undefined): boolean {
  return t !== undefined && t.word && t.cap && !inLists(t, LEX.descriptor);
}

/** The descriptor's last part when token `t` is one ("listed"), else undefined. */
function descriptorTail(t: NameToken | undefined): string | undefined {
  if (!t || !t.word || !t.cap || !inLists(t, LEX.descriptor)) return undefined;
  return t.norm.slice(t.norm.lastIndexOf('-') + 1);
}

/**
 * The candidates of a sentence. Runs of a name start at a capitalised word, so only those are
 * visited ({@link WordTally}'s `capitalIndex`), but in an all-capitals headline, whose words were
 * read again ({@link readShoutingSentence}): there every word is.
 */
function findCandidates(text: string, sentence: SentenceTokens, index: number, words: DocumentWords, capitalIndex: number[], out: Candidate[]): void {
  const toks = sentence.toks;
  const pieces: Piece[] = [];
  let next = 0;
  if (sentence.shouting) {
    for (let i = 0; i < toks.length; i++) if (i >= next) next = readRun(toks, i, words, pieces);
  } else {
    for (let c = sentence.capitalsFrom; c < sentence.capitalsTo; c++) if (capitalIndex[c] >= next) next = readRun(toks, capitalIndex[c], words, pieces);
  }
  mergeOverAnd(toks, pieces);
  const from = out.length;
  for (const p of pieces) if (!p.trivial) out.push(makeCandidate(text, toks, index, p));
  if (out.length - from > 1) typeCoordinatedMeetings(toks, out, from);
}

/** Reads the run of a name starting at token `i`, if one does, into `pieces`; returns the token after it (or after `i`). */
function readRun(toks: NameToken[], i: number, words: DocumentWords, pieces: Piece[]): number {
  if (!isNameToken(toks[i]) || inLists(toks[i], LEX.calendar)) return i + 1;
  const last = extendRun(toks, i);
  splitRun(toks, i, last, words, pieces);
  return last + 1;
}

/** The last token of the run of capitalised words starting at `i`. */
function extendRun(toks: NameToken[], i: number): number {
  let last = i;
  while (true) {
    const t = toks[last];
    if (t.poss) break;
    const n1 = tokenAt(toks, last + 1);
    if (!n1) break;
    if (isNameToken(n1)) {
      // "Friday", "May" end a name unless they follow a given name ("Theresa May").
      if (inLists(n1, LEX.calendar) && !inLists(t, LEX.given)) break;
      last++;
      continue;
    }
    if (n1.word) {
      if (inLists(n1, LEX.particle) && isNameToken(tokenAt(toks, last + 2))) {
        last += 2;
        continue;
      }
      if ((n1.norm === 'of' || n1.norm === 'for') && inLists(t, LEX.ofHead)) {
        if (isNameToken(tokenAt(toks, last + 2))) {
          last += 2;
          continue;
        }
        if (tokenAt(toks, last + 2)?.norm === 'the' && isNameToken(tokenAt(toks, last + 3))) {
          last += 3;
          continue;
        }
      }
    } else if (n1.text === '.' && last === i && (inLists(t, LEX.honorific) || t.norm === 'st' || t.norm === 'ste') && isNameToken(tokenAt(toks, last + 2))) {
      last += 2; // "Mr. Brown", "St. Petersburg"
      continue;
    } else if (n1.text === '.' && isInitial(t) && isNameToken(tokenAt(toks, last + 2))) {
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
  a = nameStart(toks, a, b, words);
  let personCue = false;
  let affiliation: string | undefined;
  if (a < b && inLists(toks[a], LEX.honorific)) {
    a = afterHonorific(toks, a);
    personCue = true;
  }
  if (a < b && inLists(toks[a], LEX.demonym) && isPlainNameTail(toks, a + 1, b)) {
    affiliation = demonymCountry(toks[a].norm);
    a++;
    personCue = true;
  }
  // "Russian President | Vladimir Putin", "ROC President | Stanislav Pozdnyakov".
  for (let h = b - 1; h >= a; h--) {
    if (!inLists(toks[h], LEX.titleHead)) continue;
    if (!isPlainNameTail(toks, h + 1, b)) break;
    let r = h;
    while (r - 1 >= a && inLists(toks[r - 1], LEX.titleWord) && !toks[r - 1].poss) r--;
    if (r > a) pushPiece(toks, a, r - 1, false, undefined, words, pieces);
    pushPiece(toks, h + 1, b, true, affiliation, words, pieces);
    return;
  }
  pushPiece(toks, a, b, personCue, affiliation, words, pieces);
}

/**
 * The first token of a run's words that may name something, from `a`: past a common word opening the
 * sentence ("But", "During"), marks, and a party word before a person's name. (Its own function, like
 * {@link afterHonorific}: the rare steps would each make V8 compile the whole of {@link splitRun} again.)
 */
function nameStart(toks: NameToken[], a: number, b: number, words: DocumentWords): number {
  // "New York", "NEW YORK" open a dateline: a known place keeps its common first word.
  if (toks[a].sentStart && a < b && isCommonCapital(toks[a], words) && multiwordPlaceAt(toks, a) === 0) a++;
  while (a < b && !toks[a].word) a++;
  // "Conservative Michael Howard", "Democrat Walter Mondale": a party word before a person's name.
  if (a < b && PARTY_WORDS.has(toks[a].norm) && inLists(toks[a + 1], LEX.given | LEX.honorific)) a++;
  return a;
}

/** The token after the honorific at `a` and its dot, if any ("Mr. Brown"). */
function afterHonorific(toks: NameToken[], a: number): number {
  return toks[a + 1].word ? a + 1 : a + 2;
}

/** True when tokens `[from, to]` read as a person's name: no cue, title or connector words. */
function isPlainNameTail(toks: NameToken[], from: number, to: number): boolean {
  if (from > to || to - from > 4) return false;
  for (let k = from; k <= to; k++) {
    const t = toks[k];
    if (inLists(t, LEX.orgCue | LEX.otherCue | LEX.placeCue | LEX.titleWord) || t.norm === 'of' || t.norm === 'for') return false;
  }
  return true;
}

function pushPiece(toks: NameToken[], a: number, b: number, personCue: boolean, affiliation: string | undefined, words: DocumentWords, pieces: Piece[]): void {
  if (!personCue && a < b && inLists(toks[a], LEX.nationality) && !hasCue(toks, a + 1, b) && !isPlaceName(spanKey(toks, a, b))) {
    // "Russian athletes" is no name; "Syrian NOCs" is the NOCs of Syria.
    affiliation = nationalityCountry(toks[a].norm);
    a++;
  }
  if (a > b) return;
  if (a === b && !personCue && (!isKnownSingle(toks[a], words, tokenAt(toks, a + 1)) || isGenericCue(toks[a]))) return;
  pieces.push({ first: a, last: b, personCue, affiliation, trivial: !personCue && isTrivial(toks, a, b) });
}

/** A run made only of nationality, title, common and calendar words ("Russian Presidential", "Acting President"). */
function isTrivial(toks: NameToken[], a: number, b: number): boolean {
  if (a === b && inLists(toks[a], LEX.nonEntityAdjective)) return true;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (t.word && !inLists(t, TRIVIAL_WORDS)) return false;
  }
  return true;
}

/** Words a run may be made of and still name nothing ({@link isTrivial}). */
const TRIVIAL_WORDS = LEX.nationality | LEX.titleWord | LEX.common | LEX.calendar | LEX.honorific;

/** "Government", "Association", "Games" alone name nothing in particular ("Congress" and "Kremlin" do). */
function isGenericCue(t: NameToken): boolean {
  return inLists(t, LEX.orgCue | LEX.otherCue | LEX.placeCue) && !inLists(t, LEX.standalone);
}

/**
 * A single capitalised word is a name unless it stands first in its sentence
 * and reads as a common word: in the word lists, written in lower case
 * elsewhere, or shaped like a plural, participle or adverb ("Athletes",
 * "Founded", "Speaking") while the document never capitalises it elsewhere.
 */
function isKnownSingle(t: NameToken, words: DocumentWords, next: NameToken | undefined): boolean {
  if (!t.sentStart) return true;
  if (t.acronym || inLists(t, LEX.place)) return true;
  if (inLists(t, LEX.common | LEX.calendar)) return false;
  if (words.capitalised.has(t.norm)) return true;
  if (words.lower.has(t.norm)) return false;
  // "No-one", "Pre-tax", "Year-on-year": a compound whose later parts are lower case is a common word.
  if (isLowerCompound(t.text) || isContraction(t.norm)) return false;
  // "Green said", "Young added": a surname that is also a common word, before a verb of speech.
  if (next?.word && inLists(next, LEX.personVerb)) return true;
  return !inLists(t, LEX.commonOpener) && !looksLikeCommonWord(t.norm);
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
  if (inLists(t, LEX.common | LEX.calendar)) return true;
  // "Injured Chelsea ...", "Analysing Mr Brown ...": a participle opening the sentence.
  if (/(?:ing|ed)$/.test(t.norm) && t.norm.length > 4 && !words.capitalised.has(t.norm) && !inLists(t, LEX.given)) return true;
  return words.lower.has(t.norm) && !words.capitalised.has(t.norm) && !inLists(t, LEX.given);
}

function hasCue(toks: NameToken[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (inLists(toks[k], LEX.orgCue | LEX.otherCue | LEX.placeCue)) return true;
  return false;
}

/** Joins "National Olympic | and | Sports Committee of Mali" and "Procter | & | Gamble". */
function mergeOverAnd(toks: NameToken[], pieces: Piece[]): void {
  for (let i = 0; i + 1 < pieces.length; i++) {
    const p = pieces[i];
    const q = pieces[i + 1];
    if (q.first !== p.last + 2 || p.personCue || q.personCue || q.trivial || toks[p.last].poss) continue;
    const joiner = toks[p.last + 1];
    const left = toks[p.last];
    const leftIsCue = inLists(left, LEX.orgCue | LEX.otherCue);
    let merge = false;
    if (joiner.text === '&') merge = true;
    else if (joiner.norm === 'and') {
      // "Notts County and Queens Park Rangers": a left side ending in a place cue is a whole name already.
      if (hasCue(toks, q.first, q.last) && !leftIsCue && !inLists(left, LEX.placeCue) && !isWholeName(toks, p)) merge = true;
      // "National Olympic Committee and Sports Confederation of Denmark": one body's full name.
      else if (leftIsCue && q.last - q.first >= 3 && toks[q.last - 1].norm === 'of' && inLists(toks[q.last], LEX.place) && !hasOf(toks, p.first, p.last)) merge = true;
    }
    if (!merge) continue;
    p.last = q.last;
    p.trivial = false;
    pieces.splice(i + 1, 1);
    i--;
  }
}

/** An acronym alone or a known place: a name already, whatever follows "and". */
function isWholeName(toks: NameToken[], p: Piece): boolean {
  return (p.first === p.last && toks[p.first].acronym) || isPlaceName(spanKey(toks, p.first, p.last));
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

function isPlaceName(key: string): boolean {
  return PLACE_NAMES.has(key);
}

/** {@link PLACES}, {@link REGIONS} and {@link MULTIWORD_PLACES} in one set: one probe per name instead of three. */
const PLACE_NAMES = new Set([...PLACES, ...REGIONS, ...MULTIWORD_PLACES]);

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


/**
 * Sets the type a candidate's own words and neighbours suggest, with the
 * strength of that evidence (0 guess .. 5 stated).
 */
function classify(c: Candidate, toks: NameToken[], personCue: boolean): void {
  if (personCue) return typed(c, 'person', 5);
  let head = toks[c.last];
  for (let k = c.first + 1; k < c.last; k++) {
    if (toks[k].norm === 'of' || toks[k].norm === 'for') {
      head = toks[k - 1];
      break;
    }
  }
  const multi = c.last > c.first;
  // A known place first: "West Bank" ends with a cue word but is no bank.
  if (isPlaceName(c.key)) return typed(c, 'place', 4);
  // Each word's lists read once: the tests below ask about the same few words again and again.
  const headLex = lexOf(head);
  if (multi && has(headLex, LEX.meetingHead) && !namesStandingBody(toks, c.first, c.last)) return typed(c, 'other', 4);
  const first = toks[c.first];
  const last = toks[c.last];
  const firstLex = lexOf(first);
  const lastLex = lexOf(last);
  // (A single word's key is its folded word.)
  if (has(headLex, LEX.orgCue) || (!multi && has(firstLex, LEX.standalone))) return typed(c, 'organization', 4);
  if (has(headLex, LEX.otherCue)) return typed(c, 'other', 4);
  // "East Jerusalem", "Northern Cape", "South China": a compass word before a place or region.
  if (multi && c.last === c.first + 1 && COMPASS_WORDS.has(first.norm) && has(lastLex, LEX.place)) return typed(c, 'place', 3);
  if (has(headLex, LEX.placeCue) && multi) return typed(c, 'place', 3);
  if (c.acronym) return NON_ENTITY_ACRONYMS.has(c.key) ? typed(c, 'other', 4) : typed(c, 'organization', 2);
  if (hasOrgCue(toks, c.first, c.last)) return typed(c, 'organization', 3);
  const prev = tokenAt(toks, c.first - 1);
  const descriptor = descriptorTail(prev);
  if (descriptor !== undefined) {
    if (ORG_DESCRIPTOR_TAILS.has(descriptor)) return typed(c, 'organization', 3);
    return PERSON_DESCRIPTOR_TAILS.has(descriptor) ? typed(c, 'person', 3) : typed(c, 'other', 0);
  }
  if (multi) return classifyMultiWord(c, toks, first, firstLex, lastLex, prev);
  if (has(firstLex, LEX.company)) return typed(c, 'organization', 3);
  if (isBesidePersonVerb(prev, tokenAt(toks, c.last + 1))) return typed(c, 'person', 2);
  if (prev?.word && inLists(prev, LEX.placePreposition)) return typed(c, 'place', 1);
  return typed(c, 'other', 0);
}

/** The rest of {@link classify} for a name of several words. */
function classifyMultiWord(c: Candidate, toks: NameToken[], first: NameToken, firstLex: number, lastLex: number, prev: NameToken | undefined): void {
  if (COMPANY_NAMES.has(companyKey(c.key))) return typed(c, 'organization', 4);
  if (has(firstLex, LEX.company) || has(lastLex, LEX.company)) return typed(c, 'organization', 3);
  if (has(firstLex, LEX.clubPrefix)) return typed(c, 'organization', 3);
  // "U. S.", "A. B.": initials alone are an abbreviation, not somebody's name.
  if (isInitial(toks[toks[c.last].word ? c.last : c.last - 1])) return typed(c, 'other', 0);
  if (has(firstLex, LEX.given) || isInitial(first)) return typed(c, 'person', 3);
  // "Air France", "Dynamo Moscow", "Sydney Swans": a place inside a longer name makes a team or a company.
  if (has(firstLex, LEX.place) || has(lastLex, LEX.place)) return typed(c, 'organization', 2);
  // "the Federal Reserve", "the Honda Accura": people do not take the article.
  if (prev?.norm === 'the') return typed(c, 'organization', 1);
  if (isBesidePersonVerb(prev, tokenAt(toks, c.last + 1))) return typed(c, 'person', 2);
  return typed(c, 'person', 1);
}

/** "said Wang", "Wang said": a verb of speech or action right before or after the name. */
function isBesidePersonVerb(prev: NameToken | undefined, next: NameToken | undefined): boolean {
  return (next !== undefined && next.word && inLists(next, LEX.personVerb)) || (prev !== undefined && prev.word && inLists(prev, LEX.personVerb));
}

function hasOrgCue(toks: NameToken[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (inLists(toks[k], LEX.orgCue)) return true;
  return false;
}

/** True when any of `bits` is set in the word-list bits `lex`. */
function has(lex: number, bits: number): boolean {
  return (lex & bits) !== 0;
}

function typed(c: Candidate, type: EntityType, strength: number): void {
  c.type = type;
  c.strength = strength;
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
    if (!t.word || inLists(t, LEX.meetingHead)) continue;
    const n = t.norm;
    if (inLists(t, LEX.standingBody | LEX.place | LEX.nationality | LEX.orgCue) || (inLists(t, LEX.standalone) && !t.acronym)) return true;
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
    // (A single word's key is its folded word.)
    if (c.first !== c.last || !inLists(toks[c.first], LEX.meetingHead)) continue;
    const before = i > from ? cands[i - 1] : undefined;
    const after = cands[i + 1];
    const meeting = (o: Candidate | undefined, joiner: number) => o !== undefined && o.type === 'other' && toks[joiner]?.norm === 'and' && inLists(toks[o.last], LEX.meetingHead);
    if ((before && before.last === c.first - 2 && meeting(before, c.first - 1)) || (after && after.first === c.last + 2 && meeting(after, c.last + 1))) {
      c.type = 'other';
      c.strength = 4;
    }
  }
}

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
    if (a.first !== c.last + 2 || toks[c.last + 1].text !== '(' || tokenAt(toks, a.last + 1)?.text !== ')') continue;
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

/**
 * Groups the candidates that name the same thing in this source. Each step is
 * its own small function: this runs once per document, and an engine
 * optimises (and re-optimises) small functions far more cheaply than one big one.
 */
function resolve(text: string, sentences: SentenceTokens[], candidates: Candidate[], acronyms: AcronymDefinition[], words: DocumentWords): Groups {
  const groups = new Groups();
  const tails = personTails(sentences, candidates);
  const shared = sharedTails(sentences, tails, words);
  const acronymGroups = groupByKey(candidates, groups, shared);
  for (let i = 0; i < acronyms.length; i++) groups.union(acronyms[i].expansion.group, acronyms[i].acronym.group);
  joinSpacelessForms(sentences, candidates, groups);
  // A full name written as an acronym elsewhere in the source ("NOCs" before its definition) is covered by the key.
  if (acronymGroups.size > 0) joinAcronymForms(candidates, acronymGroups, groups);
  if (tails.size > 0) {
    joinFullerNames(sentences, candidates, tails, groups);
    joinDoubtfulNames(sentences, tails, words, groups);
    attachShortNames(text, sentences, candidates, tails, shared, groups);
  }
  return groups;
}

/** One group per resolution key, but for short names of people sharing them (an acronym's key apart from a word's); returns the groups of acronyms by key. */
function groupByKey(candidates: Candidate[], groups: Groups, shared: Set<string>): Map<string, number> {
  const byKey = new Map<string, number>();
  const acronymGroups = new Map<string, number>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    // A surname two people of the source share ("Trump" of Donald and Ivanka Trump) is resolved mention by mention.
    if (shared.size > 0 && shared.has(c.key) && mayBeShortName(c)) {
      c.group = groups.add();
      continue;
    }
    const key = c.acronym ? 'acronym:' + acronymKey(c.text) : c.key;
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.add();
      byKey.set(key, g);
    }
    c.group = g;
    if (c.acronym) acronymGroups.set(acronymKey(c.text), g);
  }
  return acronymGroups;
}

/**
 * "TimeWarner" and "Time Warner" in one article are one two-word name written two ways: the evidence
 * of both decides the type ("TimeWarner said" alone would make a person).
 */
function joinSpacelessForms(sentences: SentenceTokens[], candidates: Candidate[], groups: Groups): void {
  const bySpaceless = new Map<string, number>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.acronym || c.last !== c.first + 1) continue;
    const toks = sentences[c.sentence].toks;
    bySpaceless.set(toks[c.first].norm + toks[c.last].norm, c.group);
  }
  if (bySpaceless.size === 0) return;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.acronym || c.last !== c.first) continue;
    const g = bySpaceless.get(c.key);
    if (g !== undefined) groups.union(c.group, g);
  }
}

function joinAcronymForms(candidates: Candidate[], acronymGroups: Map<string, number>, groups: Groups): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.acronym) continue;
    const g = acronymGroups.get(c.key);
    if (g !== undefined) groups.union(c.group, g);
  }
}

/** Name tails of people: "putin", "de oliveira", "oumar traore" → the people whose names end so. */
function personTails(sentences: SentenceTokens[], candidates: Candidate[]): Map<string, Candidate[]> {
  const tails = new Map<string, Candidate[]>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.last === c.first || c.type !== 'person') continue;
    const toks = sentences[c.sentence].toks;
    for (let k = c.last; k > c.first; k--) {
      if (!toks[k].word || !toks[k].cap) continue;
      addTail(tails, spanKey(toks, k, c.last), c);
      // "de Oliveira" is a tail too.
      if (k - 1 > c.first && inLists(toks[k - 1], LEX.particle)) addTail(tails, spanKey(toks, k - 1, c.last), c);
    }
  }
  return tails;
}

function addTail(tails: Map<string, Candidate[]>, tail: string, c: Candidate): void {
  const list = tails.get(tail);
  if (list) list.push(c);
  else tails.set(tail, [c]);
}

/** True when a candidate may be a short name of a person (a single surname, "Mr Brown"): not an acronym, nor a thing its words or context type firmly. */
function mayBeShortName(c: Candidate): boolean {
  if (c.acronym) return false;
  if (c.type === 'person') return true;
  return c.strength < 4 && (c.type === 'other' || c.strength < 2);
}

/**
 * Tails ("trump") that end the names of two people of the source who are not one ("donald trump",
 * "ivanka trump"). A doubtful name ({@link isDoubtfulPerson}) shares none.
 */
function sharedTails(sentences: SentenceTokens[], tails: Map<string, Candidate[]>, words: DocumentWords): Set<string> {
  const shared = new Set<string>();
  for (const [tail, owners] of tails) {
    let first: string | undefined;
    for (let i = 0; i < owners.length; i++) {
      const o = owners[i];
      if (o.key === first) continue;
      if (isDoubtfulPerson(sentences[o.sentence].toks, o, words)) continue;
      if (first === undefined) first = o.key;
      else if (!mayBeSamePerson(first, o.key)) {
        shared.add(tail);
        break;
      }
    }
  }
  return shared;
}

/**
 * True when a person's name may well be a title or a common word before a surname ("Gen Pinochet",
 * "Baroness Boothroyd", "Vote Blair, get Brown", "Rapper Kanye West"), or holds an honorific inside
 * ("Harrogate Mr Kennedy"): too doubtful to be a second person sharing that surname.
 */
function isDoubtfulPerson(toks: NameToken[], o: Candidate, words: DocumentWords): boolean {
  const first = toks[o.first];
  if (inLists(first, LEX.given)) return false;
  if (inLists(first, DOUBTFUL_FIRST_WORDS) || TITLE_ABBREVIATIONS.has(first.norm) || PEERAGES.has(first.norm)) return true;
  if (first.sentStart && words.lower.has(first.norm)) return true;
  for (let k = o.first + 1; k < o.last; k++) if (inLists(toks[k], LEX.honorific)) return true;
  return false;
}

/**
 * "Gen Pinochet" is Augusto Pinochet, "da Silva" is Luiz Inacio Lula da Silva: a title or particle and a surname
 * join the nearest earlier plausible name ending in that surname (the first when none is earlier). Other doubtful
 * names are left alone: "Pop Idol" and "Lit Idol" are two things.
 */
function joinDoubtfulNames(sentences: SentenceTokens[], tails: Map<string, Candidate[]>, words: DocumentWords, groups: Groups): void {
  for (const owners of tails.values()) {
    if (owners.length < 2) continue;
    for (let i = 0; i < owners.length; i++) {
      const o = owners[i];
      const toks = sentences[o.sentence].toks;
      // Only the surname's own list: a longer tail ("lamont scott") would ask the same again.
      if (o.last !== o.first + 1 || owners !== tails.get(toks[o.last].norm) || !isTitleOrParticle(toks[o.first])) continue;
      let to: Candidate | undefined;
      for (let j = 0; j < owners.length; j++) {
        const p = owners[j];
        if (p === o || isDoubtfulPerson(sentences[p.sentence].toks, p, words)) continue;
        if (to === undefined || p.start < o.start) to = p;
        if (p.start > o.start) break;
      }
      if (to !== undefined) groups.union(o.group, to.group);
    }
  }
}

/** A title or name particle that is no given name ("Gen", "Supt", "da"); honorifics and peerages ("Lord Roberts of Conwy") are not. */
function isTitleOrParticle(t: NameToken): boolean {
  if (inLists(t, LEX.given | LEX.honorific)) return false;
  return inLists(t, LEX.titleWord | LEX.titleHead | LEX.particle) || TITLE_ABBREVIATIONS.has(t.norm);
}

/** Word lists no given name is in. */
const DOUBTFUL_FIRST_WORDS = LEX.common | LEX.commonOpener | LEX.honorific | LEX.titleWord | LEX.titleHead | LEX.nationality | LEX.particle
  | LEX.place | LEX.orgCue | LEX.otherCue | LEX.placeCue | LEX.descriptor | LEX.calendar;

/** Short titles written before a surname that the title lists do not hold ("Gen Pinochet", "Supt Deats"). */
const TITLE_ABBREVIATIONS = new Set(['gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'cpl', 'adm', 'brig', 'gov', 'sen', 'rep', 'rev', 'fr', 'insp', 'supt', 'det', 'prof', 'cllr']);

/** Peerages the title lists do not hold ("Baroness Boothroyd"): a peer's title name may be another's surname, so they join no one by it. */
const PEERAGES = new Set(['baron', 'baroness', 'viscount', 'viscountess', 'earl', 'countess', 'duke', 'duchess', 'marquess']);

/**
 * "Keith Scott" and "Keith Lamont Scott", "George Bush" and "George W. Bush": a full name with a middle name or initial more is the same person;
 * so is one with its given name spelt another way ("Victor Makarov" and "Viktor Makarov", {@link mayBeSamePerson}).
 */
function joinFullerNames(sentences: SentenceTokens[], candidates: Candidate[], tails: Map<string, Candidate[]>, groups: Groups): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.last === c.first || c.type !== 'person') continue;
    const toks = sentences[c.sentence].toks;
    const owners = tails.get(toks[c.last].norm);
    if (!owners) continue;
    for (let k = 0; k < owners.length; k++) {
      const o = owners[k];
      if (o.group === c.group || !mayBeSamePerson(c.key, o.key)) continue;
      // As long a name: only another spelling of the given name ("viktor", "victor"), not an initial ("j. smith", "jo smith").
      if (o.key.length > c.key.length || (o.key.length === c.key.length && isGivenNameVariant(toks[c.first].norm, sentences[o.sentence].toks[o.first].norm))) groups.union(c.group, o.group);
    }
  }
}

/** Joins each short name ("Putin", "de Oliveira" after "de", "Mr Brown") that ends a person's name to that person. */
function attachShortNames(text: string, sentences: SentenceTokens[], candidates: Candidate[], tails: Map<string, Candidate[]>, shared: Set<string>, groups: Groups): void {
  // Genders learnt of full names (by key) from the honorifics of their short names, for the ones after.
  const genders = new Map<string, Gender>();
  // The person each honorific short name ("m:howard" for "Mr Howard") named last.
  const named = new Map<string, Candidate>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!mayBeShortName(c) || (c.strength >= 4 && c.last !== c.first)) continue;
    const toks = sentences[c.sentence].toks;
    const before = tokenAt(toks, c.first - 1);
    if (before !== undefined && before.word && !before.cap && inLists(before, LEX.particle) && extendOverParticle(text, c, before, tails, groups)) continue;
    const owners = tails.get(c.key);
    if (!owners) continue;
    if (shared.has(c.key)) attachShared(groups, c, owners, honorificGender(toks, c.first), sentences, genders, named);
    else attach(groups, c, owners);
  }
}

/** "... said de Oliveira": a lower-case particle before a name joins it when the two are a person's tail. */
function extendOverParticle(text: string, c: Candidate, before: NameToken, tails: Map<string, Candidate[]>, groups: Groups): boolean {
  const extended = before.norm + ' ' + c.key;
  const owners = tails.get(extended);
  if (!owners) return false;
  c.first--;
  c.start = before.start;
  c.text = text.slice(c.start, c.end);
  c.key = extended;
  attach(groups, c, owners);
  return true;
}

/** A gender a name or honorific shows: 'f', 'm', or '' when it shows none. */
type Gender = 'f' | 'm' | '';

/**
 * Joins a surname two people share to one of them: the one named in full last
 * before it (news style), or the first one after when none is before. An
 * honorific with a gender ("Ms Scott") takes the nearest one it fits, and
 * tells the gender of the one it names to the short names after it. It keeps
 * naming the person it named before when the one it would now take was named
 * in passing since ({@link isAside}: "Mr Howard ... Australia's PM, John Howard,
 * ... Mr Howard appointed": Michael Howard all along).
 */
function attachShared(groups: Groups, c: Candidate, owners: Candidate[], gender: Gender, sentences: SentenceTokens[], genders: Map<string, Gender>, named: Map<string, Candidate>): void {
  let latest: Candidate | undefined;
  let shown: Candidate | undefined;
  let possible: Candidate | undefined;
  for (let i = 0; i < owners.length && owners[i].start < c.start; i++) {
    const o = owners[i];
    latest = o;
    if (gender === '') continue;
    const g = ownerGender(o, sentences, genders);
    if (g === gender) shown = o;
    else if (g === '') possible = o;
  }
  if (latest === undefined) {
    // None before: the first after, of the honorific's gender if one is.
    latest = owners[0];
    for (let i = 0; i < owners.length && gender !== '' && shown === undefined; i++) {
      const g = ownerGender(owners[i], sentences, genders);
      if (g === gender) shown = owners[i];
      else if (g === '') possible ??= owners[i];
    }
  }
  // A name of the honorific's gender first, then one of no known gender, then the nearest.
  let owner = shown ?? possible ?? latest;
  if (gender !== '') {
    const form = gender + ':' + c.key;
    const before = named.get(form);
    if (before !== undefined && before !== owner && before.start < owner.start && owner.start < c.start && isAside(sentences[owner.sentence].toks, owner)
      && ownerGender(before, sentences, genders) !== (gender === 'm' ? 'f' : 'm')) owner = before;
    named.set(form, owner);
  }
  if (owner === c) return;
  groups.union(c.group, owner.group);
  if (gender !== '' && !genders.get(owner.key)) genders.set(owner.key, gender);
}

/** A full name set off by commas after a role, named in passing ("Australia's PM, John Howard, won"). */
function isAside(toks: NameToken[], o: Candidate): boolean {
  const comma = tokenAt(toks, o.first - 1);
  const role = tokenAt(toks, o.first - 2);
  const after = tokenAt(toks, o.last + 1);
  return comma !== undefined && comma.text === ',' && role !== undefined && role.word && after !== undefined && after.text === ',';
}

/** The gender a full name shows: learnt from an honorific, or by its given name or the word before it ("his wife Rakeyia Scott"). */
function ownerGender(o: Candidate, sentences: SentenceTokens[], genders: Map<string, Gender>): Gender {
  const learnt = genders.get(o.key);
  if (learnt !== undefined) return learnt;
  const toks = sentences[o.sentence].toks;
  const given = toks[o.first].norm;
  let gender: Gender = FEMALE_GIVEN_NAMES.has(given) ? 'f' : MALE_GIVEN_NAMES.has(given) ? 'm' : honorificGender(toks, o.first);
  if (gender === '') {
    const before = tokenAt(toks, o.first - 1);
    if (before !== undefined && before.word) gender = KIN_GENDER[before.norm] ?? '';
  }
  genders.set(o.key, gender);
  return gender;
}

/** The gender of an honorific or gendered title right before token `k` ("Ms Scott", "Mr. Scott", "Sir Elton"). */
function honorificGender(toks: NameToken[], k: number): Gender {
  let h = tokenAt(toks, k - 1);
  if (h !== undefined && h.text === '.') h = tokenAt(toks, k - 2);
  if (h === undefined || !h.word) return '';
  return HONORIFIC_GENDER[h.norm] ?? '';
}

/** Honorifics and titles before a name that tell a gender (no prototype: only these words are keys). */
const HONORIFIC_GENDER: Record<string, Gender | undefined> = Object.assign(Object.create(null) as Record<string, Gender | undefined>, {
  mr: 'm', sir: 'm', lord: 'm', herr: 'm', monsieur: 'm', senor: 'm',
  mrs: 'f', ms: 'f', miss: 'f', dame: 'f', lady: 'f', madam: 'f', mme: 'f', frau: 'f', senora: 'f',
});

/** Family words before a name that tell its gender ("his wife Rakeyia Scott", "her son"). */
const KIN_GENDER: Record<string, Gender | undefined> = Object.assign(Object.create(null) as Record<string, Gender | undefined>, {
  wife: 'f', widow: 'f', daughter: 'f', mother: 'f', sister: 'f', grandmother: 'f', granddaughter: 'f', niece: 'f', aunt: 'f',
  husband: 'm', widower: 'm', son: 'm', father: 'm', brother: 'm', grandfather: 'm', grandson: 'm', nephew: 'm', uncle: 'm',
});


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

/** The entities of the source, in order of first mention. Small steps, for the same reason as {@link resolve}. */
function buildEntities(text: string, sentences: SentenceTokens[], candidates: Candidate[], groups: Groups, acronyms: AcronymDefinition[]): LocalEntity[] {
  const byGroup = groupBuildings(candidates, groups);
  setAffiliations(byGroup);
  setAcronyms(byGroup, groups, acronyms);
  collectRoles(text, sentences, candidates, groups, byGroup);
  const ordered = inTextOrder(byGroup);
  const entities: LocalEntity[] = [];
  for (let i = 0; i < ordered.length; i++) entities.push(toLocalEntity(ordered[i].b, ordered[i].mentions, sentences));
  return entities;
}

function groupBuildings(candidates: Candidate[], groups: Groups): Map<number, Building> {
  const byGroup = new Map<number, Building>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
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
  return byGroup;
}

/** A person's affiliation is the first one stated before a mention; a nationality before an organisation's acronym ("Syrian NOCs") is not the organisation's. */
function setAffiliations(byGroup: Map<number, Building>): void {
  for (const b of byGroup.values()) {
    if (b.type !== 'person') continue;
    for (let i = 0; i < b.candidates.length; i++) {
      if (b.candidates[i].affiliation) {
        b.affiliation = b.candidates[i].affiliation;
        break;
      }
    }
  }
}

/** The acronym defined for an entity ("NOCs" → "NOC"); a lone acronym never defined here is still its own acronym. */
function setAcronyms(byGroup: Map<number, Building>, groups: Groups, acronyms: AcronymDefinition[]): void {
  for (let i = 0; i < acronyms.length; i++) {
    const d = acronyms[i];
    const b = byGroup.get(groups.find(d.expansion.group));
    if (b && !b.acronym) b.acronym = /[A-Z]s$/.test(d.text) ? d.text.slice(0, -1) : d.text;
  }
  for (const b of byGroup.values()) if (!b.acronym && allAcronyms(b.candidates)) b.acronym = b.candidates[0].text.replace(/(?<=[A-Z])s$/, '');
}

function allAcronyms(cands: Candidate[]): boolean {
  for (let i = 0; i < cands.length; i++) if (!cands[i].acronym) return false;
  return true;
}

/**
 * The buildings with their mentions, in text order. Sorted before the entities exist: their optional
 * fields give them several shapes, and a comparator reading them would make V8 deoptimise the sort's caller.
 */
function inTextOrder(byGroup: Map<number, Building>): Array<{ b: Building; mentions: Mention[] }> {
  const ordered: Array<{ b: Building; mentions: Mention[] }> = [];
  for (const b of byGroup.values()) ordered.push({ b, mentions: dedupeMentions(b.candidates) });
  ordered.sort(byFirstMention);
  return ordered;
}

function byFirstMention(x: { mentions: Mention[] }, y: { mentions: Mention[] }): number {
  return x.mentions[0].start - y.mentions[0].start;
}

function toLocalEntity(b: Building, mentions: Mention[], sentences: SentenceTokens[]): LocalEntity {
  const canonicalCandidate = canonicalName(b.candidates, sentences);
  const canonical = hasOnlySingleSpaces(canonicalCandidate.text) ? canonicalCandidate.text : canonicalCandidate.text.replace(/\s+/g, ' ');
  const aliases = aliasesOf(b.candidates, canonicalCandidate.key, b.acronym);
  const roles = b.bodyRoles.length > 0 ? withCaptionOrgs(b.bodyRoles, b.captionRoles) : b.captionRoles;
  const entity: LocalEntity = { name: canonical, type: b.type, aliases, mentions, roles: dedupeRoles(roles) };
  if (b.acronym) entity.acronym = b.acronym;
  if (b.affiliation) entity.affiliation = b.affiliation;
  return entity;
}

function collectRoles(text: string, sentences: SentenceTokens[], candidates: Candidate[], groups: Groups, byGroup: Map<number, Building>): void {
  let i = 0;
  while (i < candidates.length) {
    const sentence = candidates[i].sentence;
    const inSentence: Candidate[] = [];
    while (i < candidates.length && candidates[i].sentence === sentence) inSentence.push(candidates[i++]);
    // A loop, not `map`: the array it makes is always of one kind, which findRoles's optimised code expects.
    const refs: NameRef[] = [];
    for (let k = 0; k < inSentence.length; k++) {
      const c = inSentence[k];
      const b = byGroup.get(groups.find(c.group));
      const notPerson = b !== undefined && b.type !== 'person' && b.strength >= 2;
      refs.push({ first: c.first, last: c.last, text: c.text, norm: c.key, notPerson });
    }
    const { toks, kind } = sentences[sentence];
    // Asked once a sentence, where it always runs: asked first inside the rarer branch below, it made V8 recompile this function.
    const inBody = kind === 'body' || kind === 'heading';
    for (const f of findRoles(text, toks, refs)) {
      const b = byGroup.get(groups.find(inSentence[f.name].group));
      if (!b) continue;
      if (f.role) {
        (inBody ? b.bodyRoles : b.captionRoles).push(f.role);
        if (b.type !== 'person' && b.strength < 5) {
          b.type = 'person';
          b.strength = 5;
        }
      }
      if (f.affiliation && (!b.affiliation || kind === 'body')) b.affiliation ??= f.affiliation;
    }
  }
}

/** True when the only white space in `text` is single ASCII spaces (the common case: no need to collapse it). */
function hasOnlySingleSpaces(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? i > 0 && text.charCodeAt(i - 1) === 32 : c < 32 || c >= 0x7f) return false;
  }
  return true;
}

/** The candidate whose words name the entity best: most words, not a headline's capitals, then the longest. */
function canonicalName(cands: Candidate[], sentences: SentenceTokens[]): Candidate {
  let best: Candidate | undefined;
  let bestWords = -1;
  const anyWord = !allAcronyms(cands);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.acronym && anyWord) continue;
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

/** The mentions of an entity's candidates in text order, one per start. */
function dedupeMentions(cands: Candidate[]): Mention[] {
  // Candidates are made in text order, so most lists need no sort (and a stable sort would keep them as they are).
  const sorted = isInStartOrder(cands) ? cands : [...cands].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  let previousStart = -1;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
    // Equal starts are side by side once sorted: only the first of them counts.
    if (c.start === previousStart) continue;
    previousStart = c.start;
    out.push({ start: c.start, end: c.end, text: c.text });
  }
  return out;
}

function isInStartOrder(cands: Candidate[]): boolean {
  for (let i = 1; i < cands.length; i++) if (cands[i].start < cands[i - 1].start) return false;
  return true;
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

/** The other names of an entity's candidates, one per key, then its acronym unless one of them is it. */
function aliasesOf(cands: Candidate[], canonicalKey: string, acronym: string | undefined): string[] {
  const aliases: string[] = [];
  if (cands.length === 1) {
    // Most entities are named once, by the canonical candidate itself: no set to make.
    if (acronym && foldText(acronym) !== canonicalKey) aliases.push(acronym);
    return aliases;
  }
  const seen = new Set<string>();
  seen.add(canonicalKey);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (!seen.has(c.key)) {
      seen.add(c.key);
      aliases.push(c.text);
    }
  }
  if (acronym && !seen.has(foldText(acronym))) aliases.push(acronym);
  return aliases;
}

function dedupeRoles(roles: Role[]): Role[] {
  // Most entities have no role or one: nothing to drop or sort.
  if (roles.length < 2) return roles.slice();
  const seen = new Set<string>();
  return roles.filter((r) => {
    const k = `${r.start}:${r.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => a.start - b.start);
}
