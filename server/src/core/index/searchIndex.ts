/**
 * Full-text search over every paragraph of every source (body, title, headings
 * and captions): BM25 ranking, `"quoted phrase"` and `prefix*` queries,
 * diacritics-insensitive ("Perdigao" finds "Perdigão"), plural-insensitive
 * ("nation" finds "nations").
 *
 * Why hand-written rather than a library: MiniSearch measured ~2.7 MB/s
 * indexing and 64 ms p99 queries on 41 MB of news, while the whole indexing
 * pipeline must run at 5 MB/s. A plain term map with integer document ids and
 * flat posting arrays builds an order of magnitude faster.
 *
 * Layout: each paragraph is a document with an integer id. Each term has one
 * flat posting array `[doc, tf, pos1 … posTf, doc, tf, …]` appended to in doc-id
 * order while indexing, so building is a single pass over the tokens. Removing a
 * source tombstones its documents; postings of dead documents are skipped at
 * query time and dropped by a compaction once they outnumber the live ones, so
 * removing one source never rebuilds the index.
 */
import type { ExtractedSource, Span } from '../model';
import { foldText } from '../text/normalize';
import type { PassageHit, SearchIndex } from './api';

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
/** Snippet length in characters, around the best match. */
const SNIPPET_LENGTH = 160;
/**
 * Chunks of documents' words (sizes in words): the first is small, each next one twice the last up to
 * TOKEN_CHUNK, so most of a corpus sits in a few arrays with little unused at the end of each. A
 * paragraph of more words than a chunk holds gets a chunk twice its count so far, which may be larger.
 */
const FIRST_TOKEN_CHUNK = 1024;
const TOKEN_CHUNK = 1 << 16;
/** A prefix query expands to at most this many terms (the most frequent ones). */
const MAX_PREFIX_TERMS = 64;

/**
 * Function words left out of `similar` (a sentence's content words decide
 * whether a paragraph supports it) and of plain search terms when the query has
 * other words.
 */
const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'as', 'into',
  'about', 'than', 'that', 'this', 'these', 'those', 'there', 'here', 'which', 'who', 'whom', 'whose', 'what', 'when',
  'where', 'why', 'how', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'doe',
  'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'it', 'its', 'he', 'she',
  'they', 'them', 'their', 'his', 'her', 'him', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 's', 't', 'not',
  'no', 'so', 'if', 'then', 'also', 'such', 'said', 'say', 'says', 'after', 'before', 'over', 'under', 'all', 'any',
  'some', 'more', 'most', 'other', 'up', 'out', 'very', 'just', 'while', 'since', 'during', 'against', 'between',
  'both', 'each', 'own', 'only', 'same', 'too', 'via', 'per',
]);

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Word characters by UTF-16 unit: 1 letter or digit, 2 not, 0 not yet known.
 * A table instead of a regex: indexing allocates nothing per character.
 */
const WORD_CHAR = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  WORD_CHAR[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
}

/** The {@link WORD_CHAR} class of a unit not classed yet (1 or 2), recorded for next time. */
function wordCharClass(c: number): number {
  const v = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c)) ? 1 : 2;
  WORD_CHAR[c] = v;
  return v;
}

function isWordChar(c: number): boolean {
  return (WORD_CHAR[c] || wordCharClass(c)) === 1;
}

/**
 * Calls `visit(start, end)` for each word of `text.slice(from, to)`: runs of
 * letters and digits ("Russia's" → "Russia", "s"; "vice-president" → two words).
 */
function forEachWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    visit(start, i);
  }
}

/**
 * The index form of a word: folded (lower case, no diacritics) and with a light
 * plural folding (-ies → -y, -sses/-xes/-ches/-shes → drop -es, other -s
 * dropped), applied identically to documents and queries.
 */
export function indexTerm(word: string): string {
  const folded = isAscii(word) ? word.toLowerCase() : foldText(word);
  return stem(folded);
}

function stem(t: string): string {
  const n = t.length;
  if (n <= 3 || t.charCodeAt(n - 1) !== 115 /* s */) return t;
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return t;
  if (t.endsWith('ies') && n > 4) return t.slice(0, -3) + 'y';
  if (t.endsWith('sses') || t.endsWith('xes') || t.endsWith('ches') || t.endsWith('shes') || t.endsWith('zzes')) return t.slice(0, -2);
  if (t.endsWith('ss') || t.endsWith('us') || t.endsWith('is')) return t;
  return t.slice(0, -1);
}

/** A word of a query or paragraph with its place. */
interface Word {
  term: string;
  start: number;
  end: number;
}

function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  forEachWord(text, from, to, (start, end) => out.push({ term: indexTerm(text.slice(start, end)), start, end }));
  return out;
}

/** One part of a parsed query. */
type Clause =
  | { kind: 'term'; term: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; terms: string[] };

/**
 * Parses a query: `"quoted phrases"`, `prefix*` and plain words. Plain
 * stopwords are dropped unless nothing else is left.
 */
