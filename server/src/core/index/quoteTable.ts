/**
 * The corpus-wide quote table: where a draft's quotation occurs in any source,
 * and which quotes each speaker has.
 *
 * Every source's text is reduced to folded word tokens (case, diacritics,
 * apostrophes, quote-mark style and punctuation ignored; "long-standing" is two
 * words) kept as integer ids, with a posting list per word. A lookup anchors on
 * the query's rarest word and verifies the neighbours, so it costs a few
 * posting entries rather than a scan of the text. Near matches vote for
 * candidate places with the rarer query words and score each place with a
 * word-level alignment.
 */
import type { ExtractedSource, Quote } from '../model';
import type { QuoteMatch, QuoteTable } from './api';
import { foldChar, foldText, isLetterOrDigit } from '../text/normalize';


/** Tokens per source addressable in a posting entry (entry = doc * DOC_STRIDE + position). */
const DOC_STRIDE = 2 ** 22;
/** Largest number of source words an ellipsis may stand for. */
const ELLIPSIS_WORDS = 300;
/** Most words a `[bracketed]` insertion may replace. */
const BRACKET_WORDS = 6;
/** Candidate places scored with an alignment per near-match lookup. */
const NEAR_CANDIDATES = 6;
/** Query words used to vote for near-match places. */
const NEAR_ANCHORS = 8;
/** Posting entries read at most per anchor word when voting (very common words vote little anyway). */
const MAX_POSTINGS_PER_ANCHOR = 1500;
/** Up to this many allowed sources, occurrences are read from their words rather than the posting lists. */
const SCAN_SOURCES = 16;
/** Verbatim occurrences collected before ranking (a common phrase can occur thousands of times). */
const MAX_EXACT = 500;
const DEFAULT_LIMIT = 5;
const DEFAULT_MIN_SIMILARITY = 0.6;

interface IndexedSource {
  key: string;
  source: ExtractedSource;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The source's quotes, by start. */
  quotes: Quote[];
}

/** A query reduced to word ids: runs of words separated by gaps (ellipses, insertions). */
interface ParsedQuery {
  /** Word ids, -1 for a word no source has. */
  ids: number[];
  /** Before word i, how many source words may be skipped freely (0 = none). */
  gapBefore: number[];
  /** Runs of consecutive words without a gap: [start, end) into `ids`. */
  runs: Array<[number, number]>;
}

interface Found {
  doc: number;
  /** First and last matched token (inclusive). */
  first: number;
  last: number;
  similarity: number;
  exact: boolean;
}

/** Creates an empty quote table. */
export function createQuoteTable(): QuoteTable {
  return new PostingQuoteTable();
}

class PostingQuoteTable implements QuoteTable {
  /** Word hash (see {@link wordHashes}) → word id. */
  private readonly vocabulary = new WordIds();
  private readonly postings = new Postings();
  private words = 0;
  private readonly docs: Array<IndexedSource | null> = [];
  private readonly docByKey = new Map<string, number>();
  private deadDocs = 0;
  private liveTokens = 0;

  add(source: ExtractedSource): void {
    if (this.docByKey.has(source.key)) this.remove(source.key);
    const doc = this.docs.length;
    const words = sourceWords(source);
    const hashes = words.hashes;
    const ids = new Int32Array(words.length);
    // Word ids and posting entries in one pass over the words.
    for (let i = 0; i < ids.length; i++) {
      let id = this.vocabulary.get(hashes[i]);
      if (id < 0) {
        id = this.words++;
        this.vocabulary.set(hashes[i], id);
      }
      ids[i] = id;
      if (i < DOC_STRIDE) this.postings.add(id, doc * DOC_STRIDE + i);
    }
    const { starts, ends } = words;
    const quotes = [...source.quotes].sort((a, b) => a.start - b.start);
    this.docs.push({ key: source.key, source, ids, starts, ends, quotes });
    this.docByKey.set(source.key, doc);
    this.liveTokens += ids.length;
  }

