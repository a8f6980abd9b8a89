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
  /** Size and modification time of each file when it was read, by URI (lets the next pass skip reading it). */
  stamps?: Record<string, string>;
}

/** Serialises the corpus's sources for the cache. */
export function serializeCorpus(corpus: Corpus): string {
  const sources = corpus.sources();
  const displayPaths: Record<string, string> = {};
  const stamps: Record<string, string> = {};
  for (const s of sources) {
    const shown = corpus.displayPath(s.uri);
    if (shown !== undefined && shown !== s.path) displayPaths[s.uri] = shown;
    const stamp = corpus.fileStamp(s.uri);
    if (stamp !== undefined) stamps[s.uri] = stamp;
  }
  const file: CacheFile = { version: CACHE_VERSION, sources, displayPaths, stamps };
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
  return { version: file.version, sources: file.sources, displayPaths: stringRecord(file.displayPaths), stamps: stringRecord(file.stamps) };
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Fills `corpus` from a cache document (the JSON, or what {@link parseCache}
 * made of it). Returns how many sources were restored, or why the cache was
 * ignored (the corpus is then left unchanged).
 */
export function restoreCorpus(corpus: Corpus, cache: string | CacheFile): { restored: number } | { ignored: string } {
  const file = typeof cache === 'string' ? parseCache(cache) : cache;
  if ('ignored' in file) return file;
  for (const source of file.sources) {
    corpus.upsert(source, file.displayPaths?.[source.uri] ?? source.path);
    const stamp = file.stamps?.[source.uri];
    if (stamp !== undefined) corpus.setFileStamp(source.uri, stamp);
  }
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
