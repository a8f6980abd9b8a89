/**
 * Tokens for name recognition: words and single punctuation marks with exact
 * offsets, possessives split off ("Putin's" → "Putin" + possessive flag) and
 * the capitalisation facts the entity rules need.
 */
import { foldText } from '../text/normalize';
import { lexicalClass, maybeSportsWord, sportsWordKind } from './lexicon';

/** One word or punctuation mark of a sentence. */
export interface NameToken {
  /** As written (possessive `'s` removed). */
  text: string;
  /** Folded form (lower case, no diacritics, straight apostrophes). */
  norm: string;
  start: number;
  end: number;
  /** True for words (letters/digits), false for punctuation. */
  word: boolean;
  /** Starts with a capital letter, or is an Arabic-style prefixed name ("al-Assad"). Digits never. */
  cap: boolean;
  /** Two or more capitals and no digits ("CISM", "NOCs", "MoU"): acronym-shaped. */
  acronym: boolean;
  /** Followed by a possessive `'s` / `’s` (already cut from `text`). */
  poss: boolean;
  /** First word of a sentence or of a quotation: its capital says nothing. */
  sentStart: boolean;
  /** The word lists holding the word (`LEX` bits), -1 until first asked: see {@link lexOf}. */
  lex: number;
}

/**
 * The token at `k`, or undefined before the first or past the last. Rules look
 * at neighbours of names that may not exist; reading an array out of its
 * bounds makes the engine throw away the optimised code doing it.
 */
export function tokenAt(toks: NameToken[], k: number): NameToken | undefined {
  return k >= 0 && k < toks.length ? toks[k] : undefined;
}

/**
 * The word lists holding token `t`, as `LEX` bits (none for punctuation).
 * Worked out on first demand and kept on the token: the rules ask about the
 * words of names and their neighbours, again and again, and never about most
 * other words, so every word is not looked up in every list up front.
 */
export function lexOf(t: NameToken): number {
  let lex = t.lex;
  if (lex < 0) lex = t.lex = lexicalClass(t.norm);
  return lex;
}

const PREFIXED_NAME_RE = /^(?:al|el|ad|as|ash|ibn|bin|abu|ben|d|o)['’-]\p{Lu}/u;

/** Folded form of one word: ASCII words only need lower-casing, which is much cheaper than a full fold. */
function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return foldText(word);
  return word.toLowerCase();
}

/**
 * Facts the entity rules need about every word of a document, counted by
 * {@link tokenizeNames} while it has each word in hand: another pass over all
 * the tokens of a document would cost more than the counting does.
 */
export interface WordTally {
  /** The capitalised words, in text order. */
  capitals: NameToken[];
  /** The index of each of {@link capitals} among the tokens of its sentence. */
  capitalIndex: number[];
  /** Words of the sentence tokenized last. */
  words: number;
  /** All-capitals words ("LEICESTERSHIRE", {@link isAllCaps}) among the capitalised words of the sentence tokenized last. */
  allCaps: number;
  /** Match scores ("2-1") and sports words ({@link sportsWordKind}) of the document. */
  sportsEvidence: number;
  /** Cricket words of the document (every one also counted as sports evidence). */
  cricketWords: number;
}

/** A tally of a document not yet read. */
export function newWordTally(): WordTally {
  return { capitals: [], capitalIndex: [], words: 0, allCaps: 0, sportsEvidence: 0, cricketWords: 0 };
}

/**
 * Tokenizes `text.slice(start, end)`; offsets are into `text`. Words are runs
 * of letters and digits with inner `'`, `’`, `-`, `.`, `&` ("vice-president",
 * "U.S", "AT&T"); every other non-space character is a token of its own. A
 * hand-written scanner: this runs over every character of the corpus, so an
 * ASCII word's facts (capitals, small letters, digits) are counted in the one
 * pass that finds its end, and the document's facts in `tally` with them.
 */
