/**
 * Brings a {@link Corpus} in line with the files on disk: lists the source globs
 * in every workspace folder, reads each file, and re-extracts only the files
 * whose content hash changed; files that disappeared are removed.
 *
 * One bad file never stops a pass: unreadable files are recorded as skipped
 * with the reason, files that vanish while the pass runs are dropped. The pass
 * gives the event loop a turn every few files (through `yieldNow`, since the core
 * cannot use Node timers directly) so a language server stays responsive, and
 * stops early when cancelled.
 *
 * Extraction runs in-process by default. A host may inject an asynchronous
 * extractor (`extract`, e.g. a pool of worker threads): the pass then keeps
 * several files in flight while it reads the next ones, and applies the results
 * in the order of the files, so the corpus ends up the same either way.
 */
import type { ExtractedSource, Problem } from '../model';
import { contentHash } from '../corpus/contentHash';
import { DEFAULT_MAX_FILE_SIZE_KB, sizeLimitReason } from '../corpus/decode';
import { extractSource, type SourceInput } from '../corpus/extractSource';
import { DEFAULT_SOURCE_GLOBS, FileNotFoundError, matchingGlob, relativePath, sourcePath, type FileEntry, type FileSystem } from '../workspace';
import type { Corpus } from './corpus';

/** What to index. */
export interface IndexOptions {
  /** URIs of the workspace folders. */
  roots: readonly string[];
  /** Source globs relative to each folder. Default {@link DEFAULT_SOURCE_GLOBS}. */
  globs?: readonly string[];
  /** Files larger than this are skipped. Default 1024. */
  maxFileSizeKB?: number;
  /** Gives the event loop a turn (e.g. `() => new Promise((r) => setImmediate(r))`). Default: none. */
  yieldNow?: () => Promise<void>;
  /** Files between two calls of `yieldNow`. Default 8. */
  yieldEvery?: number;
  /**
   * Extracts sources elsewhere (e.g. on worker threads); must answer exactly what
   * `extractSource` answers for the same input. Used only when a pass has at
   * least `parallelFrom` files to read, since starting helpers costs more than
   * extracting a handful of files in-process. Default: in-process only.
   */
  extract?: SourceExtractor;
  /** Files to read (not known to be unchanged) from which `extract` is used. Default {@link DEFAULT_PARALLEL_FROM}. */
  parallelFrom?: number;
  /** Extractions handed to `extract` and not yet applied, at most. Default {@link DEFAULT_IN_FLIGHT}. */
  inFlight?: number;
}

/** An asynchronous stand-in for `extractSource` (see {@link IndexOptions.extract}). */
export type SourceExtractor = (input: SourceInput) => Promise<ExtractedSource | { skipped: Problem }>;

/** Default {@link IndexOptions.parallelFrom}: below this many files, in-process extraction finishes first. */
export const DEFAULT_PARALLEL_FROM = 32;

/** Default {@link IndexOptions.inFlight}: enough to keep a few workers busy while the next files are read. */
export const DEFAULT_IN_FLIGHT = 32;

/** Called after each file: `done` of `total` files handled, `path` the last one (relative to its folder). */
export type IndexProgress = (done: number, total: number, path: string) => void;

/** Lets the caller stop a pass; checked between files. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** What a pass did. */
export interface IndexReport {
  /** Files matching the globs. */
  total: number;
  /** URIs (re-)extracted in this pass. */
  extracted: string[];
  /** Files whose content had not changed. */
  unchanged: number;
  /** URIs removed from the corpus (deleted or no longer matching). */
  removed: string[];
  /** Files skipped (binary, too big, unreadable). */
  skipped: number;
  /** Problems of the pass itself (e.g. a file that vanished while it was read); file problems live in the corpus. */
  problems: Problem[];
  /** True when the pass stopped early because it was cancelled (nothing was removed then). */
  cancelled: boolean;
  /** Wall time of the pass, ms. */
  elapsedMs: number;
}

/** A file to bring up to date, with the paths it is known by. */
interface Candidate {
  entry: FileEntry;
  /** Relative to the sources root (the key derives from it). */
  sourcePath: string;
  /** Relative to the workspace folder (what problems show). */
  workspacePath: string;
}

