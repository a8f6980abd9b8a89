/**
 * Reads a markdown draft into what the checks and editor features need:
 * sentences with their citations, quotations (with attribution and covering
 * citation), numbers and names. Nothing inside code, HTML, front matter or
 * headings is read.
 *
 * Parsing is cached by text: the language server asks for the same draft from
 * several features between two keystrokes.
 */
import type { Span } from '../model';
import { readNumbers } from '../extract/numbers';
import { splitSentences } from '../text/sentences';
import { findAttribution, findReportedSpeech, resolvePronoun, type FoundAttribution } from './attribution';
import { assignCoverage, findCitations } from './citations';
import { findInlineQuotes, hasDoubleQuoteMarks, opensWithQuote, type FoundQuote } from './draftQuotes';
import type { Citation, Draft, DraftName, DraftNumber, DraftQuote, DraftSentence } from './model';
import { findNames } from './names';
import { layoutProse, type ProseBlock } from './prose';
import { firstIndexNotBefore } from '../text/sortedSearch';

const CACHE_SIZE = 8;
const cache = new Map<string, Draft>();

/** Parses a markdown draft. Never throws; results are cached per text. */
export function parseDraft(text: string): Draft {
  const hit = cache.get(text);
  if (hit) {
    // Refresh its place in the LRU order.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const draft = parseUncached(text);
  cache.set(text, draft);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return draft;
}

function parseUncached(text: string): Draft {
  const layout = layoutProse(text);
  const masked = layout.masked;
  const sentences: DraftSentence[] = [];
  const citations: Citation[] = [];
  const quotes: DraftQuote[] = [];
  const speakers: FoundAttribution[] = [];
  const pending: Array<{ quote: DraftQuote; found: FoundAttribution | null }> = [];

  const blockQuoteDone = new Set<number>();
  const blocks = layout.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    // A block quote without quote marks is itself the quotation: its paragraphs hold no inline quotes of their own.
    const quotation = block.blockQuote >= 0 && !hasDoubleQuoteMarks(masked, layout.blockQuotes[block.blockQuote]);
    const continues = !quotation && b + 1 < blocks.length && opensWithQuote(masked, blocks[b + 1]);
    const reading = readBlockCached(masked, block, quotation ? 'quotation' : continues ? 'continued' : 'inline');
    citations.push(...reading.citations);
    sentences.push(...reading.sentences);
    for (const p of reading.quotes) {
      if (p.found && !p.found.pronoun) speakers.push(p.found);
      pending.push(p);
      quotes.push(p.quote);
    }
    if (!quotation || blockQuoteDone.has(block.blockQuote)) continue;
    // Emit the block quotation once, for all its paragraphs.
    blockQuoteDone.add(block.blockQuote);
    const members = blocks.filter((x) => x.blockQuote === block.blockQuote);
    const quote = blockQuotation(masked, layout.blockQuotes[block.blockQuote], members, citations, sentences);
    if (quote) {
      // "Wang said:" in the paragraph before introduces a block quote.
      const intro = previousSentence(masked, sentences, quote.start);
      const found = intro ? findAttribution(masked, intro, { start: intro.end, end: intro.end }, citations) : null;
      if (found && !found.pronoun) speakers.push(found);
      pending.push({ quote, found });
      quotes.push(quote);
      sentences.find((s) => s.start >= quote.inner.start && s.start < quote.inner.end)?.quotes.push(quote);
    }
  }

  const quoteSpans = quotes.filter((q) => q.kind !== 'reported').map((q) => q.inner);
  const citationsByBlock = groupByBlock(blocks, citations);
  const names = blocks.flatMap((block, i) => blockNames(masked, block, citationsByBlock[i]));
  const namesOutsideQuotes = outside(names, quoteSpans);
  for (const { quote, found } of pending) {
    if (!found) continue;
    const name = found.pronoun ? resolvePronoun(found.span.start, speakers, namesOutsideQuotes, pronounFloor(blocks, found.span.start)) : found.name;
    if (name) quote.attribution = { name, span: found.span };
  }
  carryContinuedQuotes(quotes, masked);

  return {
    text,
    sentences,
    citations: citations.sort((a, b) => a.start - b.start),
    quotes: quotes.sort((a, b) => a.start - b.start),
    names,
    ignored: layout.ignored,
  };
}

/** How a block's quotations are read: as inline quotes (the next block opening with a quote mark or not), or not at all (a block quotation's paragraph). */
type BlockMode = 'inline' | 'continued' | 'quotation';

