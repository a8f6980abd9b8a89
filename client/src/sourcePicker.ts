/**
 * A QuickPick that finds one source by its key, title or words, through
 * `dossier/search` (one item per source, best passage first).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { attachLiveSearch } from './liveSearch';

/** A source chosen in the picker. */
export interface PickedSource {
  key: string;
  title: string;
  uri: string;
}

interface SourceItem extends vscode.QuickPickItem {
  source: PickedSource;
}

/** Asks the user for a source; undefined when dismissed. */
export function pickSource(client: LanguageClient, title: string): Promise<PickedSource | undefined> {
  const quickPick = vscode.window.createQuickPick<SourceItem>();
  quickPick.title = title;
  quickPick.placeholder = 'Type a citation key, a title or words from the article';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  return new Promise((resolve) => {
    let picked: PickedSource | undefined;
    const search = attachLiveSearch(quickPick, client, 50, (results) => {
      const seen = new Set<string>();
      const items: SourceItem[] = [];
      for (const r of results) {
        if (seen.has(r.key)) continue;
        seen.add(r.key);
        // alwaysShow: the server already ranked these; the QuickPick's own filter must not hide them.
        items.push({ label: r.title || r.key, description: `@${r.key}`, alwaysShow: true, source: { key: r.key, title: r.title, uri: r.uri } });
      }
      quickPick.items = items;
    });
    quickPick.onDidAccept(() => {
      picked = quickPick.selectedItems[0]?.source;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      search.dispose();
      quickPick.dispose();
      resolve(picked);
    });
    quickPick.show();
  });
}
