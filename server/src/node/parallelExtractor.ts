/**
 * Extraction on worker threads: a {@link SourceExtractor} for the indexer that
 * runs the core's `extractSource` in a small pool of workers (the script
 * extractWorker.ts, bundled to dist/extractWorker.js), so a cold index uses
 * every core and the main thread (the language server's message loop) only
 * reads files and takes the results in.
 *
 * Workers start on the first file and stop after a while without work, so a
 * server that is not indexing holds no extra memory. Files go to the workers
 * in batches (fewer messages) and come back as structured clones of the
 * `ExtractedSource`: the same data `extractSource` gives in-process.
 *
 * Failures never lose a file: when no worker can be started (no script, a
 * runtime without worker threads), extraction runs in-process; when a worker
 * dies on a file (say, out of memory on a pathological article), the files of
 * that batch are retried one by one in a fresh worker, and the one that kills
 * it again is skipped with the reason.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { extractSource, type SourceInput } from '../core/corpus/extractSource';
import type { SourceExtractor } from '../core/index/indexer';
import type { ExtractedSource, Problem } from '../core/model';

/** A batch of files posted to a worker. */
export interface ExtractRequest {
  inputs: SourceInput[];
}

/** A worker's messages: `ready` once its script is loaded, then one answer per {@link ExtractRequest}, in order. */
export type ExtractResponse = { ready: true } | { results: Array<ExtractedSource | { skipped: Problem }> };

/** Options of {@link createParallelExtractor}. */
export interface ParallelExtractorOptions {
  /**
   * Worker threads. Default: one per core but one, at least one, at most 4. V8
   * compiles hot code on background threads and every worker compiles its own
   * copy, so on 2 cores a second worker costs more than it gains (BBC, thread CPU:
   * 1 worker 2.3 s + main 0.8 s + background 2.4 s; 2 workers 2 x 1.5 s + main
   * 0.9 s + background 3.8 s; in-process main 2.9 s + background 2.8 s).
   */
  workers?: number;
  /** Workers stop after this long without work, ms. Default 10,000. */
  idleMs?: number;
  /** The worker script. Default: extractWorker.js (bundle) or extractWorker.ts (sources, under tsx) next to this module. */
  script?: string;
}

/** A pool of extraction workers. */
export interface ParallelExtractor {
  /** Pass as `extract` in the indexer's options. */
  readonly extract: SourceExtractor;
  /** Stops the workers; later extractions run in-process. */
  close(): Promise<void>;
}

/** Files per message to a worker, at most: amortises messaging without starving the other workers. */
const MAX_BATCH = 8;
/** Batches posted to one worker ahead of its answers, so it never waits for the main thread. */
const BATCHES_AHEAD = 2;
/** Workers replaced after dying mid-batch before the pool gives up on workers. */
const MAX_RESTARTS = 5;

interface Job {
  input: SourceInput;
  resolve: (result: ExtractedSource | { skipped: Problem }) => void;
  /** Was in a batch whose worker died: goes alone, so only the file at fault is skipped. */
  alone?: boolean;
}

interface Slot {
  worker: Worker;
  /** Batches posted and not answered, oldest first (a worker answers in order). */
  batches: Job[][];
  /** True once the worker loaded its script: a later death is blamed on a file, an earlier one on the script. */
  ready: boolean;
}

/**
 * A worker pool, or undefined when the worker script cannot be found (e.g. a
 * bundle built without it): the caller then simply extracts in-process.
 */
