/**
 * Entry of the end-to-end suite that runs inside VS Code's extension host.
 * Bundled by test/e2e/bundleSuite.mjs; called by @vscode/test-electron
 * (`run`, as its extensionTestsPath) and, in code-server, by the extension's
 * DOSSIER_E2E_TESTS hook (client/src/e2eHook.ts), which also writes
 * `lastResults()` to a file.
 */
import Mocha from 'mocha';
import { dossier, poll } from './helpers';

/** The first index of the example corpus takes well under a second; this bounds a server that never starts. */
const READY_TIMEOUT_MS = 90_000;

/** One test's outcome, as the runners print it. */
export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

let results: TestResult[] = [];

/** Outcomes of the last `run`. */
export function lastResults(): TestResult[] {
  return results;
}

/** Runs every suite file; rejects when a test fails (what test-electron expects). */
export function run(): Promise<void> {
  results = [];
  // DOSSIER_E2E_GREP runs only the tests whose title matches (set by `run.mjs --grep`).
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec', grep: process.env.DOSSIER_E2E_GREP || undefined });
  // The files are bundled, not on disk: give them mocha's globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // Every test needs a running server with a complete index: wait once, fail everything fast if it never comes.
  mocha.suite.beforeAll('the Dossier server reports a ready index', async function () {
    this.timeout(READY_TIMEOUT_MS + 5_000);
    const api = await dossier();
    await poll('the Dossier server to report a ready index (dossier/status)', () => (api.status()?.state === 'ready' ? true : undefined), READY_TIMEOUT_MS);
  });
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after pre-require so describe/it exist */
  require('./diagnostics.test');
  require('./navigation.test');
  require('./commands.test');
  // Last: it kills and restarts the server.
  require('./crash.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
    runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message }));
  });
}