/** Indexes every source under the workspace folders; see the module comment. */
export async function indexSources(fs: FileSystem, corpus: Corpus, options: IndexOptions, progress?: IndexProgress, token?: CancellationToken): Promise<IndexReport> {
  const started = Date.now();
  const globs = options.globs ?? DEFAULT_SOURCE_GLOBS;
  const report = emptyReport();
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const root of options.roots) {
    let entries: FileEntry[];
    try {
      entries = await fs.list(root, globs);
    } catch (e) {
      report.problems.push({ path: root, severity: 'error', message: `Could not list the sources in ${root}: ${errorMessage(e)}` });
      // Without a listing we cannot tell deleted files from unlisted ones: keep what the corpus has.
      for (const uri of corpus.uris()) if (relativePath(root, uri) !== null) seen.add(uri);
      continue;
    }
    for (const entry of entries) {
      if (seen.has(entry.uri)) continue;
      seen.add(entry.uri);
      const glob = matchingGlob(globs, entry.path) ?? globs[0];
      candidates.push({ entry, workspacePath: entry.path, sourcePath: sourcePath(glob, entry.path) });
    }
  }
  report.total = candidates.length;
  await updateCandidates(fs, corpus, options, candidates, report, progress, token);
  if (!report.cancelled) {
    for (const uri of corpus.uris()) {
      if (!seen.has(uri)) {
        corpus.removeUri(uri);
        report.removed.push(uri);
      }
    }
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

/**
 * Brings specific files up to date (a file watcher's created/changed/deleted
 * events): files that exist and match the globs are (re-)indexed if their
 * content changed, the others are removed from the corpus.
 */
export async function updateSources(fs: FileSystem, corpus: Corpus, options: IndexOptions, uris: readonly string[], token?: CancellationToken): Promise<IndexReport> {
  const started = Date.now();
  const globs = options.globs ?? DEFAULT_SOURCE_GLOBS;
  const report = emptyReport();
  const candidates: Candidate[] = [];
  for (const uri of new Set(uris)) {
    const root = options.roots.find((r) => relativePath(r, uri) !== null);
    const path = root !== undefined ? relativePath(root, uri) : null;
    const glob = path !== null ? matchingGlob(globs, path) : undefined;
    if (path === null || glob === undefined) {
      if (corpus.has(uri)) {
        corpus.removeUri(uri);
        report.removed.push(uri);
      }
      continue;
    }
    candidates.push({ entry: { uri, path }, workspacePath: path, sourcePath: sourcePath(glob, path) });
  }
  report.total = candidates.length;
  await updateCandidates(fs, corpus, options, candidates, report, undefined, token);
  report.elapsedMs = Date.now() - started;
  return report;
}

async function updateCandidates(fs: FileSystem, corpus: Corpus, options: IndexOptions, candidates: Candidate[], report: IndexReport, progress?: IndexProgress, token?: CancellationToken): Promise<void> {
  const maxKB = options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const yieldEvery = Math.max(1, options.yieldEvery ?? 8);
  const parallel = options.extract && countToRead(corpus, candidates) >= (options.parallelFrom ?? DEFAULT_PARALLEL_FROM) ? options.extract : undefined;
  const maxInFlight = Math.max(1, options.inFlight ?? DEFAULT_IN_FLIGHT);
  /** Extractions handed to `parallel`, oldest first; applied in this order. */
  const inFlight: Array<{ candidate: Candidate; stamp: string | undefined; result: Promise<ExtractedSource | { skipped: Problem }> }> = [];
  let done = 0;
  const finished = (candidate: Candidate) => progress?.(++done, candidates.length, candidate.workspacePath);
  const applyOldest = async () => {
    const oldest = inFlight.shift() as (typeof inFlight)[number];
    applyExtraction(corpus, oldest.candidate, oldest.stamp, await settle(oldest.result, oldest.candidate), report);
    finished(oldest.candidate);
  };
  for (let i = 0; i < candidates.length; i++) {
    if (token?.isCancellationRequested) {
      report.cancelled = true;
      break;
    }
    const candidate = candidates[i];
    const input = await readCandidate(fs, corpus, candidate, maxKB, report);
    if (!input) finished(candidate);
    else if (!parallel) {
      applyExtraction(corpus, candidate, input.stamp, extractSource(input.source), report);
      finished(candidate);
    } else {
      inFlight.push({ candidate, stamp: input.stamp, result: parallel(input.source) });
      if (inFlight.length >= maxInFlight) await applyOldest();
    }
    if (options.yieldNow && (i + 1) % yieldEvery === 0) await options.yieldNow();
  }
  // Files already read are indexed even when the pass was cancelled: the work is done.
  while (inFlight.length > 0) await applyOldest();
}

/** Files of a pass that will be read: those whose size and modification time do not show them unchanged. */
function countToRead(corpus: Corpus, candidates: readonly Candidate[]): number {
  let n = 0;
  for (const { entry } of candidates) {
    if (entry.size === undefined || entry.mtime === undefined || corpus.fileStamp(entry.uri) !== `${entry.size}:${entry.mtime}`) n++;
  }
  return n;
}

/** What an injected extractor gave, or a skip with the reason if it failed (it should never reject). */
async function settle(result: Promise<ExtractedSource | { skipped: Problem }>, candidate: Candidate): Promise<ExtractedSource | { skipped: Problem }> {
  try {
    return await result;
  } catch (e) {
    return { skipped: { path: candidate.workspacePath, uri: candidate.entry.uri, severity: 'error', message: `Could not extract the file: ${errorMessage(e)}` } };
  }
}

/**
 * Reads a candidate and decides whether it needs extracting: returns the input
 * for the extractor (and the file's stamp), or null when the file was handled
 * here (unchanged, too big, unreadable or gone).
 */
async function readCandidate(fs: FileSystem, corpus: Corpus, candidate: Candidate, maxKB: number, report: IndexReport): Promise<{ source: SourceInput; stamp: string | undefined } | null> {
  const { entry, workspacePath } = candidate;
  // Too big to be a source: skip without reading it at all.
  const tooBig = entry.size !== undefined ? sizeLimitReason(entry.size, maxKB) : null;
  if (tooBig) {
    corpus.recordSkipped(entry.uri, { path: workspacePath, uri: entry.uri, severity: 'warning', message: `Skipped: ${tooBig}.` });
    report.skipped++;
    return null;
  }
  // Same size and modification time as when last read: unchanged, no need to read it.
  const stamp = entry.size !== undefined && entry.mtime !== undefined ? `${entry.size}:${entry.mtime}` : undefined;
  const known = corpus.byUri(entry.uri);
  if (stamp !== undefined && corpus.fileStamp(entry.uri) === stamp && (known ? known.path === candidate.sourcePath : corpus.has(entry.uri))) {
    report.unchanged++;
    return null;
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.read(entry.uri);
  } catch (e) {
    if (e instanceof FileNotFoundError) {
      // Deleted between listing and reading: it is simply not a source any more.
      if (corpus.has(entry.uri)) {
        corpus.removeUri(entry.uri);
        report.removed.push(entry.uri);
      }
      report.problems.push({ path: workspacePath, uri: entry.uri, severity: 'warning', message: 'The file disappeared while the sources were being indexed.' });
      return null;
    }
    corpus.recordSkipped(entry.uri, { path: workspacePath, uri: entry.uri, severity: 'error', message: `Could not read the file: ${errorMessage(e)}` });
    report.skipped++;
    return null;
  }
  const hash = contentHash(bytes);
  if (known && known.hash === hash && known.path === candidate.sourcePath) {
    if (stamp !== undefined) corpus.setFileStamp(entry.uri, stamp);
    report.unchanged++;
    return null;
  }
  return { source: { uri: entry.uri, path: candidate.sourcePath, displayPath: workspacePath, bytes, hash, maxFileSizeKB: maxKB }, stamp };
}

/** Puts an extraction into the corpus (or records why the file was skipped). */
function applyExtraction(corpus: Corpus, candidate: Candidate, stamp: string | undefined, result: ExtractedSource | { skipped: Problem }, report: IndexReport): void {
  const uri = candidate.entry.uri;
  if ('skipped' in result) {
    corpus.recordSkipped(uri, result.skipped);
    report.skipped++;
  } else {
    corpus.upsert(result, candidate.workspacePath);
    report.extracted.push(uri);
  }
  if (stamp !== undefined) corpus.setFileStamp(uri, stamp);
}

function emptyReport(): IndexReport {
  return { total: 0, extracted: [], unchanged: 0, removed: [], skipped: 0, problems: [], cancelled: false, elapsedMs: 0 };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