/** What one block says on its own: citations, sentences (with numbers) and, unless a block quotation's, its quotes with their speakers as found in their sentence. */
interface BlockReading {
  citations: Citation[];
  sentences: DraftSentence[];
  /** Pronoun speakers are resolved later, across blocks. */
  quotes: Array<{ quote: DraftQuote; found: FoundAttribution | null }>;
}

/** Block readings kept (offsets relative to the block): a long draft has a few hundred blocks, several drafts may be open. */
const BLOCK_READINGS_SIZE = 8192;
const blockReadings = new Map<string, BlockReading>();

/**
 * The reading of a block, remembered by its prose (and the characters either
 * side, which the readers may look at) and mode: an edit changes one block of
 * hundreds, and everything a block says on its own is read again only when
 * its text changes. Every call returns fresh objects at the block's place;
 * the cross-block pass (pronouns, continued quotes, block quotations) sets
 * attributions and coverage on them.
 */
function readBlockCached(text: string, block: ProseBlock, mode: BlockMode): BlockReading {
  const key = `${mode}\u0000${text[block.start - 1] ?? ''}${text[block.end] ?? ''}${text.slice(block.start, block.end)}`;
  const hit = blockReadings.get(key);
  if (hit) return moveReading(hit, block.start);
  const reading = readBlock(text, block, mode);
  if (blockReadings.size >= BLOCK_READINGS_SIZE) blockReadings.clear();
  blockReadings.set(key, moveReading(reading, -block.start));
  return reading;
}

function readBlock(text: string, block: ProseBlock, mode: BlockMode): BlockReading {
  const blockCitations = findCitations(text, block.start, block.end);
  const blockSentences = sentencesOf(text, block, blockCitations);
  for (const s of blockSentences) {
    s.citations = blockCitations.filter((c) => c.start >= s.start && c.start < s.end);
    assignCoverage(text, s, s.citations);
    s.numbers = numbersIn(text, s, blockCitations);
  }
  const reading: BlockReading = { citations: blockCitations, sentences: blockSentences, quotes: [] };
  if (mode === 'quotation') return reading;

  const citationSpans: Span[] = blockCitations;
  const found = findInlineQuotes(text, block, mode === 'continued', citationSpans);
  const quoteSpans: Span[] = found;
  for (const q of found) {
    const sentence = blockSentences.find((s) => q.end > s.start && q.end <= s.end + 1) ?? blockSentences.find((s) => q.start >= s.start && q.start < s.end);
    if (!sentence) continue;
    const quote = toDraftQuote(text, q, citationSpans, sentence);
    const others = quoteSpans.filter((o) => o !== q);
    reading.quotes.push({ quote, found: findAttribution(text, sentence, q, [...citationSpans, ...others]) });
    sentence.quotes.push(quote);
  }
  // Reported speech: "Wang said the council would ..." in sentences without quotation marks.
  for (const s of blockSentences) {
    if (s.quotes.length > 0) continue;
    const reported = findReportedSpeech(text, s, citationSpans);
    if (!reported) continue;
    const quote: DraftQuote = {
      start: reported.clause.start, end: reported.clause.end, inner: reported.clause,
      text: collapse(text.slice(reported.clause.start, reported.clause.end)), kind: 'reported',
      citation: coveringCitation(s.citations, reported.clause), attribution: null,
    };
    reading.quotes.push({ quote, found: reported.attribution });
    s.quotes.push(quote);
  }
  return reading;
}

/** A copy of a block reading moved by `shift` characters (fresh objects throughout, links between them kept). */
function moveReading(reading: BlockReading, shift: number): BlockReading {
  const citationCopies = new Map<Citation, Citation>();
  const citations = reading.citations.map((c) => {
    const copy: Citation = {
      start: c.start + shift, end: c.end + shift, inText: c.inText, covers: moved(c.covers, shift),
      items: c.items.map((i) => ({ ...i, start: i.start + shift, end: i.end + shift, keySpan: moved(i.keySpan, shift) })),
    };
    citationCopies.set(c, copy);
    return copy;
  });
  const quoteCopies = new Map<DraftQuote, DraftQuote>();
  const quotes = reading.quotes.map(({ quote, found }) => {
    const copy: DraftQuote = {
      start: quote.start + shift, end: quote.end + shift, inner: moved(quote.inner, shift), text: quote.text, kind: quote.kind,
      citation: quote.citation ? citationCopies.get(quote.citation) ?? null : null, attribution: null,
    };
    quoteCopies.set(quote, copy);
    return { quote: copy, found: found ? { name: found.name, span: moved(found.span, shift), pronoun: found.pronoun } : null };
  });
  const sentences = reading.sentences.map((s) => ({
    start: s.start + shift, end: s.end + shift,
    citations: s.citations.map((c) => citationCopies.get(c) as Citation),
    quotes: s.quotes.map((q) => quoteCopies.get(q) as DraftQuote),
    numbers: s.numbers.map((n) => ({ ...n, start: n.start + shift, end: n.end + shift })),
  }));
  return { citations, sentences, quotes };
}

