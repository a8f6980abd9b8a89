/**
 * Capitalised names written in draft prose ("Vladimir Putin", "CISM",
 * "Leonardo Perdigao de Oliveira", "Sir Digby Jones"), for hover, references
 * and resolving "he said" to the nearest name.
 */
import type { Span } from '../model';
import { isLetterOrDigit } from '../text/normalize';
import type { DraftName } from './model';

/** Lower-case words that may sit inside a name ("de Oliveira", "al-Assad", "van Gogh"). */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'dos', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'le', 'la']);

/** Capitalised words that start sentences without being names. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they',
  'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'after', 'before', 'when', 'while', 'however',
  'although', 'since', 'as', 'for', 'from', 'with', 'without', 'despite', 'according', 'speaking', 'meanwhile', 'there',
  'here', 'why', 'what', 'who', 'how', 'if', 'so', 'yet', 'also', 'most', 'more', 'some', 'many', 'all', 'no', 'not',
  'now', 'then', 'last', 'next', 'earlier', 'later', 'during', 'under', 'over', 'by', 'of', 'to', 'is', 'was', 'are',
  'were', 'be', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'do', 'does', 'did',
  'each', 'every', 'both', 'either', 'neither', 'one', 'two', 'three', 'such', 'other', 'any', 'only', 'even', 'just',
]);

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\.?/gu;

/**
 * Names in `text.slice(start, end)`: runs of capitalised words (with name
 * particles inside), without a leading sentence word such as "The" and
 * without a possessive "'s".
 *
 * Words are kept as spans in shared buffers, not as objects and strings: a
 * draft has thousands of words and a few hundred names, and the garbage of
 * one object per word was a good part of a cold parse's.
 */
export function findNames(text: string, start: number, end: number, skip: Span[] = []): DraftName[] {
  const count = scanWords(text, start, end);
  const out: DraftName[] = [];
  // The run of name words: words first..last (a run only ever grows by the word just read); -1 when none.
  let first = -1;
  let last = -1;
  for (let i = 0; i < count; i++) {
    const ws = wordStarts[i];
    if (skip.length > 0 && startsInside(skip, ws)) {
      if (first >= 0) emitName(text, first, last, out);
      first = last = -1;
      continue;
    }
    if (first >= 0 && !onlySpaces(text, wordEnds[last], ws)) {
      emitName(text, first, last, out);
      first = last = -1;
    }
    const next = i + 1 < count;
    if (capitalised(text, i)) {
      if (first < 0) first = i;
      last = i;
    } else if (first >= 0 && isParticle(text, i) && next && capitalised(text, i + 1)) {
      last = i;
    } else if (first < 0 && isParticle(text, i) && next && capitalised(text, i + 1) && wordEnds[i] < wordStarts[i + 1] && onlySpaces(text, wordEnds[i], wordStarts[i + 1])) {
      first = i;
      last = i;
    } else {
      if (first >= 0) emitName(text, first, last, out);
      first = last = -1;
    }
  }
  if (first >= 0) emitName(text, first, last, out);
  return out;
}

/**
 * Adds the name the run of words first..last makes, if any: trailing
 * particles and a leading sentence word ("The") are not part of it, nor is a
 * possessive "'s". (A module function rather than a closure per call: tsx
 * compiles with keepNames, which names every closure on creation.)
 */
function emitName(text: string, first: number, last: number, out: DraftName[]): void {
  while (last >= first && isParticle(text, last)) last--;
  while (last >= first && NOT_NAMES.has(text.slice(wordStarts[first], wordEnds[first]).toLowerCase())) first++;
  if (last < first) return;
  const s = wordStarts[first];
  let e = wordEnds[last];
  const c = text.charCodeAt(e - 1);
  const apostrophe = text.charCodeAt(e - 2);
  if (e - s >= 2 && c === 0x73 /* s */ && (apostrophe === 0x27 || apostrophe === 0x2019)) e -= 2;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

/**
 * The letter-or-digit test bound once: where modules are compiled one by one
 * to CommonJS (tsx, which runs the benchmarks and tests) each use of an
 * imported name is a getter call, and this test runs for every character.
 */
const letterOrDigitUnit = isLetterOrDigit;

/** Spans of the words {@link scanWords} found last (shared buffers, grown as needed). */
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);

/**
 * Fills {@link wordStarts}/{@link wordEnds} with the words of {@link WORD_RE}
 * starting before `end` (a word may run past it) and returns their number.
 * Read character by character, or with the regex when a surrogate is met
 * (only the Unicode regex reads those right).
 */
function scanWords(text: string, start: number, end: number): number {
  const count = scanPlainWords(text, start, end);
  return count >= 0 ? count : matchWords(text, start, end);
}

/** The words of {@link WORD_RE} read character by character; -1 when a surrogate is met. */
function scanPlainWords(text: string, start: number, end: number): number {
  // The regex backs a start inside a surrogate pair up to the pair.
  if (unitAt(text, start) < 0) return -1;
  const n = text.length;
  let count = 0;
  let i = start;
  while (i < end) {
    const unit = unitAt(text, i);
    if (unit < 0) return -1;
    if (unit === 0) {
      i++;
      continue;
    }
    const from = i;
    for (;;) {
      let next = 1;
      while (i < n && (next = unitAt(text, i)) === 1) i++;
      if (next < 0) return -1;
      const c = text.charCodeAt(i);
      if (i + 1 < n && (c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2e)) {
        const after = unitAt(text, i + 1);
        if (after < 0) return -1;
        if (after === 1) {
          i++;
          continue;
        }
      }
      break;
    }
    if (i < n && text.charCodeAt(i) === 0x2e) i++;
    setWord(text, count++, from, i);
  }
  return count;
}

/** The words of {@link WORD_RE}, with the regex. */
function matchWords(text: string, start: number, end: number): number {
  let count = 0;
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) setWord(text, count++, m.index, m.index + m[0].length);
  return count;
}

/** Stores word `k` matched at `[from, to)`: a trailing dot belongs to it only for initials and honorifics ("J.", "Mr."). */
function setWord(text: string, k: number, from: number, to: number): void {
  if (k === wordStarts.length) {
    const starts = new Int32Array(k * 2);
    starts.set(wordStarts);
    wordStarts = starts;
    const ends = new Int32Array(k * 2);
    ends.set(wordEnds);
    wordEnds = ends;
  }
  wordStarts[k] = from;
  wordEnds[k] = text.charCodeAt(to - 1) === 0x2e && !/^\p{Lu}\.$|^(?:Mr|Mrs|Ms|Dr|St)\.$/u.test(text.slice(from, to)) ? to - 1 : to;
}

/** 1: a letter or digit at `i`, 0: not (or past the end), -1: a surrogate half. */
function unitAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return -1;
  return letterOrDigitUnit(c) ? 1 : 0;
}

/** True when `at` lies inside one of the spans. */
function startsInside(spans: Span[], at: number): boolean {
  for (const s of spans) if (at >= s.start && at < s.end) return true;
  return false;
}

/** True when word `i` is a name particle ("de", "van", "al"). */
function isParticle(text: string, i: number): boolean {
  return wordEnds[i] - wordStarts[i] <= 5 && NAME_PARTICLES.has(text.slice(wordStarts[i], wordEnds[i]));
}

/** True when `text[from, to)` is spaces and tabs only (or empty): words on one line, side by side. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True when word `i` opens with a capital letter (ASCII checked without the Unicode regex). */
function capitalised(text: string, i: number): boolean {
  const c = text.charCodeAt(wordStarts[i]);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text.slice(wordStarts[i], wordEnds[i]));
}
