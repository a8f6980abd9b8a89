import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus } from '../../../server/src/core/index/corpus';
import { indexSources, type IndexOptions } from '../../../server/src/core/index/indexer';
import { InMemoryFileSystem } from '../../../server/src/core/workspace';
import { createParallelExtractor, type ParallelExtractor } from '../../../server/src/node/parallelExtractor';

const ROOT = 'mem:///ws';

/** Articles exercising every part of extraction, plus files that are skipped. */
function workspace(): InMemoryFileSystem {
  const latin1 = Uint8Array.from([...'Caf\u00e9 owner Ren\u00e9 Dubois said: "Prices rose 5%."\n'].map((c) => c.charCodeAt(0)));
  return new InMemoryFileSystem({
    [`${ROOT}/sources/a.txt`]: 'Talks resume\n\nForeign minister Anna Berg said: "We will not sign." The deal covers 12 ports.\n\nBerg added that "nothing is settled".\n',
    [`${ROOT}/sources/b.md`]: '---\nid: bee\ntitle: Beta\n---\nThe International Military Sports Council (CISM) met in Rome. Its head, Hervé Piccirillo, said 140 nations take part.\n',
    [`${ROOT}/sources/c.txt`]: 'Caption of a photo \u00a9Getty Images\n\n\u201cWe are ready,\u201d coach Tom Reed told reporters on Friday.\n',
    [`${ROOT}/sources/d.txt`]: latin1,
    [`${ROOT}/sources/broken.md`]: '---\nid: [unclosed\n---\nBody text.\n',
    [`${ROOT}/sources/pic.txt`]: Uint8Array.from([0xff, 0xd8, 0x00, 0x10]),
  });
}

async function indexWith(fs: InMemoryFileSystem, extra: Partial<IndexOptions>): Promise<Corpus> {
  const corpus = new Corpus();
  await indexSources(fs, corpus, { roots: [ROOT], parallelFrom: 1, ...extra });
  return corpus;
}

describe('parallel extraction (worker threads)', function () {
  this.timeout(60_000);
  let pool: ParallelExtractor | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('gives the same corpus as in-process extraction, skipped files included', async () => {
    pool = createParallelExtractor({ workers: 2 });
    assert.ok(pool, 'the worker script is found next to the module');
    const serial = await indexWith(workspace(), {});
    const parallel = await indexWith(workspace(), { extract: pool.extract });
    assert.equal(parallel.sources().length, 5);
    assert.deepEqual(parallel.sources(), serial.sources());
    assert.deepEqual(parallel.problems(), serial.problems());
    assert.ok(parallel.problems().some((p) => p.path === 'sources/pic.txt' && /binary/.test(p.message)));
  });

  it('skips the one file a worker dies on and extracts the rest', async () => {
    pool = createParallelExtractor({ workers: 1, script: join(__dirname, 'crashingExtractWorker.ts') });
    assert.ok(pool);
    const fs = workspace();
    fs.write(`${ROOT}/sources/crash.txt`, 'This article kills the worker.\n');
    const serial = await indexWith(workspace(), {});
    const corpus = await indexWith(fs, { extract: pool.extract });
    assert.deepEqual(corpus.sources(), serial.sources());
    const crash = corpus.problems().filter((p) => p.path === 'sources/crash.txt');
    assert.equal(crash.length, 1);
    assert.match(crash[0].message, /extraction worker stopped on it \(exit code 7\)/);
  });

  it('extracts in-process when the worker script cannot start, and when there is none', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-worker-'));
    const script = join(dir, 'broken.js');
    writeFileSync(script, 'throw new Error("broken worker script");\n');
    pool = createParallelExtractor({ workers: 1, script });
    assert.ok(pool);
    const serial = await indexWith(workspace(), {});
    const corpus = await indexWith(workspace(), { extract: pool.extract });
    assert.deepEqual(corpus.sources(), serial.sources());
    assert.equal(createParallelExtractor({ script: join(dir, 'missing.js') }), undefined);
  });
});
