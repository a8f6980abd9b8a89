/**
 * Bad input and cancellation over stdio: drafts with broken front matter,
 * unfinished citations, binary bytes or 2 MB of text still get diagnostics,
 * nothing logs a failure, and the server keeps answering; a cancelled
 * long request stops early and the next request is served.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, positionOf, ServerSession, startOnFixtureDraft } from './harness';

/** Bytes a binary file decodes to: NULs, control characters, replacement characters, a zip header, an escape sequence. */
const BINARY_ISH = `Ionescu \u0000\u0001\u0002\u0007\uFFFD\uFFFD PK\u0003\u0004\u0014\u0000 \u001b[31m ${String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 0xd800))}\n[@\u0000]`;

describe('language server over stdio (bad input, cancellation)', function () {
  let session: ServerSession;
  let draftUri: string;
  let draft: string;
  /** Where the server log stood when the current test began. */
  let logMark = 0;

  before(async function () {
    this.timeout(120000);
    ({ session, draftUri, draft } = await startOnFixtureDraft());
  });

  beforeEach(() => {
    logMark = session.log.length;
  });

  after(async () => {
    await session?.close();
  });

  /** Opens `text` as a new draft and returns its first published diagnostics. */
  const openDraft = async (name: string, text: string, timeoutMs?: number): Promise<Diagnostic[]> => {
    const uri = fileUri(join(session.root, name));
    await session.open(uri, text);
    return (await session.waitFor(() => session.diagnostics.get(uri), `diagnostics of ${name}`, timeoutMs)).diagnostics;
  };

  /** The server still answers a hover on the fixture draft with the right fact card. */
  const stillServesHover = async (): Promise<void> => {
    assert.match(await session.hoverMarkdown(draftUri, positionOf(draft, 'Maria Ionescu', 3)), /\*\*Maria Ionescu\*\* — person/);
  };

  it('checks the body of a draft whose front matter is broken', async () => {
    const text = '---\ntitle: [never closed\nauthor: : :\n---\nCouncil leader Maria Ionescu backed the plan [@nope].\n';
    const diagnostics = await openDraft('broken-front-matter.md', text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-source');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.deepEqual(unknown.range.start, positionOf(text, 'nope'));
    assert.match(await session.hoverMarkdown(fileUri(join(session.root, 'broken-front-matter.md')), positionOf(text, 'Maria Ionescu', 3)), /\*\*Maria Ionescu\*\*/);
    assert.deepEqual(session.failures(logMark), []);
    await stillServesHover();
  });

  it('reports an unclosed citation and survives a bare "[@" at the end of the file', async () => {
    const text = 'Maria Ionescu said the terminal would open [@harbour-ferry\n\nAnd then [@';
    const diagnostics = await openDraft('unclosed.md', text);
    const malformed = diagnostics.filter((d) => d.code === 'malformed-citation');
    assert.equal(malformed.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(malformed[0].range.start, positionOf(text, '[@harbour-ferry'));
    assert.match(malformed[0].message, /not closed/);
    assert.deepEqual(session.failures(logMark), []);
    await stillServesHover();
  });

  it('takes a binary-looking draft without failing', async () => {
    const uri = fileUri(join(session.root, 'binary.md'));
    const diagnostics = await openDraft('binary.md', BINARY_ISH);
    assert.ok(Array.isArray(diagnostics));
    // Hovering inside the noise answers (a card for "Ionescu" or nothing) instead of an error.
    await session.hoverMarkdown(uri, { line: 0, character: 2 });
    await session.hoverMarkdown(uri, { line: 0, character: 40 });
    assert.deepEqual(session.failures(logMark), []);
    await stillServesHover();
  });

  it('checks a 2 MB draft to its end and keeps answering', async function () {
    this.timeout(180000);
    const copies = Math.ceil((2 * 1024 * 1024) / draft.length);
    const text = draft.repeat(copies);
    const diagnostics = await openDraft('huge.md', text, 150000);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-source');
    assert.equal(unknown.length, copies, 'one unknown-source per copy of the draft');
    const lastLine = text.slice(0, text.lastIndexOf('[@no-such-source]')).split('\n').length - 1;
    assert.equal(unknown[unknown.length - 1].range.start.line, lastLine, 'the last copy is checked too');
    assert.deepEqual(session.failures(logMark), []);
    await stillServesHover();
  });

  it('stops dossier/checkAll when it is cancelled and serves the next request', async function () {
    this.timeout(120000);
    // Twenty drafts of ~50 KB: checking them all takes seconds, so a prompt cancellation shows.
    // Every sentence is made unique (the server memoises parses and checks by text, so
    // copies of one draft would be checked almost at once and race the cancellation).
    const drafts = 20;
    let serial = 0;
    const unique = () => draft.replace(/([.!?])(\s+)(?=\S)/g, (_m, stop: string, space: string) => `${stop}${space}Item ${serial++} says so. `);
    for (let i = 0; i < drafts; i++) {
      const copies = Array.from({ length: Math.ceil(50000 / draft.length) }, unique).join('\n\n');
      writeFileSync(join(session.root, `bulk-${String(i).padStart(2, '0')}.md`), copies);
    }
    const cancel = new CancellationTokenSource();
    const pending = session.connection.sendRequest('dossier/checkAll', cancel.token) as Promise<{ files: number; diagnostics: number }>;
    setTimeout(() => cancel.cancel(), 50);
    const outcome = await pending.then(
      (result): { files: number } | ResponseError<unknown> => result,
      (error: unknown) => {
        if (error instanceof ResponseError) return error;
        throw error;
      },
    );
    if (outcome instanceof ResponseError) {
      assert.equal(outcome.code, LSPErrorCodes.RequestCancelled);
    } else {
      // The server may answer with what it checked before the cancellation arrived: never all of it.
      assert.ok(outcome.files < drafts, `checked ${outcome.files} of ${drafts + 1} drafts after cancelling`);
    }
    await stillServesHover();
    const results = await session.connection.sendRequest('dossier/search', { query: 'fuel prices', limit: 5 }) as Array<{ key: string }>;
    assert.equal(results[0]?.key, 'port-finances');
    assert.deepEqual(session.failures(logMark), []);
  });
});
