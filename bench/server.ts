/**
 * Language server benchmark on the BBC corpus (2,225 articles). Latencies are
 * measured through the core service (what each LSP handler delegates to):
 * hover, definition, completion, search, and diagnostics after an edit in a
 * 5,000-word draft. The built server (dist/server.js) is then started over
 * stdio as an editor starts it, twice with the same cache folder: the first
 * start is cold (nothing cached: extraction, every table, cache write) and gives
 * what a user waits for on a new corpus and the memory after indexing; the
 * second restarts from that cache. Prints a markdown table.
 *
 * Targets: hover p99 < 2 ms, definition p99 < 2 ms, completion p99 < 10 ms,
 * search p99 < 5 ms, diagnostics after an edit < 50 ms, cold start >= 5 MB/s,
 * restart from the cache < 300 ms, server RSS < 200 MB.
 *
 * Each latency row gives wall p50 / p99 over all samples, then p99 of the
 * samples no garbage collection overlapped (V8 reports each pause through a
 * `gc` performance entry) and how many samples one did overlap, then CPU
 * p50 / p99 (process.cpuUsage, all threads): the machine is shared, so wall
 * time includes waiting for a core and the CPU column tells the two apart.
 *
 * Run: npm run bench (bundled, as shipped), or npm run build && npx tsx bench/server.ts [--no-rss]
 * (skips when ../shared is absent)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProtocolConnection, InitializedNotification, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createDossierService, DEFAULT_FOLDER_SETTINGS, type DocumentInput } from '../server/src/core/service';
import { folderUri, NodeFileSystem, yieldToEventLoop } from '../server/src/node/nodeFileSystem';
import { BBC, BUILT_SERVER } from './paths';

const GLOBS = ['*/*.txt'];
const silent = { info() {}, warn() {}, error() {} };

/** A deterministic pseudo-random generator, so runs are comparable. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Garbage collection pauses seen so far (performance time line, ms). */
const gcPauses: Array<{ start: number; end: number }> = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
});

/** One timed call: wall and CPU milliseconds, and where on the time line it ran. */
interface Sample { start: number; wall: number; cpu: number }

