/**
 * The persisted corpus cache: the extracted sources as JSON, so a restart does
 * not re-extract thousands of unchanged files. The host stores the string
 * wherever it likes (see node/nodeFileSystem.ts); after loading, an indexing
 * pass re-extracts only the files whose content hash changed.
 *
 * A cache written by another version of the extractors, or a corrupt one, is
 * ignored (with a reason) and the corpus is simply rebuilt.
 */
import type { ExtractedSource } from '../model';
import type { Corpus } from './corpus';

/**
 * Version of the cache format *and* of what extraction produces: bump it whenever
 * the extractors change their output, so stale extractions are not reused.
 */
export const CACHE_VERSION = 1;

/** The JSON document stored in the cache file. */
export interface CacheFile {
  version: number;
  sources: ExtractedSource[];
  /** How problems name each file (relative to its workspace folder), by URI. */
  displayPaths?: Record<string, string>;
}

/** Serialises the corpus's sources for the cache. */
export function serializeCorpus(corpus: Corpus): string {
  const sources = corpus.sources();
  const displayPaths: Record<string, string> = {};
  for (const s of sources) {
    const shown = corpus.displayPath(s.uri);
    if (shown !== undefined && shown !== s.path) displayPaths[s.uri] = shown;
  }
  const file: CacheFile = { version: CACHE_VERSION, sources, displayPaths };
  return JSON.stringify(file);
}

/** Reads a cache document; says why it cannot be used instead of throwing. */
export function parseCache(json: string): CacheFile | { ignored: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ignored: `the cache file is not valid JSON (${e instanceof Error ? e.message : String(e)}); rebuilding the index` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  const file = data as Partial<CacheFile>;
  if (file.version !== CACHE_VERSION) {
    return { ignored: `the cache was written by another version of Dossier (cache version ${String(file.version)}, expected ${CACHE_VERSION}); rebuilding the index` };
  }
  if (!Array.isArray(file.sources) || !file.sources.every(isExtractedSource)) {
    return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  }
  const displayPaths = typeof file.displayPaths === 'object' && file.displayPaths !== null ? file.displayPaths : {};
  return { version: file.version, sources: file.sources, displayPaths };
}

/**
 * Fills `corpus` from a cache document. Returns how many sources were restored,
 * or why the cache was ignored (the corpus is then left unchanged).
 */
export function restoreCorpus(corpus: Corpus, json: string): { restored: number } | { ignored: string } {
  const file = parseCache(json);
  if ('ignored' in file) return file;
  for (const source of file.sources) corpus.upsert(source, file.displayPaths?.[source.uri] ?? source.path);
  return { restored: file.sources.length };
}

/** Cheap structural check: enough that the rest of the code will not trip over a hand-edited or truncated cache. */
function isExtractedSource(value: unknown): value is ExtractedSource {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.key === 'string' && typeof s.uri === 'string' && typeof s.path === 'string' && typeof s.hash === 'string'
    && typeof s.text === 'string' && (s.encoding === 'utf-8' || s.encoding === 'windows-1252')
    && typeof s.meta === 'object' && s.meta !== null
    && Array.isArray(s.paragraphs) && Array.isArray(s.entities) && Array.isArray(s.quotes) && Array.isArray(s.numbers) && Array.isArray(s.problems);
}