  remove(key: string): void {
    const doc = this.docByKey.get(key);
    if (doc === undefined) return;
    this.docByKey.delete(key);
    this.liveTokens -= this.docs[doc]?.ids.length ?? 0;
    this.docs[doc] = null;
    this.deadDocs++;
    // Posting entries of removed sources are skipped when read; drop them once they pile up.
    if (this.deadDocs > 16 && this.deadDocs > this.docByKey.size) this.compact();
  }

  find(text: string, options: { keys?: string[]; limit?: number; minSimilarity?: number } = {}): QuoteMatch[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
    const query = this.parse(text);
    if (query.ids.length === 0 || limit <= 0) return [];
    let allowed: Set<number> | null = null;
    if (options.keys) {
      allowed = new Set();
      for (const key of options.keys) {
        const doc = this.docByKey.get(key);
        if (doc !== undefined) allowed.add(doc);
      }
      if (allowed.size === 0) return [];
    }
    let found = this.findExact(query, allowed, limit);
    // Verbatim wins; near matches are only looked for when there is none.
    if (found.length === 0 && minSimilarity < 1) found = this.findNear(query, allowed, limit, minSimilarity);
    return found.map((f) => this.toMatch(f));
  }

  bySpeaker(name: string): Array<Quote & { key: string }> {
    const wanted = foldWords(name);
    if (wanted.length === 0) return [];
    const surname = wanted[wanted.length - 1];
    const out: Array<Quote & { key: string }> = [];
    for (const doc of this.docs) {
      if (!doc) continue;
      for (const q of doc.quotes) {
        if (!q.speaker) continue;
        const said = foldWords(q.speaker.name);
        // A lone surname left unresolved in its source still names the same person.
        const same = said.join(' ') === wanted.join(' ') || (said.length === 1 && said[0] === surname && wanted.length > 1);
        if (same) out.push({ ...q, key: doc.key });
      }
    }
    return out;
  }

  // ------------------------------------------------------------ query parsing