export function tokenizeNames(text: string, start: number, end: number, tally: WordTally): NameToken[] {
  const out: NameToken[] = [];
  let prevOpener = true;
  let words = 0;
  let allCaps = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || (c > 0x2000 && c <= 0x200b)) {
        i++;
        continue;
      }
      const s = i++;
      const raw = text[s];
      out.push({ text: raw, norm: raw, start: s, end: s + 1, word: false, cap: false, acronym: false, poss: false, sentStart: false, lex: 0 });
      if (isQuoteCode(c) && (s === 0 || isSpace(text.charCodeAt(s - 1))) && s + 1 < end && isWordCode(text.charCodeAt(s + 1))) {
        // A quote mark with space before and a word right after opens a quotation, even after a word.
        prevOpener = true;
      } else {
        // An opener after a word is usually a closing quote or a dash inside the sentence; a colon always opens.
        prevOpener = c === 58 || (isOpenerCode(c) && (prevOpener || out.length === 1 || !out[out.length - 2].word));
      }
      continue;
    }
    const s = i;
    // Counts over the ASCII letters and digits of the word; any other code unit sends the word down the general path.
    let upper = 0;
    let lower = 0;
    let digits = 0;
    let hyphens = 0;
    let apostrophes = 0;
    let other = 0;
    let d = c;
    while (true) {
      if (d >= 97 && d <= 122) lower++;
      else if (d >= 65 && d <= 90) upper++;
      else if (d >= 48 && d <= 57) digits++;
      else if (d === 45) hyphens++;
      else if (d === 39) apostrophes++;
      else if (d !== 46 && d !== 38) other++;
      i++;
      if (i >= end) break;
      d = text.charCodeAt(i);
      // isWordCode, written out: this is the one test made of every letter of the corpus.
      const kind = wordTable[d];
      if (kind === 1 || (kind === 0 && learnWordCode(d))) continue;
      if ((d === 39 || d === 0x2019 || d === 45 || d === 46 || d === 38) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) continue;
      break;
    }
    // "U.S.", "U.N.": an abbreviation with inner dots keeps its final dot (single letters only, so a
    // sentence's full stop after an ordinary word stays punctuation).
    // (A sum, not a conditional increment: a branch first taken after V8 optimised the scanner makes it compile the scanner again.)
    // (When i < end, `d` is the code unit at i that ended the word.)
    i += i < end && d === 46 && i - s >= 3 && text.charCodeAt(i - 2) === 46 ? 1 : 0;
    let e = i;
    let poss = false;
    if (e - s > 2 && text.charCodeAt(e - 1) === 115) {
      const apostrophe = text.charCodeAt(e - 2);
      if (apostrophe === 39 || apostrophe === 0x2019) {
        e -= 2;
        poss = true;
        lower--;
        if (apostrophe === 0x2019) other--;
      }
    }
    const raw = text.slice(s, e);
    const sentStart = prevOpener;
    prevOpener = false;
    words++;
    let t: NameToken;
    let sports: number;
    if (other === 0) {
      // Plain ASCII (with inner ' . &, hyphens): the counts decide everything.
      // Only a word with a hyphen or apostrophe may be a prefixed name ("al-Assad").
      const cap = digits === 0 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122 && hyphens + apostrophes > 0 && raw.length > 2 && raw.length < 40 && hasPrefixJoiner(raw) && PREFIXED_NAME_RE.test(raw)));
      const acronym = cap && raw.length >= 2 && raw.length <= 12 && hyphens === 0 && upper >= 2 && lower < upper;
      t = { text: raw, norm: upper === 0 ? raw : raw.toLowerCase(), start: s, end: e, word: true, cap, acronym, poss, sentStart, lex: -1 };
      if (cap && upper >= 2 && lower === 0) allCaps++;
      // A score starts with a digit, a sports word with a letter; most words are neither, which the shape tells.
      sports = c <= 57 ? (isScore(raw) ? 1 : 0) : maybeSportsWord(c, text.charCodeAt(e - 1), e - s) ? sportsWordKind(t.norm) : 0;
    } else {
      t = generalWord(text, raw, s, e, poss, sentStart);
      if (t.cap && isAllCaps(raw)) allCaps++;
      // (A score is ASCII digits and one hyphen: never a word down this path.)
      sports = sportsWordKind(t.norm);
    }
    // What the word says of a sports report: 2 a cricket word, 1 another sports word or a score.
    // (Sums, not conditional increments, for the reason above.)
    tally.sportsEvidence += sports === 0 ? 0 : 1;
    tally.cricketWords += sports === 2 ? 1 : 0;
    out.push(t);
    if (t.cap) {
      tally.capitals.push(t);
      tally.capitalIndex.push(out.length - 1);
    }
  }
  tally.words = words;
  tally.allCaps = allCaps;
  return out;
}

