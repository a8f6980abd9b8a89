import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  type CompletionList,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { fileUri, positionOf, ServerSession, startOnFixtureDraft } from './harness';


describe('language server over stdio (fixture workspace)', function () {
  let session: ServerSession;
  let draftUri: string;
  let draft: string;

  before(async function () {
    this.timeout(120000);
    ({ session, draftUri, draft } = await startOnFixtureDraft());
  });

  after(async () => {
    await session?.close();
  });

  const hoverAt = async (needle: string, delta = 1): Promise<string> => {
    const result = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: positionOf(draft, needle, delta) }) as Hover | null;
    return result ? (result.contents as MarkupContent).value : '';
  };

  it('reports indexing progress and then the number of sources', () => {
    const last = session.statuses[session.statuses.length - 1];
    assert.deepEqual(last, { state: 'ready', indexed: 3, total: 3 });
  });

  it('registers file watchers for the source globs', () => {
    const watch = session.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.ok(watch, 'a didChangeWatchedFiles registration');
    assert.match(JSON.stringify(watch.registerOptions), /sources\/\*\*\/\*\.\{md,txt\}/);
  });

  it('publishes diagnostics for an opened draft, with code and fixes as data', async () => {
    const diagnostics = await session.diagnosticsFor(draftUri, (d) => d.length > 0, 'draft diagnostics');
    const unknown = diagnostics.find((d) => d.code === 'unknown-source');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(unknown.source, 'dossier');
    assert.deepEqual(unknown.range.start, positionOf(draft, 'no-such-source'));
    assert.ok(Array.isArray((unknown.data as { fixes: unknown[] }).fixes));
  });

  it('hovers a name with its fact card and links into the source', async () => {
    const md = await hoverAt('Maria Ionescu', 3);
    assert.match(md, /\*\*Maria Ionescu\*\* — person/);
    assert.match(md, /\(file:\/\/[^)]*harbour-ferry\.md#L\d+,\d+\)/);
  });

  it('hovers a citation with the source title and supporting passage', async () => {
    const md = await hoverAt('[@port-finances].\n', 4);
    assert.match(md, /\*\*Port authority borrows to fund terminal\*\* — Harbour Business Weekly, 2024-04-02/);
    assert.match(md, /repaid from ticket sales/);
  });

  it('goes to the definition of a citation in the source file', async () => {
    const result = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: draftUri }, position: positionOf(draft, '@port-finances', 3) }) as Location[];
    assert.equal(result.length, 1);
    assert.equal(result[0].uri, fileUri(join(session.root, 'sources/business/port-finances-2024.md')));
    assert.equal(result[0].range.start.line, 8, 'the paragraph about the loan (line 9 of the file, after the front matter)');
  });

  it('finds references to a person across sources and the draft', async () => {
    const result = await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: draftUri }, position: positionOf(draft, 'Helen Okafor', 2), context: { includeDeclaration: true } }) as Location[];
    const uris = new Set(result.map((l) => l.uri));
    assert.ok(uris.has(draftUri));
    assert.ok(uris.has(fileUri(join(session.root, 'sources/business/port-finances-2024.md'))));
  });

  it('completes citation keys after "[@"', async () => {
    const text = `${draft}\nMore [@harb`;
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const result = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draftUri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } }) as CompletionList;
    assert.equal(result.items[0].label, 'harbour-ferry');
    assert.equal(result.items[0].detail, 'Westhaven council backs new ferry terminal');
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: draftUri, version: 3 }, contentChanges: [{ text: draft }] });
    await session.waitFor(() => session.diagnostics.get(draftUri)?.version === 3, 'diagnostics for version 3');
  });

  it('offers "Add citation" on an uncited sentence a source supports', async () => {
    const at = positionOf(draft, 'Jose Nunez', 2);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draftUri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const add = actions?.find((a) => 'title' in a && /^Add citation \[@port-finances\]/.test(a.title));
    assert.ok(add && 'edit' in add && add.edit, JSON.stringify(actions));
    assert.equal(add.edit!.changes![draftUri][0].newText, ' [@port-finances]');
  });

  it('links citation keys to their source files', async () => {
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: draftUri } });
    assert.ok(links?.some((l) => l.target === fileUri(join(session.root, 'sources/harbour-ferry.md'))));
  });

  it('answers dossier/search with ranges and highlights', async () => {
    const results = await session.connection.sendRequest('dossier/search', { query: 'fuel prices', limit: 5 }) as Array<{ key: string; range: { start: { line: number } }; snippet: string; highlights: unknown[]; paragraph?: number }>;
    assert.equal(results[0].key, 'port-finances');
    assert.equal(results[0].range.start.line, 12);
    assert.equal(results[0].paragraph, 4);
    assert.ok(results[0].highlights.length > 0);
  });

  it('answers dossier/facts with a markdown summary', async () => {
    const sheet = await session.connection.sendRequest('dossier/facts', { key: 'harbour-ferry' }) as string;
    assert.match(sheet, /^# Westhaven council backs new ferry terminal/);
    assert.equal(await session.connection.sendRequest('dossier/facts', { key: 'nope' }), null);
  });

  it('re-indexes a source created on disk and re-checks open drafts', async () => {
    const before = session.diagnostics.get(draftUri)!.count;
    const path = join(session.root, 'sources/no-such-source.md');
    writeFileSync(path, '---\ntitle: Norwegian firm designs terminal\n---\nThe terminal was designed by a firm from Norway, the council said.\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path), type: FileChangeType.Created }] });
    const diagnostics = await session.diagnosticsFor(draftUri, () => session.diagnostics.get(draftUri)!.count > before, 're-published diagnostics');
    assert.equal(diagnostics.filter((d) => d.code === 'unknown-source').length, 0);
    await session.waitFor(() => session.statuses.some((s) => s.state === 'ready' && s.indexed === 4), 'status with 4 sources');
  });

  it('applies severity settings live, "off" included', async () => {
    await session.configure({ severity: { 'uncited-claim': 'off', 'quote-altered': 'error' } });
    const diagnostics = await session.diagnosticsFor(draftUri, (d) => !d.some((x) => x.code === 'uncited-claim'), 'no uncited-claim');
    for (const d of diagnostics.filter((x) => x.code === 'quote-altered')) assert.equal(d.severity, 1);
    await session.configure({});
  });

  it('publishes problems of source files (broken front matter)', async () => {
    const path = join(session.root, 'sources/broken.md');
    writeFileSync(path, '---\ntitle: [never closed\n---\nA story with broken front matter.\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path), type: FileChangeType.Created }] });
    const diagnostics = await session.diagnosticsFor(fileUri(path), (d) => d.length > 0, 'source problem');
    assert.equal(diagnostics[0].code, 'source-problem');
    assert.match(diagnostics[0].message, /front matter/i);
  });

  it('checks every draft of the workspace on dossier/checkAll', async () => {
    const notes = join(session.root, 'notes.md');
    writeFileSync(notes, 'Somebody said so [@missing-key].\n');
    const result = await session.connection.sendRequest('dossier/checkAll') as { files: number; diagnostics: number };
    assert.equal(result.files, 2);
    const diagnostics = await session.diagnosticsFor(fileUri(notes), (d) => d.length > 0, 'notes.md diagnostics');
    assert.ok(diagnostics.some((d) => d.code === 'unknown-source'));
  });
});