export function createParallelExtractor(options: ParallelExtractorOptions = {}): ParallelExtractor | undefined {
  const script = options.script ?? defaultScript();
  if (script === undefined || !existsSync(script)) return undefined;
  const size = Math.max(1, options.workers ?? Math.min(4, availableParallelism() - 1));
  const idleMs = options.idleMs ?? 10_000;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let restarts = 0;
  /** Set when workers cannot be used (failed to start, died too often, closed): everything runs in-process. */
  let inProcess = false;
  let idleTimer: NodeJS.Timeout | undefined;

  function spawn(): Slot | undefined {
    let worker: Worker;
    try {
      // Under tsx (tests, benchmarks) the worker needs tsx's loader to run the TypeScript script.
      worker = new Worker(script as string, script?.endsWith('.ts') ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {});
    } catch {
      return undefined;
    }
    const slot: Slot = { worker, batches: [], ready: false };
    worker.on('message', (response: ExtractResponse) => {
      if ('ready' in response) {
        slot.ready = true;
        return;
      }
      const batch = slot.batches.shift();
      batch?.forEach((job, i) => job.resolve(response.results[i]));
      dispatch();
    });
    worker.on('error', (e) => lose(slot, e.message));
    worker.on('exit', (code) => lose(slot, `exit code ${code}`));
    slots.push(slot);
    return slot;
  }

  /** A worker stopped: the batch it was running is retried file by file (a lone file is skipped), the rest are re-queued. */
  function lose(slot: Slot, reason: string): void {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    const [running = [], ...waiting] = slot.batches;
    slot.batches = [];
    if (!slot.ready || ++restarts > MAX_RESTARTS) inProcess = true;
    queue.unshift(...waiting.flat());
    if (slot.ready && running.length === 1 && running[0].alone) {
      const { input, resolve } = running[0];
      resolve({ skipped: { path: input.displayPath ?? input.path, uri: input.uri, severity: 'error', message: `Could not extract the file: the extraction worker stopped on it (${reason}).` } });
    } else {
      // A worker that never started points at no file; one that died in a batch points at one of its files.
      if (slot.ready) for (const job of running) job.alone = true;
      queue.unshift(...running);
    }
    dispatch();
  }

  function dispatch(): void {
    if (inProcess) {
      for (const job of queue.splice(0)) job.resolve(extractSource(job.input));
      return;
    }
    while (queue.length > 0) {
      let slot = slots.reduce<Slot | undefined>((best, s) => (s.batches.length < BATCHES_AHEAD && (!best || s.batches.length < best.batches.length) ? s : best), undefined);
      if ((!slot || slot.batches.length > 0) && slots.length < size) slot = spawn() ?? slot;
      if (!slot) {
        if (slots.length === 0) {
          inProcess = true;
          dispatch();
        }
        return;
      }
      // Share what is queued among the workers so none sits idle while another holds a full batch.
      const batch = queue[0].alone ? queue.splice(0, 1) : queue.splice(0, Math.max(1, Math.min(MAX_BATCH, Math.ceil(queue.length / size))));
      slot.batches.push(batch);
      slot.worker.ref();
      slot.worker.postMessage({ inputs: batch.map((j) => j.input) } satisfies ExtractRequest);
    }
    scheduleIdle();
  }

  /** Workers that have nothing to do let the process exit, and stop after `idleMs`. */
  function scheduleIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
    for (const slot of slots) if (slot.batches.length === 0) slot.worker.unref();
    if (slots.length === 0 || slots.some((s) => s.batches.length > 0)) return;
    idleTimer = setTimeout(() => void stopWorkers(), idleMs);
    idleTimer.unref();
  }

  async function stopWorkers(): Promise<void> {
    const stopping = slots.splice(0);
    await Promise.all(stopping.map((s) => s.worker.terminate()));
  }

  return {
    extract: (input) => new Promise((resolve) => {
      queue.push({ input, resolve });
      dispatch();
    }),
    async close() {
      inProcess = true;
      if (idleTimer) clearTimeout(idleTimer);
      const stopping = slots.splice(0);
      for (const slot of stopping) queue.unshift(...slot.batches.flat());
      await Promise.all(stopping.map((s) => s.worker.terminate()));
      dispatch();
    },
  };
}

/** The worker script next to this module: the bundle's .js, or the source .ts when running under tsx. */
function defaultScript(): string | undefined {
  for (const name of ['extractWorker.js', 'extractWorker.ts']) {
    const path = join(__dirname, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}
