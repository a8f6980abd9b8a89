/**
 * The façade of Dossier's core: one object whose methods are the editor
 * features, holding one corpus per workspace folder and a parse cache of the
 * open drafts. It speaks offsets and plain data; the LSP layer converts.
 *
 * Queries never wait for indexing: they answer from whatever the corpus holds
 * (the persisted cache at first), and indexing updates the corpus in place,
 * one file at a time, giving the event loop a turn between files.
 */
import { checkDraft, checkDraftInSteps } from './checks/checkDraft';
import { DiagnosticCode, type DossierDiagnostic, type Severity } from './checks/diagnostics';
import { DEFAULT_MAX_FILE_SIZE_KB } from './corpus/decode';
import { parseDraft } from './draft/parseDraft';
import type { Draft } from './draft/model';
import { restoreCorpus, serializeCorpus } from './index/cache';
import { Corpus } from './index/corpus';
import { indexSources, updateSources, type CancellationToken, type IndexOptions, type IndexReport, type SourceExtractor } from './index/indexer';
import type { Span } from './model';
import { codeActions, type CodeActionEntry, type DiagnosticWithFixes } from './features/codeActions';
import { completion, type CompletionResult } from './features/completion';
import { definition, type Location } from './features/definition';
import { documentLinks, type DocumentLinkEntry } from './features/documentLinks';
import { sourceFacts } from './features/facts';
import { hover, type HoverResult } from './features/hover';
import { inlayHints, type InlayHintEntry } from './features/inlayHints';
import type { SourceLinker } from './features/markdown';
import { references } from './features/references';
import { searchCorpus, type SearchResultEntry } from './features/search';
import { workspaceSymbols, type SymbolEntry } from './features/symbols';
import { DEFAULT_SOURCE_GLOBS, matchingGlob, relativePath, trimRoot, type FileSystem } from './workspace';

/** Where the service reports what it does. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Stores the serialised corpus of a folder between sessions (the host picks the place). */
export interface CacheStore {
  load(folderUri: string): Promise<string | undefined>;
  save(folderUri: string, data: string): Promise<void>;
}

/** A text document as the editor holds it. */
export interface DocumentInput {
  uri: string;
  version: number;
  text: string;
}

/** A diagnostic severity, or "off" to drop the code. */
export type SeverityOverride = Severity | 'off';

/** Per-folder settings the service needs. */
export interface FolderSettings {
  /** Source globs relative to the folder. */
  sources: readonly string[];
  maxFileSizeKB: number;
  severity: Partial<Record<DiagnosticCode, SeverityOverride>>;
}

/** Options of {@link createDossierService}. */
export interface DossierServiceOptions {
  logger: Logger;
  fileSystem: FileSystem;
  /** Persists each folder's corpus; without it every start re-extracts everything. */
  cache?: CacheStore;
  /** Makes hover links that open a source at a passage. */
  link?: SourceLinker;
  /** Gives the event loop a turn during long indexing passes and between the slices of a long draft's check. */
  yieldNow?: () => Promise<void>;
  /** Extracts sources off the main thread (Node: a worker pool); in-process when absent. */
  extract?: SourceExtractor;
  /** The documents open in the editor (for references across drafts and for checkAll). */
  openDocuments?: () => DocumentInput[];
}

/** Index state of the whole workspace. */
export interface IndexStatus {
  state: 'indexing' | 'ready';
  /** Sources indexed so far (while indexing) or in the index (when ready). */
  indexed: number;
  /** Files matching the globs (while indexing), sources in the index (when ready). */
  total: number;
}

/** Progress of an indexing pass over one folder. */
export type FolderProgress = (done: number, total: number) => void;

/** A draft checked by {@link DossierService.checkAll}. */
export interface CheckedFile {
  uri: string;
  text: string;
  diagnostics: DossierDiagnostic[];
}

interface FolderState {
  uri: string;
  settings: FolderSettings;
  corpus: Corpus;
  /** Passes run one after another; this is the tail of the chain. */
  queue: Promise<unknown>;
  /** Progress of the running pass, null when idle. */
  progress: { done: number; total: number } | null;
  /** The cache was restored or the corpus indexed at least once. */
  loaded: boolean;
}

/** Settings used for folders until the client's configuration arrives. */
export const DEFAULT_FOLDER_SETTINGS: FolderSettings = { sources: DEFAULT_SOURCE_GLOBS, maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB, severity: {} };

