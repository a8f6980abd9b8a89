/**
 * Character-level normalisation shared by extraction, search and checks.
 *
 * The folds here are *length-preserving* (one UTF-16 unit in, one out) so that an
 * offset found in folded text is the same offset in the original text.
 */

const foldCache = new Map<number, string>();

/**
 * Folds one character for matching: lower-case, diacritics removed, curly quotes
 * and apostrophes made straight, dashes made `-`, non-breaking spaces made ` `.
 * Always returns exactly one UTF-16 unit.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  let out: string;
  switch (ch) {
    case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u2032': case '\u00B4': case '`':
      out = "'"; break;
    case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033': case '\u00AB': case '\u00BB':
      out = '"'; break;
    case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
      out = '-'; break;
    case '\u00A0': case '\u2007': case '\u202F': case '\u2009': case '\u200A':
      out = ' '; break;
    case '\u00DF': out = 's'; break;
    case '\u00E6': case '\u00C6': out = 'a'; break;
    case '\u00F8': case '\u00D8': out = 'o'; break;
    case '\u0142': case '\u0141': out = 'l'; break;
    case '\u0111': case '\u0110': out = 'd'; break;
    default: {
      const base = ch.normalize('NFD').charAt(0).toLowerCase();
      out = base.length === 1 ? base : ch;
    }
  }
  foldCache.set(code, out);
  return out;
}

/** {@link foldChar} over a whole string; the result has the same length as the input. */
export function foldText(text: string): string {
  // ASCII text (nearly all of it) only needs lower-casing, which the engine does without a string per character.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x80) i++;
  if (i === text.length) return text.toLowerCase();
  let out = text.slice(0, i).toLowerCase();
  for (; i < text.length; i++) out += foldChar(text[i]);
  return out;
}





/** A word token with its span in the text it came from. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Folded form for matching (see {@link foldText}). */
  norm: string;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into word tokens: letters and digits, keeping inner apostrophes,
 * hyphens, dots and ampersands ("don't", "vice-president", "U.S", "1.28", "AT&T").
 * Punctuation and spaces are dropped. Offsets are relative to `base`.
 */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    tokens.push({ text: m[0], norm: foldText(m[0]), start: base + m.index, end: base + m.index + m[0].length });
  }
  return tokens;
}

/**
 * Letter-or-digit (`[\p{L}\p{N}]`) by UTF-16 unit: 1 yes, 2 no, 0 not yet
 * known. A table filled on first sight instead of a regular expression per
 * character: the checks scan every word of a draft and of the passages they
 * compare it with.
 */
const LETTER_OR_DIGIT = new Uint8Array(65536);
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;

/**
 * Units taken by the letter or digit at `i` (2 for a surrogate pair, which
 * counts only when both halves lie before `to`), 0 when none is there.
 */
function letterOrDigitAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT_RE.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return isLetterOrDigit(c) ? 1 : 0;
}

/** True when the UTF-16 unit is a letter or digit (`[\p{L}\p{N}]`) by itself; surrogate halves are not. */
export function isLetterOrDigit(c: number): boolean {
  let v = LETTER_OR_DIGIT[c];
  if (v === 0) {
    v = LETTER_OR_DIGIT_RE.test(String.fromCharCode(c)) ? 1 : 2;
    LETTER_OR_DIGIT[c] = v;
  }
  return v === 1;
}

/** True for the inner punctuation a token may hold between letters or digits (see {@link tokenize}), by UTF-16 unit. */
export function isInnerPunctuation(c: number): boolean {
  return c === 0x27 /* ' */ || c === 0x2019 /* ’ */ || c === 0x2e /* . */ || c === 0x2d /* - */ || c === 0x26 /* & */;
}

/**
 * Calls `visit(start, end)` for each token of `text.slice(from, to)`, with
 * offsets into `text`: the tokens of `tokenize(text.slice(from, to), from)`,
 * found without a regular expression and without a string or object per
 * token, for loops that need the text of only some tokens. A `visit` that
 * returns `false` stops the scan.
 */
export function forEachToken(text: string, from: number, to: number, visit: (start: number, end: number) => boolean | void): void {
  let i = from;
  while (i < to) {
    let n = letterOrDigitAt(text, i, to);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (n > 0) {
        i += n;
        n = i < to ? letterOrDigitAt(text, i, to) : 0;
      }
      // Inner punctuation continues the token only when a letter or digit follows it.
      if (i + 1 < to && isInnerPunctuation(text.charCodeAt(i))) {
        n = letterOrDigitAt(text, i + 1, to);
        if (n > 0) {
          i++;
          continue;
        }
      }
      break;
    }
    if (visit(start, i) === false) return;
  }
}

/**
 * True when `text.slice(start, end)`, which starts and ends with a letter or
 * digit, is one of the tokens of `tokenize(text.slice(from, to), from)`: no
 * letter or digit, nor inner punctuation followed by one, touches it inside
 * `[from, to)`. Lets a caller find a known word in a passage with `indexOf`
 * instead of tokenizing the passage.
 */
export function isWholeToken(text: string, start: number, end: number, from: number, to: number): boolean {
  if (start > from) {
    if (letterOrDigitBefore(text, start, from) > 0) return false;
    if (start - 1 > from && isInnerPunctuation(text.charCodeAt(start - 1)) && letterOrDigitBefore(text, start - 1, from) > 0) return false;
  }
  if (end < to) {
    if (letterOrDigitAt(text, end, to) > 0) return false;
    if (end + 1 < to && isInnerPunctuation(text.charCodeAt(end)) && letterOrDigitAt(text, end + 1, to) > 0) return false;
  }
  return true;
}

/** Units taken by the letter or digit ending at `i` (a surrogate pair counts when both halves lie at or after `from`), 0 when none. */
function letterOrDigitBefore(text: string, i: number, from: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i - 2 >= from) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER_OR_DIGIT_RE.test(text.slice(i - 2, i)) ? 2 : 0;
  }
  return letterOrDigitAt(text, i - 1, i);
}

/**
 * Normalises a quotation for comparison: folded, punctuation dropped, whitespace
 * collapsed, British/American spelling variants unified where cheap.
 */
export function normalizeForCompare(text: string): string {
  return tokenize(text).map((t) => t.norm.replace(/['’]/g, '')).join(' ');
}
