/**
 * Dossier's VS Code client: starts the bundled language server (`dist/server.js`)
 * over IPC for markdown files, forwards source-file changes, shows the index
 * state, and registers the commands. Everything language-related happens in
 * the server; this file only wires things together.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCheckAllDrafts } from './checkAllDrafts';
import { createRestartingErrorHandler } from './crashHandler';
import { recordOutputInEndToEndRun, runEndToEndSuiteIfRequested } from './e2eHook';
import { registerInsertCitation } from './insertCitation';
import { FactsRequest, SearchRequest, type InitializationOptions, type SearchResult, type StatusParams } from './protocol';
import { registerReindex } from './reindex';
import { registerSearchSources } from './searchSources';
import { registerShowFacts } from './showFacts';
import { SourceWatcher } from './sourceWatcher';
import { IndexStatusBar } from './statusBar';

/** What `activate` returns: a small API for other extensions and for the end-to-end tests. */
export interface DossierApi {
  /** Resolves once the server runs and reports a complete index. */
  whenReady(): Promise<void>;
  /** The server's last index state, if it sent one. */
  status(): StatusParams | undefined;
  /** `dossier/search`: ranked passages for a query. */
  search(query: string, limit?: number): Promise<SearchResult[]>;
  /** `dossier/facts`: the markdown summary of one source. */
  facts(key: string): Promise<string | null>;
}

let client: LanguageClient | undefined;

/** Starts the client. Called by VS Code on the activation events of package.json. */
export async function activate(context: vscode.ExtensionContext): Promise<DossierApi> {
  const output = recordOutputInEndToEndRun(vscode.window.createOutputChannel('Dossier'), context.subscriptions);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Drafts are markdown files on disk; sources are read by the server itself.
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { configurationSection: 'dossier' },
    outputChannel: output,
    errorHandler: createRestartingErrorHandler(output),
    // SourceWatcher forwards source changes; the server must not watch them a second time.
    initializationOptions: { watchesSources: true } satisfies InitializationOptions,
  };
  // The id "dossier" makes the library honour the `dossier.trace.server` setting.
  const languageClient = new LanguageClient('dossier', 'Dossier', serverOptions, clientOptions);
  client = languageClient;
  const getClient = (): LanguageClient | undefined => client;

  const statusBar = new IndexStatusBar('dossier.searchSources');
  context.subscriptions.push(
    output,
    statusBar,
    statusBar.attach(languageClient),
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) statusBar.showStopped();
    }),
    registerSearchSources(getClient),
    registerInsertCitation(getClient),
    registerReindex(getClient),
    registerShowFacts(getClient),
    registerCheckAllDrafts(getClient),
    vscode.commands.registerCommand('dossier.restartServer', async () => {
      output.appendLine('[client] restarting the language server on request');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('dossier.showOutput', () => output.show(true)),
  );

  // Not awaited: activation must not wait for the first index; requests wait for the start themselves.
  const started = languageClient.start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`[client] the language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`Dossier: the language server did not start (${message}). See the "Dossier" output.`);
  });
  context.subscriptions.push(new SourceWatcher(languageClient, output));

  runEndToEndSuiteIfRequested(output);

  return {
    whenReady: async () => {
      await started;
      await statusBar.whenReady();
    },
    status: () => statusBar.status,
    search: (query, limit = 20) => languageClient.sendRequest(SearchRequest, { query, limit }),
    facts: (key) => languageClient.sendRequest(FactsRequest, { key }),
  };
}

/** Stops the server when VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  const stopping = client?.stop();
  client = undefined;
  await stopping;
}
