/**
 * `Dossier: Search Sources`: full-text search over the corpus as you type.
 * Each result shows the source's title, its key and a snippet; moving through
 * the results previews the passage beside the draft, Enter opens it, and the
 * item button inserts a citation into the draft.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { draftEditor, insertCitationAt } from './insertCitation';
import { attachLiveSearch } from './liveSearch';
import type { SearchResult } from './protocol';
import { focusSnippet } from './snippet';

/** How many passages to ask for: enough to scroll, few enough to render at once. */
const RESULT_LIMIT = 40;

interface PassageItem extends vscode.QuickPickItem {
  result: SearchResult;
}

const insertCitationButton: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('quote'),
  tooltip: 'Insert citation',
};

const searchPlaceholder = 'Search the source articles (words, "a phrase", prefix*)';

/** Registers `dossier.searchSources` (optional argument: the initial query). */
export function registerSearchSources(getClient: () => LanguageClient | undefined): vscode.Disposable {
  // Marks the passage in the previewed source while browsing results.
  const passageDecoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  const command = vscode.commands.registerCommand('dossier.searchSources', (initialQuery?: unknown) => {
    const client = getClient();
    if (!client) return;
    showSearch(client, passageDecoration, typeof initialQuery === 'string' ? initialQuery : defaultQuery());
  });
  return vscode.Disposable.from(command, passageDecoration);
}

/** The selected words of the active editor, as a starting query. */
function defaultQuery(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return '';
  const text = editor.document.getText(editor.selection).trim();
  return text.includes('\n') ? '' : text;
}

function showSearch(client: LanguageClient, passageDecoration: vscode.TextEditorDecorationType, initialQuery: string): void {
  // Captured now: previewing a source changes the active editor.
  const draft = draftEditor();
  const quickPick = vscode.window.createQuickPick<PassageItem>();
  quickPick.title = 'Dossier: Search Sources';
  quickPick.placeholder = searchPlaceholder;
  quickPick.matchOnDescription = true;
  // Lets the QuickPick highlight the typed words inside the snippet.
  quickPick.matchOnDetail = true;
  // Previewing opens an editor; the search must stay open meanwhile.
  quickPick.ignoreFocusOut = true;

  let previewed: vscode.TextEditor | undefined;
  const search = attachLiveSearch(quickPick, client, RESULT_LIMIT, (results, query) => {
    quickPick.items = results.map((result) => toItem(result, draft !== undefined));
    quickPick.placeholder = query !== '' && results.length === 0 ? `No passage matches "${query}"` : searchPlaceholder;
  });

  const preview = async (item: PassageItem | undefined): Promise<void> => {
    if (!item) return;
    const range = client.protocol2CodeConverter.asRange(item.result.range);
    try {
      previewed = await vscode.window.showTextDocument(vscode.Uri.parse(item.result.uri), {
        viewColumn: vscode.ViewColumn.Beside,
        preview: true,
        preserveFocus: true,
        selection: new vscode.Range(range.start, range.start),
      });
      previewed.setDecorations(passageDecoration, [range]);
      previewed.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      client.outputChannel.appendLine(`[client] cannot preview ${item.result.uri}: ${String(error)}`);
    }
  };

  quickPick.onDidChangeActive((items) => void preview(items[0]));
  quickPick.onDidAccept(async () => {
    const item = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
    if (!item) return;
    quickPick.hide();
    const range = client.protocol2CodeConverter.asRange(item.result.range);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(item.result.uri), {
      viewColumn: previewed?.viewColumn ?? vscode.ViewColumn.Beside,
      preview: false,
      selection: new vscode.Range(range.start, range.start),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  });
  quickPick.onDidTriggerItemButton(async ({ item }) => {
    if (!draft) return;
    quickPick.hide();
    await vscode.window.showTextDocument(draft.document, { viewColumn: draft.viewColumn, preserveFocus: false });
    const editor = vscode.window.activeTextEditor ?? draft;
    await insertCitationAt(editor, item.result.key, item.result.paragraph);
  });
  quickPick.onDidHide(() => {
    previewed?.setDecorations(passageDecoration, []);
    search.dispose();
    quickPick.dispose();
  });

  quickPick.show();
  if (initialQuery) quickPick.value = initialQuery;
}

function toItem(result: SearchResult, canInsert: boolean): PassageItem {
  const locator = result.paragraph ? `, para ${result.paragraph}` : '';
  return {
    label: result.title || result.key,
    description: `@${result.key}${locator}`,
    detail: focusSnippet(result.snippet, result.highlights),
    // The server ranked these; the QuickPick's own filter must not hide any.
    alwaysShow: true,
    buttons: canInsert ? [insertCitationButton] : [],
    result,
  };
}

