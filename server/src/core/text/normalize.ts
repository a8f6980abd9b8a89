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
 * Normalises a quotation for comparison: folded, punctuation dropped, whitespace
 * collapsed, British/American spelling variants unified where cheap.
 */
export function normalizeForCompare(text: string): string {
  return tokenize(text).map((t) => t.norm.replace(/['’]/g, '')).join(' ');
}
