/**
 * `Dossier: Insert Citation`: pick a source by key or title and insert its
 * citation at the cursor of the active draft. Also the insertion used by the
 * search command's "Insert citation" button.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { citationText } from './citationText';
import { pickSource } from './sourcePicker';

/**
 * Inserts `[@key]` (or `[@key, para N]`) at the editor's cursor, or `; @key`
 * inside an existing bracketed citation. Returns false when the editor is gone.
 */
export async function insertCitationAt(editor: vscode.TextEditor, key: string, paragraph?: number): Promise<boolean> {
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line).text;
  const { text, offset } = citationText(key, paragraph, line.slice(0, position.character), line.slice(position.character));
  const at = position.translate(0, offset);
  const done = await editor.edit((edit) => (offset === 0 && !editor.selection.isEmpty ? edit.replace(editor.selection, text) : edit.insert(at, text)));
  if (done) {
    // The caret goes after the citation, so typing continues the sentence.
    const end = at.translate(0, text.length);
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
  }
  return done;
}

/** The markdown editor a citation should go into: the active one, else the most recently visible markdown editor. */
export function draftEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
}

/** Registers `dossier.insertCitation`. */
export function registerInsertCitation(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.insertCitation', async () => {
    const editor = draftEditor();
    if (!editor) {
      void vscode.window.showInformationMessage('Dossier: open a markdown draft to insert a citation into.');
      return;
    }
    const client = getClient();
    if (!client) return;
    const source = await pickSource(client, 'Dossier: Insert Citation');
    if (source) await insertCitationAt(editor, source.key);
  });
}
