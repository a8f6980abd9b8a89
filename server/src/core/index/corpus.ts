/**
 * The corpus: every extracted source, by URI and by citation key, and the four
 * tables built from them (entities, quotes, full-text search, numbers).
 *
 * Tables are keyed by citation key, so when two files share a key only one of
 * them (the one with the smallest URI, so the choice survives restarts and does
 * not depend on indexing order) is in the tables; the other is kept, reported by
 * {@link Corpus.duplicateKeys} and {@link Corpus.problems}, and takes over if the
 * first goes away. Duplicates are never merged.
 *
 * Tables are built lazily: adding or removing a source only queues the change
 * for each table, and a table applies its queue the first time it is used
 * (`corpus.quotes`, `corpus.search`, ...). So a bulk index or a restore from the
 * cache makes the sources usable at once, and a table nobody asks for costs
 * nothing; {@link Corpus.buildTables} applies every queue (e.g. in idle time).
 * A table that throws on a source while its queue is applied records a
 * problem for that file, as before; such problems show up once the table is built.
 *
 * Sources restored from the cache may be {@link DeferredSource}s: only what
 * the corpus and the stored search index need (key, path, hash, text,
 * paragraphs, problems) is parsed at load, and the rest of a source is built
 * the first time anything asks for it (`get`, `byUri`, `sources()`, a table).
 * A deferred source whose stored record turns out unusable is dropped and
 * reported as a problem of its file, with no stamp, so the next indexing pass
 * re-extracts it.
 */
import type { ExtractedSource, Paragraph, Problem } from '../model';
import type { EntityTable, NumberTable, QuoteTable, SearchIndex, CorpusTable } from './api';
import { extractFromText } from '../corpus/extractSource';
import { createEntityTable } from './entityTable';
import { createNumberTable } from './numberTable';
import { createQuoteTable } from './quoteTable';
import { createSearchIndex, deserializeSearchIndex, serializeSearchIndex, type SerializedSearchIndex } from './searchIndex';

/**
 * A source restored from the cache whose full form is built on first use. It
 * carries what is needed without building it: the fields the corpus keys and
 * reports by, and the text and paragraphs the stored search index is checked against.
 */
export interface DeferredSource {
  readonly key: string;
  readonly uri: string;
  readonly path: string;
  readonly hash: string;
  readonly text: string;
  readonly paragraphs: Paragraph[];
  readonly problems: Problem[];
  /** The full source (sharing text, paragraphs and problems), or why its stored record is unusable. */
  materialize(): ExtractedSource | { error: string };
}

/** A source as the corpus holds it: built, or still deferred. */
type SourceEntry = ExtractedSource | DeferredSource;

function isDeferred(entry: SourceEntry): entry is DeferredSource {
  return typeof (entry as Partial<DeferredSource>).materialize === 'function';
}

/** All sources of a workspace and the tables built from them. */
export class Corpus {
  private readonly entityTable = new DeferredTable<EntityTable>('names', createEntityTable(), (uri, p) => this.recordTableProblem(uri, p), (e) => this.built(e));
  private readonly quoteTable = new DeferredTable<QuoteTable>('quotes', createQuoteTable(), (uri, p) => this.recordTableProblem(uri, p), (e) => this.built(e));
  private searchTable = new DeferredTable<SearchIndex>('search', createSearchIndex(), (uri, p) => this.recordTableProblem(uri, p), (e) => this.built(e));
  private readonly numberTable = new DeferredTable<NumberTable>('numbers', createNumberTable(), (uri, p) => this.recordTableProblem(uri, p), (e) => this.built(e));