/** A span moved by `shift` characters. */
function moved(span: Span, shift: number): Span {
  return { start: span.start + shift, end: span.end + shift };
}

/** Names of blocks by their prose and citations (offsets relative to the block): an edit changes one block of hundreds. */
const BLOCK_NAMES_SIZE = 8192;
const blockNameCache = new Map<string, Array<{ start: number; end: number; text: string }>>();

/** The names of a block (see {@link findNames}), remembered by the block's prose and the places of its citations. */
function blockNames(text: string, block: ProseBlock, citations: Span[]): DraftName[] {
  const at = block.start;
  const key = `${citations.map((c) => `${c.start - at},${c.end - at}`).join(';')}\u0000${text.slice(block.start, block.end)}`;
  let found = blockNameCache.get(key);
  if (!found) {
    found = findNames(text, block.start, block.end, citations).map((n) => ({ start: n.start - at, end: n.end - at, text: n.text }));
    if (blockNameCache.size >= BLOCK_NAMES_SIZE) blockNameCache.clear();
    blockNameCache.set(key, found);
  }
  return found.map((n) => ({ start: n.start + at, end: n.end + at, text: n.text }));
}

/** The names that start inside none of the spans (one sort and a binary search per name, not every name against every span). */
function outside(names: DraftName[], spans: Span[]): DraftName[] {
  if (spans.length === 0) return names;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end of the spans up to i, so "some span before holds it" is one comparison.
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(s.end, reach[reach.length - 1] ?? -Infinity));
  return names.filter((n) => {
    const lo = firstIndexNotBefore(sorted.length, (i) => sorted[i].start <= n.start);
    return lo === 0 || reach[lo - 1] <= n.start;
  });
}

/** The sentence introducing a block quote ("Wang said:"), if any. */
function previousSentence(text: string, sentences: DraftSentence[], at: number): DraftSentence | null {
  const before = sentences.filter((s) => s.end <= at);
  const last = before[before.length - 1];
  // Only an introduction ending in a colon hands its speaker to the block quote.
  return last && text[last.end - 1] === ':' ? last : null;
}

/**
 * The citations starting in each block, in one pass over both lists (blocks are
 * in document order), so a draft with thousands of paragraphs stays linear.
 */
function groupByBlock(blocks: ProseBlock[], citations: Citation[]): Citation[][] {
  const sorted = [...citations].sort((a, b) => a.start - b.start);
  const groups: Citation[][] = [];
  let next = 0;
  for (const block of blocks) {
    while (next < sorted.length && sorted[next].start < block.start) next++;
    const mine: Citation[] = [];
    for (let j = next; j < sorted.length && sorted[j].start < block.end; j++) mine.push(sorted[j]);
    groups.push(mine);
  }
  return groups;
}

/** Index of the block holding `at` (binary search: blocks are in document order), or -1. */
function blockIndexAt(blocks: ProseBlock[], at: number): number {
  const lo = firstIndexNotBefore(blocks.length, (i) => blocks[i].end <= at);
  return lo < blocks.length && at >= blocks[lo].start ? lo : -1;
}

/** Start of the block before the one holding `at`: how far back "he" may look for its name. */
function pronounFloor(blocks: ProseBlock[], at: number): number {
  const i = blockIndexAt(blocks, at);
  return i > 0 ? blocks[i - 1].start : i === 0 ? blocks[0].start : 0;
}

/** Sentences of a block, with sentences made only of citations (`Claim. [@key]`) joined to the one before. */
function sentencesOf(text: string, block: ProseBlock, blockCitations: Citation[]): DraftSentence[] {
  const spans = splitSentences(text, block.start, block.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && (endsInsideCitation(prev, blockCitations) || onlyCitations(text, s, blockCitations))) prev.end = s.end;
    else merged.push({ ...s });
  }
  // Written out rather than spread: a spread followed by new properties takes a slow path in V8.
  return merged.map((s) => ({ start: s.start, end: s.end, citations: [], quotes: [], numbers: [] }));
}