export function parseQuery(query: string): Clause[] {
  const clauses: Clause[] = [];
  const plain: Clause[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  const q = query.replace(/[“”„«»]/g, '"');
  for (let m = re.exec(q); m; m = re.exec(q)) {
    if (m[1] !== undefined) {
      const terms = words(m[1]).map((w) => w.term);
      if (terms.length === 1) clauses.push({ kind: 'term', term: terms[0] });
      else if (terms.length > 1) clauses.push({ kind: 'phrase', terms });
      continue;
    }
    const raw = m[2];
    const ws = words(raw);
    if (raw.endsWith('*') && ws.length > 0) {
      for (let i = 0; i < ws.length - 1; i++) plain.push({ kind: 'term', term: ws[i].term });
      // Prefixes are matched unstemmed: "nation*" must not become "nation" minus its s.
      const last = /[\p{L}\p{N}]+$/u.exec(raw.slice(0, -1).replace(/\*+$/, ''))?.[0] ?? '';
      const folded = isAscii(last) ? last.toLowerCase() : foldText(last);
      if (folded) clauses.push({ kind: 'prefix', prefix: folded });
      continue;
    }
    for (const w of ws) plain.push({ kind: 'term', term: w.term });
  }
  const content = plain.filter((c) => c.kind === 'term' && !STOPWORDS.has(c.term));
  clauses.push(...(content.length > 0 || clauses.length > 0 ? content : plain));
  return clauses;
}

/** Creates an empty full-text index. */
export function createSearchIndex(): SearchIndex {
  return new ParagraphIndex();
}

/** The persisted form of a search index (plain JSON). Source texts are not included: they come back with the sources. */
export interface SerializedSearchIndex {
  version: 2;
  /** The term dictionary; `tokens` holds indices into it. */
  terms: string[];
  docKey: string[];
  docParagraph: number[];
  docStart: number[];
  docEnd: number[];
  /** Number of words of each document; the documents' words follow each other in `tokens`. */
  docLength: number[];
  tokens: number[];
}

/**
 * Serialises an index made by {@link createSearchIndex} (without its removed
 * documents), for a persisted cache. The source texts are not included.
 */
export function serializeSearchIndex(index: SearchIndex): SerializedSearchIndex {
  if (!(index instanceof ParagraphIndex)) throw new Error('serializeSearchIndex: not an index made by createSearchIndex');
  return index.serialize();
}

/**
 * Rebuilds an index from {@link serializeSearchIndex} output and the sources it
 * was built from (for the snippets' text). Returns null when the data does not
 * fit the sources (other version, missing or changed source), so the caller
 * indexes the sources afresh.
 */
export function deserializeSearchIndex(data: unknown, sources: ExtractedSource[]): SearchIndex | null {
  return ParagraphIndex.deserialize(data, sources);
}

/**
 * Postings of a set of documents, grouped by term: for term `t`, occurrences
 * `offsets[t] .. offsets[t+1]` give `docs[i]` and `positions[i]`, sorted by
 * document then position. Built in two passes of a counting sort over the
 * documents' term ids, so it costs little more than reading them.
 */
interface Segment {
  /** Terms known when the segment was built (later terms have no postings here). */
  termCount: number;
  offsets: Int32Array;
  docs: Int32Array;
  positions: Int32Array;
}

function buildSegment(docIds: number[], docTokens: Int32Array[], termCount: number): Segment {
  const offsets = new Int32Array(termCount + 1);
  let total = 0;
  for (const d of docIds) {
    const tokens = docTokens[d];
    for (let i = 0; i < tokens.length; i++) offsets[tokens[i] + 1]++;
    total += tokens.length;
  }
  for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
  const cursor = offsets.slice(0, termCount);
  const docs = new Int32Array(total);
  const positions = new Int32Array(total);
  for (const d of docIds) {
    const tokens = docTokens[d];
    for (let i = 0; i < tokens.length; i++) {
      const k = cursor[tokens[i]]++;
      docs[k] = d;
      positions[k] = i;
    }
  }
  return { termCount, offsets, docs, positions };
}

/** Per-document occurrences of one term in one segment: `[from, to)` ranges into the segment's arrays. */
interface TermRun {
  segment: Segment;
  doc: number;
  from: number;
  to: number;
}

class ParagraphIndex implements SearchIndex {
  private termIds = new Map<string, number>();
  /** Term id by the word as written: most words repeat, so they skip folding and stemming. */
  private written = new WrittenWords();
  private terms: string[] = [];
  private sortedTerms: string[] | null = null;

  private docKey: string[] = [];
  private docParagraph: number[] = [];
  private docStart: number[] = [];
  private docEnd: number[] = [];
  private docText: string[] = [];
  private docAlive: boolean[] = [];
  /** Each document's words as term ids, in order (what segments are built from). */
  private docTokens: Int32Array[] = [];
  private docsByKey = new Map<string, number[]>();
  private liveDocs = 0;
  private deadDocs = 0;
  private liveLength = 0;

  /**
   * The index proper is a large segment for most documents plus a small one for
   * documents added since; both are built lazily at the first query after a
   * change. The small one is rebuilt alone until it holds a quarter of the
   * words, then both are merged (dropping removed documents).
   */
  private main: Segment | null = null;
  private mainWords = 0;
  private recentDocs: number[] = [];
  private recentWords = 0;
  private recent: Segment | null = null;
  private stale = false;
  /**
   * Documents' words are written straight into this shared array, each
   * document's words a view of it (a copy per paragraph was an allocation of
   * memory outside the heap for each of tens of thousands of paragraphs).
   */
  private tokenChunk = new Int32Array(0);
  /** Entries of {@link ParagraphIndex.tokenChunk} in use. */
  private chunkUsed = 0;
  /** Documents holding each term (by term id, -1 not yet counted); dropped on every add and remove. */
  private dfCache: Int32Array | null = null;
  /** Largest BM25 term-frequency factor of each term over the documents holding it (NaN: not yet known); dropped with `dfCache`. */
  private peakCache: Float64Array | null = null;
  /**
   * Score accumulator shared by all queries, all zeros between queries: a
   * query touches a few thousand of tens of thousands of documents, and
   * allocating and zeroing a fresh array per query cost more than scoring.
   */
  private scratch = new Float64Array(0);
  /**
   * BM25's length part `K1 * (1 - B + B * length / average)` of each document
   * (by document id), dropped on every add and remove and when documents are
   * renumbered: scanning postings is most of a query, and this saves reading
   * the document's words and the corpus totals for every posting.
   */
  private normCache: Float64Array | null = null;

  add(source: ExtractedSource): void {
    const ids = this.docsByKey.get(source.key) ?? [];
    this.docsByKey.set(source.key, ids);
    const text = source.text;
    for (let p = 0; p < source.paragraphs.length; p++) {
      const para = source.paragraphs[p];
      const doc = this.docKey.length;
      // The word scan of forEachWord, inlined: this loop is the whole cost of indexing.
      let count = 0;
      let chunk = this.tokenChunk;
      let base = this.chunkUsed;
      const to = para.end;
      let i = para.start;
      // The table is read in place (no call per character): a first pass runs these loops before they are optimised.
      while (i < to) {
        let c = text.charCodeAt(i);
        while (i < to && (WORD_CHAR[c] || wordCharClass(c)) !== 1) c = text.charCodeAt(++i);
        if (i >= to) break;
        const start = i;
        // FNV-1a over the word's units, so known words are found without slicing them out.
        let hash = 0x811c9dc5;
        for (; i < to && (WORD_CHAR[c] || wordCharClass(c)) === 1; c = text.charCodeAt(++i)) hash = Math.imul(hash ^ c, 16777619);
        if (base + count === chunk.length) {
          // A new chunk, the paragraph's words so far moved to its start; the old chunk's tail stays unused.
          const next = new Int32Array(Math.max(Math.min(TOKEN_CHUNK, chunk.length * 2), FIRST_TOKEN_CHUNK, count * 2));
          next.set(chunk.subarray(base, base + count));
          chunk = this.tokenChunk = next;
          base = 0;
        }
        let id = this.written.get(text, start, i, hash);
        if (id < 0) {
          id = this.termIdOf(text.slice(start, i));
          this.written.set(text, start, i, hash, id);
        }
        chunk[base + count++] = id;
      }
      this.docKey.push(source.key);
      this.docParagraph.push(p);
      this.docStart.push(para.start);
      this.docEnd.push(para.end);
      this.docText.push(text);
      this.docAlive.push(true);
      this.docTokens.push(chunk.subarray(base, base + count));
      this.chunkUsed = base + count;
      ids.push(doc);
      this.recentDocs.push(doc);
      this.recentWords += count;
      this.liveDocs++;
      this.liveLength += count;
    }
    this.stale = true;
    this.dfCache = null;
    this.peakCache = null;
    this.normCache = null;
  }

  remove(key: string): void {
    const ids = this.docsByKey.get(key);
    if (!ids) return;
    this.docsByKey.delete(key);
    this.dfCache = null;
    this.peakCache = null;
    this.normCache = null;
    for (const doc of ids) {
      if (!this.docAlive[doc]) continue;
      this.docAlive[doc] = false;
      this.docText[doc] = '';
      this.liveDocs--;
      this.deadDocs++;
      this.liveLength -= this.docTokens[doc].length;
    }
    // Tombstones only: postings of removed documents are skipped by queries and dropped at the next merge.
    if (this.deadDocs > this.liveDocs) this.stale = true;
  }

  search(query: string, options: { limit?: number; keys?: string[] } = {}): PassageHit[] {
    const clauses = parseQuery(query);
    if (clauses.length === 0) return [];
    this.refresh();
    const allowed = options.keys ? new Set(options.keys) : null;
    const scores = this.scores();
    const touched: number[] = [];
    const mustMatch: Array<Set<number>> = [];
    const highlightTerms = new Set<string>();
    const highlightPrefixes: string[] = [];
    const phrases: string[][] = [];

    for (const clause of clauses) {
      if (clause.kind === 'term') {
        this.scoreTerm(clause.term, 1, scores, touched, allowed);
        highlightTerms.add(clause.term);
      } else if (clause.kind === 'prefix') {
        for (const term of this.expandPrefix(clause.prefix)) this.scoreTerm(term, 1, scores, touched, allowed);
        highlightPrefixes.push(clause.prefix);
      } else {
        mustMatch.push(this.scorePhrase(clause.terms, scores, touched, allowed));
        phrases.push(clause.terms);
      }
    }
    let docs = touched;
    if (mustMatch.length > 0) docs = docs.filter((d) => mustMatch.every((set) => set.has(d)));
    const hits = this.hits(docs, scores, options.limit ?? 20, { terms: highlightTerms, prefixes: highlightPrefixes, phrases }, false);
    for (const d of touched) scores[d] = 0;
    return hits;
  }

  similar(text: string, options: { limit?: number; keys?: string[] } = {}): PassageHit[] {
    const counts = new Map<string, number>();
    for (const w of words(text)) {
      if (STOPWORDS.has(w.term) || w.term.length < 2) continue;
      counts.set(w.term, (counts.get(w.term) ?? 0) + 1);
    }
    if (counts.size === 0) return [];
    this.refresh();
    const limit = options.limit ?? 10;
    const scores = this.scores();
    const touched: number[] = [];
    const terms: QueryTerm[] = [];
    for (const [term, count] of counts) {
      const id = this.termIds.get(term);
      const df = id === undefined ? 0 : this.docFrequency(id);
      // Bounds serve only the whole-corpus MaxScore; a restricted query reads its few documents' words (and a first peak costs a postings scan).
      if (id !== undefined && df > 0) terms.push({ id, weight: this.idf(df) * count, bound: options.keys ? 0 : this.idf(df) * count * this.peakFactor(id) });
    }
    if (options.keys) this.scoreDocs(this.docsOf(options.keys), terms, scores, touched);
    else this.scoreTopDocs(terms, limit, scores, touched);
    const hits = this.hits(touched, scores, limit, { terms: new Set(counts.keys()), prefixes: [], phrases: [] }, true);
    for (const d of touched) scores[d] = 0;
    return hits;
  }

  /** The shared score accumulator, long enough for every document (all zeros). */
  private scores(): Float64Array {
    if (this.scratch.length < this.docKey.length) this.scratch = new Float64Array(this.docKey.length + 1024);
    return this.scratch;
  }

  /** Live documents of the given sources. */
  private docsOf(keys: string[]): number[] {
    const out: number[] = [];
    for (const key of new Set(keys)) for (const d of this.docsByKey.get(key) ?? []) if (this.docAlive[d]) out.push(d);
    return out;
  }

  /**
   * Number of live documents holding the term. Counted once per corpus
   * state: a common word's postings run through a good part of the corpus.
   */
  private docFrequency(id: number): number {
    if (!this.dfCache || this.dfCache.length < this.terms.length) this.dfCache = new Int32Array(this.terms.length).fill(-1);
    let df = this.dfCache[id];
    if (df >= 0) return df;
    df = 0;
    for (const segment of [this.main, this.recent]) {
      if (!segment || id >= segment.termCount) continue;
      const docs = segment.docs;
      const end = segment.offsets[id + 1];
      let previous = -1;
      for (let i = segment.offsets[id]; i < end; i++) {
        const doc = docs[i];
        if (doc !== previous && this.docAlive[doc]) df++;
        previous = doc;
      }
    }
    this.dfCache[id] = df;
    return df;
  }

  /**
   * The largest term-frequency factor (BM25's saturating tf part) the term
   * reaches in any live document: with the idf, the most it adds to any
   * score. Computed once per corpus state. Much tighter than the factor's
   * limit K1 + 1, which lets MaxScore stop reading postings early.
   */
  private peakFactor(id: number): number {
    if (!this.peakCache || this.peakCache.length < this.terms.length) this.peakCache = new Float64Array(this.terms.length).fill(NaN);
    let peak = this.peakCache[id];
    if (!Number.isNaN(peak)) return peak;
    peak = 0;
    for (const segment of [this.main, this.recent]) {
      if (!segment || id >= segment.termCount) continue;
      const docs = segment.docs;
      const end = segment.offsets[id + 1];
      for (let i = segment.offsets[id]; i < end;) {
        const doc = docs[i];
        let j = i + 1;
        while (j < end && docs[j] === doc) j++;
        if (this.docAlive[doc]) peak = Math.max(peak, this.tfWeight(j - i, doc));
        i = j;
      }
    }
    this.peakCache[id] = peak;
    return peak;
  }

  /**
   * Scores a few documents (those of the sources a query is restricted to)
   * by reading their own words: a source has tens of paragraphs, while the
   * postings of a common word run through the whole corpus.
   */
  private scoreDocs(docs: number[], terms: QueryTerm[], scores: Float64Array, touched: number[]): void {
    const weightOf = new Map(terms.map((t) => [t.id, t.weight]));
    const tf = new Map<number, number>();
    for (const doc of docs) {
      tf.clear();
      for (const id of this.docTokens[doc]) if (weightOf.has(id)) tf.set(id, (tf.get(id) ?? 0) + 1);
      if (tf.size === 0) continue;
      let score = 0;
      // In query order, as scoring by postings adds them.
      for (const t of terms) {
        const n = tf.get(t.id);
        if (n !== undefined) score += t.weight * this.tfWeight(n, doc);
      }
      scores[doc] = score;
      touched.push(doc);
    }
  }

  /**
   * BM25 over the whole corpus, computing only what can reach the `limit`
   * best (MaxScore): terms go rarest first, and once the words still to come
   * cannot lift a document never seen above the current `limit`-th score,
   * the remaining words are looked up only in the documents already seen that
   * can still reach it. The top documents and their scores are those of
   * scoring every posting.
   */
  private scoreTopDocs(terms: QueryTerm[], limit: number, scores: Float64Array, touched: number[]): void {
    const ordered = [...terms].sort((a, b) => b.bound - a.bound);
    let reachable = 0;
    for (const t of ordered) reachable += t.bound;
    // Slack for rounding: stopping early would change the result; stopping late only costs time.
    const slack = 1 + 1e-9;
    let t = 0;
    for (; t < ordered.length; t++) {
      if (touched.length >= limit && reachable * slack < kthScore(touched, scores, limit)) break;
      this.addPostings(this.main, ordered[t], scores, touched);
      this.addPostings(this.recent, ordered[t], scores, touched);
      reachable -= ordered[t].bound;
    }
    let candidates = touched;
    for (; t < ordered.length; t++) {
      // Documents that cannot reach the current `limit`-th score even with every word left are done.
      const threshold = kthScore(candidates, scores, limit);
      candidates = candidates.filter((d) => (scores[d] + reachable) * slack >= threshold);
      const term = ordered[t];
      for (const doc of candidates) {
        const tf = occurrences(this.main, term.id, doc) + occurrences(this.recent, term.id, doc);
        if (tf > 0) scores[doc] += term.weight * this.tfWeight(tf, doc);
      }
      reachable -= term.bound;
    }
  }

  /** Adds one term's BM25 contribution from one segment's postings. */
  private addPostings(segment: Segment | null, term: QueryTerm, scores: Float64Array, touched: number[]): void {
    if (!segment || term.id >= segment.termCount) return;
    const docs = segment.docs;
    const end = segment.offsets[term.id + 1];
    const norms = this.lengthNorms();
    const alive = this.docAlive;
    const weight = term.weight;
    for (let i = segment.offsets[term.id]; i < end;) {
      const doc = docs[i];
      let j = i + 1;
      while (j < end && docs[j] === doc) j++;
      if (alive[doc]) {
        if (scores[doc] === 0) touched.push(doc);
        // tfWeight inlined, the same operations in the same order (scores are bit for bit those of tfWeight).
        const tf = j - i;
        scores[doc] += weight * ((tf * (K1 + 1)) / (tf + norms[doc]));
      }
      i = j;
    }
  }


  // ------------------------------------------------------------ indexing

  private termIdOf(written: string): number {
    const term = indexTerm(written);
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.sortedTerms = null;
    }
    return id;
  }

  /** Brings the segments up to date with the adds and removes since the last query. */
  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    if (!this.main || this.recentWords * 4 > this.mainWords || this.deadDocs > this.liveDocs) {
      this.mergeAll();
      return;
    }
    this.recentDocs = this.recentDocs.filter((d) => this.docAlive[d]);
    this.recent = buildSegment(this.recentDocs, this.docTokens, this.terms.length);
  }

  /** Renumbers the live documents (forgetting removed ones) and builds one segment of them all. */
  private mergeAll(): void {
    if (this.deadDocs > 0) {
      const newId = new Int32Array(this.docKey.length).fill(-1);
      const keep: number[] = [];
      for (let d = 0; d < this.docKey.length; d++) {
        if (this.docAlive[d]) {
          newId[d] = keep.length;
          keep.push(d);
        }
      }
      const pick = <T>(arr: T[]): T[] => keep.map((d) => arr[d]);
      this.docKey = pick(this.docKey);
      this.docParagraph = pick(this.docParagraph);
      this.docStart = pick(this.docStart);
      this.docEnd = pick(this.docEnd);
      this.docText = pick(this.docText);
      this.docTokens = packed(pick(this.docTokens));
      // New documents go to a fresh chunk: the old ones are freed once no view of them is left.
      this.tokenChunk = new Int32Array(0);
      this.chunkUsed = 0;
      this.docAlive = keep.map(() => true);
      for (const [key, ids] of this.docsByKey) this.docsByKey.set(key, ids.map((d) => newId[d]));
      this.deadDocs = 0;
      this.normCache = null;
    }
    const all = this.docKey.map((_, d) => d);
    this.main = buildSegment(all, this.docTokens, this.terms.length);
    this.mainWords = this.main.docs.length;
    this.recent = null;
    this.recentDocs = [];
    this.recentWords = 0;
  }

  /** The runs of a term, one per live document holding it, across both segments. */
  private runsOf(term: string, allowed: Set<string> | null): { runs: TermRun[]; df: number } {
    const id = this.termIds.get(term);
    const runs: TermRun[] = [];
    let df = 0;
    if (id === undefined) return { runs, df };
    for (const segment of [this.main, this.recent]) {
      if (!segment || id >= segment.termCount) continue;
      const end = segment.offsets[id + 1];
      for (let i = segment.offsets[id]; i < end;) {
        const doc = segment.docs[i];
        let j = i + 1;
        while (j < end && segment.docs[j] === doc) j++;
        if (this.docAlive[doc]) {
          df++;
          if (!allowed || allowed.has(this.docKey[doc])) runs.push({ segment, doc, from: i, to: j });
        }
        i = j;
      }
    }
    return { runs, df };
  }

  // ------------------------------------------------------------ scoring

  private idf(df: number): number {
    return Math.log(1 + (this.liveDocs - df + 0.5) / (df + 0.5));
  }

  private tfWeight(tf: number, doc: number): number {
    return (tf * (K1 + 1)) / (tf + this.lengthNorms()[doc]);
  }

  /** See {@link normCache}. */
  private lengthNorms(): Float64Array {
    if (this.normCache && this.normCache.length === this.docTokens.length) return this.normCache;
    const avg = this.liveDocs > 0 ? this.liveLength / this.liveDocs : 1;
    const norms = new Float64Array(this.docTokens.length);
    for (let d = 0; d < norms.length; d++) norms[d] = K1 * (1 - B + (B * this.docTokens[d].length) / avg);
    this.normCache = norms;
    return norms;
  }

  /** Adds BM25 contributions of one term (weighted by its count in the query). */
  private scoreTerm(term: string, weight: number, scores: Float64Array, touched: number[], allowed: Set<string> | null): void {
    const id = this.termIds.get(term);
    if (!allowed && id !== undefined) {
      // Straight from the postings, allocating nothing per document.
      const df = this.docFrequency(id);
      if (df === 0) return;
      const t = { id, weight: this.idf(df) * weight, bound: 0 };
      this.addPostings(this.main, t, scores, touched);
      this.addPostings(this.recent, t, scores, touched);
      return;
    }
    const { runs, df } = this.runsOf(term, allowed);
    if (df === 0) return;
    const idf = this.idf(df) * weight;
    for (const run of runs) {
      if (scores[run.doc] === 0) touched.push(run.doc);
      scores[run.doc] += idf * this.tfWeight(run.to - run.from, run.doc);
    }
  }

  /** Scores a phrase as one term whose frequency is its number of occurrences; returns the docs holding it. */
  private scorePhrase(terms: string[], scores: Float64Array, touched: number[], allowed: Set<string> | null): Set<number> {
    const found = new Set<number>();
    const parts = terms.map((t) => this.runsOf(t, allowed));
    if (parts.some((p) => p.df === 0)) return found;
    const byDoc = parts.map((p) => new Map(p.runs.map((r) => [r.doc, r])));
    let idf = 0;
    for (const p of parts) idf += this.idf(p.df);
    for (const first of parts[0].runs) {
      let occurrences = 0;
      for (let i = first.from; i < first.to; i++) {
        const start = first.segment.positions[i];
        let ok = true;
        for (let k = 1; k < byDoc.length && ok; k++) {
          const run = byDoc[k].get(first.doc);
          ok = run !== undefined && hasPosition(run, start + k);
        }
        if (ok) occurrences++;
      }
      if (occurrences === 0) continue;
      found.add(first.doc);
      if (scores[first.doc] === 0) touched.push(first.doc);
      scores[first.doc] += idf * this.tfWeight(occurrences, first.doc);
    }
    return found;
  }

  private expandPrefix(prefix: string): string[] {
    if (!this.sortedTerms) this.sortedTerms = [...this.terms].sort();
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
    if (out.length <= MAX_PREFIX_TERMS) return out;
    // Too many: keep the most frequent (words of removed sources count for nothing).
    const size = (t: string) => {
      const id = this.termIds.get(t) as number;
      let n = 0;
      for (const seg of [this.main, this.recent]) if (seg && id < seg.termCount) n += seg.offsets[id + 1] - seg.offsets[id];
      return n;
    };
    return out.map((t) => [t, size(t)] as const).sort((a, b) => b[1] - a[1]).slice(0, MAX_PREFIX_TERMS).map((e) => e[0]);
  }

  // ------------------------------------------------------------ results

  /** The top documents as hits; `lazy` makes each snippet when first read (for hits most callers never show). */
  private hits(docs: number[], scores: Float64Array, limit: number, match: HighlightQuery, lazy: boolean): PassageHit[] {
    return topDocs(docs, scores, limit).map((doc) => {
      const base = { key: this.docKey[doc], start: this.docStart[doc], end: this.docEnd[doc], paragraph: this.docParagraph[doc], score: scores[doc] };
      if (lazy) return lazyPassageHit(base, this.docText[doc], this.docTokens[doc], this.terms, match);
      return { ...base, ...makeSnippet(this.docText[doc], base.start, base.end, this.docTokens[doc], this.terms, match) };
    });
  }

  // ------------------------------------------------------------ persistence

  serialize(): SerializedSearchIndex {
    const live = this.docKey.map((_, d) => d).filter((d) => this.docAlive[d]);
    const tokens: number[] = [];
    for (const d of live) for (const t of this.docTokens[d]) tokens.push(t);
    return {
      version: 2,
      terms: this.terms.slice(),
      docKey: live.map((d) => this.docKey[d]),
      docParagraph: live.map((d) => this.docParagraph[d]),
      docStart: live.map((d) => this.docStart[d]),
      docEnd: live.map((d) => this.docEnd[d]),
      docLength: live.map((d) => this.docTokens[d].length),
      tokens,
    };
  }

  static deserialize(data: unknown, sources: ExtractedSource[]): ParagraphIndex | null {
    const d = data as Partial<SerializedSearchIndex> | null;
    if (!d || d.version !== 2 || !isNumberArray(d.tokens) || !Array.isArray(d.terms) || !Array.isArray(d.docKey) ||
      !isNumberArray(d.docParagraph) || !isNumberArray(d.docStart) || !isNumberArray(d.docEnd) || !isNumberArray(d.docLength)) return null;
    const n = d.docKey.length;
    if (d.docParagraph.length !== n || d.docStart.length !== n || d.docEnd.length !== n || d.docLength.length !== n) return null;
    const tokens = Int32Array.from(d.tokens);
    const termCount = d.terms.length;
    if (tokens.some((t) => t < 0 || t >= termCount)) return null;
    const byKey = new Map(sources.map((s) => [s.key, s]));
    const index = new ParagraphIndex();
    let offset = 0;
    for (let doc = 0; doc < n; doc++) {
      const source = byKey.get(d.docKey[doc]);
      const para = source?.paragraphs[d.docParagraph[doc]];
      if (!source || !para || para.start !== d.docStart[doc] || para.end !== d.docEnd[doc]) return null;
      const length = d.docLength[doc];
      if (offset + length > tokens.length) return null;
      index.docTokens.push(tokens.subarray(offset, offset + length));
      offset += length;
      index.docText.push(source.text);
      const ids = index.docsByKey.get(source.key) ?? [];
      ids.push(doc);
      index.docsByKey.set(source.key, ids);
      index.liveLength += length;
    }
    if (offset !== tokens.length || index.docsByKey.size !== byKey.size) return null;
    index.docKey = d.docKey;
    index.docParagraph = d.docParagraph;
    index.docStart = d.docStart;
    index.docEnd = d.docEnd;
    index.docAlive = new Array<boolean>(n).fill(true);
    index.liveDocs = n;
    index.terms = d.terms.map(String);
    index.terms.forEach((t, i) => index.termIds.set(t, i));
    index.stale = true;
    return index;
  }
}

