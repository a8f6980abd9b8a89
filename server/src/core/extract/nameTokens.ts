/**
 * Tokens for name recognition: words and single punctuation marks with exact
 * offsets, possessives split off ("Putin's" → "Putin" + possessive flag) and
 * the capitalisation facts the entity rules need.
 */

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

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const PREFIXED_NAME_RE = /^(?:al|el|ad|as|ash|ibn|bin|abu|ben|d|o)['’-]\p{Lu}/u;
const QUOTES = new Set(['"', '“', '‘', "'", '«']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', '-', '–', '—', ':']);

/**
 * Tokenizes `text.slice(start, end)`. `folded` is `foldText(text)` (same
 * length), passed in so the whole text is folded once.
 */
export function tokenizeNames(text: string, folded: string, start: number, end: number): NameToken[] {
  const out: NameToken[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  let prevOpener = true;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    let raw = m[0];
    const s = start + m.index;
    const c0 = raw.charCodeAt(0);
    const isWord = raw.length > 1 || isWordChar(raw, c0);
    if (!isWord) {
      // A quote mark with space before and a word right after opens a quotation, even after a word.
      if (QUOTES.has(raw) && s + 1 < end && /\s/.test(text[s - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(text[s + 1])) {
        out.push({ text: raw, norm: raw, start: s, end: s + 1, word: false, cap: false, acronym: false, poss: false, sentStart: false });
        prevOpener = true;
        continue;
      }
      out.push({ text: raw, norm: raw, start: s, end: s + 1, word: false, cap: false, acronym: false, poss: false, sentStart: false });
      // An opener after a word is usually a closing quote or a dash inside the sentence; a colon always opens.
      prevOpener = raw === ':' || (OPENERS.has(raw) && (prevOpener || out.length === 1 || !out[out.length - 2].word));
      continue;
    }
    let poss = false;
    if (raw.length > 2 && (raw.endsWith("'s") || raw.endsWith('’s'))) {
      raw = raw.slice(0, -2);
      poss = true;
    }
    const e = s + raw.length;
    const first = raw[0];
    const hasDigit = /\p{N}/u.test(raw);
    const upperFirst = first !== first.toLowerCase() && first === first.toUpperCase();
    const cap = !hasDigit && (upperFirst || PREFIXED_NAME_RE.test(raw));
    out.push({
      text: raw,
      norm: folded.slice(s, e),
      start: s,
      end: e,
      word: true,
      cap,
      acronym: cap && isAcronymShaped(raw),
      poss,
      sentStart: prevOpener,
    });
    prevOpener = false;
  }
  return out;
}

function isWordChar(ch: string, code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

/** "CISM", "NOCs", "MoU", "PhD" but not "McDonald": two or more capitals outnumbering the small letters. */
function isAcronymShaped(word: string): boolean {
  if (word.length > 12 || word.includes('-')) return false;
  let upper = 0;
  let lower = 0;
  for (const ch of word) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return upper >= 2 && lower < upper;
}

/** True when a word is written entirely in capitals ("LEICESTERSHIRE"). */
export function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}
