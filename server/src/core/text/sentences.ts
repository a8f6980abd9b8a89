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
import { isLetterOrDigit } from './normalize';

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

const COMMON_SENTENCE_STARTERS = new Set(['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'this', 'that', 'there', 'in', 'on', 'at', 'his', 'her', 'its', 'their', 'mr', 'mrs', 'ms']);
/** No word longer than this is in {@link ABBREVIATIONS} (lower-casing never shortens a word): longer ones skip the lookup. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));
const TERMINATOR_RE = /[.!?…]/g;
const DOTTED_ACRONYM = /^(\p{L}\.)+\p{L}$/u;
const OPENER_OR_CAP = /["'“‘«([\p{Lu}\p{N}¿¡]/u;
const UPPER_LETTER = /^\p{Lu}$/u;

/**
 * Splits `text.slice(start, end)` into sentences; returns spans in the coordinates of `text`.
 * Leading and trailing white space is excluded from each sentence.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  let i = sentenceStart;
  while (i < end) {
    // Jump to the next terminator with the regular expression engine's scan, much faster than a loop over every
    // character (even in a cold process, where the loop would still be interpreted).
    TERMINATOR_RE.lastIndex = i;
    if (!TERMINATOR_RE.test(text)) break;
    i = TERMINATOR_RE.lastIndex - 1;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isRepeatedTerminator(text.charCodeAt(j))) j++;
    while (j < end && isCloserCode(text.charCodeAt(j))) j++;
    if (j >= end) break;
    if (!isSpaceCode(text.charCodeAt(j))) { i = j; continue; }
    const next = skipSpace(text, j, end);
    if (next >= end) break;
    if (c === 46 /* . */ && j === i + 1 && !endsSentenceAfterDot(text, sentenceStart, i, next)) { i = j; continue; }
    if (!opensSentence(text.charCodeAt(next))) { i = j; continue; }
    out.push({ start: sentenceStart, end: trimEnd(text, sentenceStart, j) });
    sentenceStart = next;
    i = next;
  }
  const last = trimEnd(text, sentenceStart, end);
  if (last > sentenceStart) out.push({ start: sentenceStart, end: last });
  return out;
}

function endsSentenceAfterDot(text: string, sentenceStart: number, dot: number, next: number): boolean {
  // The word before the dot, including inner dots ("U.S", "e.g"). Its char codes are read in place:
  // most words before a full stop are long ordinary words, settled without a substring or a regular expression.
  let w = dot;
  while (w > sentenceStart && isWordOrDot(text.charCodeAt(w - 1))) w--;
  const length = dot - w;
  if (length === 0) return true;
  // An initial: a single capital letter ("J. K. Rowling"), unless it is a sentence-final pronoun "I".
  // (Word characters are single UTF-16 units: a surrogate is never one.)
  if (length === 1 && text.charCodeAt(w) !== CHAR_I && isUpperCode(text.charCodeAt(w))) return false;
  // A sentence-final abbreviation ("U.S") or a dotted acronym not in the list ("N.A.T.O") ends a sentence
  // only before a common starter. Both cases share one call of wordAt: a call first made from optimised
  // code throws that code away, so one rare call site rather than two.
  let beforeStarter = false;
  if (length <= LONGEST_ABBREVIATION) {
    const lower = text.slice(w, dot).toLowerCase();
    if (ABBREVIATIONS.has(lower)) {
      if (!SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return false;
      beforeStarter = true;
    }
  }
  if (!beforeStarter && length >= 3 && text.charCodeAt(w + 1) === 46 /* . */ && DOTTED_ACRONYM.test(text.slice(w, dot))) beforeStarter = true;
  return beforeStarter ? COMMON_SENTENCE_STARTERS.has(wordAt(text, next)) : true;
}

/** The lower-cased letters opening `text` at `next` (within 20 characters), '' when none. */
function wordAt(text: string, next: number): string {
  return /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0]?.toLowerCase() ?? '';
}

/** Closing quotation marks and brackets that may follow a sentence's final punctuation: " ' ” ’ » ) ] }. */
function isCloserCode(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93 || c === 125;
}

const CHAR_I = 73; // 'I'

/** Per UTF-16 unit beyond ASCII, lazily filled with the CLASS_* bits below (0: not looked at yet). */
const CODE_CLASSES = new Uint8Array(65536);
/** Set on every filled entry, so a character in no class is not looked at again. */
const CLASS_KNOWN = 1;
/** Can open a sentence ({@link OPENER_OR_CAP}). */
const CLASS_OPENS_SENTENCE = 2;
/** An upper-case letter. */
const CLASS_UPPER = 4;

function classesOf(c: number): number {
  let known = CODE_CLASSES[c];
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = CLASS_KNOWN | (OPENER_OR_CAP.test(ch) ? CLASS_OPENS_SENTENCE : 0) | (UPPER_LETTER.test(ch) ? CLASS_UPPER : 0);
    CODE_CLASSES[c] = known;
  }
  return known;
}

/** True for a character that can open a sentence: a quotation mark, a bracket, a capital, a digit, ¿ or ¡. */
function opensSentence(c: number): boolean {
  // " ' ( [ A-Z 0-9
  if (c < 128) return c === 34 || c === 39 || c === 40 || c === 91 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (classesOf(c) & CLASS_OPENS_SENTENCE) !== 0;
}

/** True for an upper-case letter. */
function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90; // A-Z
  return (classesOf(c) & CLASS_UPPER) !== 0;
}

/** `.`, `!` or `?` repeated after the terminator ("?!", "..."). */
function isRepeatedTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

function isWordOrDot(c: number): boolean {
  // `.`, 0-9, or a letter: `| 32` folds A-Z onto a-z (and maps no other ASCII code into a-z).
  if (c < 128) return c === 46 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  // Beyond ASCII a dot is never met: a letter or digit (the table shared with the token scan).
  return isLetterOrDigit(c);
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
