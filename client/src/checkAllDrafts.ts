/**
 * `Dossier: Check All Drafts`: the server checks every markdown file of the
 * workspace that is not a source and publishes the diagnostics; the Problems
 * panel then lists them all, not only those of open drafts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckAllRequest, type CheckAllResult } from './protocol';

/** Registers `dossier.checkAllDrafts`. */
export function registerCheckAllDrafts(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.checkAllDrafts', async () => {
    const client = getClient();
    if (!client) return;
    let result: CheckAllResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Dossier: checking all drafts' },
        () => client.sendRequest(CheckAllRequest),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(`Dossier: checking drafts failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const drafts = `${result.files} draft${result.files === 1 ? '' : 's'}`;
    if (result.diagnostics > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(
      result.diagnostics === 0
        ? `Dossier: checked ${drafts}, no problems found.`
        : `Dossier: checked ${drafts}, ${result.diagnostics} finding(s); see the Problems panel.`,
    );
  });
}