/**
 * Open-addressing hash table from a word as written to its term id, looked up
 * with the word's place in the text and its hash: a hit allocates nothing,
 * which is what makes indexing fast (most words have been seen before).
 *
 * Each slot is four integers side by side (hash, id, where the word's
 * characters start in a shared character pool, its length), and the words'
 * characters are copied into that pool: a lookup reads one slot and one run
 * of the pool. Word strings in an array cost two more scattered memory reads
 * per word (the array, then the string), which was most of the cost of indexing.
 * Exported for its unit tests only.
 */
export class WrittenWords {
  /** `[hash, id, pool start, length]` per slot (see {@link Slot}); id -1 marks a free slot. */
  private slots = WrittenWords.freeSlots(1 << 14);
  private pool = new Uint16Array(1 << 16);
  private poolSize = 0;
  private size = 0;

  /** The id of `text.slice(start, end)`, or -1. */
  get(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> SlotSize.Log2) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << SlotSize.Log2;
      const id = slots[at + Slot.Id];
      if (id < 0) return -1;
      if (slots[at /* + Slot.Hash */] === hash && slots[at + Slot.Length] === length) {
        const pool = this.pool;
        const from = slots[at + Slot.Start];
        let k = 0;
        while (k < length && pool[from + k] === text.charCodeAt(start + k)) k++;
        if (k === length) return id;
      }
    }
  }

  /** Records `text.slice(start, end)` (not in the table) with its id. */
  set(text: string, start: number, end: number, hash: number, id: number): void {
    const length = end - start;
    if (this.poolSize + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolSize + length));
      bigger.set(this.pool.subarray(0, this.poolSize));
      this.pool = bigger;
    }
    const from = this.poolSize;
    for (let k = 0; k < length; k++) this.pool[from + k] = text.charCodeAt(start + k);
    this.poolSize += length;
    this.place(hash, id, from, length);
  }

  private place(hash: number, id: number, from: number, length: number): void {
    // At most half the slots in use: a probe soon meets a free slot.
    if ((this.size + 1) * 2 > this.slots.length >> SlotSize.Log2) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> SlotSize.Log2) - 1;
    let slot = hash & mask;
    while (slots[(slot << SlotSize.Log2) + Slot.Id] >= 0) slot = (slot + 1) & mask;
    const at = slot << SlotSize.Log2;
    slots[at /* + Slot.Hash */] = hash;
    slots[at + Slot.Id] = id;
    slots[at + Slot.Start] = from;
    slots[at + Slot.Length] = length;
    this.size++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = WrittenWords.freeSlots((old.length >> SlotSize.Log2) * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += SlotSize.Ints) {
      if (old[at + Slot.Id] >= 0) this.place(old[at /* + Slot.Hash */], old[at + Slot.Id], old[at + Slot.Start], old[at + Slot.Length]);
    }
  }

  /** Room for `count` slots, all free. */
  private static freeSlots(count: number): Int32Array {
    const slots = new Int32Array(count * SlotSize.Ints);
    for (let at = Slot.Id; at < slots.length; at += SlotSize.Ints) slots[at] = -1;
    return slots;
  }
}

