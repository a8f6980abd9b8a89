/**
 * `Dossier: Show Extracted Facts`: a markdown preview of what Dossier
 * understood of one source (entities, roles, quotes), so a writer can see why
 * a hover or a diagnostic says what it says.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FactsRequest } from './protocol';
import { pickSource } from './sourcePicker';

/** URI scheme of the read-only facts documents. */
const FACTS_SCHEME = 'dossier-facts';

/** A Pandoc citation key after `@`: starts with a letter, digit or `_`, inner punctuation allowed. */
const CITATION_KEY = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/gu;

/** Registers `dossier.showFacts` (optional argument: a citation key) and the facts documents. */
export function registerShowFacts(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri, token) {
      const key = keyFromUri(uri);
      const client = getClient();
      if (!client) return `# ${key}\n\nThe Dossier language server is not running.\n`;
      const facts = await client.sendRequest(FactsRequest, { key }, token);
      return facts ?? `# ${key}\n\nNo source has the key \`${key}\`.\n`;
    },
  };
  const command = vscode.commands.registerCommand('dossier.showFacts', async (keyArgument?: unknown) => {
    const client = getClient();
    if (!client) return;
    const key =
      typeof keyArgument === 'string' && keyArgument !== ''
        ? keyArgument
        : (citationKeyAtCursor() ?? (await pickSource(client, 'Dossier: Show Extracted Facts'))?.key);
    if (!key) return;
    const uri = vscode.Uri.from({ scheme: FACTS_SCHEME, path: `/${key}.md` });
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // Without the built-in markdown extension, show the markdown itself.
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(FACTS_SCHEME, provider), command);
}

function keyFromUri(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

/** The citation key under the cursor of the active editor, if any. */
function citationKeyAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line).text;
  for (const match of line.matchAll(CITATION_KEY)) {
    const start = match.index ?? 0;
    if (position.character >= start && position.character <= start + match[0].length) return match[1];
  }
  return undefined;
}
