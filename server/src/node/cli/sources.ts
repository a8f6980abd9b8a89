/**
 * Shared by the `inspect` and `search` subcommands: where the sources are
 * (`--sources <dir>`, or the default globs under the working folder) and
 * indexing them into a corpus.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreCorpus, serializeCorpus } from '../../core/index/cache';
import { Corpus } from '../../core/index/corpus';
import { indexSources, type IndexReport } from '../../core/index/indexer';
import { DEFAULT_SOURCE_GLOBS } from '../../core/workspace';
import { folderUri, NodeFileSystem, readCacheFile, writeCacheFile, yieldToEventLoop } from '../nodeFileSystem';
import { createParallelExtractor } from '../parallelExtractor';
import type { CliIO } from './io';

/** With `--sources <dir>`, every markdown or text file below it is a source. */
export const SOURCES_DIR_GLOBS: readonly string[] = ['**/*.{md,txt}'];

/** Where to read sources from, or the message explaining why that is impossible. */
export type SourcesLocation = { root: string; globs: readonly string[]; label: string } | { error: string };

/** Resolves `--sources` (relative to the working folder) or the default `sources/` folder. */
export function locateSources(io: CliIO, sourcesOption: string | undefined): SourcesLocation {
  if (sourcesOption !== undefined) {
    const dir = resolve(io.cwd, sourcesOption);
    if (!isDirectory(dir)) return { error: sourcesFolderError(sourcesOption, dir) };
    return { root: folderUri(dir), globs: SOURCES_DIR_GLOBS, label: dir };
  }
  if (!isDirectory(resolve(io.cwd, 'sources'))) {
    return { error: `No sources/ folder in ${io.cwd}. Pass --sources <dir> to say where the source articles are.` };
  }
  return { root: folderUri(io.cwd), globs: DEFAULT_SOURCE_GLOBS, label: resolve(io.cwd, 'sources') };
}

/** Options of {@link loadCorpus}. */
export interface LoadOptions {
  maxFileSizeKB?: number;
  /** Cache file to start from and to update (`--cache <file>`); none by default. */
  cachePath?: string;
  /** Where to say that a cache was ignored or could not be written. */
  warn?: (message: string) => void;
  /** Extraction worker threads for big passes; 0 extracts in-process. Default: see `createParallelExtractor`. */
  workers?: number;
}

/** Indexes the sources at `location` into a fresh corpus, through the cache file when one is given. */
export async function loadCorpus(location: { root: string; globs: readonly string[] }, options: LoadOptions = {}): Promise<{ corpus: Corpus; report: IndexReport }> {
  const corpus = new Corpus();
  let cacheStale = false;
  if (options.cachePath) {
    const cached = await readCacheFile(options.cachePath);
    if (cached !== null) {
      const restored = restoreCorpus(corpus, cached);
      if ('ignored' in restored) {
        options.warn?.(`${options.cachePath}: ${restored.ignored}`);
        cacheStale = true;
      }
    } else {
      cacheStale = true;
    }
  }
  // Workers start only if the pass has enough files to extract (a warm start from the cache needs none).
  const pool = options.workers === 0 ? undefined : createParallelExtractor({ workers: options.workers });
  let report: IndexReport;
  try {
    report = await indexSources(new NodeFileSystem(), corpus, { roots: [location.root], globs: location.globs, maxFileSizeKB: options.maxFileSizeKB, yieldNow: yieldToEventLoop, yieldEvery: 64, extract: pool?.extract });
  } finally {
    await pool?.close();
  }
  if (options.cachePath && (cacheStale || report.extracted.length > 0 || report.removed.length > 0)) {
    try {
      await writeCacheFile(options.cachePath, serializeCorpus(corpus));
    } catch (e) {
      options.warn?.(`could not write the cache ${options.cachePath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { corpus, report };
}

/** `--cache <file>` resolved against the working folder. */
export function cachePath(io: CliIO, option: string | undefined): string | undefined {
  return option === undefined ? undefined : resolve(io.cwd, option);
}

/** Why `--sources` is unusable, naming the path once, as typed: a file is "not a folder". */
function sourcesFolderError(option: string, dir: string): string {
  try {
    statSync(dir);
    return `--sources ${option} is not a folder.`;
  } catch {
    return `Sources folder not found: ${option}.`;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