/** "2-1", "92-90", "429-7": a score (dates and years have longer parts). Char codes, not a regex: every word of the corpus may be asked. */
export function isScore(text: string): boolean {
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

/** A word token with code units beyond ASCII letters and digits: accents, other scripts, other digits. */
function generalWord(text: string, raw: string, s: number, e: number, poss: boolean, sentStart: boolean): NameToken {
  const c0 = text.charCodeAt(s);
  let cap = false;
  let hasDigit = c0 >= 48 && c0 <= 57;
  if (!hasDigit) for (let k = s + 1; k < e; k++) if (isDigitCode(text.charCodeAt(k))) { hasDigit = true; break; }
  if (!hasDigit) {
    if (c0 >= 65 && c0 <= 90) cap = true;
    else if (c0 >= 97 && c0 <= 122) cap = raw.length > 2 && raw.length < 40 && hasPrefixJoiner(raw) && PREFIXED_NAME_RE.test(raw);
    else if (c0 >= 128) {
      const first = raw[0];
      cap = first !== first.toLowerCase() && first === first.toUpperCase();
    }
  }
  return { text: raw, norm: foldWord(raw), start: s, end: e, word: true, cap, acronym: cap && isAcronymShaped(raw), poss, sentStart, lex: -1 };
}

/** Quote marks that may open a quotation: `"`, `“`, `‘`, `'`, `«`. */
function isQuoteCode(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 0xab;
}

/** Marks after which the next word starts a clause: quote marks, brackets, dashes, a colon. */
function isOpenerCode(c: number): boolean {
  return isQuoteCode(c) || c === 40 || c === 91 || c === 45 || c === 0x2013 || c === 0x2014 || c === 58;
}

/** A joiner (`'`, `’`, `-`) right after a one- to three-letter prefix: cheap pre-test for {@link PREFIXED_NAME_RE}. */
function hasPrefixJoiner(word: string): boolean {
  for (let k = 1; k <= 3 && k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === 39 || c === 0x2019 || c === 45) return true;
  }
  return false;
}

// Only before another word: "Saint" alone may be a surname.
const SAINT_RE = /(?:^|\s)(?:saint|sainte|st|ste)\.?\s/;
const SAINT_ALL_RE = /(^|\s)(saint|sainte|st|ste)\.?(?=\s)/g;

/**
 * A folded name with "Saint"/"St."/"St" written one way ("st") and
 * "Sainte"/"Ste." another ("ste"), so "Saint Petersburg" and "St Petersburg"
 * are the same name. Keys without such a word come back unchanged.
 */
export function saintKey(key: string): string {
  // Every name is asked: most hold neither "st" nor "saint" at all, which is cheaper to see than to match.
  if ((!key.includes('st') && !key.includes('saint')) || !SAINT_RE.test(key)) return key;
  return key.replace(SAINT_ALL_RE, (_m, space: string, word: string) => space + (word === 'sainte' || word === 'ste' ? 'ste' : 'st'));
}

/** A letter, digit or mark of any script. */
const WORD_CODE_RE = /[\p{L}\p{N}\p{M}]/u;

/**
 * Letters and digits of any script, by code unit: 1 word, 2 not, 0 not yet known. ASCII, the Latin
 * letters and the punctuation of news text (curly quotes, dashes) are filled up front, other code
 * units on first sight, so the scanner's test is one table read. (Up front, too, because the first
 * look-up of a new code unit after V8 has optimised the scanner makes it compile the scanner again.)
 */
const wordTable = ((): Uint8Array => {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 128; c++) table[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
  const known: Array<[number, number]> = [[0x80, 0x2ff], [0x2000, 0x206f], [0x20a0, 0x20cf]];
  for (const [from, to] of known) for (let c = from; c <= to; c++) table[c] = WORD_CODE_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return table;
})();

function isWordCode(c: number): boolean {
  const v = wordTable[c];
  return v === 1 || (v === 0 && learnWordCode(c));
}

/** Works out (once) whether a non-ASCII code unit is a letter, digit or mark. */
function learnWordCode(c: number): boolean {
  const word = WORD_CODE_RE.test(String.fromCharCode(c));
  wordTable[c] = word ? 1 : 2;
  return word;
}

function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 128 && c !== 0x2019 && isWordCode(c) && /\p{N}/u.test(String.fromCharCode(c)));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

/** "CISM", "NOCs", "MoU", "PhD" but not "McDonald": two or more capitals outnumbering the small letters. */
function isAcronymShaped(word: string): boolean {
  if (word.length > 12 || word.length < 2) return false;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c === 45) return false;
    else if (c >= 128) {
      const ch = word[i];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  return upper >= 2 && lower < upper;
}

/** True when a word is written entirely in capitals ("LEICESTERSHIRE"). */
export function isAllCaps(word: string): boolean {
  if (word.length < 2) return false;
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 128) {
      const ch = word[i];
      if (ch !== ch.toUpperCase()) return false;
      if (ch !== ch.toLowerCase()) letters++;
    }
  }
  return letters > 1;
}

