import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { createDossierService, DEFAULT_FOLDER_SETTINGS, type CacheStore, type DocumentInput } from '../../../server/src/core/service';
import { InMemoryFileSystem } from '../../../server/src/core/workspace';
import { FIXTURE_SOURCES } from '../features/fixture';

const ROOT = 'mem:///ws';
const silent = { info() {}, warn() {}, error() {} };

/** The fixture workspace in memory, plus a few bad files. */
function workspace(): InMemoryFileSystem {
  const fs = new InMemoryFileSystem();
  for (const [path, text] of Object.entries(FIXTURE_SOURCES)) fs.write(`${ROOT}/sources/${path}`, text);
  fs.write(`${ROOT}/sources/copy/harbour.md`, '---\nid: harbour-ferry\n---\nAnother story\n\nIt has the same key as another file.\n');
  fs.write(`${ROOT}/sources/broken.md`, '---\ntitle: [never closed\n---\nA story with broken front matter.\n');
  fs.write(`${ROOT}/draft.md`, 'The WPA runs it [@harbour-ferry]. Nothing [@no-such-key].\n');
  fs.write(`${ROOT}/notes/more.md`, 'Ionescu spoke [@nope].\n');
  fs.write(`${ROOT}/node_modules/pkg/README.md`, 'Not a draft [@nope].\n');
  return fs;
}

function memoryCache(): CacheStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, load: async (uri) => data.get(uri), save: async (uri, text) => void data.set(uri, text) };
}

function doc(text: string, uri = `${ROOT}/draft.md`, version = 1): DocumentInput {
  return { uri, version, text };
}

async function indexedService(fs = workspace(), cache?: CacheStore) {
  const service = createDossierService({ logger: silent, fileSystem: fs, cache });
  service.setFolders([{ uri: ROOT }]);
  await service.index(ROOT);
  return service;
}

