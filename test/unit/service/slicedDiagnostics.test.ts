import assert from 'node:assert/strict';
import { checkDraft, checkDraftInSteps } from '../../../server/src/core/checks/checkDraft';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';
import { corpusFromTexts } from '../../../server/src/core/index/corpus';
import { createDossierService, type DocumentInput } from '../../../server/src/core/service';
import { InMemoryFileSystem } from '../../../server/src/core/workspace';
import { FIXTURE_SOURCES } from '../features/fixture';

const ROOT = 'mem:///ws';
const silent = { info() {}, warn() {}, error() {} };

/**
 * One section of a generated draft: the fixture draft's claims with numbers,
 * keys and wording varied per section, plus what reaches across paragraphs
 * (a quote continued over two paragraphs, a block quote introduced by
 * "Okafor said:", a pronoun speaker, a reference link) and what is never
 * checked (code). Every section yields diagnostics of several codes.
 */
function section(i: number): string {
  const key = i % 5 === 0 ? 'harbour-fery' : 'harbour-ferry';
  return [
    `## Part ${i}`,
    `Westhaven council approved a £${10 + (i % 4)}m ferry terminal on Tuesday [@${key}].`,
    `Council leader Maria Ionescu said the terminal would "bring the islands closer to the mainland than they have ever been" [@${i % 3 === 0 ? 'port-finances' : 'harbour-ferry'}].`,
    `Helen Okafor said the loan would be repaid from ticket sales within ${i % 2 === 0 ? 15 : 20} years [@port-finances, para ${i % 7 === 0 ? 99 : 1}].`,
    `"This is the biggest investment the port has made in a decade," said ${i % 4 === 0 ? 'Ionescu' : 'Okafor'} [@port-finances].`,
    `Jose Nunez warned that fuel prices remained the greatest risk to the plan.`,
    `"The ferry will change how we live,\n\n"and how we work," he said [@harbour-ferry].`,
    `Okafor said:\n\n> This is the biggest investment the port has made in a decade. [@port-finances]`,
    `See the [council minutes][minutes] and \`[@not-checked-${i}]\`.`,
    '```\n"Quoted in code" [@nope]\n```',
    `The terminal was designed by a firm from Norway [@no-such-source-${i % 9}].`,
  ].join('\n\n');
}

/** A draft of at least `length` characters made of varied sections. */
function generatedDraft(length: number): string {
  const parts: string[] = ['---\ntitle: Generated\n---'];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const s = section(i);
    parts.push(s);
    size += s.length + 2;
  }
  parts.push('[minutes]: https://example.org/minutes');
  return `${parts.join('\n\n')}\n`;
}

async function indexedService(yieldNow?: () => Promise<void>) {
  const fs = new InMemoryFileSystem();
  for (const [path, text] of Object.entries(FIXTURE_SOURCES)) fs.write(`${ROOT}/sources/${path}`, text);
  const service = createDossierService({ logger: silent, fileSystem: fs, yieldNow });
  service.setFolders([{ uri: ROOT }]);
  await service.index(ROOT);
  return { service, fs };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('diagnostics of long drafts, in slices', () => {
  const large: DocumentInput = { uri: `${ROOT}/large.md`, version: 1, text: generatedDraft(300_000) };

  it('checking in steps gives exactly the one-go diagnostics, whatever the window', () => {
    const draft = parseDraft(generatedDraft(20_000));
    // A corpus per run, so no run reuses another's remembered results.
    const expected = checkDraft(draft, corpusFromTexts(FIXTURE_SOURCES));
    assert.ok(new Set(expected.map((d) => d.code)).size >= 5, `varied codes: ${[...new Set(expected.map((d) => d.code))].join(', ')}`);
    for (const window of [1, 7, 1000]) {
      const steps = checkDraftInSteps(draft, corpusFromTexts(FIXTURE_SOURCES), {}, window);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      assert.deepEqual(step.value, expected, `window ${window}`);
      if (window === 1) assert.ok(pauses > draft.sentences.length, `${pauses} pauses for ${draft.sentences.length} sentences`);
    }
  });

  it('gives a long draft the same diagnostics as the synchronous check, yielding between slices', async function () {
    this.timeout(60000);
    const sync = await indexedService();
    const expected = sync.service.diagnostics(large);
    assert.ok(expected.length > 100, `${expected.length} diagnostics`);
    let yields = 0;
    const sliced = await indexedService(async () => {
      yields++;
      await nextTurn();
    });
    yields = 0;
    const actual = await sliced.service.diagnosticsInSlices(large);
    assert.deepEqual(actual, expected);
    assert.ok(yields > 0, 'the long draft gave the event loop turns');
  });

  it('checks a short draft in one go, without yielding', async () => {
    let yields = 0;
    const { service } = await indexedService(async () => {
      yields++;
      await nextTurn();
    });
    yields = 0;
    const small: DocumentInput = { uri: `${ROOT}/small.md`, version: 1, text: generatedDraft(5_000) };
    const found = await service.diagnosticsInSlices(small);
    assert.equal(yields, 0);
    assert.deepEqual(found, service.diagnostics(small));
  });

  it('abandons the run when its token is cancelled', async function () {
    this.timeout(60000);
    const token = { isCancellationRequested: false };
    let yields = 0;
    const { service } = await indexedService(async () => {
      // A newer version arrives while the first slices run.
      if (++yields === 2) token.isCancellationRequested = true;
      await nextTurn();
    });
    yields = 0;
    assert.equal(await service.diagnosticsInSlices({ ...large, uri: `${ROOT}/cancelled.md` }, token), null);
    assert.equal(yields, 2, 'no slice ran after the cancellation');
  });

  it('abandons the run when the corpus changes between slices, and a new run sees the new source', async function () {
    this.timeout(60000);
    let yields = 0;
    let changeCorpus: (() => Promise<unknown>) | undefined;
    const { service, fs } = await indexedService(async () => {
      if (++yields === 2) await changeCorpus?.();
      await nextTurn();
    });
    const doc = { ...large, uri: `${ROOT}/changing.md` };
    changeCorpus = () => {
      fs.write(`${ROOT}/sources/no-such-source-1.md`, '---\nid: no-such-source-1\n---\nA firm from Norway designed the terminal.\n');
      return service.sourcesChanged([`${ROOT}/sources/no-such-source-1.md`]);
    };
    yields = 0;
    assert.equal(await service.diagnosticsInSlices(doc), null);
    changeCorpus = undefined;
    const after = await service.diagnosticsInSlices(doc);
    assert.ok(after);
    assert.ok(!after.some((d) => d.code === 'unknown-source' && doc.text.slice(d.start, d.end) === 'no-such-source-1'), 'the new key is known');
    assert.deepEqual(after, service.diagnostics(doc));
  });
});