function time(run: () => unknown): Sample {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { start, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

async function main(): Promise<void> {
  if (!existsSync(BBC)) {
    console.log('bench/server: ../shared/corpora/bbc not found, skipped.');
    return;
  }
  const rand = random(42);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const root = folderUri(BBC);
  const service = createDossierService({ logger: silent, fileSystem: new NodeFileSystem(), yieldNow: yieldToEventLoop });
  service.setFolders([{ uri: root, settings: { ...DEFAULT_FOLDER_SETTINGS, sources: GLOBS } }]);
  const indexStart = Date.now();
  await service.index(root);
  const indexMs = Date.now() - indexStart;
  const corpus = service.corpusFor(`${root}/draft.md`);
  const sources = corpus.sources();

  // A 5,000-word draft made of source sentences, each cited, some with a wrong or missing key.
  let text = '# Draft\n\n';
  let words = 0;
  while (words < 5000) {
    const source = pick(sources);
    const body = source.paragraphs.filter((p) => p.kind === 'body');
    if (body.length === 0) continue;
    const paragraph = pick(body);
    const sentence = source.text.slice(paragraph.start, paragraph.end).replace(/\s+/g, ' ').trim();
    const key = rand() < 0.1 ? pick(sources).key : source.key;
    text += `${sentence.replace(/([.!?]["”]?)$/, '')} [@${key}].\n\n`;
    words += sentence.split(' ').length;
  }
  const doc: DocumentInput = { uri: `${root}/draft.md`, version: 1, text };
  const draft = service.parse(doc);

  const rows: string[][] = [];
  gcObserver.observe({ entryTypes: ['gc'] });
  const measure = async (label: string, target: string, runs: number, run: (i: number) => unknown, limit: number) => {
    // Warm-up (JIT, lazy structures, per-name caches) on as many calls as are timed, at most 200.
    for (let i = 0; i < Math.min(200, runs); i++) run(i);
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(time(() => run(i)));
    // GC entries arrive on the event loop, after a timer turn.
    await new Promise((r) => setTimeout(r, 20));
    const hitByGc = (s: Sample) => gcPauses.some((g) => g.start < s.start + s.wall && g.end > s.start);
    const clean = samples.filter((s) => !hitByGc(s)).map((s) => s.wall);
    const wall = samples.map((s) => s.wall);
    const cpu = samples.map((s) => s.cpu);
    const p99 = percentile(wall, 99);
    const f = (x: number) => x.toFixed(2);
    rows.push([label, `${f(percentile(wall, 50))} / ${f(p99)} ms`, clean.length > 0 ? `${f(percentile(clean, 99))} ms` : 'n/a', `${samples.length - clean.length}/${samples.length}`,
      `${f(percentile(cpu, 50))} / ${f(percentile(cpu, 99))} ms`, target, p99 < limit ? 'ok' : 'MISSED']);
  };

  const names = draft.names.length > 0 ? draft.names : [{ start: 0, end: 0, text: '' }];
  const citations = draft.citations.flatMap((c) => c.items);
  const targets = [...names.map((n) => n.start + 1), ...citations.map((c) => c.keySpan.start + 1)];
  await measure('hover (names and citations)', 'p99 < 2 ms', 2000, () => service.hover(doc, pick(targets)), 2);
  await measure('definition', 'p99 < 2 ms', 2000, () => service.definition(doc, pick(targets)), 2);

  const keys = corpus.keys();
  const completionTexts = Array.from({ length: 200 }, (_, i) => {
    if (i % 4 === 3) {
      const entity = pick(corpus.entities.all().slice(0, 500));
      return `Then ${entity.name.split(' ')[0].slice(0, 3)}`;
    }
    const key = pick(keys);
    return i % 4 === 0 ? 'See [@' : i % 4 === 1 ? `See [@${key.slice(0, 6)}` : `See [@${pick(sources).title?.text.split(' ')[0] ?? key}`;
  });
  await measure('completion (keys, titles, names)', 'p99 < 10 ms', 1000, (i) => {
    const t = completionTexts[i % completionTexts.length];
    return service.completion({ uri: doc.uri, version: 1, text: t }, t.length);
  }, 10);

  const queryWords = sources.flatMap((s) => (s.title?.text ?? '').split(/\s+/)).filter((w) => w.length > 4);
  const queries = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? pick(queryWords) : i % 3 === 1 ? `${pick(queryWords)} ${pick(queryWords)}` : `"${pick(queryWords)}"`));
  await measure('search (dossier/search, 20 hits)', 'p99 < 5 ms', 1000, (i) => service.search(queries[i % queries.length], 20), 5);

  let version = 1;
  await measure('diagnostics after an edit (5,000 words)', '< 50 ms', 30, (i) => {
    version++;
    const at = text.indexOf('\n\n', Math.floor((i / 30) * text.length)) + 2;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    return service.diagnostics({ uri: doc.uri, version, text: edited });
  }, 50);

  gcObserver.disconnect();
  if (existsSync(BUILT_SERVER)) {
    // The cache goes to a temporary folder (the corpus folder is read-only); the second start reads what the first wrote.
    const cacheDir = mkdtempSync(join(tmpdir(), 'dossier-bench-cache-'));
    try {
      const cold = await serverStart(cacheDir, !process.argv.includes('--no-rss'));
      const mb = corpusMegabytes(sources);
      const ms = (x: number) => `${x.toFixed(0)} ms`;
      rows.push(['server cold start (spawned): initialized → index ready', cold ? `${ms(cold.readyMs)}, ${(mb / (cold.readyMs / 1000)).toFixed(2)} MB/s` : 'n/a', '', '', '', '>= 5 MB/s', cold && mb / (cold.readyMs / 1000) >= 5 ? 'ok' : 'MISSED']);
      if (cold?.rss != null) rows.push(['server RSS after indexing (spawned)', `${cold.rss.toFixed(0)} MB`, '', '', '', '< 200 MB', cold.rss < 200 ? 'ok' : 'MISSED']);
      const warm = await serverStart(cacheDir, false);
      rows.push(['server restart from its cache: initialized → index ready', warm ? ms(warm.readyMs) : 'n/a', '', '', '', '< 300 ms', warm && warm.readyMs < 300 ? 'ok' : 'MISSED']);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  } else {
    console.log('bench/server: dist/server.js missing (run npm run build); server starts not measured.');
  }

  console.log(`\nbench/server — ${sources.length} sources indexed in ${(indexMs / 1000).toFixed(1)} s; draft of ${words} words, ${draft.citations.length} citations, ${draft.names.length} names\n`);
  console.log('| measure | wall p50 / p99 | p99 without GC | samples GC overlapped | CPU p50 / p99 | target | |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

/** What one start of the built server measured. */
interface ServerStart {
  /** From the `initialized` notification to the first `ready` status with the whole corpus indexed, ms. */
  readyMs: number;
  /** Resident memory once the pass's garbage is collected and the worker stopped, MB (when asked). */
  rss: number | null;
}

/**
 * Starts the built server on the corpus with its cache in `cacheDir`, times how
 * long it takes to report the index ready (a cold start when the folder is
 * empty, a restart from the cache when a previous start wrote it), and
 * optionally reads its resident memory after that. Null when it never got ready.
 */
async function serverStart(cacheDir: string, measureRss: boolean): Promise<ServerStart | null> {
  const child = spawn(process.execPath, [BUILT_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let readyAt = 0;
  connection.onNotification('dossier/status', (s: { state: string; indexed: number }) => {
    if (s.state === 'ready' && s.indexed > 2000 && readyAt === 0) readyAt = performance.now();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ sources: GLOBS, cacheDir })));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    const uri = folderUri(BBC);
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bbc' }], capabilities: { workspace: { configuration: true } } });
    const start = performance.now();
    await connection.sendNotification(InitializedNotification.type, {});
    const deadline = Date.now() + 300000;
    while (readyAt === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (readyAt === 0) return null;
    const readyMs = readyAt - start;
    if (!measureRss) return { readyMs, rss: null };
    // The server collects the pass's garbage once it is done, and its extraction
    // worker stops after 10 s without work; read RSS once both have happened.
    const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(status())?.[1] ?? NaN) / 1024;
    const threads = () => Number(/Threads:\s+(\d+)/.exec(status())?.[1] ?? NaN);
    const withWorker = threads();
    for (let i = 0; i < 40 && threads() >= withWorker; i++) await new Promise((r) => setTimeout(r, 500));
    let previous = rss();
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const now = rss();
      if (Math.abs(now - previous) < 1) break;
      previous = now;
    }
    return { readyMs, rss: rss() };
  } finally {
    child.kill();
    connection.dispose();
  }
}

/** Bytes of the BBC articles, MB. */
function corpusMegabytes(sources: Array<{ text: string }>): number {
  return sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0) / (1024 * 1024);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
