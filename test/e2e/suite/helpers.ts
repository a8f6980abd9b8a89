/** Shared helpers of the extension-host suite: the example workspace, the extension API, and polling. */
import * as vscode from 'vscode';
import type { DossierApi } from '../../../client/src/extension';

/** The extension id (`publisher.name` of package.json). */
export const EXTENSION_ID = 'dossier-dev.dossier';

/** A file of the workspace under test (a copy of examples/newsroom). */
export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the example workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Activates Dossier and returns its API. */
export async function dossier(): Promise<DossierApi> {
  const extension = vscode.extensions.getExtension<DossierApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/**
 * Calls `probe` until it returns something other than undefined, and returns
 * that; fails after `timeoutMs` naming `what` and the last error. Results
 * arrive asynchronously from the server, so tests wait for them, never a fixed time.
 */
export async function poll<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** 0-based line of the first line of the document containing `phrase`. */
export function lineOf(document: vscode.TextDocument, phrase: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.includes(phrase)) return line;
  }
  throw new Error(`"${phrase}" is not in ${document.uri.path}`);
}

/** Position of the first character of `phrase` (plus `offset`) in the document. */
export function positionOf(document: vscode.TextDocument, phrase: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(phrase);
  if (index < 0) throw new Error(`"${phrase}" is not in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** The code of a diagnostic as a string (VS Code wraps it when a code description link is set). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Opens the draft of the example workspace in an editor. */
export async function openDraft(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri('draft.md'));
  return vscode.window.showTextDocument(document);
}

/** Plain text of hover contents, whatever form they come in. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** The URI and range of a definition result, whether a Location or a LocationLink. */
export function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location
    ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange }
    : { uri: location.uri, range: location.range };
}