  private changeCount = 0;
  private readonly sourcesByUri = new Map<string, SourceEntry>();
  /** URIs using each key, sorted; the first is the one in the tables. */
  private readonly urisByKey = new Map<string, string[]>();
  /** The source whose data is in the tables, per key. */
  private readonly indexed = new Map<string, SourceEntry>();
  /** Path shown in problems per URI (relative to the workspace folder). */
  private readonly displayPaths = new Map<string, string>();
  /** Files that are not sources (binary, too big, unreadable), by URI. */
  private readonly skippedByUri = new Map<string, Problem>();
  /** Problems a table raised while indexing a source, by URI. */
  private readonly tableProblems = new Map<string, Problem[]>();
  /** Size and modification time of each file when it was last read, by URI (see {@link Corpus.fileStamp}). */
  private readonly stamps = new Map<string, string>();
  /** URIs of the sources by path, as of {@link Corpus.sortedAt}. */
  private sorted: string[] = [];
  private sortedAt = -1;

  /** Entities resolved across sources (built on first use). */
  get entities(): EntityTable {
    return this.entityTable.ready();
  }

  /** Quotations and verbatim passages (built on first use). */
  get quotes(): QuoteTable {
    return this.quoteTable.ready();
  }

  /** Full-text search (built on first use, or restored from the cache). */
  get search(): SearchIndex {
    this.adoptPendingSearch();
    return this.searchTable.ready();
  }

  /** Numbers by what they count (built on first use). */
  get numbers(): NumberTable {
    return this.numberTable.ready();
  }

  /** Applies every queued change to every table, so no later query pays for it. */
  buildTables(): void {
    this.adoptPendingSearch();
    for (const table of this.tables()) table.ready();
  }

  /** True when some table still has queued changes (see {@link Corpus.buildTables}). */
  get tablesPending(): boolean {
    return this.tables().some((t) => t.pending);
  }

  /**
   * The search index in its persisted form (see `serializeSearchIndex`), for
   * the cache: rebuilding it costs more than reading it back.
   */
  serializedSearch(): SerializedSearchIndex {
    return serializeSearchIndex(this.search);
  }

  /**
   * Takes a persisted search index instead of building one from the sources,
   * right after the sources were restored. Refused (false) when the search table
   * already holds data or the index does not fit the indexed sources; the
   * table is then built from the sources as usual.
   */
  adoptSearch(data: unknown): boolean {
    if (!this.searchTable.untouched) return false;
    // A source without paragraphs has no documents in a persisted index: it is not part of the match.
    // The index reads only key, text and paragraphs, which a deferred source has: checking it builds no source.
    const index = deserializeSearchIndex(data, [...this.indexed.values()].filter((s) => s.paragraphs.length > 0) as ExtractedSource[]);
    if (!index) return false;
    this.searchTable = new DeferredTable<SearchIndex>('search', index, (uri, p) => this.recordTableProblem(uri, p), (e) => this.built(e));
    return true;
  }

  /**
   * Like {@link Corpus.adoptSearch}, but when the search table is first used:
   * decoding and checking a persisted index is a good part of a restore, and
   * a start does not need it. Dropped when the corpus changed in between (its
   * words could be stale even where paragraphs still fit).
   */
  adoptSearchLater(load: () => unknown): void {
    this.pendingSearch = { load, at: this.changeCount };
  }

  private pendingSearch: { load: () => unknown; at: number } | null = null;

  private adoptPendingSearch(): void {
    const pending = this.pendingSearch;
    if (!pending) return;
    this.pendingSearch = null;
    if (pending.at === this.changeCount) this.adoptSearch(pending.load());
  }

  /** Incremented on every change; a cache key for results derived from the corpus. */
  get version(): number {
    return this.changeCount;
  }