  private parse(text: string): ParsedQuery {
    const ids: number[] = [];
    const gapBefore: number[] = [];
    let pendingGap = 0;
    // Ellipses and [insertions] become gaps; everything else is words.
    const pieces = text.split(/(\[[^\]]*\]|\.\s*\.\s*\.|…)/);
    for (const piece of pieces) {
      if (piece === undefined || piece === '') continue;
      if (piece.startsWith('[')) {
        pendingGap += Math.min(BRACKET_WORDS, foldWords(piece).length + 3);
        continue;
      }
      if (piece === '…' || /^\.\s*\.\s*\.$/.test(piece)) {
        pendingGap += ELLIPSIS_WORDS;
        continue;
      }
      const words = new WordBuffer(64);
      wordHashes(piece, 0, piece.length, words);
      for (let w = 0; w < words.length; w++) {
        ids.push(this.vocabulary.get(words.hashes[w]));
        gapBefore.push(ids.length === 1 ? 0 : pendingGap);
        pendingGap = 0;
      }
    }
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < ids.length; i++) {
      if (i === 0 || gapBefore[i] > 0) runs.push([i, i + 1]);
      else runs[runs.length - 1][1] = i + 1;
    }
    return { ids, gapBefore, runs };
  }

  // ------------------------------------------------------------ verbatim

  private findExact(query: ParsedQuery, allowed: Set<number> | null, limit: number): Found[] {
    if (query.ids.includes(-1)) return [];
    // Anchor on the rarest word of the whole query.
    let anchor = 0;
    for (let i = 1; i < query.ids.length; i++) {
      if (this.postings.count(query.ids[i]) < this.postings.count(query.ids[anchor])) anchor = i;
    }
    const runIndex = query.runs.findIndex(([s, e]) => anchor >= s && anchor < e);
    const [runStart, runEnd] = query.runs[runIndex];
    const out: Found[] = [];
    const seen = new Set<number>();
    for (const entry of this.occurrences(query.ids[anchor], allowed)) {
      const doc = Math.floor(entry / DOC_STRIDE);
      const source = this.docs[doc];
      if (!source || (allowed && !allowed.has(doc))) continue;
      const start = entry % DOC_STRIDE - (anchor - runStart);
      if (start < 0 || !runAt(source.ids, query.ids, runStart, runEnd, start)) continue;
      const first = this.extendBackward(source.ids, query, runIndex, start);
      const last = first < 0 ? -1 : this.extendForward(source.ids, query, runIndex, start + (runEnd - runStart) - 1);
      if (first < 0 || last < 0 || seen.has(doc * DOC_STRIDE + first)) continue;
      seen.add(doc * DOC_STRIDE + first);
      out.push({ doc, first, last, similarity: 1, exact: true });
      if (out.length >= MAX_EXACT) break;
    }
    return this.rank(out, limit);
  }

  /** Places the runs before `runIndex` (nearest occurrence within each gap); the first token, or -1. */
  private extendBackward(ids: Int32Array, query: ParsedQuery, runIndex: number, start: number): number {
    let first = start;
    for (let r = runIndex - 1; r >= 0; r--) {
      const [s, e] = query.runs[r];
      const gap = query.gapBefore[query.runs[r + 1][0]];
      const len = e - s;
      let placed = -1;
      for (let p = first - len; p >= 0 && p >= first - len - gap; p--) {
        if (runAt(ids, query.ids, s, e, p)) { placed = p; break; }
      }
      if (placed < 0) return -1;
      first = placed;
    }
    return first;
  }

  /** Places the runs after `runIndex` (nearest occurrence within each gap); the last token, or -1. */
  private extendForward(ids: Int32Array, query: ParsedQuery, runIndex: number, last: number): number {
    for (let r = runIndex + 1; r < query.runs.length; r++) {
      const [s, e] = query.runs[r];
      const gap = query.gapBefore[s];
      let placed = -1;
      for (let p = last + 1; p <= last + 1 + gap && p + (e - s) <= ids.length; p++) {
        if (runAt(ids, query.ids, s, e, p)) { placed = p; break; }
      }
      if (placed < 0) return -1;
      last = placed + (e - s) - 1;
    }
    return last;
  }

  /**
   * Posting entries of a word, restricted to `allowed` sources: read from the
   * sources themselves when they are few (a common word's list is long).
   */
  private occurrences(id: number, allowed: Set<number> | null): number[] {
    if (!allowed || allowed.size > SCAN_SOURCES) return this.postings.list(id);
    let total = 0;
    for (const doc of allowed) total += this.docs[doc]?.ids.length ?? 0;
    if (total >= this.postings.count(id)) return this.postings.list(id);
    const out: number[] = [];
    for (const doc of allowed) {
      const ids = this.docs[doc]?.ids;
      if (!ids) continue;
      for (let i = 0; i < ids.length && i < DOC_STRIDE; i++) if (ids[i] === id) out.push(doc * DOC_STRIDE + i);
    }
    return out;
  }

  // ------------------------------------------------------------ near matches

  private findNear(query: ParsedQuery, allowed: Set<number> | null, limit: number, minSimilarity: number): Found[] {
    const n = query.ids.length;
    // The rarer known words vote for where the query would start in a source.
    const anchors: number[] = [];
    for (let i = 0; i < n; i++) if (query.ids[i] >= 0 && !anchors.some((a) => query.ids[a] === query.ids[i])) anchors.push(i);
    anchors.sort((a, b) => this.postings.count(query.ids[a]) - this.postings.count(query.ids[b]));
    anchors.length = Math.min(anchors.length, NEAR_ANCHORS);
    if (anchors.length === 0) return [];
    const collected: number[] = [];
    for (let k = 0; k < anchors.length; k++) {
      const a = anchors[k];
      // Very common words add little once two rarer ones have voted.
      if (k >= 2 && this.postings.count(query.ids[a]) > MAX_POSTINGS_PER_ANCHOR && (!allowed || allowed.size > SCAN_SOURCES)) break;
      const list = this.occurrences(query.ids[a], allowed);
      for (const entry of list) {
        const doc = Math.floor(entry / DOC_STRIDE);
        if (!this.docs[doc] || (allowed && !allowed.has(doc))) continue;
        collected.push(doc * DOC_STRIDE + Math.max(0, entry - doc * DOC_STRIDE - a));
      }
    }
    const votes = Float64Array.from(collected).sort();
    // Cluster votes that fall within one query length of each other in the same source.
    const span = n + Math.min(ELLIPSIS_WORDS, query.gapBefore.reduce((sum, g) => sum + g, 0)) + 8;
    const clusters: Array<{ doc: number; from: number; to: number; count: number }> = [];
    for (let i = 0; i < votes.length;) {
      const doc = Math.floor(votes[i] / DOC_STRIDE);
      let j = i + 1;
      while (j < votes.length && votes[j] - votes[i] <= span && Math.floor(votes[j] / DOC_STRIDE) === doc) j++;
      clusters.push({ doc, from: votes[i] - doc * DOC_STRIDE, to: votes[j - 1] - doc * DOC_STRIDE, count: j - i });
      i = j;
    }
    const needed = Math.min(2, anchors.length);
    clusters.sort((x, y) => y.count - x.count);
    const out: Found[] = [];
    for (const c of clusters.slice(0, NEAR_CANDIDATES)) {
      if (c.count < needed) break;
      const source = this.docs[c.doc] as IndexedSource;
      const from = Math.max(0, c.from - 8);
      const to = Math.min(source.ids.length, c.to + span);
      const aligned = align(query, source.ids, from, to);
      if (aligned && aligned.similarity >= minSimilarity) out.push({ doc: c.doc, first: aligned.first, last: aligned.last, similarity: aligned.similarity, exact: false });
    }
    // Two clusters can align to the same place.
    const unique = out.filter((f, i) => !out.some((g, k) => k < i && g.doc === f.doc && g.first <= f.last && f.first <= g.last));
    return this.rank(unique, limit);
  }

  // ------------------------------------------------------------ results

  /** Best first: more similar, then inside an extracted direct quote, then source order. */
  private rank(found: Found[], limit: number): Found[] {
    const scored = found.map((f) => ({ f, quoted: this.quoteAt(f)?.kind === 'direct' ? 1 : 0 }));
    scored.sort((a, b) => b.f.similarity - a.f.similarity || b.quoted - a.quoted || a.f.doc - b.f.doc || a.f.first - b.f.first);
    return scored.slice(0, limit).map((s) => s.f);
  }

  private toMatch(f: Found): QuoteMatch {
    const source = this.docs[f.doc] as IndexedSource;
    const start = source.starts[f.first];
    const end = source.ends[f.last];
    return { key: source.key, start, end, sourceText: source.source.text.slice(start, end), exact: f.exact, similarity: round(f.similarity), quote: this.quoteAt(f) };
  }

  /** The extracted quote holding the match: a direct quote containing it (or most of it), else a reported one. */
  private quoteAt(f: Found): Quote | null {
    const source = this.docs[f.doc] as IndexedSource;
    const start = source.starts[f.first];
    const end = source.ends[f.last];
    let best: Quote | null = null;
    let bestScore = 0;
    for (const q of source.quotes) {
      if (q.start >= end) break;
      const overlap = Math.min(q.end, end) - Math.max(q.start, start);
      if (overlap <= 0) continue;
      const contains = q.start <= start && q.end >= end;
      // A match over continued quote paragraphs lies mostly inside one of them.
      if (!contains && overlap * 2 < end - start) continue;
      const score = (q.kind === 'direct' ? 2 : 0) + (contains ? 1 : 0) + overlap / (end - start + 1);
      if (score > bestScore) { best = q; bestScore = score; }
    }
    return best;
  }

  private compact(): void {
    this.postings.compact((entry) => this.docs[Math.floor(entry / DOC_STRIDE)] !== null);
    this.deadDocs = 0;
  }
}

