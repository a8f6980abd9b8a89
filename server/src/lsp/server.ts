/**
 * The language server: wires LSP messages to the core service. Handlers only
 * fetch the document, convert positions, delegate and convert back; a feature
 * that throws is logged and answers "nothing", so one bad input never takes the
 * server down.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Location as LspLocation,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DossierDiagnostic } from '../core/checks/diagnostics';
import type { Location } from '../core/features/definition';
import type { ExtractedSource, Span } from '../core/model';
import { createDossierService, type DocumentInput, type DossierService, type FolderSettings } from '../core/service';
import type { FileSystem } from '../core/workspace';
import type { SourceExtractor } from '../core/index/indexer';
import { fixesOf, symbolKind, TextMappers, toCodeAction, toCompletionItem, toDiagnostic, toRange, toSpan, type PositionMapper } from './convert';
import { CheckAllRequest, FactsRequest, ReindexRequest, SearchRequest, StatusNotification, type InitializationOptions, type SearchResult } from './protocol';
import { DEFAULT_SETTINGS, parseSettings, type DossierSettings } from './settings';

/** What the host (Node, or a test harness) provides. */
export interface ServerHost {
  fileSystem: FileSystem;
  /** Gives the event loop a turn during indexing (Node: `setImmediate`). */
  yieldNow: () => Promise<void>;
  /** Reads the persisted index of a folder, undefined when there is none. */
  readCache?(folderUri: string, cacheDir: string): Promise<string | undefined>;
  writeCache?(folderUri: string, cacheDir: string, data: string): Promise<void>;
  /** Extracts sources off the main thread (Node: a worker pool). */
  extract?: SourceExtractor;
  /** Called after each indexing pass (Node: a full garbage collection, to hand the pass's garbage back). */
  afterIndex?(): void;
}

/** Delay between the last keystroke and re-checking a draft. */
const DIAGNOSTICS_DELAY_MS = 200;
/** Least time between two `dossier/status` notifications while indexing. */
const STATUS_INTERVAL_MS = 100;
const DEFAULT_SEARCH_LIMIT = 20;
const MAX_SEARCH_LIMIT = 200;