  /**
   * Adds a source, or replaces the one with the same URI. `displayPath` is how
   * problems name the file (relative to the workspace folder); default `source.path`.
   * A {@link DeferredSource} is built the first time it is asked for.
   */
  upsert(source: ExtractedSource | DeferredSource, displayPath: string = source.path): void {
    const old = this.sourcesByUri.get(source.uri);
    this.skippedByUri.delete(source.uri);
    // The new content may not be what is on disk (an editor buffer): the indexer re-stamps it when it is.
    this.stamps.delete(source.uri);
    this.displayPaths.set(source.uri, displayPath);
    if (old) this.unlinkKey(old.key, old.uri);
    if (old && isDeferred(old)) this.deferredCount--;
    if (isDeferred(source)) this.deferredCount++;
    this.sourcesByUri.set(source.uri, source);
    this.linkKey(source.key, source.uri);
    if (old && old.key !== source.key) this.refreshTables(old.key);
    this.refreshTables(source.key);
    this.changeCount++;
  }

  /** Forgets the file at `uri` (source or skipped file). No-op when unknown. */
  removeUri(uri: string): void {
    const old = this.sourcesByUri.get(uri);
    const wasSkipped = this.skippedByUri.delete(uri);
    this.displayPaths.delete(uri);
    this.stamps.delete(uri);
    if (!old) {
      if (wasSkipped) this.changeCount++;
      return;
    }
    this.sourcesByUri.delete(uri);
    if (isDeferred(old)) this.deferredCount--;
    this.unlinkKey(old.key, uri);
    this.refreshTables(old.key);
    this.changeCount++;
  }

  /**
   * Records that the file at `uri` is not indexed and why (binary, too big,
   * unreadable). Replaces any source previously indexed from it.
   */
  recordSkipped(uri: string, problem: Problem): void {
    this.stamps.delete(uri);
    if (this.skippedByUri.get(uri)?.message === problem.message) return;
    if (this.sourcesByUri.has(uri)) this.removeUri(uri);
    this.displayPaths.set(uri, problem.path);
    this.skippedByUri.set(uri, { ...problem, uri });
    this.changeCount++;
  }

  /** The source with this citation key (case-sensitive); the first by URI if duplicated. */
  get(key: string): ExtractedSource | undefined {
    // Building a deferred source can drop it (a broken record): then the next file with the key answers.
    for (let uris = this.urisByKey.get(key); uris; uris = this.urisByKey.get(key)) {
      const source = this.byUri(uris[0]);
      if (source) return source;
    }
    return undefined;
  }

  /** The source read from this URI. */
  byUri(uri: string): ExtractedSource | undefined {
    const entry = this.sourcesByUri.get(uri);
    return entry ? this.built(entry) : undefined;
  }

  /** True while some source restored from the cache has not been built yet (see {@link Corpus.buildSources}). */
  get sourcesPending(): boolean {
    return this.deferredCount > 0;
  }

  /**
   * Builds up to `limit` deferred sources (all by default), so later queries do
   * not pay for them; a host calls it in chunks in idle time. Returns how many
   * are still deferred.
   */
  buildSources(limit = Infinity): number {
    if (this.deferredCount === 0) return 0;
    let done = 0;
    for (const entry of [...this.sourcesByUri.values()]) {
      if (done >= limit) break;
      if (!isDeferred(entry)) continue;
      this.built(entry);
      done++;
    }
    return this.deferredCount;
  }

  /**
   * The size and modification time the file at `uri` had when it was last read
   * (an opaque string), so an indexing pass can skip reading unchanged files.
   */
  fileStamp(uri: string): string | undefined {
    return this.stamps.get(uri);
  }

  /** Records the stamp of a known file after reading it; ignored for unknown files. */
  setFileStamp(uri: string, stamp: string): void {
    if (this.has(uri)) this.stamps.set(uri, stamp);
  }

  /** How problems name the file at `uri` (relative to its workspace folder). */
  displayPath(uri: string): string | undefined {
    return this.displayPaths.get(uri);
  }

  /** True when the file at `uri` is known (as a source or as a skipped file). */
  has(uri: string): boolean {
    return this.sourcesByUri.has(uri) || this.skippedByUri.has(uri);
  }

  /** URIs of every known file, sources and skipped files. */
  uris(): string[] {
    return [...new Set([...this.sourcesByUri.keys(), ...this.skippedByUri.keys()])];
  }

