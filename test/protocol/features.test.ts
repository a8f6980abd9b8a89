/**
 * Workspace symbols, inlay hints, document links and source deletion over
 * stdio, on a fresh copy of the fixture workspace (this file deletes a source,
 * so it does not share a server with server.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  FileChangeType,
  InlayHintRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type InlayHint,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { fileUri, positionOf, ServerSession, startOnFixtureDraft } from './harness';

const WHOLE_DOCUMENT: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('language server over stdio (symbols, hints, links, deleted sources)', function () {
  let session: ServerSession;
  let draftUri: string;
  let draft: string;
  const sourceUri = (relative: string) => fileUri(join(session.root, 'sources', relative));
  /** Where each citation key of the fixture lives. */
  const sourceOfKey = (): Record<string, string> => ({
    'harbour-ferry': sourceUri('harbour-ferry.md'),
    'port-finances': sourceUri('business/port-finances-2024.md'),
  });
  /** The text a single-line range covers in the draft. */
  const textAt = (range: Range): string => {
    assert.equal(range.start.line, range.end.line, 'a citation key stays on one line');
    return draft.split('\n')[range.start.line].slice(range.start.character, range.end.character);
  };
  /** The position right after the key of every `[@key` in the draft, in order. */
  const afterEachKey = (key: string): Array<{ line: number; character: number }> => {
    const positions = [];
    for (let at = draft.indexOf(`[@${key}`); at >= 0; at = draft.indexOf(`[@${key}`, at + 1)) positions.push(positionAt(draft, at + 2 + key.length));
    return positions;
  };
  const symbols = async (query: string) => await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as SymbolInformation[];
  const inlayHints = async () => await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: draftUri }, range: WHOLE_DOCUMENT }) as InlayHint[];

  before(async function () {
    this.timeout(120000);
    ({ session, draftUri, draft } = await startOnFixtureDraft());
    await session.diagnosticsFor(draftUri, (d) => d.length > 0, 'first diagnostics of the draft');
  });

  after(async () => {
    await session?.close();
  });

  describe('workspace/symbol', () => {
    it('finds a person by surname at the mention that introduces them', async () => {
      const found = await symbols('Ionescu');
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].name, 'Maria Ionescu');
      assert.equal(found[0].kind, SymbolKind.Object);
      assert.equal(found[0].containerName, 'harbour-ferry');
      assert.equal(found[0].location.uri, sourceUri('harbour-ferry.md'));
      const source = readFileSync(join(session.root, 'sources/harbour-ferry.md'), 'utf8');
      assert.deepEqual(found[0].location.range, {
        start: positionOf(source, 'Maria Ionescu said'),
        end: positionOf(source, 'Maria Ionescu said', 'Maria Ionescu'.length),
      });
    });

    it('finds an organisation by its acronym, and a name whatever its accents', async () => {
      const [authority] = await symbols('WPA');
      assert.equal(authority?.name, 'Westhaven Port Authority');
      assert.equal(authority.kind, SymbolKind.Namespace);
      const [nunez] = await symbols('nunez');
      assert.equal(nunez?.name, 'José Núñez');
      assert.equal(nunez.location.uri, sourceUri('business/port-finances-2024.md'));
    });

    it('finds sources by a word of their title, as "@key — title" files', async () => {
      const found = await symbols('ferry terminal');
      assert.deepEqual(found.map((s) => s.name).sort(), [
        '@ferry-objections — Islanders split over ferry terminal plan',
        '@harbour-ferry — Westhaven council backs new ferry terminal',
      ]);
      assert.ok(found.every((s) => s.kind === SymbolKind.File));
      const objections = found.find((s) => s.name.startsWith('@ferry-objections'))!;
      assert.equal(objections.location.uri, sourceUri('ferry-objections.txt'));
      assert.equal(objections.containerName, 'ferry-objections.txt');
      // A .txt source's title is its first line: the symbol spans that headline.
      assert.deepEqual(objections.location.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'Islanders split over ferry terminal plan'.length } });
      const [finances] = await symbols('borrows');
      assert.equal(finances?.name, '@port-finances — Port authority borrows to fund terminal');
      assert.equal(finances.location.uri, sourceUri('business/port-finances-2024.md'));
    });

    it('answers nothing for a name no source has', async () => {
      assert.deepEqual(await symbols('Plitukhin'), []);
    });
  });

  describe('textDocument/inlayHint', () => {
    it('gives no hints while dossier.inlayHints.enabled is off (the default)', async () => {
      assert.deepEqual(await inlayHints(), []);
    });

    it('shows the source title after each known key once the setting is on, and none once it is off again', async () => {
      await session.configure({ inlayHints: { enabled: true } });
      const hints = await poll('inlay hints after enabling them', async () => {
        const found = await inlayHints();
        return found.length > 0 ? found : undefined;
      });
      const expected = [
        ...afterEachKey('harbour-ferry').map((position) => ({ position, title: 'Westhaven council backs new ferry terminal', outlet: 'Coastal Gazette', date: '2024-03-12' })),
        ...afterEachKey('port-finances').map((position) => ({ position, title: 'Port authority borrows to fund terminal', outlet: 'Harbour Business Weekly', date: '2024-04-02' })),
      ].sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
      assert.equal(expected.length, 5, 'the fixture draft cites known sources five times');
      // One hint per known key and none after [@no-such-source].
      assert.deepEqual(hints.map((h) => h.position), expected.map((e) => e.position));
      hints.forEach((hint, i) => {
        const label = String(hint.label);
        // Long titles are cut at a word with an ellipsis; the tooltip keeps all of it.
        assert.ok(expected[i].title.startsWith(label.trim().replace(/…$/, '')), `label "${label}" for ${expected[i].title}`);
        assert.ok(label.trim().length <= 40, `label "${label}" is at most 40 characters`);
        assert.equal(hint.tooltip, `${expected[i].title} — ${expected[i].outlet} — ${expected[i].date}`);
      });
      assert.equal(String(hints.find((h) => h.position.line === expected.find((e) => e.outlet === 'Harbour Business Weekly')!.position.line)!.label), ' Port authority borrows to fund terminal');

      // Dotted keys (as some clients send them) work too; false turns the hints off again.
      await session.configure({ 'inlayHints.enabled': false });
      await poll('no inlay hints after disabling them', async () => ((await inlayHints()).length === 0 ? true : undefined));
      await session.configure({ 'inlayHints.enabled': true });
      await poll('inlay hints from the dotted setting', async () => ((await inlayHints()).length === 5 ? true : undefined));
      await session.configure({});
      await poll('no inlay hints with default settings', async () => ((await inlayHints()).length === 0 ? true : undefined));
    });
  });

  describe('textDocument/documentLink', () => {
    it('links every known citation key, and only the key, to its source file', async () => {
      const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: draftUri } }) ?? [];
      const targets = sourceOfKey();
      assert.equal(links.length, afterEachKey('harbour-ferry').length + afterEachKey('port-finances').length, JSON.stringify(links));
      for (const link of links) {
        const key = textAt(link.range);
        assert.ok(key in targets, `link over "${key}"`);
        assert.equal(link.target, targets[key]);
        assert.match(link.tooltip ?? '', /^Open /);
      }
      assert.ok(!links.some((l) => textAt(l.range).includes('no-such-source')), 'an unknown key gets no link');
    });
  });

  describe('workspace/didChangeWatchedFiles (deleted source)', () => {
    it('turns citations of a deleted source into unknown-source and drops its links and symbols', async () => {
      const unknownKeys = (d: Array<{ code?: unknown; range: Range }>) => d.filter((x) => x.code === 'unknown-source').map((x) => textAt(x.range));
      assert.deepEqual(unknownKeys(session.diagnostics.get(draftUri)!.diagnostics), ['no-such-source']);
      const path = join(session.root, 'sources/business/port-finances-2024.md');
      rmSync(path);
      await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path), type: FileChangeType.Deleted }] });
      const diagnostics = await session.diagnosticsFor(draftUri, (d) => unknownKeys(d).includes('port-finances'), 'unknown-source on port-finances');
      assert.deepEqual(unknownKeys(diagnostics).sort(), ['no-such-source', 'port-finances', 'port-finances']);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'unknown-source' && textAt(d.range) === 'port-finances').map((d) => d.range.end),
        afterEachKey('port-finances'),
      );
      await session.waitFor(() => session.statuses.some((s) => s.state === 'ready' && s.indexed === 2), 'status with 2 sources');
      const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: draftUri } }) ?? [];
      assert.ok(!links.some((l) => l.target === fileUri(path)), 'no link to the deleted file');
      assert.deepEqual(await symbols('borrows'), []);
      assert.deepEqual(await symbols('Okafor'), []);
    });
  });
});

/** The position of `offset` in `text`. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Calls `probe` until it returns something other than undefined (requests answer asynchronously). */
async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
