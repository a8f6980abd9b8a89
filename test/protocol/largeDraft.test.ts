/**
 * A 2 MB draft is checked without holding the message loop: while its
 * diagnostics are computed, hovers on another draft are answered promptly,
 * and an edit made meanwhile supersedes the running check (only the newer
 * version's diagnostics are published).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { fileUri, positionOf, ServerSession, startOnFixtureDraft } from './harness';

/**
 * Longest a hover may wait while the checks' slices run. The parse of the
 * draft is one step still (about 2.5 s for 2 MB today): the hover waiting the
 * longest is the one that arrives during it, and it is not held to this.
 */
const HOVER_WAIT_LIMIT_MS = 1000;

describe('language server over stdio (a 2 MB draft)', function () {
  let session: ServerSession;
  let draftUri: string;
  let draft: string;
  let huge: string;

  before(async function () {
    this.timeout(120000);
    ({ session, draftUri, draft } = await startOnFixtureDraft());
    await session.waitFor(() => session.diagnostics.get(draftUri), 'diagnostics of draft.md');
    huge = draft.repeat(Math.ceil((2 * 1024 * 1024) / draft.length));
  });

  after(async () => {
    await session?.close();
  });

  /** Hovers on the small draft until `done()`; how long each hover waited, in order. */
  const hoverUntil = async (done: () => boolean, timeoutMs: number): Promise<number[]> => {
    const deadline = Date.now() + timeoutMs;
    const waits: number[] = [];
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`the large draft was not checked within ${timeoutMs} ms`);
      const sent = Date.now();
      const markdown = await session.hoverMarkdown(draftUri, positionOf(draft, 'Maria Ionescu', 3));
      waits.push(Date.now() - sent);
      assert.match(markdown, /\*\*Maria Ionescu\*\* — person/);
    }
    return waits;
  };

  it('answers hovers on another draft while the large one is checked', async function () {
    this.timeout(180000);
    const uri = fileUri(join(session.root, 'huge.md'));
    await session.open(uri, huge);
    const waits = await hoverUntil(() => session.diagnostics.has(uri), 150000);
    const published = session.diagnostics.get(uri)!;
    assert.equal(published.diagnostics.filter((d) => d.code === 'unknown-source').length, Math.ceil((2 * 1024 * 1024) / draft.length));
    // A check holding the loop answers the waiting hover only after publishing: no hover would follow the parse.
    // The parse is the first long block; the last one (ordering and publishing thousands of diagnostics) can be
    // as long, so the parse is the first wait of at least half the longest, not the longest itself.
    const parse = waits.findIndex((w) => w >= Math.max(...waits) / 2);
    const duringSlices = waits.slice(parse + 1);
    assert.ok(duringSlices.length >= 5, `${duringSlices.length} hovers answered after the parse, before the diagnostics (waits: ${waits.length})`);
    assert.ok(Math.max(...duringSlices) < HOVER_WAIT_LIMIT_MS, `a hover waited ${Math.max(...duringSlices)} ms while the checks ran`);
    assert.deepEqual(session.failures(), []);
  });

  it('publishes only the newest version when the draft is edited during its check', async function () {
    this.timeout(180000);
    const uri = fileUri(join(session.root, 'edited.md'));
    // A text of its own: nothing is remembered from the first test's parse, so this check takes seconds.
    const text = `# Edited copy\n\n${huge}`;
    await session.open(uri, text);
    // Let the first check start (it begins after the 200 ms debounce), then edit: one more unknown key at the end.
    const started = Date.now();
    await session.waitFor(() => Date.now() - started > 400, 'the first check to start');
    const edited = `${text}\nAnd one more [@another-missing-source].\n`;
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    await hoverUntil(() => session.diagnostics.has(uri), 150000);
    const published = session.diagnostics.get(uri)!;
    assert.equal(published.version, 2);
    assert.equal(published.count, 1, 'the superseded check published nothing');
    assert.ok(published.diagnostics.some((d) => d.code === 'unknown-source' && d.message.includes('another-missing-source')));
    assert.deepEqual(session.failures(), []);
  });
});