  /** All sources, by path. */
  sources(): ExtractedSource[] {
    this.buildSources();
    return this.sortedUris().map((uri) => this.sourcesByUri.get(uri) as ExtractedSource);
  }

  /** URIs of all sources by path. Features ask for the sources on every request: sort once per corpus version. */
  private sortedUris(): string[] {
    if (this.sortedAt !== this.changeCount) {
      this.sorted = [...this.sourcesByUri.values()].sort((a, b) => compare(a.path, b.path) || compare(a.uri, b.uri)).map((s) => s.uri);
      this.sortedAt = this.changeCount;
    }
    return this.sorted;
  }

  /** Number of sources. */
  get size(): number {
    return this.sourcesByUri.size;
  }

  /** Distinct citation keys, sorted. */
  keys(): string[] {
    return [...this.urisByKey.keys()].sort(compare);
  }

  /** Keys used by more than one file, with the files (the first is the one citations resolve to). */
  duplicateKeys(): Array<{ key: string; uris: string[] }> {
    const out: Array<{ key: string; uris: string[] }> = [];
    for (const [key, uris] of this.urisByKey) if (uris.length > 1) out.push({ key, uris: [...uris] });
    return out.sort((a, b) => compare(a.key, b.key));
  }

  /** Everything wrong with the corpus: per-file problems, skipped files and duplicate keys. */
  problems(): Problem[] {
    const out: Problem[] = [];
    // Problems are known without building deferred sources.
    for (const uri of this.sortedUris()) {
      const source = this.sourcesByUri.get(uri) as SourceEntry;
      out.push(...source.problems);
      out.push(...(this.tableProblems.get(source.uri) ?? []));
    }
    out.push(...[...this.skippedByUri.values()].sort((a, b) => compare(a.path, b.path)));
    for (const { key, uris } of this.duplicateKeys()) {
      const paths = uris.map((u) => this.displayPaths.get(u) ?? u);
      for (let i = 1; i < uris.length; i++) {
        out.push({
          path: paths[i],
          uri: uris[i],
          severity: 'error',
          message: `Citation key "${key}" is also used by ${paths[0]}; [@${key}] cites that file, not this one. Give this file a different "id:" in front matter (or rename it).`,
        });
      }
    }
    return out;
  }

  private linkKey(key: string, uri: string): void {
    const uris = this.urisByKey.get(key);
    if (!uris) {
      this.urisByKey.set(key, [uri]);
      return;
    }
    if (uris.includes(uri)) return;
    uris.push(uri);
    uris.sort(compare);
  }

  private unlinkKey(key: string, uri: string): void {
    const uris = this.urisByKey.get(key);
    if (!uris) return;
    const i = uris.indexOf(uri);
    if (i >= 0) uris.splice(i, 1);
    if (uris.length === 0) this.urisByKey.delete(key);
  }

  /** Makes the tables hold the current first source of `key` (or nothing when the key is gone). */
  private refreshTables(key: string): void {
    const uris = this.urisByKey.get(key);
    const wanted = uris ? this.sourcesByUri.get(uris[0]) : undefined;
    const current = this.indexed.get(key);
    if (current === wanted) return;
    if (current) {
      for (const table of this.tables()) table.remove(key);
      this.tableProblems.delete(current.uri);
      this.indexed.delete(key);
    }
    if (wanted) {
      for (const table of this.tables()) table.add(wanted);
      this.indexed.set(key, wanted);
    }
  }

  private tables(): Array<DeferredTable<CorpusTable>> {
    return [this.entityTable, this.quoteTable, this.searchTable, this.numberTable];
  }

  /** Number of deferred sources in {@link Corpus.sourcesByUri}. */
  private deferredCount = 0;