describe('DossierService', () => {
  it('indexes a folder and reports its status', async () => {
    const service = await indexedService();
    assert.deepEqual(service.status(), { state: 'ready', indexed: 5, total: 5 });
    assert.ok(service.corpusFor(`${ROOT}/draft.md`).get('port-finances'));
  });

  it('tells sources from drafts by the source globs', async () => {
    const service = await indexedService();
    assert.equal(service.isSource(`${ROOT}/sources/harbour-ferry.md`), true);
    assert.equal(service.isSource(`${ROOT}/sources/new-file-not-indexed-yet.txt`), true);
    assert.equal(service.isSource(`${ROOT}/draft.md`), false);
  });

  it('answers features for drafts of the folder', async () => {
    const service = await indexedService();
    const links = service.documentLinks(doc('Loans [@port-finances].'));
    assert.equal(links[0].uri, `${ROOT}/sources/business/port-finances-2024.md`);
    assert.deepEqual(service.completion(doc('[@port'), 6).items.map((i) => i.label), ['port-finances']);
  });

  it('checks drafts and applies severity settings, "off" included', async () => {
    const service = await indexedService();
    const draft = doc('It happened [@no-such-key].');
    const unknown = service.diagnostics(draft).filter((d) => d.code === DiagnosticCode.UnknownSource);
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'error');
    service.configure(ROOT, { ...DEFAULT_FOLDER_SETTINGS, severity: { [DiagnosticCode.UnknownSource]: 'hint' } });
    assert.equal(service.diagnostics(draft).find((d) => d.code === DiagnosticCode.UnknownSource)?.severity, 'hint');
    service.configure(ROOT, { ...DEFAULT_FOLDER_SETTINGS, severity: { [DiagnosticCode.UnknownSource]: 'off' } });
    assert.equal(service.diagnostics(draft).filter((d) => d.code === DiagnosticCode.UnknownSource).length, 0);
  });

  it('reports duplicate keys and broken front matter on the source files', async () => {
    const service = await indexedService();
    const problems = service.sourceDiagnostics();
    const duplicate = problems.get(`${ROOT}/sources/harbour-ferry.md`) ?? problems.get(`${ROOT}/sources/copy/harbour.md`);
    assert.ok(duplicate?.some((d) => d.code === DiagnosticCode.SourceProblem && /harbour-ferry/.test(d.message)), 'duplicate key reported');
    const broken = problems.get(`${ROOT}/sources/broken.md`);
    assert.ok(broken?.some((d) => d.code === DiagnosticCode.SourceProblem && /front matter/i.test(d.message)), 'broken front matter reported');
  });

  it('re-indexes only the sources a watcher reports, and forgets deleted ones', async () => {
    const fs = workspace();
    const service = await indexedService(fs);
    fs.reads.clear();
    fs.write(`${ROOT}/sources/business/port-finances-2024.md`, FIXTURE_SOURCES['business/port-finances-2024.md'].replace('Port authority borrows to fund terminal', 'Port authority takes out a loan'));
    fs.delete(`${ROOT}/sources/broken.md`);
    const changed = await service.sourcesChanged([`${ROOT}/sources/business/port-finances-2024.md`, `${ROOT}/sources/broken.md`, `${ROOT}/draft.md`]);
    assert.deepEqual(changed, [ROOT]);
    // Only the reported sources are looked at (the deleted one is tried and found gone); the draft is no source.
    assert.deepEqual([...fs.reads.keys()].sort(), [`${ROOT}/sources/broken.md`, `${ROOT}/sources/business/port-finances-2024.md`]);
    const corpus = service.corpusFor(`${ROOT}/draft.md`);
    assert.equal(corpus.get('port-finances')?.meta.title, 'Port authority takes out a loan');
    assert.equal(corpus.byUri(`${ROOT}/sources/broken.md`), undefined);
    assert.equal(service.sourceDiagnostics().has(`${ROOT}/sources/broken.md`), false);
  });

  it('answers from the persisted cache before the first pass ends', async () => {
    const cache = memoryCache();
    await indexedService(workspace(), cache);
    assert.equal(cache.data.size, 1);
    const fs = workspace();
    const service = createDossierService({ logger: silent, fileSystem: fs, cache });
    service.setFolders([{ uri: ROOT }]);
    assert.equal(await service.restoreCache(ROOT), 5);
    assert.equal(fs.reads.size, 0);
    assert.equal(service.documentLinks(doc('[@harbour-ferry]')).length, 1);
  });

  it('rebuilds a fresh corpus on demand and swaps it in', async () => {
    const fs = workspace();
    const service = await indexedService(fs);
    const before = service.corpusFor(`${ROOT}/draft.md`);
    fs.delete(`${ROOT}/sources/ferry-objections.txt`);
    await service.index(ROOT, { fresh: true });
    const after = service.corpusFor(`${ROOT}/draft.md`);
    assert.notEqual(after, before);
    assert.equal(after.get('ferry-objections'), undefined);
  });

  it('checks every markdown draft of the workspace, not sources or dependencies', async () => {
    const service = await indexedService();
    const files = await service.checkAll();
    assert.deepEqual(files.map((f) => f.uri).sort(), [`${ROOT}/draft.md`, `${ROOT}/notes/more.md`]);
    assert.ok(files.every((f) => f.diagnostics.some((d) => d.code === DiagnosticCode.UnknownSource)));
  });

  it('keeps multi-root folders apart', async () => {
    const fs = workspace();
    fs.write('mem:///other/sources/elsewhere.txt', 'Elsewhere\n\nA story from another folder.');
    const service = createDossierService({ logger: silent, fileSystem: fs });
    service.setFolders([{ uri: ROOT }, { uri: 'mem:///other' }]);
    await Promise.all([service.index(ROOT), service.index('mem:///other')]);
    assert.equal(service.documentLinks(doc('[@elsewhere]', 'mem:///other/a.md')).length, 1);
    assert.equal(service.documentLinks(doc('[@elsewhere]')).length, 0);
    assert.equal(service.documentLinks(doc('[@harbour-ferry]', 'mem:///other/a.md')).length, 0);
  });
});
