/**
 * Speaks LSP to the built server (`node dist/server.js --stdio`) over the
 * child's stdio, as an editor would, for the protocol tests.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
  type Registration,
} from 'vscode-languageserver-protocol/node';

export const REPO = resolve(__dirname, '../..');
const SERVER = join(REPO, 'dist/server.js');

let built = false;

/** Builds dist/ once per test run. */
export function buildOnce(): void {
  if (built) return;
  execSync('npm run build', { cwd: REPO, stdio: 'pipe' });
  built = true;
}

/** A copy of a folder in a fresh temporary directory (the server writes its cache there). */
export function tempWorkspace(from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-protocol-'));
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}

/** The `file://` URI of a path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Status notifications as the server sends them. */
interface Status {
  state: 'indexing' | 'ready';
  indexed: number;
  total: number;
}

/** A running server and what it has sent. */
export class ServerSession {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[]; count: number }>();
  readonly statuses: Status[] = [];
  readonly registrations: Registration[] = [];
  readonly log: string[] = [];
  /** What `workspace/configuration` answers for the `dossier` section. */
  settings: Record<string, unknown> = {};
  private readonly child: ChildProcess;

  constructor(readonly root: string) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const previous = this.diagnostics.get(p.uri);
      this.diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics, count: (previous?.count ?? 0) + 1 });
    });
    this.connection.onNotification('dossier/status', (s: Status) => this.statuses.push(s));
    this.connection.onNotification('window/logMessage', (m: { message: string }) => this.log.push(m.message));
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    // The server drops its file watchers before registering new ones when the settings change.
    this.connection.onRequest(UnregistrationRequest.type, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.listen();
  }

  /** Initializes with the workspace folder `root` and a client that supports what VS Code does. */
  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(this.root),
      workspaceFolders: [{ uri: fileUri(this.root), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Waits until the server says its index is ready with at least `sources` sources. */
  async ready(sources: number): Promise<void> {
    await this.waitFor(() => this.statuses.some((s) => s.state === 'ready' && s.indexed >= sources), `index ready with ${sources} sources`);
  }

  /** Opens a markdown document. */
  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** The markdown of the hover at `position` in `uri`, '' when the server has none. */
  async hoverMarkdown(uri: string, position: { line: number; character: number }): Promise<string> {
    const result = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }) as Hover | null;
    return result ? (result.contents as MarkupContent).value : '';
  }

  /** Failures the server logged (a feature that threw, an uncaught exception), from log entry `from` on. */
  failures(from = 0): string[] {
    return this.log.slice(from).filter((line) => / failed: |^Uncaught|^Unhandled rejection/m.test(line));
  }

  /** Changes the settings and tells the server. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Polls `test` until it returns a truthy value (or fails after `timeoutMs`). */
  async waitFor<T>(test: () => T | undefined | null | false, what: string, timeoutMs = 20000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = test();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nserver log:\n${this.log.join('\n')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The diagnostics last published for `uri` once `test` accepts them. */
  async diagnosticsFor(uri: string, test: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const published = this.diagnostics.get(uri);
      return published && test(published.diagnostics) ? published.diagnostics : undefined;
    }, what);
  }

  /** Shuts the server down and removes the workspace. */
  async close(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; the process is killed below either way.
    }
    await new Promise<void>((r) => {
      if (this.child.exitCode !== null) return r();
      const timer = setTimeout(() => { this.child.kill(); r(); }, 2000);
      this.child.once('exit', () => { clearTimeout(timer); r(); });
    });
    this.connection.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The position of the first occurrence of `needle` in `text` (plus `delta` characters). */
/** The fixture workspace of the protocol tests: three sources and a draft. */
export const FIXTURE_WORKSPACE = join(REPO, 'test/fixtures/workspace');

/**
 * Builds the server once, starts it on a copy of the fixture workspace, waits
 * for its three sources to be indexed and opens `draft.md`.
 */
export async function startOnFixtureDraft(): Promise<{ session: ServerSession; draftUri: string; draft: string }> {
  buildOnce();
  const session = new ServerSession(tempWorkspace(FIXTURE_WORKSPACE));
  await session.initialize();
  await session.ready(3);
  const draftUri = fileUri(join(session.root, 'draft.md'));
  const draft = readFileSync(join(session.root, 'draft.md'), 'utf8');
  await session.open(draftUri, draft);
  return { session, draftUri, draft };
}

export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the text`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
