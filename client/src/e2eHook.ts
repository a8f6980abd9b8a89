/**
 * Runs the end-to-end suite inside the extension host when the environment
 * asks for it. code-server refuses `--extensionTestsPath`, so
 * `test/e2e/run.mjs` starts it with `DOSSIER_E2E_TESTS` naming the bundled
 * suite and `DOSSIER_E2E_RESULTS` naming a JSON file it polls. Without those
 * variables this does nothing.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

/** What the bundled suite module exports (the same `run` that @vscode/test-electron calls). */
interface SuiteModule {
  run(): Promise<void>;
  /** Results of the last `run`, for the JSON file. */
  lastResults?(): unknown;
}

/** Starts the suite named by `DOSSIER_E2E_TESTS`, if any, and writes its results. */
export function runEndToEndSuiteIfRequested(output: vscode.OutputChannel): void {
  const suitePath = process.env.DOSSIER_E2E_TESTS;
  const resultsPath = process.env.DOSSIER_E2E_RESULTS;
  if (!suitePath || !resultsPath) return;
  output.appendLine(`[e2e] running ${suitePath}`);
  const write = (value: unknown): void => fs.writeFileSync(`${resultsPath}.tmp`, JSON.stringify(value, null, 2));
  void (async () => {
    let suite: SuiteModule | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      suite = require(suitePath) as SuiteModule;
      await suite.run();
      write({ ok: true, results: suite.lastResults?.() });
    } catch (error) {
      write({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error), results: suite?.lastResults?.() });
    }
    // Renamed into place so the runner never reads a half-written file.
    fs.renameSync(`${resultsPath}.tmp`, resultsPath);
    output.appendLine(`[e2e] results written to ${resultsPath}`);
  })();
}

/** Command that answers the text written to the "Dossier" output; registered only in an end-to-end run. */
export const OUTPUT_TEXT_COMMAND = 'dossier.e2e.outputText';

/**
 * In an end-to-end run (`DOSSIER_E2E_TESTS` set), wraps `channel` so what is
 * written to it can be read back with {@link OUTPUT_TEXT_COMMAND}: VS Code has
 * no API to read an output channel, and the crash test checks what the user
 * is told. Outside a test run, returns `channel` itself.
 */
export function recordOutputInEndToEndRun(channel: vscode.OutputChannel, subscriptions: vscode.Disposable[]): vscode.OutputChannel {
  if (!process.env.DOSSIER_E2E_TESTS) return channel;
  let text = '';
  subscriptions.push(vscode.commands.registerCommand(OUTPUT_TEXT_COMMAND, () => text));
  return {
    get name() {
      return channel.name;
    },
    append(value: string) {
      text += value;
      channel.append(value);
    },
    appendLine(value: string) {
      text += `${value}\n`;
      channel.appendLine(value);
    },
    replace(value: string) {
      text = value;
      channel.replace(value);
    },
    clear() {
      text = '';
      channel.clear();
    },
    show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean) {
      if (typeof columnOrPreserveFocus === 'boolean') channel.show(columnOrPreserveFocus);
      else channel.show(columnOrPreserveFocus, preserveFocus);
    },
    hide: () => channel.hide(),
    dispose: () => channel.dispose(),
  };
}
