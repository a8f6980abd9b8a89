import assert from 'node:assert/strict';
import { CACHE_VERSION, parseCache, restoreCorpus, serializeCorpus } from '../../../server/src/core/index/cache';
import { Corpus } from '../../../server/src/core/index/corpus';
import { indexSources } from '../../../server/src/core/index/indexer';
import { InMemoryFileSystem } from '../../../server/src/core/workspace';

const ROOT = 'mem:///ws';

function workspace(): InMemoryFileSystem {
  return new InMemoryFileSystem({
    [`${ROOT}/sources/a.txt`]: 'Alpha headline\n\nAlpha body with “quotes”.\n',
    [`${ROOT}/sources/b.md`]: '---\ntitle: "broken\n---\nBeta body.\n',
    [`${ROOT}/sources/c.txt`]: 'Gamma body.\n',
  });
}

describe('corpus cache', () => {
  it('round-trips the sources, and a pass after loading re-extracts only changed files', async () => {
    const fs = workspace();
    const first = new Corpus();
    await indexSources(fs, first, { roots: [ROOT] });
    const json = serializeCorpus(first);

    const second = new Corpus();
    assert.deepEqual(restoreCorpus(second, json), { restored: 3 });
    assert.deepEqual(second.sources(), first.sources());
    assert.deepEqual(second.problems(), first.problems());
    assert.equal(second.problems()[0].path, 'sources/b.md');

    fs.reads.clear();
    const untouched = await indexSources(fs, second, { roots: [ROOT] });
    assert.deepEqual(untouched.extracted, []);
    assert.equal(fs.reads.size, 0, 'same size and mtime as cached: no file is read');

    fs.write(`${ROOT}/sources/c.txt`, 'Gamma body, edited.\n');
    fs.write(`${ROOT}/sources/a.txt`, fs.files.get(`${ROOT}/sources/a.txt`) as Uint8Array); // touched, same bytes
    const report = await indexSources(fs, second, { roots: [ROOT] });
    assert.deepEqual(report.extracted, [`${ROOT}/sources/c.txt`]);
    assert.equal(report.unchanged, 2);
    assert.deepEqual([...fs.reads.keys()].sort(), [`${ROOT}/sources/a.txt`, `${ROOT}/sources/c.txt`]);
  });

  it('ignores a cache of another version', () => {
    const corpus = new Corpus();
    const result = restoreCorpus(corpus, JSON.stringify({ version: CACHE_VERSION + 1, sources: [] }));
    assert.ok('ignored' in result);
    assert.match(result.ignored, /another version of Dossier/);
    assert.equal(corpus.sources().length, 0);
  });

  it('ignores corrupt or truncated JSON and wrong shapes with a message', () => {
    const corrupt = parseCache('{"version":1,"sources":[{"key":"a"');
    assert.ok('ignored' in corrupt);
    assert.match(corrupt.ignored, /not valid JSON/);
    const shape = parseCache(JSON.stringify({ version: CACHE_VERSION, sources: [{ key: 'a', uri: 'x' }] }));
    assert.ok('ignored' in shape);
    assert.match(shape.ignored, /unexpected shape/);
    assert.ok('ignored' in parseCache('[]'));
  });
});
