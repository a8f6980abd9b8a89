/**
 * Search-as-you-type for a QuickPick: each keystroke restarts a short timer,
 * and only the last query is sent; a query still in flight is cancelled so a
 * slow answer never overwrites a newer one.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SearchRequest, type SearchResult } from './protocol';

/** Wait this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 120;

/** Sends `dossier/search` for a QuickPick's value as it changes; calls `show` with each answer. */
export function attachLiveSearch<T extends vscode.QuickPickItem>(
  quickPick: vscode.QuickPick<T>,
  client: LanguageClient,
  limit: number,
  show: (results: SearchResult[], query: string) => void,
): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: vscode.CancellationTokenSource | undefined;

  const run = async (query: string): Promise<void> => {
    inFlight?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    inFlight = cancellation;
    quickPick.busy = true;
    try {
      const results = await client.sendRequest(SearchRequest, { query, limit }, cancellation.token);
      if (!cancellation.token.isCancellationRequested) show(results ?? [], query);
    } catch (error) {
      if (!cancellation.token.isCancellationRequested) {
        client.outputChannel.appendLine(`[client] search failed: ${error instanceof Error ? error.message : String(error)}`);
        show([], query);
      }
    } finally {
      if (inFlight === cancellation) {
        quickPick.busy = false;
        inFlight = undefined;
      }
      cancellation.dispose();
    }
  };

  const subscription = quickPick.onDidChangeValue((value) => {
    if (timer) clearTimeout(timer);
    const query = value.trim();
    if (query === '') {
      inFlight?.cancel();
      show([], '');
      return;
    }
    timer = setTimeout(() => void run(query), DEBOUNCE_MS);
  });

  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    inFlight?.cancel();
    subscription.dispose();
  });
}
