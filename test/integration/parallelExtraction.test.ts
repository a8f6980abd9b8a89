import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Corpus } from '../../server/src/core/index/corpus';
import { indexSources } from '../../server/src/core/index/indexer';
import { folderUri, NodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { createParallelExtractor } from '../../server/src/node/parallelExtractor';

const SHARED = resolve(__dirname, '../..', '../shared');

/** Worker-thread extraction must not change a single field of what is extracted. */
describe('parallel extraction on real articles', function () {
  this.timeout(120_000);
  before(function () {
    if (!existsSync(resolve(SHARED, 'seeds'))) this.skip();
  });

  for (const [name, dir, globs] of [
    ['the seed articles', 'seeds', ['*.txt']],
    ['BBC sport 190-199 (199 is Latin-1)', 'corpora/bbc', ['sport/19?.txt']],
  ] as const) {
    it(`gives deep-equal corpora serially and on workers: ${name}`, async function () {
      if (!existsSync(resolve(SHARED, dir))) this.skip();
      const options = { roots: [folderUri(resolve(SHARED, dir))], globs };
      const serial = new Corpus();
      await indexSources(new NodeFileSystem(), serial, options);
      const pool = createParallelExtractor({ workers: 2 });
      assert.ok(pool);
      const parallel = new Corpus();
      try {
        await indexSources(new NodeFileSystem(), parallel, { ...options, extract: pool.extract, parallelFrom: 1 });
      } finally {
        await pool.close();
      }
      assert.ok(serial.sources().length >= 3);
      assert.deepEqual(parallel.sources(), serial.sources());
      assert.deepEqual(parallel.problems(), serial.problems());
    });
  }
});