/**
 * The fields of one WrittenWords slot, at these offsets from the slot's start. A const enum:
 * the compiler writes the numbers in place, so the hot lookup loop reads no variable for them.
 */
const enum Slot {
  /** FNV-1a hash of the word (offset 0: the code reads `slots[at]`, without adding 0). */
  Hash = 0,
  /** Term id; -1 marks a free slot. */
  Id = 1,
  /** Where the word's characters start in the character pool. */
  Start = 2,
  /** The word's length. */
  Length = 3,
}

/** The size of a WrittenWords slot (a const enum for the same reason as {@link Slot}). */
const enum SlotSize {
  /** Integers per slot. */
  Ints = 4,
  /** log2 of Ints: a slot's index shifted left by Log2 is the offset of its first integer. */
  Log2 = 2,
}

/** The word lists copied side by side into one array, each a view of it (drops what removed documents held). */
function packed(lists: Int32Array[]): Int32Array[] {
  let total = 0;
  for (const list of lists) total += list.length;
  const all = new Int32Array(total);
  const out: Int32Array[] = [];
  let offset = 0;
  for (const list of lists) {
    all.set(list, offset);
    out.push(all.subarray(offset, offset + list.length));
    offset += list.length;
  }
  return out;
}

function hasPosition(run: TermRun, position: number): boolean {
  const positions = run.segment.positions;
  for (let i = run.from; i < run.to; i++) if (positions[i] === position) return true;
  return false;
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** A query term: its id and its BM25 weight (idf times its count in the query). */
interface QueryTerm {
  id: number;
  weight: number;
  /** The most it adds to any document's score. */
  bound: number;
}

/** Occurrences of a term in one document of a segment (its postings are sorted by document: binary search). */
function occurrences(segment: Segment | null, id: number, doc: number): number {
  if (!segment || id >= segment.termCount) return 0;
  const docs = segment.docs;
  let lo = segment.offsets[id];
  let hi = segment.offsets[id + 1];
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  while (lo + n < end && docs[lo + n] === doc) n++;
  return n;
}

/** The `k`-th largest score among the documents (k ≤ their number). */
function kthScore(docs: number[], scores: Float64Array, k: number): number {
  const best: number[] = [];
  for (const d of docs) {
    const s = scores[d];
    if (best.length === k && s <= best[k - 1]) continue;
    let i = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push(s);
    while (i > 0 && s > best[i - 1]) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = s;
  }
  return best[k - 1];
}

/** The `limit` best-scored docs, best first (ties by doc id), without sorting them all. */
function topDocs(docs: number[], scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  const top: number[] = [];
  for (const d of docs) {
    if (!(scores[d] > 0)) continue;
    if (top.length === limit && !better(d, top[top.length - 1])) continue;
    let i = top.length < limit ? top.length : top.length - 1;
    if (top.length < limit) top.push(d);
    while (i > 0 && better(d, top[i - 1])) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = d;
  }
  return top;
}

/** Word places of the paragraph a snippet is made of, reused between snippets. */
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);

