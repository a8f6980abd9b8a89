/**
 * Sentence splitting for news prose, with exact offsets.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets)
 * followed by white space and a character that can open a sentence, unless the
 * dot ends an abbreviation ("Mr.", "U.S.", "Jan."), an initial ("J. Smith") or
 * sits inside a number ("1.28"). A quote that contains several sentences keeps
 * them as separate sentences; the splitter does not look for balanced quotes,
 * because in news text a quote paragraph often opens without closing.
 */
import type { Span } from '../model';

/** Abbreviations after which a dot does not end a sentence (lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'cpt', 'sgt',
  'maj', 'adm', 'cmdr', 'rev', 'hon', 'pres', 'supt', 'insp', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'plc', 'bros',
  'vs', 'v', 'etc', 'no', 'nos', 'vol', 'pp', 'p', 'para', 'fig', 'approx', 'est', 'dept', 'univ', 'assn', 'ave',
  'blvd', 'rd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s',
  'u.k', 'u.n', 'u.s.a', 'd.c', 'n.y', 'l.a', 'ph.d', 'm.p', 'al', 'cf', 'ca', 'op', 'ed', 'eds',
]);

/** Abbreviations that may also end a sentence when followed by a capitalised word ("... in the U.S. The ..."). */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'u.s', 'u.k', 'u.n', 'u.s.a', 'd.c', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'corp', 'plc']);

const CLOSERS = '"\'”’»)]}';
const OPENERS_AND_CAPS = /["'“‘«([\p{Lu}\p{N}¿¡]/u;
const WORD_OR_DOT = /[\p{L}\p{N}.]/u;
const TERMINATOR_RE = /[.!?…]/g;
const COMMON_SENTENCE_STARTERS = new Set(['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'this', 'that', 'there', 'in', 'on', 'at', 'his', 'her', 'its', 'their', 'mr', 'mrs', 'ms']);

/**
 * Splits `text.slice(start, end)` into sentences; returns spans in the coordinates of `text`.
 * Leading and trailing white space is excluded from each sentence.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  let i = sentenceStart;
  while (i < end) {
    // Jump to the next terminator with the regular expression engine's scan, much faster than a loop over every character.
    TERMINATOR_RE.lastIndex = i;
    if (!TERMINATOR_RE.test(text)) break;
    i = TERMINATOR_RE.lastIndex - 1;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isRepeatedTerminator(text.charCodeAt(j))) j++;
    while (j < end && CLOSERS.includes(text[j])) j++;
    if (j >= end) break;
    if (!isSpaceCode(text.charCodeAt(j))) { i = j; continue; }
    const next = skipSpace(text, j, end);
    if (next >= end) break;
    if (c === 46 && j === i + 1 && !endsSentenceAfterDot(text, sentenceStart, i, next)) { i = j; continue; }
    if (!OPENERS_AND_CAPS.test(text[next])) { i = j; continue; }
    out.push({ start: sentenceStart, end: trimEnd(text, sentenceStart, j) });
    sentenceStart = next;
    i = next;
  }
  const last = trimEnd(text, sentenceStart, end);
  if (last > sentenceStart) out.push({ start: sentenceStart, end: last });
  return out;
}

function endsSentenceAfterDot(text: string, sentenceStart: number, dot: number, next: number): boolean {
  // The word before the dot, including inner dots ("U.S", "e.g").
  let w = dot;
  while (w > sentenceStart && isWordOrDot(text.charCodeAt(w - 1))) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  // An initial: a single capital letter ("J. K. Rowling"), unless it is a sentence-final pronoun "I".
  if (/^\p{Lu}$/u.test(word) && word !== 'I') return false;
  if (ABBREVIATIONS.has(lower)) {
    if (!SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return false;
    const nextWord = /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0]?.toLowerCase() ?? '';
    return COMMON_SENTENCE_STARTERS.has(nextWord);
  }
  // Dotted acronyms not in the list ("N.A.T.O"): only a sentence end before a common starter.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    const nextWord = /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0]?.toLowerCase() ?? '';
    return COMMON_SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}

function isRepeatedTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

function isWordOrDot(c: number): boolean {
  if (c < 128) return c === 46 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return WORD_OR_DOT.test(String.fromCharCode(c));
}

/**
 * Exactly the characters of the regular expression class `\s`, by code: this
 * runs on every space of the corpus, where a regular expression test per
 * character costs more than the rest of the splitter.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first index at or after `i` (before `end`) that is not white space. */
export function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The end of `text.slice(start, end)` with trailing white space excluded. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}
