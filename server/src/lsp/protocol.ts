/**
 * Dossier's custom LSP messages, shared by the server and the VS Code client.
 * Built on `vscode-languageserver-protocol` alone (the package both the server
 * and the client library use), so the client bundle does not pull in the server.
 */
import { NotificationType, RequestType, RequestType0, type Range } from 'vscode-languageserver-protocol';

/** Parameters of `dossier/search`. */
export interface SearchParams {
  query: string;
  /** Most results wanted (default 20, at most 200). */
  limit?: number;
}

/** A half-open range of string indices into a snippet. */
export interface SnippetSpan {
  start: number;
  end: number;
}

/** One passage found by `dossier/search`. */
export interface SearchResult {
  /** Citation key of the source. */
  key: string;
  title: string;
  /** URI of the source file. */
  uri: string;
  /** Range of the passage (a paragraph) in the source. */
  range: Range;
  /** Short excerpt around the best match. */
  snippet: string;
  /** Match ranges relative to `snippet`. */
  highlights: SnippetSpan[];
  /** 1-based body paragraph number (the Pandoc locator `para N`), when the passage is a body paragraph. */
  paragraph?: number;
}

/** `dossier/search`: ranked passages of the corpus for a full-text query. */
export const SearchRequest = new RequestType<SearchParams, SearchResult[], void>('dossier/search');

/** `dossier/reindex`: forget the index and rebuild it from the files. */
export const ReindexRequest = new RequestType0<void, void>('dossier/reindex');

/** Parameters of `dossier/facts`. */
export interface FactsParams {
  key: string;
}

/** `dossier/facts`: a readable markdown summary of one source (entities, roles, quotes), null for an unknown key. */
export const FactsRequest = new RequestType<FactsParams, string | null, void>('dossier/facts');

/** `dossier/checkAll`: run the checks over every draft of the workspace and publish diagnostics. */
export const CheckAllRequest = new RequestType0<CheckAllResult, void>('dossier/checkAll');

/** What `dossier/checkAll` did. */
export interface CheckAllResult {
  /** Drafts checked. */
  files: number;
  /** Diagnostics published over all of them. */
  diagnostics: number;
}

/** Index state pushed by the server with `dossier/status`. */
export interface StatusParams {
  /** `indexing` while the corpus is (re)built, `ready` once it answers from a complete index. */
  state: 'indexing' | 'ready';
  /** Sources indexed so far (while indexing) or in the index (when ready). */
  indexed: number;
  /** Sources found by the globs. */
  total: number;
}

/** `dossier/status`: the server's index state, for the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('dossier/status');

/** Options the client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /**
   * True when the client watches the source globs itself and sends
   * `workspace/didChangeWatchedFiles` (the VS Code client does), so the server
   * does not register its own watchers and changes are not indexed twice.
   */
  watchesSources?: boolean;
}