/**
 * Posting lists of all words in three typed arrays: each entry links to the
 * word's previous entry. Appending is a few array writes, where a JavaScript
 * array per word costs an allocation and copies as it grows (a corpus has a
 * million entries). Lists come out newest first.
 */
class Postings {
  private entries = new Float64Array(1 << 16);
  private next = new Int32Array(1 << 16);
  private size = 0;
  private heads = new Int32Array(1 << 12).fill(-1);
  private counts = new Int32Array(1 << 12);

  add(word: number, entry: number): void {
    if (word >= this.heads.length) this.growWords(word);
    if (this.size === this.entries.length) this.growEntries();
    this.entries[this.size] = entry;
    this.next[this.size] = this.heads[word];
    this.heads[word] = this.size++;
    this.counts[word]++;
  }

  count(word: number): number {
    return word < this.counts.length ? this.counts[word] : 0;
  }

  list(word: number): number[] {
    const out: number[] = [];
    if (word >= this.heads.length) return out;
    for (let k = this.heads[word]; k >= 0; k = this.next[k]) out.push(this.entries[k]);
    return out;
  }

  /** Drops the entries `keep` rejects. */
  compact(keep: (entry: number) => boolean): void {
    const entries = new Float64Array(this.entries.length);
    const next = new Int32Array(this.entries.length);
    let size = 0;
    for (let word = 0; word < this.heads.length; word++) {
      const kept = this.list(word).filter(keep).reverse();
      let head = -1;
      for (const entry of kept) {
        entries[size] = entry;
        next[size] = head;
        head = size++;
      }
      this.heads[word] = head;
      this.counts[word] = kept.length;
    }
    this.entries = entries;
    this.next = next;
    this.size = size;
  }