/**
 * True when two folded full names of people ("keith scott", "keith lamont scott",
 * "george w. bush") may name the same person: same last word, and the shorter's
 * words appear in the longer in order, its first word first, an initial standing
 * for any word it begins ("g." for "george"). Two different given names
 * ("donald trump", "ivanka trump") are two people, unless `sameGivenName` says they are
 * one name written two ways (by default {@link isGivenNameVariant}: "victor", "viktor"; "freddie",
 * "frederick"). Keys are words joined by single spaces, as the entity keys are.
 */
export function mayBeSamePerson(a: string, b: string, sameGivenName: (x: string, y: string) => boolean = isGivenNameVariant): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length < 2 || short[short.length - 1] !== long[long.length - 1]) return false;
  if (!sameNameWord(short[0], long[0]) && !sameGivenName(short[0], long[0])) return false;
  // The middle words of the shorter, in order, among the middle words of the longer.
  let k = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (k < long.length - 1 && !sameNameWord(short[i], long[k])) k++;
    if (k >= long.length - 1) return false;
    k++;
  }
  return true;
}

/**
 * True when two different folded given names are one name written two ways: a diminutive and its
 * full form from a short hand-made list ("freddie", "frederick"), or a transliteration that differs
 * only by c/k, ck/k or ph/f ("victor", "viktor"; "frederic", "frederick"), for names of five letters
 * or more, since shorter ones ("carl", "karl") are too often two names. Two different given names
 * ("donald", "ivanka") are never variants.
 */
export function isGivenNameVariant(x: string, y: string): boolean {
  if (x === y) return false;
  if (GIVEN_NAME_DIMINUTIVES.get(x)?.includes(y) || GIVEN_NAME_DIMINUTIVES.get(y)?.includes(x)) return true;
  return isGivenNameSpelling(x, y);
}

/**
 * True when two different folded given names of five letters or more differ only by a transliteration
 * (c/k, ck/k, ph/f: "victor", "viktor"; "costas", "kostas"). Stronger than a diminutive: "Andy Scott"
 * the footballer and "Andrew Scott" the actor are two people, where "Kostas" and "Costas" Kenteris are one.
 */
export function isGivenNameSpelling(x: string, y: string): boolean {
  return x !== y && x.length >= 5 && y.length >= 5 && transliterationKey(x) === transliterationKey(y);
}

/** A given name with the spellings transliterations swap written one way: "ph" as "f", "ck" and "c" as "k". */
function transliterationKey(name: string): string {
  return name.replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/c/g, 'k');
}

/**
 * Diminutives British and American news use for a full given name in the same story ("Freddie" and
 * "Frederick" Forsyth). Only diminutives of one full name: "Pat" (Patrick, Patricia), "Chris", "Sam",
 * "Alex", "Ben", "Ted", "Fred" and the like stand for several and are left out.
 */
const GIVEN_NAME_DIMINUTIVES = new Map<string, readonly string[]>([
  ['frederick', ['freddie', 'freddy']], ['frederic', ['freddie', 'freddy']],
  ['william', ['bill', 'billy', 'will', 'willie']], ['robert', ['bob', 'bobby', 'rob', 'robbie']],
  ['richard', ['rick', 'ricky', 'dick']], ['edward', ['eddie']],
  ['michael', ['mike', 'mick', 'mickey']], ['anthony', ['tony']], ['thomas', ['tom', 'tommy']],
  ['james', ['jim', 'jimmy']], ['joseph', ['joe', 'joey']], ['nicholas', ['nick']], ['daniel', ['dan', 'danny']],
  ['david', ['dave']], ['stephen', ['steve']], ['steven', ['steve']], ['peter', ['pete']],
  ['andrew', ['andy']], ['kenneth', ['ken', 'kenny']],
  ['timothy', ['tim']], ['matthew', ['matt']],
  ['elizabeth', ['liz', 'lizzie']], ['margaret', ['maggie', 'peggy']], ['catherine', ['cathy', 'kate']],
  ['katherine', ['kathy', 'kate']], ['jennifer', ['jenny']],
  ['rebecca', ['becky']], ['deborah', ['debbie']], ['susan', ['sue']], ['victoria', ['vicky']],
]);

/** Two words of names that may be the same: equal, or one an initial ("w" or "w.") of the other. */
function sameNameWord(x: string, y: string): boolean {
  if (x === y) return true;
  const xi = x.length === 1 || (x.length === 2 && x[1] === '.');
  const yi = y.length === 1 || (y.length === 2 && y[1] === '.');
  return (xi || yi) && x[0] === y[0];
}
