/**
 * Shared by the `inspect` and `search` subcommands: where the sources are
 * (`--sources <dir>`, or the default globs under the working folder) and
 * indexing them into a corpus.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Corpus } from '../../core/index/corpus';
import { indexSources, type IndexReport } from '../../core/index/indexer';
import { DEFAULT_SOURCE_GLOBS } from '../../core/workspace';
import { folderUri, NodeFileSystem, yieldToEventLoop } from '../nodeFileSystem';
import type { CliIO } from './io';

/** With `--sources <dir>`, every markdown or text file below it is a source. */
export const SOURCES_DIR_GLOBS: readonly string[] = ['**/*.{md,txt}'];

/** Where to read sources from, or the message explaining why that is impossible. */
export type SourcesLocation = { root: string; globs: readonly string[]; label: string } | { error: string };

/** Resolves `--sources` (relative to the working folder) or the default `sources/` folder. */
export function locateSources(io: CliIO, sourcesOption: string | undefined): SourcesLocation {
  if (sourcesOption !== undefined) {
    const dir = resolve(io.cwd, sourcesOption);
    if (!isDirectory(dir)) return { error: `Sources folder not found: ${sourcesOption} (looked for ${dir}).` };
    return { root: folderUri(dir), globs: SOURCES_DIR_GLOBS, label: dir };
  }
  if (!isDirectory(resolve(io.cwd, 'sources'))) {
    return { error: `No sources/ folder in ${io.cwd}. Pass --sources <dir> to say where the source articles are.` };
  }
  return { root: folderUri(io.cwd), globs: DEFAULT_SOURCE_GLOBS, label: resolve(io.cwd, 'sources') };
}

/** Indexes the sources at `location` into a fresh corpus. */
export async function loadCorpus(location: { root: string; globs: readonly string[] }, maxFileSizeKB?: number): Promise<{ corpus: Corpus; report: IndexReport }> {
  const corpus = new Corpus();
  const report = await indexSources(new NodeFileSystem(), corpus, { roots: [location.root], globs: location.globs, maxFileSizeKB, yieldNow: yieldToEventLoop, yieldEvery: 64 });
  return { corpus, report };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
