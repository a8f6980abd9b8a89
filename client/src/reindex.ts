/** `Dossier: Reindex Sources`: rebuild the index from the files, e.g. after editing sources outside VS Code. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReindexRequest } from './protocol';

/** Registers `dossier.reindex`. */
export function registerReindex(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.reindex', async () => {
    const client = getClient();
    if (!client) return;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Dossier: reindexing sources' },
        () => client.sendRequest(ReindexRequest),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(`Dossier: reindexing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