/** What to highlight in a hit. */
interface HighlightQuery {
  terms: Set<string>;
  prefixes: string[];
  phrases: string[][];
}

/**
 * A hit whose snippet and highlights are made when first read: claim support
 * asks `similar` for a few hits per sentence and reads a snippet only for the
 * rare one it reports, and making a snippet costs more than finding the hit.
 * The fields are enumerable getters, so copies and JSON see them as values.
 * (`search` hits are all shown: their snippets are made at once.)
 */
function lazyPassageHit(base: Omit<PassageHit, 'snippet' | 'highlights'>, text: string, tokens: Int32Array, terms: readonly string[], match: HighlightQuery): PassageHit {
  let made: { snippet: string; highlights: Span[] } | null = null;
  const make = () => (made ??= makeSnippet(text, base.start, base.end, tokens, terms, match));
  return Object.defineProperties(base, {
    snippet: { get: () => make().snippet, enumerable: true },
    highlights: { get: () => make().highlights, enumerable: true },
  }) as PassageHit;
}

/**
 * An excerpt of about {@link SNIPPET_LENGTH} characters of the paragraph
 * `[start, end)` around its densest cluster of matches, cut at word
 * boundaries, with "…" where it was cut. Highlights are relative to the snippet.
 */
function makeSnippet(text: string, start: number, end: number, tokens: Int32Array, terms: readonly string[], match: HighlightQuery): { snippet: string; highlights: Span[] } {
  // The paragraph's words are its indexed terms in order: only their places are read again (no folding, no word objects).
  const count = tokens.length;
  if (wordStarts.length < count) {
    wordStarts = new Int32Array(count * 2);
    wordEnds = new Int32Array(count * 2);
  }
  const starts = wordStarts;
  const ends = wordEnds;
  let n = 0;
  forEachWord(text, start, end, (s, e) => {
    starts[n] = s;
    ends[n++] = e;
  });
  const spans: Span[] = [];
  for (let i = 0; i < n; i++) {
    let phraseEnd = -1;
    for (const phrase of match.phrases) {
      if (i + phrase.length <= n && phrase.every((t, k) => terms[tokens[i + k]] === t)) phraseEnd = Math.max(phraseEnd, i + phrase.length - 1);
    }
    if (phraseEnd >= 0) {
      spans.push({ start: starts[i], end: ends[phraseEnd] });
      i = phraseEnd;
      continue;
    }
    if (match.terms.has(terms[tokens[i]]) || (match.prefixes.length > 0 && match.prefixes.some((p) => foldText(text.slice(starts[i], ends[i])).startsWith(p)))) {
      spans.push({ start: starts[i], end: ends[i] });
    }
  }
  // The window start: the match with the most other matches within reach.
  let windowStart = start;
  if (end - start > SNIPPET_LENGTH && spans.length > 0) {
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < spans.length; i++) {
      let count = 0;
      for (let j = i; j < spans.length && spans[j].end - spans[i].start <= SNIPPET_LENGTH; j++) count++;
      if (count > bestCount) {
        bestCount = count;
        best = i;
      }
    }
    windowStart = Math.max(start, spans[best].start - 30);
    windowStart = Math.min(windowStart, Math.max(start, end - SNIPPET_LENGTH));
    // Start on a word.
    while (windowStart > start && windowStart < spans[best].start && /[\p{L}\p{N}]/u.test(text[windowStart - 1])) windowStart++;
  }
  let windowEnd = Math.min(end, windowStart + SNIPPET_LENGTH);
  if (windowEnd < end) {
    const cut = text.lastIndexOf(' ', windowEnd);
    if (cut > windowStart + SNIPPET_LENGTH / 2) windowEnd = cut;
  }
  const lead = windowStart > start ? '…' : '';
  const tail = windowEnd < end ? '…' : '';
  const excerpt = text.slice(windowStart, windowEnd).replace(/\s+/g, ' ');
  const snippet = lead + excerpt + tail;
  // Whitespace collapsing keeps offsets only where the text has no runs (same length); else map through a table to be exact.
  const map = excerpt.length === windowEnd - windowStart ? (offset: number) => offset - windowStart + lead.length : offsetMap(text, windowStart, windowEnd, lead.length);
  const highlights: Span[] = [];
  for (const s of spans) {
    if (s.start < windowStart || s.end > windowEnd) continue;
    highlights.push({ start: map(s.start), end: map(s.end) });
  }
  return { snippet, highlights };
}

/** Maps an offset of `text` inside `[from, to)` to its offset in the whitespace-collapsed excerpt. */
function offsetMap(text: string, from: number, to: number, shift: number): (offset: number) => number {
  const table = new Int32Array(to - from + 1);
  let out = shift;
  let inSpace = false;
  for (let i = from; i < to; i++) {
    table[i - from] = out;
    const space = /\s/.test(text[i]);
    if (!(space && inSpace)) out++;
    inSpace = space;
  }
  table[to - from] = out;
  return (offset) => table[offset - from];
}