  private growEntries(): void {
    const entries = new Float64Array(this.entries.length * 2);
    entries.set(this.entries);
    const next = new Int32Array(this.entries.length * 2);
    next.set(this.next);
    this.entries = entries;
    this.next = next;
  }

  private growWords(word: number): void {
    let length = this.heads.length;
    while (length <= word) length *= 2;
    const heads = new Int32Array(length).fill(-1);
    heads.set(this.heads);
    const counts = new Int32Array(length);
    counts.set(this.counts);
    this.heads = heads;
    this.counts = counts;
  }
}

/**
 * Word hash → word id, an open-addressing table in one typed array, each
 * slot's hash and id side by side (one memory read per lookup): a corpus has
 * about a million words to look up and a `Map` costs more than the rest of
 * indexing together.
 */
class WordIds {
  /** `[hash, id]` per slot (slot `i` at `i << 1` and `(i << 1) + 1`); hash -1 marks a free slot. */
  private slots = WordIds.freeSlots(1 << 16);
  private size = 0;

  /** The id of a hash, or -1. */
  get(hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = slotOf(hash) & mask; ; slot = (slot + 1) & mask) {
      const key = slots[slot << 1];
      if (key === hash) return slots[(slot << 1) + 1];
      if (key === -1) return -1;
    }
  }

  set(hash: number, id: number): void {
    if ((this.size + 1) * 2 > this.slots.length >> 1) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = slotOf(hash) & mask;
    while (slots[slot << 1] !== -1 && slots[slot << 1] !== hash) slot = (slot + 1) & mask;
    if (slots[slot << 1] === -1) this.size++;
    slots[slot << 1] = hash;
    slots[(slot << 1) + 1] = id;
  }

  private grow(): void {
    const old = this.slots;
    // Twice as many slots (`old` holds two numbers per slot).
    this.slots = WordIds.freeSlots((old.length >> 1) * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== -1) this.set(old[at], old[at + 1]);
  }

  /** Room for `count` slots, all free. */
  private static freeSlots(count: number): Float64Array {
    const slots = new Float64Array(count * 2);
    for (let at = 0; at < slots.length; at += 2) slots[at] = -1;
    return slots;
  }
}

/** The 32-bit half of a word hash, spread over the table. */
function slotOf(hash: number): number {
  return Math.floor(hash / 2097152) | 0;
}

function runAt(ids: Int32Array, query: number[], s: number, e: number, at: number): boolean {
  if (at < 0 || at + (e - s) > ids.length) return false;
  for (let k = s; k < e; k++) if (ids[at + k - s] !== query[k]) return false;
  return true;
}

/**
 * Semi-global alignment of the whole query against the best stretch of
 * `ids[from, to)`: +2 per same word, -1 per changed, dropped or added word, free
 * skips where the query has a gap. Similarity is the Dice coefficient of the
 * aligned words: 2 × same / (query words + source words covered).
 */