/** Starts serving on `connection`; returns the service (for tests and the benchmark). */
export function startServer(connection: Connection, host: ServerHost): DossierService {
  const documents = new TextDocuments(TextDocument);
  const mappers = new TextMappers();
  const settingsByFolder = new Map<string, DossierSettings>();
  const pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();
  /** The check running for each draft; a newer version (or a close) cancels it. */
  const runningChecks = new Map<string, { isCancellationRequested: boolean }>();
  const publishedSourceUris = new Set<string>();
  const runningIndex = new Map<string, { isCancellationRequested: boolean }>();
  let capabilities: ClientCapabilities = {};
  let initOptions: InitializationOptions = {};
  let watcherRegistration: Promise<{ dispose(): void }> | undefined;
  let lastStatus = 0;

  const logger = {
    info: (m: string) => connection.console.info(m),
    warn: (m: string) => connection.console.warn(m),
    error: (m: string) => connection.console.error(m),
  };

  const service = createDossierService({
    logger,
    fileSystem: host.fileSystem,
    yieldNow: host.yieldNow,
    extract: host.extract,
    link: linkToSource,
    openDocuments: () => documents.all().map(toInput),
    cache: host.readCache && host.writeCache ? {
      load: (folder) => host.readCache!(folder, settingsOf(folder).cacheDir),
      save: (folder, data) => host.writeCache!(folder, settingsOf(folder).cacheDir, data),
    } : undefined,
  });

  // ------------------------------------------------------------ helpers

  function settingsOf(folderUri: string): DossierSettings {
    return settingsByFolder.get(folderUri) ?? DEFAULT_SETTINGS;
  }

  function folderSettings(s: DossierSettings): FolderSettings {
    return { sources: s.sources, maxFileSizeKB: s.maxFileSizeKB, severity: s.severity };
  }

  function toInput(doc: TextDocument): DocumentInput {
    return { uri: doc.uri, version: doc.version, text: doc.getText() };
  }

  /** Hover links open the source at the passage's line (`#L12,5`, understood by VS Code and most editors). */
  function linkToSource(source: ExtractedSource, span: Span): string {
    const p = mappers.get(source.uri, source.text).positionAt(span.start);
    return `${source.uri}#L${p.line + 1},${p.character + 1}`;
  }

  function mapperFor(uri: string): PositionMapper | undefined {
    const open = documents.get(uri);
    if (open) return open;
    const text = service.sourceText(uri);
    return text !== undefined ? mappers.get(uri, text) : undefined;
  }

  function toLocations(locations: Location[]): LspLocation[] {
    return locations.flatMap((l) => {
      const mapper = mapperFor(l.uri);
      return mapper ? [{ uri: l.uri, range: toRange(mapper, l.span) }] : [];
    });
  }

  function isDraft(doc: TextDocument): boolean {
    return (doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri)) && !service.isSource(doc.uri);
  }

  /** Runs a feature; on cancellation or failure answers `empty` (and logs failures). */
  function guard<T>(name: string, empty: T, token: CancellationToken | undefined, run: () => T): T {
    if (token?.isCancellationRequested) return empty;
    try {
      return run();
    } catch (e) {
      logger.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return empty;
    }
  }

  function sendStatus(force = false): void {
    const now = Date.now();
    if (!force && now - lastStatus < STATUS_INTERVAL_MS) return;
    lastStatus = now;
    void connection.sendNotification(StatusNotification, service.status());
  }

  // ------------------------------------------------------------ diagnostics

  /** Cancels the check running for `uri`, if any: its result would be stale. */
  function cancelCheck(uri: string): void {
    const running = runningChecks.get(uri);
    if (running) running.isCancellationRequested = true;
    runningChecks.delete(uri);
  }

  /**
   * Checks a draft and publishes its diagnostics. A long draft is checked in
   * slices, so requests are answered meanwhile; a run superseded by a newer
   * version (or a corpus change) publishes nothing, the newer run does.
   */
  async function validate(uri: string): Promise<void> {
    pendingChecks.delete(uri);
    cancelCheck(uri);
    const doc = documents.get(uri);
    if (!doc || !isDraft(doc)) return;
    const token = { isCancellationRequested: false };
    runningChecks.set(uri, token);
    let diagnostics: Diagnostic[];
    try {
      const found = await service.diagnosticsInSlices(toInput(doc), token);
      if (found === null || token.isCancellationRequested || documents.get(uri)?.version !== doc.version) return;
      diagnostics = found.map((d) => toDiagnostic(doc, d, mapperFor));
    } catch (e) {
      logger.error(`diagnostics failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      diagnostics = [];
    } finally {
      if (runningChecks.get(uri) === token) runningChecks.delete(uri);
    }
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  function scheduleValidation(uri: string): void {
    const pending = pendingChecks.get(uri);
    if (pending) clearTimeout(pending);
    // The text changed: a run still checking the previous version is of no use.
    cancelCheck(uri);
    pendingChecks.set(uri, setTimeout(() => void validate(uri), DIAGNOSTICS_DELAY_MS));
  }

  function validateOpenDrafts(): void {
    for (const doc of documents.all()) void validate(doc.uri);
  }

  function publishSourceDiagnostics(): void {
    const byUri = guard('source diagnostics', new Map<string, DossierDiagnostic[]>(), undefined, () => service.sourceDiagnostics());
    for (const uri of publishedSourceUris) {
      if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    publishedSourceUris.clear();
    for (const [uri, list] of byUri) {
      const mapper = mapperFor(uri) ?? mappers.get(uri, '');
      void connection.sendDiagnostics({ uri, diagnostics: list.map((d) => toDiagnostic(mapper, d, mapperFor)) });
      publishedSourceUris.add(uri);
    }
  }

  /** After the corpus changed: drafts may now pass or fail differently. */
  function corpusChanged(): void {
    validateOpenDrafts();
    publishSourceDiagnostics();
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  }

  // ------------------------------------------------------------ indexing

  async function indexFolder(folderUri: string, fresh: boolean): Promise<void> {
    // A newer pass supersedes a running one (settings changed, reindex asked).
    const previous = runningIndex.get(folderUri);
    if (previous) previous.isCancellationRequested = true;
    const token = { isCancellationRequested: false };
    runningIndex.set(folderUri, token);
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Dossier: indexing sources', 0, undefined, false);
    let announced = false;
    /** The corpus answers from the new index: drafts are checked again and the status turns ready, before the cache write. */
    const announce = (): void => {
      if (announced) return;
      announced = true;
      progress?.done();
      corpusChanged();
      sendStatus(true);
    };
    try {
      await service.index(folderUri, {
        fresh,
        token,
        ready: announce,
        progress: (done, total) => {
          progress?.report(total > 0 ? Math.floor((done / total) * 100) : 0, `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files`);
          sendStatus();
        },
      });
    } catch (e) {
      logger.error(`Indexing ${folderUri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      if (runningIndex.get(folderUri) === token) runningIndex.delete(folderUri);
    }
    announce();
    host.afterIndex?.();
  }

  async function loadSettings(folderUris: string[]): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const raw = await connection.workspace.getConfiguration(folderUris.map((scopeUri) => ({ scopeUri, section: 'dossier' })));
      folderUris.forEach((uri, i) => settingsByFolder.set(uri, parseSettings(raw[i])));
    } catch (e) {
      logger.warn(`Could not read the settings: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Serves `folders`: settings, cached index at once, file watchers (before the
   * pass, so a change made while it runs is not missed), then a fresh pass in the background.
   */
  async function openFolders(folders: WorkspaceFolder[]): Promise<void> {
    const uris = folders.map((f) => f.uri.replace(/\/+$/, ''));
    await loadSettings(uris);
    service.setFolders(service.folderUris().filter((u) => !uris.includes(u)).concat(uris).map((uri) => ({ uri, settings: folderSettings(settingsOf(uri)) })));
    for (const uri of uris) {
      const restored = await service.restoreCache(uri).catch(() => 0);
      if (restored > 0) corpusChanged();
    }
    sendStatus(true);
    await registerWatchers();
    await Promise.all(uris.map((uri) => indexFolder(uri, false)));
  }

  async function registerWatchers(): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration || initOptions.watchesSources) return;
    const previous = watcherRegistration;
    watcherRegistration = undefined;
    if (previous) (await previous).dispose();
    const watchers = service.folderUris().flatMap((folder) =>
      settingsOf(folder).sources.map((glob) => ({ globPattern: { baseUri: folder, pattern: glob } })));
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  // ------------------------------------------------------------ lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    service.setFolders(folders.map((f) => ({ uri: f.uri })));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['@'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'dossier' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dossier' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri.replace(/\/+$/, '')));
        service.setFolders(service.folderUris().filter((u) => !removed.has(u)).map((uri) => ({ uri, settings: folderSettings(settingsOf(uri)) })));
        void openFolders(e.added).catch((err) => logger.error(`Opening folders failed: ${String(err)}`));
        corpusChanged();
      });
    }
    const folders = service.folderUris().map((uri) => ({ uri, name: uri }));
    void openFolders(folders).catch((e) => logger.error(`Start-up failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration(async () => {
    const folders = service.folderUris();
    await loadSettings(folders);
    const reindex = folders.filter((uri) => service.configure(uri, folderSettings(settingsOf(uri))));
    await registerWatchers();
    validateOpenDrafts();
    publishSourceDiagnostics();
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
    await Promise.all(reindex.map((uri) => indexFolder(uri, true)));
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    try {
      const changed = await service.sourcesChanged(changes.map((c) => c.uri));
      if (changed.length > 0) {
        sendStatus(true);
        corpusChanged();
      }
    } catch (e) {
      logger.error(`Updating sources failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  });

  documents.onDidChangeContent((e) => scheduleValidation(e.document.uri));
  documents.onDidClose((e) => {
    const pending = pendingChecks.get(e.document.uri);
    if (pending) clearTimeout(pending);
    pendingChecks.delete(e.document.uri);
    cancelCheck(e.document.uri);
    service.forget(e.document.uri);
    if (!publishedSourceUris.has(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // ------------------------------------------------------------ features

  connection.onHover(({ textDocument, position }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc)) return null;
    return guard('hover', null, token, () => {
      const result = service.hover(toInput(doc), doc.offsetAt(position));
      return result && { contents: { kind: 'markdown' as const, value: result.markdown }, range: toRange(doc, result.span) };
    });
  });

  connection.onDefinition(({ textDocument, position }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc)) return [];
    return guard('definition', [], token, () => toLocations(service.definition(toInput(doc), doc.offsetAt(position))));
  });

  connection.onReferences(({ textDocument, position }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc)) return [];
    return guard('references', [], token, () => toLocations(service.references(toInput(doc), doc.offsetAt(position))));
  });

  connection.onCompletion(({ textDocument, position }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc)) return null;
    return guard('completion', null, token, () => {
      const result = service.completion(toInput(doc), doc.offsetAt(position));
      return { isIncomplete: result.isIncomplete, items: result.items.map((i) => toCompletionItem(doc, i)) };
    });
  });

  connection.onCodeAction(({ textDocument, range, context }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc)) return [];
    return guard('code actions', [], token, () => {
      const ours = context.diagnostics.filter((d) => d.source === 'dossier');
      const withFixes = ours.map((d) => ({ ...toSpan(doc, d.range), fixes: fixesOf(d) }));
      const actions = service.codeActions(toInput(doc), toSpan(doc, range), withFixes).map((a) => toCodeAction(doc, doc.uri, a, ours));
      return context.only ? actions.filter((a) => context.only!.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
    });
  });

  connection.onWorkspaceSymbol(({ query }, token) =>
    guard('workspace symbols', [], token, () => service.workspaceSymbols(query).flatMap((s) => {
      const mapper = mapperFor(s.uri);
      return mapper ? [{ name: s.name, kind: symbolKind(s.kind), containerName: s.container, location: { uri: s.uri, range: toRange(mapper, s.span) } }] : [];
    })));

  connection.onDocumentLinks(({ textDocument }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc)) return [];
    return guard('document links', [], token, () =>
      service.documentLinks(toInput(doc)).map((l) => ({ range: toRange(doc, l.span), target: l.uri, tooltip: l.tooltip })));
  });

  connection.languages.inlayHint.on(({ textDocument, range }, token) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isDraft(doc) || !settingsOf(service.folderOf(doc.uri) ?? '').inlayHints.enabled) return [];
    return guard('inlay hints', [], token, () =>
      service.inlayHints(toInput(doc), toSpan(doc, range)).map((h) => ({ position: doc.positionAt(h.offset), label: h.label, tooltip: h.tooltip, paddingLeft: false })));
  });

  // ------------------------------------------------------------ custom requests

  connection.onRequest(SearchRequest, ({ query, limit }, token) =>
    guard('search', [] as SearchResult[], token, () => {
      const n = Math.min(Math.max(1, Math.floor(limit ?? DEFAULT_SEARCH_LIMIT)), MAX_SEARCH_LIMIT);
      return service.search(String(query ?? ''), n).flatMap((r) => {
        const mapper = mapperFor(r.uri);
        return mapper ? [{ key: r.key, title: r.title, uri: r.uri, range: toRange(mapper, r.span), snippet: r.snippet, highlights: r.highlights, paragraph: r.paragraph }] : [];
      });
    }));

  connection.onRequest(FactsRequest, ({ key }, token) => guard('facts', null, token, () => service.facts(String(key ?? ''))));

  connection.onRequest(ReindexRequest, async () => {
    await Promise.all(service.folderUris().map((uri) => indexFolder(uri, true)));
  });

  connection.onRequest(CheckAllRequest, async (token) => {
    const files = await service.checkAll(token);
    let count = 0;
    for (const file of files) {
      const mapper = documents.get(file.uri) ?? TextDocument.create(file.uri, 'markdown', 0, file.text);
      const diagnostics = file.diagnostics.map((d) => toDiagnostic(mapper, d, mapperFor));
      count += diagnostics.length;
      void connection.sendDiagnostics({ uri: file.uri, diagnostics });
    }
    return { files: files.length, diagnostics: count };
  });

  documents.listen(connection);
  connection.listen();
  return service;
}