  /**
   * The built form of a source the corpus holds: a deferred one is built and
   * replaces its entry everywhere (same version: the corpus did not change).
   * Undefined when its stored record is unusable: the source is then dropped
   * and its file reported, unstamped, so the next indexing pass re-extracts it.
   */
  private built(entry: SourceEntry): ExtractedSource | undefined {
    if (!isDeferred(entry)) return entry;
    const current = this.sourcesByUri.get(entry.uri) === entry;
    let result: ReturnType<DeferredSource['materialize']>;
    try {
      result = entry.materialize();
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    if ('error' in result) {
      if (current) {
        const displayPath = this.displayPaths.get(entry.uri) ?? entry.path;
        this.removeUri(entry.uri);
        this.skippedByUri.set(entry.uri, {
          path: displayPath,
          uri: entry.uri,
          severity: 'warning',
          message: `The cached index of this file could not be read (${result.error}); it is extracted again on the next indexing pass.`,
        });
        this.displayPaths.set(entry.uri, displayPath);
      }
      return undefined;
    }
    if (current) {
      this.sourcesByUri.set(entry.uri, result);
      this.deferredCount--;
      if (this.indexed.get(entry.key) === entry) this.indexed.set(entry.key, result);
    }
    return result;
  }

  private recordTableProblem(uri: string, problem: { table: string; error: unknown }): void {
    const list = this.tableProblems.get(uri) ?? [];
    list.push({
      path: this.displayPaths.get(uri) ?? uri,
      uri,
      severity: 'error',
      message: `Internal error in the ${problem.table} table while indexing this file: ${problem.error instanceof Error ? problem.error.message : String(problem.error)}`,
    });
    this.tableProblems.set(uri, list);
  }
}

/**
 * A table with a queue of changes not applied yet. Per key only the net change
 * is kept (drop what the table has, add a source), in the order keys were
 * touched, which is the order the table would have seen them in.
 */
class DeferredTable<T extends CorpusTable> {
  private queue = new Map<string, { removeFirst: boolean; add: SourceEntry | null }>();
  /** True until the table has been given anything. */
  private fresh = true;

  constructor(
    private readonly name: string,
    private readonly table: T,
    private readonly onError: (uri: string, problem: { table: string; error: unknown }) => void,
    /** The built form of a queued source; undefined when it cannot be built (the corpus drops it). */
    private readonly build: (entry: SourceEntry) => ExtractedSource | undefined,
  ) {}

  get pending(): boolean {
    return this.queue.size > 0;
  }

  /** True when the table never received a source (its queue may hold some). */
  get untouched(): boolean {
    return this.fresh;
  }

  add(source: SourceEntry): void {
    const entry = this.queue.get(source.key);
    this.queue.delete(source.key);
    this.queue.set(source.key, { removeFirst: entry?.removeFirst ?? false, add: source });
  }

  remove(key: string): void {
    const entry = this.queue.get(key);
    if (!entry) this.queue.set(key, { removeFirst: true, add: null });
    else if (entry.removeFirst) entry.add = null;
    else this.queue.delete(key);
  }

  /** The table with every queued change applied. */
  ready(): T {
    if (this.queue.size === 0) return this.table;
    const queue = this.queue;
    this.queue = new Map();
    this.fresh = false;
    for (const [key, { removeFirst, add }] of queue) {
      // A table that throws on one source must not stop the others: the failure becomes a problem of that file.
      if (removeFirst) this.apply(() => this.table.remove(key), add?.uri);
      const source = add && this.build(add);
      if (source) this.apply(() => this.table.add(source), source.uri);
    }
    return this.table;
  }

  private apply(update: () => void, uri: string | undefined): void {
    try {
      update();
    } catch (e) {
      if (uri !== undefined) this.onError(uri, { table: this.name, error: e });
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A corpus built from texts, for tests: `{ 'key1.txt': '...', 'dir/key2.md': '...' }`;
 * each path is relative to the sources root (so `dir/key2.md` has key `dir/key2`
 * unless its front matter gives an `id`).
 */
export function corpusFromTexts(texts: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(texts)) corpus.upsert(extractFromText(text, path));
  return corpus;
}
