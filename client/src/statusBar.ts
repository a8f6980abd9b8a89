/**
 * The status bar entry: "Dossier: indexing 1,203/2,225" while the corpus is
 * indexed, then "Dossier: 2,225 sources"; a click opens the search. The first
 * index of a large corpus also shows a progress notification, because it can
 * take long enough for a writer to wonder why hovers are empty.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from './protocol';

/** Corpora at least this large get a progress notification on their first index. */
const LARGE_CORPUS = 500;

const numberFormat = new Intl.NumberFormat('en-US');

/** Shows the server's index state in the status bar. */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private progress: { report(done: number, total: number): void; finish(): void } | undefined;
  private notifiedFirstIndex = false;
  private lastStatus: StatusParams | undefined;
  private readonly readyWaiters: Array<() => void> = [];

  constructor(searchCommand: string) {
    this.item = vscode.window.createStatusBarItem('dossier.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Dossier';
    this.item.command = searchCommand;
    this.item.text = '$(sync~spin) Dossier: starting';
    this.item.tooltip = 'Dossier: starting the language server';
    this.item.show();
  }

  /** Listens to `dossier/status` from the client's server (call again after each restart). */
  attach(client: LanguageClient): vscode.Disposable {
    return client.onNotification(StatusNotification, (status) => this.update(status));
  }

  /** The latest state the server reported, if any. */
  get status(): StatusParams | undefined {
    return this.lastStatus;
  }

  /** Resolves once the server reports a complete index. */
  whenReady(): Promise<void> {
    if (this.lastStatus?.state === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Shows that the server stopped (and will restart, or not). */
  showStopped(): void {
    this.item.text = '$(warning) Dossier: server stopped';
    this.item.tooltip = 'The Dossier language server is not running. See the "Dossier" output.';
    this.progress?.finish();
    this.progress = undefined;
  }

  private update(status: StatusParams): void {
    this.lastStatus = status;
    if (status.state === 'indexing') {
      this.item.text = `$(sync~spin) Dossier: indexing ${numberFormat.format(status.indexed)}/${numberFormat.format(status.total)}`;
      this.item.tooltip = 'Dossier is indexing the source articles. Click to search them.';
      if (!this.notifiedFirstIndex && status.total >= LARGE_CORPUS) {
        this.notifiedFirstIndex = true;
        this.progress = startProgressNotification();
      }
      this.progress?.report(status.indexed, status.total);
      return;
    }
    this.notifiedFirstIndex = true;
    this.progress?.finish();
    this.progress = undefined;
    const noun = status.indexed === 1 ? 'source' : 'sources';
    this.item.text = `$(book) Dossier: ${numberFormat.format(status.indexed)} ${noun}`;
    this.item.tooltip = 'Dossier: search the source articles';
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  dispose(): void {
    this.progress?.finish();
    this.item.dispose();
  }
}

/** A notification with a progress bar that follows index counts until `finish`. */
function startProgressNotification(): { report(done: number, total: number): void; finish(): void } {
  let reported = 0;
  let reporter: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Dossier: indexing sources' },
    async (progress) => {
      reporter = progress;
      await finished;
    },
  );
  return {
    report(done, total) {
      if (!reporter || total === 0) return;
      const percent = Math.min(100, (done / total) * 100);
      reporter.report({
        message: `${numberFormat.format(done)}/${numberFormat.format(total)}`,
        increment: Math.max(0, percent - reported),
      });
      reported = Math.max(reported, percent);
    },
    finish: () => finish(),
  };
}