/** True when a citation runs across the end of the span (the split fell inside it). */
function endsInsideCitation(span: Span, citations: Citation[]): boolean {
  for (const c of citations) if (c.start < span.end && c.end > span.end) return true;
  return false;
}

/** True when the span holds nothing but citations, white space and sentence punctuation (`. [@key]`). */
function onlyCitations(text: string, span: Span, citations: Citation[]): boolean {
  let i = span.start;
  for (const c of citations) {
    if (c.end <= span.start || c.start >= span.end) continue;
    if (!onlySeparators(text, i, c.start)) return false;
    i = Math.max(i, c.end);
  }
  return onlySeparators(text, i, span.end);
}

const SEPARATOR = /[\s.,;:!?]/;

function onlySeparators(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!SEPARATOR.test(text[k])) return false;
  return true;
}

function numbersIn(text: string, sentence: Span, citations: Citation[]): DraftNumber[] {
  return readNumbers(text, sentence.start, sentence.end)
    .filter((n) => !citations.some((c) => n.start < c.end && n.end > c.start))
    .map((n) => ({
      start: n.start, end: n.end, text: n.text, value: n.value, kind: n.kind,
      ...(n.unit !== undefined ? { unit: n.unit } : {}),
      ...(n.counted !== undefined ? { counted: n.counted } : {}),
      ...(n.qualifier !== undefined ? { qualifier: n.qualifier } : {}),
      ...(n.rangeEnd !== undefined ? { rangeEnd: n.rangeEnd } : {}),
    }));
}

function toDraftQuote(text: string, q: FoundQuote, citations: Span[], sentence: DraftSentence): DraftQuote {
  return {
    start: q.start, end: q.end, inner: q.inner, kind: q.kind,
    text: collapse(stripSpans(text, q.inner, citations)),
    citation: coveringCitation(sentence.citations, q), attribution: null,
  };
}

/** The citation of the sentence whose covered text overlaps the quote most. */
function coveringCitation(candidates: Citation[], span: Span): Citation | null {
  let best: Citation | null = null;
  let bestOverlap = 0;
  for (const c of candidates) {
    const overlap = Math.min(c.covers.end, span.end) - Math.max(c.covers.start, span.start);
    if (overlap > bestOverlap) {
      best = c;
      bestOverlap = overlap;
    }
  }
  return best;
}

function blockQuotation(text: string, span: Span, members: ProseBlock[], citations: Citation[], sentences: DraftSentence[]): DraftQuote | null {
  if (members.length === 0) return null;
  const inside = citations.filter((c) => c.start >= span.start && c.end <= span.end);
  let end = members[members.length - 1].end;
  // Citations closing the block quote are not part of the quotation.
  for (const c of [...inside].reverse()) if (/^[\s.,;:!?]*$/.test(text.slice(c.end, end))) end = c.start;
  let start = members[0].start;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  const inner = { start, end };
  const citation = inside[inside.length - 1] ?? null;
  if (citation) {
    // The block quote's citation vouches for the whole quotation.
    citation.covers = { ...inner };
    for (const s of sentences) if (s.start >= span.start && s.end <= span.end && !s.citations.includes(citation)) s.citations.push(citation);
  }
  return { start: span.start, end: span.end, inner, text: collapse(stripSpans(text, inner, inside)), kind: 'block', citation, attribution: null };
}

/**
 * A quotation continued over paragraphs (the opening paragraph leaves its
 * quote open) shares the speaker and citation of the piece that has them.
 */
function carryContinuedQuotes(quotes: DraftQuote[], text: string): void {
  const direct = quotes.filter((q) => q.kind === 'direct').sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < direct.length; i++) {
    const a = direct[i];
    const b = direct[i + 1];
    const unclosed = !/["\u201D]/.test(text[a.end - 1] ?? '');
    if (!unclosed || !/^\s*$/.test(text.slice(a.end, b.start))) continue;
    a.attribution ??= b.attribution;
    b.attribution ??= a.attribution;
    a.citation ??= b.citation;
    b.citation ??= a.citation;
  }
}

function stripSpans(text: string, span: Span, remove: Span[]): string {
  let out = '';
  let i = span.start;
  for (const r of [...remove].sort((x, y) => x.start - y.start)) {
    if (r.end <= span.start || r.start >= span.end) continue;
    out += text.slice(i, Math.max(i, r.start));
    i = Math.max(i, r.end);
  }
  return out + text.slice(i, span.end);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
