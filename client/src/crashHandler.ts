/**
 * What the client does when the language server dies: restart it with a
 * visible message, unless it keeps dying (then stop and say how to recover).
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';

/** More crashes than this within {@link CRASH_WINDOW_MS} and the server stays down. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

/**
 * An error handler that restarts a crashed server up to {@link MAX_RESTARTS}
 * times in three minutes, telling the user each time (the library's default
 * restarts silently, so a writer would not know why diagnostics vanished).
 */
export function createRestartingErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error(error: Error, _message, count): ErrorHandlerResult {
      output.appendLine(`[client] connection error: ${error.message}`);
      // A few transient write errors are normal while a server restarts.
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0] > CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        output.appendLine('[client] the language server crashed too often; not restarting');
        void showCrashMessage(
          'error',
          `Dossier's language server crashed ${crashes.length} times in three minutes and was not restarted. ` +
            'See the "Dossier" output, then run "Dossier: Restart Server".',
          output,
        );
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.appendLine('[client] the language server stopped unexpectedly; restarting');
      void showCrashMessage('warning', "Dossier's language server stopped unexpectedly and is restarting.", output);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

async function showCrashMessage(kind: 'warning' | 'error', text: string, output: vscode.OutputChannel): Promise<void> {
  const show = kind === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const choice = await show(text, 'Show Output');
  if (choice === 'Show Output') output.show(true);
}
