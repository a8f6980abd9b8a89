/**
 * Tokens for name recognition: words and single punctuation marks with exact
 * offsets, possessives split off ("Putin's" → "Putin" + possessive flag) and
 * the capitalisation facts the entity rules need.
 */
import { foldText } from '../text/normalize';

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
}

const PREFIXED_NAME_RE = /^(?:al|el|ad|as|ash|ibn|bin|abu|ben|d|o)['’-]\p{Lu}/u;
const QUOTES = new Set(['"', '“', '‘', "'", '«']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', '-', '–', '—', ':']);

/** Folded form of one word: ASCII words only need lower-casing, which is much cheaper than a full fold. */
export function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return foldText(word);
  return word.toLowerCase();
}

/**
 * Tokenizes `text.slice(start, end)`; offsets are into `text`. Words are runs
 * of letters and digits with inner `'`, `’`, `-`, `.`, `&` ("vice-president",
 * "U.S", "AT&T"); every other non-space character is a token of its own. A
 * hand-written scanner: this runs over every character of the corpus.
 */
export function tokenizeNames(text: string, start: number, end: number): NameToken[] {
  const out: NameToken[] = [];
  let prevOpener = true;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || (c > 0x2000 && c <= 0x200b)) {
        i++;
        continue;
      }
      const raw = text[i];
      const s = i++;
      out.push({ text: raw, norm: raw, start: s, end: s + 1, word: false, cap: false, acronym: false, poss: false, sentStart: false });
      if (QUOTES.has(raw) && isSpace(text.charCodeAt(s - 1)) && s + 1 < end && isWordCode(text.charCodeAt(s + 1))) {
        // A quote mark with space before and a word right after opens a quotation, even after a word.
        prevOpener = true;
      } else {
        // An opener after a word is usually a closing quote or a dash inside the sentence; a colon always opens.
        prevOpener = raw === ':' || (OPENERS.has(raw) && (prevOpener || out.length === 1 || !out[out.length - 2].word));
      }
      continue;
    }
    const s = i;
    i++;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (isWordCode(d)) i++;
      else if ((d === 39 || d === 0x2019 || d === 45 || d === 46 || d === 38) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    // "U.S.", "U.N.": an abbreviation with inner dots keeps its final dot (single letters only, so a
    // sentence's full stop after an ordinary word stays punctuation).
    if (i < end && text.charCodeAt(i) === 46 && i - s >= 3 && text.charCodeAt(i - 2) === 46) i++;
    let e = i;
    let poss = false;
    if (e - s > 2 && text.charCodeAt(e - 1) === 115 && (text.charCodeAt(e - 2) === 39 || text.charCodeAt(e - 2) === 0x2019)) {
      e -= 2;
      poss = true;
    }
    const raw = text.slice(s, e);
    const c0 = c;
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
    out.push({ text: raw, norm: foldWord(raw), start: s, end: e, word: true, cap, acronym: cap && isAcronymShaped(raw), poss, sentStart: prevOpener });
    prevOpener = false;
  }
  return out;
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
  if (!SAINT_RE.test(key)) return key;
  return key.replace(SAINT_ALL_RE, (_m, space: string, word: string) => space + (word === 'sainte' || word === 'ste' ? 'ste' : 'st'));
}

/** Letters and digits of any script; a table caches the answer for non-ASCII code units. */
const wordTable = new Uint8Array(65536);
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = wordTable[c];
  if (v === 0) {
    v = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c)) ? 1 : 2;
    wordTable[c] = v;
  }
  return v === 1;
}

function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 128 && c !== 0x2019 && isWordCode(c) && /\p{N}/u.test(String.fromCharCode(c)));
}

function isSpace(c: number): boolean {
  return Number.isNaN(c) || c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
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
