/**
 * Forwards changes of source files to the server as
 * `workspace/didChangeWatchedFiles`. The globs come from the `dossier.sources`
 * setting of each workspace folder, so watchers are rebuilt when it or the
 * folders change (the client library's static `synchronize.fileEvents` could
 * not follow a setting).
 */
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent, type LanguageClient } from 'vscode-languageclient/node';

/** Default of `dossier.sources`, also declared in package.json. */
export const DEFAULT_SOURCE_GLOBS = ['sources/**/*.{md,txt}'];

/** Events arriving within this window are sent as one notification (a `git checkout` touches many files). */
const BATCH_MS = 100;

/** Reads the source globs configured for a workspace folder. */
export function sourceGlobs(folder: vscode.WorkspaceFolder): string[] {
  const globs = vscode.workspace.getConfiguration('dossier', folder.uri).get<unknown>('sources');
  if (!Array.isArray(globs)) return DEFAULT_SOURCE_GLOBS;
  const valid = globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  return valid.length > 0 ? valid : DEFAULT_SOURCE_GLOBS;
}

/** Watches the configured source globs of every workspace folder and tells the server about changes. */
export class SourceWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private pending = new Map<string, FileEvent>();
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly output: vscode.OutputChannel) {
    this.rebuild();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dossier.sources')) this.rebuild();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()),
    );
  }

  private rebuild(): void {
    this.disposeWatchers();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of sourceGlobs(folder)) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        watcher.onDidCreate((uri) => this.queue(uri, FileChangeType.Created));
        watcher.onDidChange((uri) => this.queue(uri, FileChangeType.Changed));
        watcher.onDidDelete((uri) => this.queue(uri, FileChangeType.Deleted));
        this.watchers.push(watcher);
      }
    }
  }

  private queue(uri: vscode.Uri, type: FileChangeType): void {
    const key = uri.toString();
    const previous = this.pending.get(key);
    // Created then changed is still "created"; anything then deleted is "deleted".
    const merged = previous?.type === FileChangeType.Created && type === FileChangeType.Changed ? previous.type : type;
    this.pending.set(key, { uri: key, type: merged });
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const changes = [...this.pending.values()];
    this.pending.clear();
    if (changes.length === 0) return;
    this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch((error: unknown) => {
      this.output.appendLine(`[client] could not forward ${changes.length} source change(s): ${String(error)}`);
    });
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposeWatchers();
    for (const s of this.subscriptions) s.dispose();
  }
}