/**
 * Drafts up to this length are checked in one go: most drafts are far shorter
 * and checking them takes milliseconds, so pausing would only delay them.
 */
const SLICED_CHECK_MIN_LENGTH = 50_000;
/** Longest stretch of checking between two turns of the event loop. */
const CHECK_SLICE_MS = 15;

/** Markdown files that are never drafts: dependencies, VCS and editor folders, the cache. */
const NOT_DRAFT_DIR = /(^|\/)(node_modules|\.git|\.dossier-cache|\.vscode|\.vscode-test|dist|out)\//;

/** Creates the service. See {@link DossierService}. */
export function createDossierService(options: DossierServiceOptions) {
  const { logger, fileSystem } = options;
  const folders = new Map<string, FolderState>();
  /** A corpus for documents outside every folder, so features still answer (with nothing). */
  const orphanCorpus = new Corpus();
  const parses = new Map<string, { version: number; text: string; draft: Draft }>();

  function folderFor(uri: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const folder of folders.values()) {
      if (relativePath(folder.uri, uri) !== null && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    // A lone folder serves untitled documents and files opened from elsewhere too.
    return best ?? (folders.size === 1 ? [...folders.values()][0] : undefined);
  }

  function corpusFor(uri: string): Corpus {
    return folderFor(uri)?.corpus ?? orphanCorpus;
  }

  function parse(doc: DocumentInput): Draft {
    const cached = parses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text === doc.text) return cached.draft;
    const draft = parseDraft(doc.text);
    parses.set(doc.uri, { version: doc.version, text: doc.text, draft });
    return draft;
  }

  function indexOptions(folder: FolderState): IndexOptions {
    return { roots: [folder.uri], globs: folder.settings.sources, maxFileSizeKB: folder.settings.maxFileSizeKB, yieldNow: options.yieldNow, extract: options.extract };
  }

  /**
   * Builds the tables' lazy structures (the entity merge and its name index, the
   * search segments, the completion key list) right after a pass, so the first hover after a
   * change does not pay for them while the user waits.
   */
  function warm(corpus: Corpus): void {
    corpus.entities.all();
    // The name index for completion is built on its first prefix query (about 0.1 s on BBC): here, not on a keystroke.
    corpus.entities.complete('dossier', 1);
    corpus.search.search('dossier', { limit: 1 });
    completion(corpus, '[@', 2);
  }

  /** Sources restored from the cache built per turn of the event loop by {@link warmRestored}. */
  const RESTORED_SOURCES_PER_TURN = 64;

  /**
   * Warms a corpus just restored from the cache, after the restore has
   * answered: its sources are built a chunk per turn of the event loop (each
   * is parsed from the cache on first use), then the tables as after a pass.
   */
  async function warmRestored(corpus: Corpus): Promise<void> {
    if (options.yieldNow) {
      while (corpus.buildSources(RESTORED_SOURCES_PER_TURN) > 0) await options.yieldNow();
    }
    warm(corpus);
  }

  /** Runs `task` after every pass already queued for the folder. */
  function enqueue<T>(folder: FolderState, task: () => Promise<T>): Promise<T> {
    const run = folder.queue.then(task, task);
    folder.queue = run.catch(() => undefined);
    return run;
  }

  async function saveCache(folder: FolderState, corpus: Corpus): Promise<void> {
    if (!options.cache) return;
    try {
      await options.cache.save(folder.uri, serializeCorpus(corpus));
    } catch (e) {
      logger.warn(`Could not write the index cache for ${folder.uri}: ${message(e)}`);
    }
  }

  function checkText(doc: DocumentInput): DossierDiagnostic[] {
    const folder = folderFor(doc.uri);
    const severities = (folder?.settings ?? DEFAULT_FOLDER_SETTINGS).severity;
    return checkDraft(parse(doc), folder?.corpus ?? orphanCorpus, { severities });
  }

  /**
   * Checks a draft without holding the event loop: a long draft is checked in
   * slices of about {@link CHECK_SLICE_MS}, with a turn of the event loop
   * between slices. Null when the run was abandoned: `token` was cancelled
   * (a newer version supersedes it) or the corpus changed in between (the
   * slices would mix two corpus states).
   */
  async function checkInSlices(doc: DocumentInput, token?: CancellationToken): Promise<DossierDiagnostic[] | null> {
    const yieldNow = options.yieldNow;
    if (!yieldNow || doc.text.length < SLICED_CHECK_MIN_LENGTH) return token?.isCancellationRequested ? null : checkText(doc);
    const folder = folderFor(doc.uri);
    const corpus = folder?.corpus ?? orphanCorpus;
    const severities = (folder?.settings ?? DEFAULT_FOLDER_SETTINGS).severity;
    const version = corpus.version;
    const draft = parse(doc);
    await yieldNow();
    const steps = checkDraftInSteps(draft, corpus, { severities });
    let sliceStart = Date.now();
    for (;;) {
      if (token?.isCancellationRequested || corpus.version !== version || folderFor(doc.uri)?.corpus !== folder?.corpus) return null;
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - sliceStart >= CHECK_SLICE_MS) {
        await yieldNow();
        sliceStart = Date.now();
      }
    }
  }

  const service = {
    /** Makes the service serve exactly these workspace folders (new ones start empty). */
    setFolders(list: Array<{ uri: string; settings?: FolderSettings }>): void {
      const wanted = new Map(list.map((f) => [trimRoot(f.uri), f]));
      for (const uri of folders.keys()) if (!wanted.has(uri)) folders.delete(uri);
      for (const [uri, f] of wanted) {
        const existing = folders.get(uri);
        if (existing) {
          if (f.settings) existing.settings = f.settings;
        } else {
          folders.set(uri, { uri, settings: f.settings ?? DEFAULT_FOLDER_SETTINGS, corpus: new Corpus(), queue: Promise.resolve(), progress: null, loaded: false });
        }
      }
    },

    /** The URIs of the folders served. */
    folderUris(): string[] {
      return [...folders.keys()];
    },

    /**
     * Applies new settings to a folder. Returns true when the sources must be
     * re-indexed (different globs or size limit).
     */
    configure(folderUri: string, settings: FolderSettings): boolean {
      const folder = folders.get(trimRoot(folderUri));
      if (!folder) return false;
      const before = folder.settings;
      folder.settings = settings;
      return before.maxFileSizeKB !== settings.maxFileSizeKB || before.sources.join('\0') !== settings.sources.join('\0');
    },

    /** Restores a folder's corpus from the persisted cache, so queries answer before indexing ends. */
    async restoreCache(folderUri: string): Promise<number> {
      const folder = folders.get(trimRoot(folderUri));
      if (!folder || !options.cache || folder.loaded) return 0;
      let data: string | undefined;
      try {
        data = await options.cache.load(folder.uri);
      } catch (e) {
        logger.warn(`Could not read the index cache for ${folder.uri}: ${message(e)}`);
        return 0;
      }
      if (data === undefined || folder.loaded) return 0;
      const result = restoreCorpus(folder.corpus, data);
      if ('ignored' in result) {
        logger.info(`Index cache of ${folder.uri} not used: ${result.ignored}`);
        return 0;
      }
      folder.loaded = true;
      // Off the critical path: queries answer from the restored corpus at once; the first pass runs after the warm-up.
      void enqueue(folder, () => warmRestored(folder.corpus)).catch((e) => logger.warn(`Could not warm the restored index of ${folder.uri}: ${message(e)}`));
      logger.info(`Restored ${result.restored} sources of ${folder.uri} from the cache.`);
      return result.restored;
    },

    /**
     * Brings a folder's corpus up to date with its files (only changed files are
     * re-extracted). With `fresh`, builds a new corpus from scratch and swaps it
     * in at the end, so queries keep the old answers meanwhile. `ready` is
     * called once the corpus answers from the new index, before the cache is
     * written; the promise settles after the write.
     */
    index(folderUri: string, run: { progress?: FolderProgress; token?: CancellationToken; fresh?: boolean; ready?: () => void } = {}): Promise<IndexReport | undefined> {
      const folder = folders.get(trimRoot(folderUri));
      if (!folder) return Promise.resolve(undefined);
      return enqueue(folder, async () => {
        const target = run.fresh ? new Corpus() : folder.corpus;
        folder.progress = { done: 0, total: 0 };
        try {
          const report = await indexSources(fileSystem, target, indexOptions(folder), (done, total) => {
            folder.progress = { done, total };
            run.progress?.(done, total);
          }, run.token);
          if (!report.cancelled) {
            warm(target);
            if (run.fresh && folders.get(folder.uri) === folder) folder.corpus = target;
            folder.loaded = true;
            // Answers come from the new index from here on: say so before writing the cache (about 0.6 s on BBC).
            folder.progress = null;
            run.ready?.();
            if (run.fresh || report.extracted.length > 0 || report.removed.length > 0) await saveCache(folder, target);
          }
          for (const p of report.problems) logger.warn(`${p.path}: ${p.message}`);
          logger.info(`Indexed ${folder.uri}: ${report.total} files, ${report.extracted.length} extracted, ${report.unchanged} unchanged, ${report.removed.length} removed, ${report.skipped} skipped in ${report.elapsedMs} ms.`);
          return report;
        } finally {
          folder.progress = null;
        }
      });
    },

    /**
     * Re-indexes the files a watcher reported (created, changed or deleted).
     * Returns the URIs of the folders whose corpus changed.
     */
    async sourcesChanged(uris: readonly string[], token?: CancellationToken): Promise<string[]> {
      const byFolder = new Map<FolderState, string[]>();
      for (const uri of uris) {
        const folder = folderFor(uri);
        if (folder && relativePath(folder.uri, uri) !== null) byFolder.set(folder, [...(byFolder.get(folder) ?? []), uri]);
      }
      const changed: string[] = [];
      await Promise.all([...byFolder].map(([folder, list]) => enqueue(folder, async () => {
        const report = await updateSources(fileSystem, folder.corpus, indexOptions(folder), list, token);
        if (report.extracted.length > 0 || report.removed.length > 0 || report.skipped > 0) {
          warm(folder.corpus);
          changed.push(folder.uri);
          await saveCache(folder, folder.corpus);
        }
      })));
      return changed;
    },

    /** Index state over all folders. */
    status(): IndexStatus {
      let indexing = false;
      let indexed = 0;
      let total = 0;
      for (const folder of folders.values()) {
        if (folder.progress) {
          indexing = true;
          indexed += folder.progress.done;
          total += folder.progress.total;
        } else {
          // The size, not sources(): that would build every source restored from the cache at once.
          const n = folder.corpus.size;
          indexed += n;
          total += n;
        }
      }
      return { state: indexing ? 'indexing' : 'ready', indexed, total };
    },

    /** The URI of the workspace folder serving `uri`, if any. */
    folderOf(uri: string): string | undefined {
      return folderFor(uri)?.uri;
    },

    /** The corpus serving `uri` (for the CLI and tests). */
    corpusFor,

    /** True when `uri` is a source article (indexed, or matching its folder's source globs). */
    isSource(uri: string): boolean {
      const folder = folderFor(uri);
      if (!folder) return false;
      if (folder.corpus.has(uri)) return true;
      const path = relativePath(folder.uri, uri);
      return path !== null && matchingGlob(folder.settings.sources, path) !== undefined;
    },

    /** The text Dossier holds for a source (for converting its offsets), if indexed. */
    sourceText(uri: string): string | undefined {
      return folderFor(uri)?.corpus.byUri(uri)?.text;
    },

    /** The parsed draft (cached by URI and version). */
    parse,

    /** Drops what is cached for a closed document. */
    forget(uri: string): void {
      parses.delete(uri);
    },

    hover(doc: DocumentInput, offset: number): HoverResult | null {
      return hover(corpusFor(doc.uri), parse(doc), offset, { link: options.link });
    },

    definition(doc: DocumentInput, offset: number): Location[] {
      return definition(corpusFor(doc.uri), parse(doc), offset);
    },

    references(doc: DocumentInput, offset: number): Location[] {
      const corpus = corpusFor(doc.uri);
      const open = (options.openDocuments?.() ?? [doc]).filter((d) => !service.isSource(d.uri) && corpusFor(d.uri) === corpus);
      if (!open.some((d) => d.uri === doc.uri)) open.push(doc);
      return references(corpus, parse(doc), offset, open.map((d) => ({ uri: d.uri, draft: parse(d) })));
    },

    completion(doc: DocumentInput, offset: number): CompletionResult {
      return completion(corpusFor(doc.uri), doc.text, offset);
    },

    codeActions(doc: DocumentInput, range: Span, diagnostics: DiagnosticWithFixes[]): CodeActionEntry[] {
      return codeActions(corpusFor(doc.uri), parse(doc), range, diagnostics);
    },

    documentLinks(doc: DocumentInput): DocumentLinkEntry[] {
      return documentLinks(corpusFor(doc.uri), parse(doc));
    },

    inlayHints(doc: DocumentInput, range: Span): InlayHintEntry[] {
      return inlayHints(corpusFor(doc.uri), parse(doc), range);
    },

    /** Entities and sources of every folder matching `query`. */
    workspaceSymbols(query: string, limit?: number): SymbolEntry[] {
      return [...folders.values()].flatMap((f) => workspaceSymbols(f.corpus, query, limit));
    },

    /** Full-text search over every folder, best first. */
    search(query: string, limit: number): SearchResultEntry[] {
      const all = [...folders.values()].flatMap((f) => searchCorpus(f.corpus, query, limit));
      return folders.size > 1 ? all.sort((a, b) => b.score - a.score).slice(0, limit) : all;
    },

    /** The fact sheet of the source with `key` (first folder that has it). */
    facts(key: string): string | null {
      for (const folder of folders.values()) {
        const sheet = sourceFacts(folder.corpus, key);
        if (sheet !== null) return sheet;
      }
      return null;
    },

    /** The claim-citation diagnostics of a draft, with the folder's severity settings applied. */
    diagnostics(doc: DocumentInput): DossierDiagnostic[] {
      return checkText(doc);
    },

    /**
     * The same diagnostics as {@link diagnostics}, computed without holding
     * the event loop for long (see `yieldNow`); null when abandoned because
     * `token` was cancelled or the corpus changed meanwhile.
     */
    diagnosticsInSlices: checkInSlices,

    /**
     * Problems of source files (broken front matter, duplicate keys, skipped
     * files) as diagnostics, by URI, for every folder.
     */
    sourceDiagnostics(): Map<string, DossierDiagnostic[]> {
      const out = new Map<string, DossierDiagnostic[]>();
      for (const folder of folders.values()) {
        if (folder.settings.severity[DiagnosticCode.SourceProblem] === 'off') continue;
        const severity = folder.settings.severity[DiagnosticCode.SourceProblem];
        for (const problem of folder.corpus.problems()) {
          const uri = problem.uri;
          if (!uri) continue;
          const text = folder.corpus.byUri(uri)?.text ?? '';
          const span = problem.span ?? firstLine(text);
          const list = out.get(uri) ?? [];
          list.push({
            ...span,
            code: DiagnosticCode.SourceProblem,
            severity: severity ?? (problem.severity === 'error' ? 'error' : 'warning'),
            message: problem.message,
            related: [],
            fixes: [],
          });
          out.set(uri, list);
        }
      }
      return out;
    },

    /**
     * Checks every markdown draft of every folder (open documents as the editor
     * holds them, the others as saved), skipping sources and tool folders.
     */
    async checkAll(token?: CancellationToken): Promise<CheckedFile[]> {
      const open = new Map((options.openDocuments?.() ?? []).map((d) => [d.uri, d]));
      const results: CheckedFile[] = [];
      for (const folder of folders.values()) {
        const entries = await fileSystem.list(folder.uri, ['**/*.md', '**/*.markdown']);
        for (const entry of entries) {
          if (token?.isCancellationRequested) return results;
          if (NOT_DRAFT_DIR.test(entry.path) || service.isSource(entry.uri)) continue;
          let doc = open.get(entry.uri);
          if (!doc) {
            try {
              doc = { uri: entry.uri, version: -1, text: new TextDecoder('utf-8').decode(await fileSystem.read(entry.uri)).replace(/\r\n?/g, '\n') };
            } catch (e) {
              logger.warn(`Could not read ${entry.path}: ${message(e)}`);
              continue;
            }
          }
          let diagnostics: DossierDiagnostic[] | null = null;
          // A run abandoned because the corpus changed (a source was saved meanwhile) starts over.
          while (diagnostics === null) {
            diagnostics = await checkInSlices(doc, token);
            if (token?.isCancellationRequested) return results;
          }
          results.push({ uri: doc.uri, text: doc.text, diagnostics });
          if (!open.has(entry.uri)) parses.delete(entry.uri);
          await options.yieldNow?.();
        }
      }
      return results;
    },
  };
  return Object.freeze(service);
}

/** The service's type. */
export type DossierService = ReturnType<typeof createDossierService>;

function firstLine(text: string): Span {
  const end = text.indexOf('\n');
  return { start: 0, end: end < 0 ? text.length : end };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
