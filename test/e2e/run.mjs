// `npm run test:e2e`: end-to-end tests of Dossier in a real VS Code (code-server 4.100.3,
// driven by Debian's Chromium through playwright-core). Three stages:
//   1. the grammar test (VS Code's TextMate engine on the injection grammar);
//   2. the mocha suite inside the extension host (test/e2e/suite), started by the
//      extension's DOSSIER_E2E_TESTS hook because code-server refuses --extensionTestsPath;
//   3. browser-level checks of what a writer sees: hover, Problems panel, search,
//      with a screenshot of each under test/output/e2e/.
// Exits non-zero when anything fails, with a summary.
import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { bundleSuite } from './bundleSuite.mjs';
import { assertBuilt, ensureCodeServer, freePort, prepareProfile, repoRoot, startCodeServer } from './codeServer.mjs';
import { browserChecks } from './browserChecks.mjs';

const outputDir = path.join(repoRoot, 'test/output/e2e');
const workDir = path.join(repoRoot, 'test/.cache/e2e');
const SUITE_TIMEOUT_MS = 8 * 60 * 1000;
const CHROMIUM = '/usr/bin/chromium';
// `--grep <pattern>`: only the extension-host tests whose title matches, and no browser checks (for debugging).
const grepIndex = process.argv.indexOf('--grep');
const grep = grepIndex >= 0 ? process.argv[grepIndex + 1] : undefined;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Outcomes of every stage: { stage, title, state: 'passed'|'failed'|'pending', error? }. */
const outcomes = [];

function record(stage, results) {
  for (const r of results) outcomes.push({ stage, ...r });
}

function grammarStage() {
  console.log('\n== grammar (TextMate injection) ==');
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/mocha/bin/mocha.js'), '--no-config', '-r', 'tsx/cjs', '--reporter', 'spec', 'test/e2e/grammar.test.ts'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  record('grammar', [{ title: 'grammar tests (test/e2e/grammar.test.ts)', state: result.status === 0 ? 'passed' : 'failed', error: result.status === 0 ? undefined : 'see the mocha output above' }]);
}

/** A fresh copy of the example workspace, so quick fixes and caches never touch examples/. */
function copyWorkspace() {
  const workspace = path.join(workDir, 'workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(path.join(repoRoot, 'examples/newsroom'), workspace, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}.dossier-cache`),
  });
  return workspace;
}

async function waitForResults(resultsFile, exited) {
  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  let serverExit;
  void exited.then((e) => (serverExit = e));
  while (!fs.existsSync(resultsFile)) {
    if (serverExit) throw new Error(`code-server exited (code ${serverExit.code}) before the suite finished`);
    if (Date.now() > deadline) throw new Error(`the extension-host suite wrote no results within ${SUITE_TIMEOUT_MS / 1000} s (did the extension activate? see test/output/e2e/code-server.log)`);
    await sleep(250);
  }
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
}

async function main() {
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  fs.mkdirSync(workDir, { recursive: true });

  console.log('== build ==');
  execFileSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  assertBuilt();
  const entry = ensureCodeServer();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);

  grammarStage();

  const suite = await bundleSuite();
  const workspace = copyWorkspace();
  fs.rmSync(path.join(workDir, 'profile'), { recursive: true, force: true });
  const { extensionsDir, userDataDir } = prepareProfile(path.join(workDir, 'profile'));
  const resultsFile = path.join(workDir, 'suite-results.json');
  fs.rmSync(resultsFile, { force: true });
  const port = await freePort();

  console.log('\n== extension-host suite (in code-server) ==');
  const server = await startCodeServer({
    entry,
    port,
    extensionsDir,
    userDataDir,
    folder: workspace,
    env: { DOSSIER_E2E_TESTS: suite, DOSSIER_E2E_RESULTS: resultsFile, ...(grep ? { DOSSIER_E2E_GREP: grep } : {}) },
    logFile: path.join(outputDir, 'code-server.log'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => fs.appendFileSync(path.join(outputDir, 'browser-errors.log'), `${error.stack ?? error}\n`));
    // The extension host only starts once a browser connects.
    await page.goto(server.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

    const suiteOutcome = await waitForResults(resultsFile, server.exited);
    for (const r of suiteOutcome.results ?? []) {
      const mark = r.state === 'passed' ? '✓' : r.state === 'pending' ? '-' : '✗';
      console.log(`  ${mark} ${r.title}${r.error ? `\n      ${r.error.split('\n').join('\n      ')}` : ''}`);
    }
    record('extension host', suiteOutcome.results ?? []);
    if (!suiteOutcome.ok && (suiteOutcome.results ?? []).every((r) => r.state !== 'failed')) {
      record('extension host', [{ title: 'suite run', state: 'failed', error: suiteOutcome.error }]);
    }

    if (!grep) {
      console.log('\n== browser (what a writer sees) ==');
      record('browser', await browserChecks(page, outputDir));
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.child.kill();
    await server.exited;
  }
}

function summarise() {
  fs.mkdirSync(outputDir, { recursive: true });
  fs.writeFileSync(path.join(outputDir, 'results.json'), JSON.stringify(outcomes, null, 2));
  const failed = outcomes.filter((o) => o.state === 'failed');
  const passed = outcomes.filter((o) => o.state === 'passed');
  console.log(`\n== summary: ${passed.length} passed, ${failed.length} failed (details: test/output/e2e/results.json, screenshots: test/output/e2e/*.png) ==`);
  for (const f of failed) console.log(`  ✗ [${f.stage}] ${f.title}: ${(f.error ?? '').split('\n')[0]}`);
  return failed.length === 0 && passed.length > 0;
}

main()
  .then(() => process.exit(summarise() ? 0 : 1))
  .catch((error) => {
    console.error(`\ne2e: ${error instanceof Error ? error.message : error}`);
    outcomes.push({ stage: 'runner', title: 'end-to-end run', state: 'failed', error: error instanceof Error ? error.message : String(error) });
    summarise();
    process.exit(1);
  });
