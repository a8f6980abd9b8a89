/**
 * Quotations in draft prose: straight `"..."` and curly `“...”` double quotes
 * (single quotes inside them are part of the quote), top-level curly `‘...’`
 * of three or more words (British style), and `>` block quotes without quote
 * marks of their own. A quote paragraph that opens without closing continues
 * into the next paragraph when that one opens with a quote mark (news style);
 * any other unclosed mark is a typo and is not read as a quote.
 *
 * Inside a quotation, `...`/`…` mark omitted words and `[square brackets]` the
 * writer's insertions; {@link quoteSegments} splits the words accordingly.
 */
import type { Span } from '../model';

/** A quotation found in prose, before attribution and citation are known. */
export interface FoundQuote extends Span {
  inner: Span;
  kind: 'direct' | 'block';
}

const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:'‘]/;

/**
 * Quotes inside one block of prose. `continues` says whether the next block
 * opens with a quote mark (then an unclosed quote runs to the end of this block).
 * `blocked` spans (citations) are excluded from an unclosed quote's words.
 */
export function findInlineQuotes(text: string, block: Span, continues: boolean, blocked: Span[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  let i = block.start;
  while (i < block.end) {
    const ch = text[i];
    if ((ch === '"' || ch === '\u201C') && isOpening(text, i, block)) {
      const close = findDoubleClose(text, i + 1, block.end);
      if (close >= 0) {
        pushQuote(out, text, i, close + 1, i + 1, close);
        i = close + 1;
        continue;
      }
      if (continues) {
        let end = block.end;
        for (const b of blocked) if (b.start > i && b.start < end) end = b.start;
        pushQuote(out, text, i, end, i + 1, end);
      }
      break;
    }
    if (ch === '\u2018' && isOpening(text, i, block)) {
      const close = findSingleClose(text, i + 1, block.end);
      if (close >= 0 && wordCount(text.slice(i + 1, close)) >= 3) {
        pushQuote(out, text, i, close + 1, i + 1, close);
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** True when the block's text opens with a double quote mark. */
export function opensWithQuote(text: string, block: Span): boolean {
  let i = block.start;
  while (i < block.end && /\s/.test(text[i])) i++;
  return text[i] === '"' || text[i] === '\u201C';
}

/** True when the span holds a double quote mark (then a block quote is prose with inline quotes). */
export function hasDoubleQuoteMarks(text: string, span: Span): boolean {
  return /["\u201C\u201D]/.test(text.slice(span.start, span.end));
}

/** A run of the quote's own words between omissions or insertions. */
export type QuoteSegment = Span;

/**
 * Splits a quotation's inner span into the runs of words the writer claims
 * are the speaker's: ellipses and `[insertions]` separate runs; `blocked`
 * spans (citations inside a block quote) are dropped.
 */
export function quoteSegments(text: string, inner: Span, blocked: Span[] = []): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  let start = inner.start;
  for (let i = inner.start; i < inner.end; i++) {
    const block = blocked.length > 0 ? blockedAt(blocked, i) : undefined;
    if (block) {
      pushSegment(text, start, i, segments);
      i = block.end - 1;
      start = block.end;
      continue;
    }
    if (text.startsWith('...', i) || text[i] === '\u2026') {
      pushSegment(text, start, i, segments);
      let j = i;
      while (j < inner.end && (text[j] === '.' || text[j] === '\u2026')) j++;
      i = j - 1;
      start = j;
      continue;
    }
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close > 0 && close < inner.end) {
        pushSegment(text, start, i, segments);
        i = close;
        start = close + 1;
      }
    }
  }
  pushSegment(text, start, inner.end, segments);
  return segments;
}

/** Adds `text[start, end)` as a segment, without the spaces and punctuation at its ends (when anything is left). */
function pushSegment(text: string, start: number, end: number, segments: QuoteSegment[]): void {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:.!?'"“”‘’]/.test(text[s])) s++;
  while (e > s && /[\s,;:.!?'"“”‘’]/.test(text[e - 1])) e--;
  if (e > s) segments.push({ start: s, end: e });
}

/** The blocked span starting at `i`, if any. */
function blockedAt(blocked: Span[], i: number): Span | undefined {
  for (const b of blocked) if (b.start === i) return b;
  return undefined;
}

function pushQuote(out: FoundQuote[], text: string, start: number, end: number, innerStart: number, innerEnd: number): void {
  let s = innerStart;
  let e = innerEnd;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ start, end, inner: { start: s, end: e }, kind: 'direct' });
}

function isOpening(text: string, i: number, block: Span): boolean {
  const before = i > block.start ? text[i - 1] : ' ';
  const after = text[i + 1] ?? ' ';
  return (i === block.start || OPEN_BEFORE.test(before)) && !/\s/.test(after);
}

function findDoubleClose(text: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    const ch = text[j];
    if (ch === '\u201D') return j;
    if (ch === '"' && !/\s/.test(text[j - 1]) && (j + 1 >= end || /[\s.,;:!?)\]\u2014\u2013\-'’]/.test(text[j + 1]))) return j;
    // A new opening curly mark before any close: the earlier quote was never closed.
    if (ch === '\u201C') return -1;
  }
  return -1;
}

function findSingleClose(text: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    if (text[j] !== '\u2019') continue;
    const after = text[j + 1] ?? ' ';
    if (!/\p{L}/u.test(after) && !/\s/.test(text[j - 1])) return j;
  }
  return -1;
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
