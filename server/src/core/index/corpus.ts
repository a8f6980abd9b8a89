/**
 * The corpus: every extracted source, by URI and by citation key, and the four
 * tables built from them (entities, quotes, full-text search, numbers).
 *
 * Tables are keyed by citation key, so when two files share a key only one of
 * them (the one with the smallest URI, so the choice survives restarts and does
 * not depend on indexing order) is in the tables; the other is kept, reported by
 * {@link Corpus.duplicateKeys} and {@link Corpus.problems}, and takes over if the
 * first goes away. Duplicates are never merged.
 */
import type { ExtractedSource, Problem } from '../model';
import type { EntityTable, NumberTable, QuoteTable, SearchIndex, CorpusTable } from './api';
import { extractFromText } from '../corpus/extractSource';
import { createEntityTable } from './entityTable';
import { createNumberTable } from './numberTable';
import { createQuoteTable } from './quoteTable';
import { createSearchIndex } from './searchIndex';

/** All sources of a workspace and the tables built from them. */
export class Corpus {
  readonly entities: EntityTable = createEntityTable();
  readonly quotes: QuoteTable = createQuoteTable();
  readonly search: SearchIndex = createSearchIndex();
  readonly numbers: NumberTable = createNumberTable();

  private changeCount = 0;
  private readonly sourcesByUri = new Map<string, ExtractedSource>();
  /** URIs using each key, sorted; the first is the one in the tables. */
  private readonly urisByKey = new Map<string, string[]>();
  /** The source whose data is in the tables, per key. */
  private readonly indexed = new Map<string, ExtractedSource>();
  /** Path shown in problems per URI (relative to the workspace folder). */
  private readonly displayPaths = new Map<string, string>();
  /** Files that are not sources (binary, too big, unreadable), by URI. */
  private readonly skippedByUri = new Map<string, Problem>();
  /** Problems a table raised while indexing a source, by URI. */
  private readonly tableProblems = new Map<string, Problem[]>();
  /** Size and modification time of each file when it was last read, by URI (see {@link Corpus.fileStamp}). */
  private readonly stamps = new Map<string, string>();
  private sorted: ExtractedSource[] = [];
  private sortedAt = -1;

  /** Incremented on every change; a cache key for results derived from the corpus. */
  get version(): number {
    return this.changeCount;
  }

  /**
   * Adds a source, or replaces the one with the same URI. `displayPath` is how
   * problems name the file (relative to the workspace folder); default `source.path`.
   */
  upsert(source: ExtractedSource, displayPath: string = source.path): void {
    const old = this.sourcesByUri.get(source.uri);
    this.skippedByUri.delete(source.uri);
    // The new content may not be what is on disk (an editor buffer): the indexer re-stamps it when it is.
    this.stamps.delete(source.uri);
    this.displayPaths.set(source.uri, displayPath);
    if (old) this.unlinkKey(old.key, old.uri);
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
    const uris = this.urisByKey.get(key);
    return uris ? this.sourcesByUri.get(uris[0]) : undefined;
  }

  /** The source read from this URI. */
  byUri(uri: string): ExtractedSource | undefined {
    return this.sourcesByUri.get(uri);
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
    // Features ask for this on every request; sort once per corpus version.
    if (this.sortedAt !== this.changeCount) {
      this.sorted = [...this.sourcesByUri.values()].sort((a, b) => compare(a.path, b.path) || compare(a.uri, b.uri));
      this.sortedAt = this.changeCount;
    }
    return [...this.sorted];
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
    for (const source of this.sources()) {
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
      this.forEachTable((t) => t.remove(key), current.uri);
      this.tableProblems.delete(current.uri);
      this.indexed.delete(key);
    }
    if (wanted) {
      this.forEachTable((t) => t.add(wanted), wanted.uri);
      this.indexed.set(key, wanted);
    }
  }

  /**
   * Runs an update on every table. A table that throws on one source must not
   * leave the others half-updated or stop indexing: the failure becomes a
   * problem of that file.
   */
  private forEachTable(update: (table: CorpusTable) => void, uri: string): void {
    const tables: Array<[string, CorpusTable]> = [['names', this.entities], ['quotes', this.quotes], ['search', this.search], ['numbers', this.numbers]];
    for (const [name, table] of tables) {
      try {
        update(table);
      } catch (e) {
        const list = this.tableProblems.get(uri) ?? [];
        list.push({
          path: this.displayPaths.get(uri) ?? uri,
          uri,
          severity: 'error',
          message: `Internal error in the ${name} table while indexing this file: ${e instanceof Error ? e.message : String(e)}`,
        });
        this.tableProblems.set(uri, list);
      }
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