function align(query: ParsedQuery, ids: Int32Array, from: number, to: number): { first: number; last: number; similarity: number } | null {
  const n = query.ids.length;
  const m = to - from;
  if (m <= 0) return null;
  const width = m + 1;
  // score[i][j]: best score aligning query[0, i) ending right before source token from + j.
  const { score, origin, same, covered } = alignmentBuffers((n + 1) * width);
  for (let j = 0; j <= m; j++) { score[j] = 0; origin[j] = j; same[j] = 0; covered[j] = 0; }
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const up = (i - 1) * width;
    const freeSkip = query.gapBefore[i - 1] > 0;
    for (let j = 0; j <= m; j++) {
      // Query word i-1 dropped from the source.
      let best = score[up + j] - 1;
      let o = origin[up + j];
      let s = same[up + j];
      let c = covered[up + j];
      if (j > 0) {
        const hit = ids[from + j - 1] === query.ids[i - 1];
        const diag = score[up + j - 1] + (hit ? 2 : -1);
        if (diag > best) { best = diag; o = origin[up + j - 1]; s = same[up + j - 1] + (hit ? 1 : 0); c = covered[up + j - 1] + 1; }
        // A source word the query does not have.
        const left = score[row + j - 1] - 1;
        if (left > best) { best = left; o = origin[row + j - 1]; s = same[row + j - 1]; c = covered[row + j - 1] + 1; }
      }
      score[row + j] = best;
      origin[row + j] = o;
      same[row + j] = s;
      covered[row + j] = c;
    }
    if (freeSkip) {
      // Before a gap word the source may skip words for free: carry the best prefix forwards.
      // bestJ: the best end of the previous row strictly before source token j - 1.
      let bestJ = 0;
      for (let j = 1; j <= m; j++) {
        if (score[up + j - 1] >= score[up + bestJ]) bestJ = j - 1;
        const hit = ids[from + j - 1] === query.ids[i - 1];
        if (hit && score[up + bestJ] + 2 > score[row + j]) {
          score[row + j] = score[up + bestJ] + 2;
          origin[row + j] = origin[up + bestJ];
          same[row + j] = same[up + bestJ] + 1;
          covered[row + j] = covered[up + bestJ] + 1;
        }
      }
    }
  }
  let bestEnd = 0;
  const last = n * width;
  for (let j = 1; j <= m; j++) if (score[last + j] > score[last + bestEnd]) bestEnd = j;
  const matched = same[last + bestEnd];
  if (matched === 0) return null;
  const firstTok = from + origin[last + bestEnd];
  const lastTok = from + bestEnd - 1;
  // Trim unmatched words at the edges of the stretch.
  let a = firstTok;
  let b = lastTok;
  while (a < b && !query.ids.includes(ids[a])) a++;
  while (b > a && !query.ids.includes(ids[b])) b--;
  const coveredWords = covered[last + bestEnd] - (a - firstTok) - (lastTok - b);
  const similarity = (2 * matched) / (n + Math.max(coveredWords, matched));
  return { first: a, last: b, similarity: Math.min(similarity, 0.99) };
}

let buffers = { score: new Float64Array(0), origin: new Int32Array(0), same: new Int32Array(0), covered: new Int32Array(0) };

/** Alignment tables, reused between lookups (every cell is written before it is read). */
function alignmentBuffers(size: number): typeof buffers {
  if (buffers.score.length < size) {
    buffers = { score: new Float64Array(size), origin: new Int32Array(size), same: new Int32Array(size), covered: new Int32Array(size) };
  }
  return buffers;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ------------------------------------------------------------ words

/** A source's words: hashes (read once, while indexing) and offsets (kept). */
interface SourceWords {
  length: number;
  /** Valid up to `length`: the shared buffer, overwritten by the next source. */
  hashes: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Growable typed arrays the words of one text are collected in, reused from
 * text to text: a source's words are then copied out once, at their final size.
 */
class WordBuffer {
  hashes: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.hashes = new Float64Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Doubles the capacity, keeping the words so far. */
  grow(): void {
    const size = this.hashes.length * 2;
    const hashes = new Float64Array(size);
    hashes.set(this.hashes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.hashes = hashes;
    this.starts = starts;
    this.ends = ends;
  }
}

const sharedWords = new WordBuffer(1 << 14);

/** The words of a source's paragraphs (title, captions and body) as hashes, with their offsets. */
function sourceWords(source: ExtractedSource): SourceWords {
  sharedWords.length = 0;
  for (const p of source.paragraphs) wordHashes(source.text, p.start, p.end, sharedWords);
  const n = sharedWords.length;
  return { length: n, hashes: sharedWords.hashes, starts: sharedWords.starts.slice(0, n), ends: sharedWords.ends.slice(0, n) };
}

/**
 * Each UTF-16 unit's folded form plus one when it is a letter or digit, 0 when
 * it is not, -1 not yet known (filled on first sight from `isLetterOrDigit` and
 * `foldChar`). One table read per character tells the word scan both what it
 * needs, where two calls per character were most of the cost of hashing a corpus.
 */
const WORD_FOLD = new Int32Array(65536).fill(-1);

/** The {@link WORD_FOLD} entry of a unit, filling it on first sight. */
function wordFold(c: number): number {
  let v = WORD_FOLD[c];
  if (v < 0) {
    // `| 0`: a unit folding to nothing hashes as 0, as `h ^ NaN` did.
    v = isLetterOrDigit(c) ? (c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldChar(String.fromCharCode(c)).charCodeAt(0) | 0) + 1 : 0;
    WORD_FOLD[c] = v;
  }
  return v;
}

/**
 * The words of `text[start, end)` as 53-bit hashes of their folded form (two
 * independent 32- and 21-bit hashes, so two words of a corpus practically never
 * share one): the same words as {@link wordsOf}, without making a string per
 * word, which is most of the cost of indexing a corpus. Written into `out`'s
 * arrays directly (no call per word).
 */
function wordHashes(text: string, start: number, end: number, out: WordBuffer): void {
  let n = out.length;
  let i = start;
  while (i < end) {
    let v = WORD_FOLD[text.charCodeAt(i)];
    if (v < 0) v = wordFold(text.charCodeAt(i));
    if (v === 0) { i++; continue; }
    const s = i;
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    while (i < end) {
      const c = text.charCodeAt(i);
      v = WORD_FOLD[c];
      if (v < 0) v = wordFold(c);
      if (v > 0) {
        const folded = v - 1;
        h1 = Math.imul(h1 ^ folded, 16777619);
        h2 = Math.imul(h2 ^ folded, 0x5bd1e995) ^ (h2 >>> 15);
        i++;
        continue;
      }
      if ((c === 39 || c === 0x2019 || c === 0x2018) && i + 1 < end && wordFold(text.charCodeAt(i + 1)) > 0) { i++; continue; }
      break;
    }
    if (n === out.hashes.length) out.grow();
    out.hashes[n] = (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
    out.starts[n] = s;
    out.ends[n] = i;
    n++;
  }
  out.length = n;
}

/** Folded words of a query or name. */
function foldWords(text: string): string[] {
  const forms: string[] = [];
  wordsOf(text, 0, text.length, forms, [], []);
  return forms;
}

/**
 * Words of `text[start, end)`: letters and digits, folded; an apostrophe inside
 * a word is dropped ("country’s" → "countrys"); any other character splits.
 * Plain ASCII words (nearly all) are only lower-cased: folding is for the rest.
 */
function wordsOf(text: string, start: number, end: number, forms: string[], starts: number[], ends: number[]): void {
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (!isLetterOrDigit(c)) { i++; continue; }
    const s = i;
    let ascii = true;
    let upper = false;
    let apostrophe = false;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) { i++; continue; }
      if (isLetterOrDigit(c)) {
        if (c >= 128) ascii = false;
        else if (c >= 65 && c <= 90) upper = true;
        i++;
        continue;
      }
      if ((c === 39 || c === 0x2019 || c === 0x2018) && i + 1 < end && isLetterOrDigit(text.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
        continue;
      }
      break;
    }
    let form = text.slice(s, i);
    if (!ascii) form = foldText(form);
    else if (upper) form = form.toLowerCase();
    if (apostrophe) form = form.replace(/['\u2019\u2018]/g, '');
    forms.push(form);
    starts.push(s);
    ends.push(i);
  }
}
