import assert from 'node:assert/strict';
import { Corpus } from '../../../server/src/core/index/corpus';
import { extractSource } from '../../../server/src/core/corpus/extractSource';
import { indexSources, updateSources, type SourceExtractor } from '../../../server/src/core/index/indexer';
import { InMemoryFileSystem } from '../../../server/src/core/workspace';

const ROOT = 'mem:///ws';
const options = { roots: [ROOT] };

function workspace(): InMemoryFileSystem {
  return new InMemoryFileSystem({
    [`${ROOT}/sources/a.txt`]: 'Alpha headline\n\nAlpha body.\n',
    [`${ROOT}/sources/news/b.md`]: '---\nid: bee\n---\nBeta body.\n',
    [`${ROOT}/sources/c.txt`]: 'Gamma body.\n',
    [`${ROOT}/draft.md`]: 'Not a source [@a].\n',
  });
}

describe('indexSources', () => {
  it('indexes the default globs with keys relative to sources/ and workspace paths in problems', async () => {
    const fs = workspace();
    fs.write(`${ROOT}/sources/bad key.txt`, 'Text.\n');
    const corpus = new Corpus();
    const done: string[] = [];
    const report = await indexSources(fs, corpus, options, (_d, _t, path) => done.push(path));
    assert.deepEqual(corpus.keys(), ['a', 'bad key', 'bee', 'c']);
    assert.equal(report.total, 4);
    assert.equal(report.extracted.length, 4);
    assert.deepEqual(done, ['sources/a.txt', 'sources/bad key.txt', 'sources/c.txt', 'sources/news/b.md']);
    assert.equal(corpus.get('bee')?.path, 'news/b.md');
    assert.deepEqual(corpus.problems().map((p) => p.path), ['sources/bad key.txt']);
  });

  it('re-extracts only what changed: add, change, remove one file', async () => {
    const fs = workspace();
    const corpus = new Corpus();
    await indexSources(fs, corpus, options);

    const unchanged = await indexSources(fs, corpus, options);
    assert.deepEqual(unchanged.extracted, []);
    assert.equal(unchanged.unchanged, 3);

    fs.write(`${ROOT}/sources/d.txt`, 'Delta body.\n');
    const added = await indexSources(fs, corpus, options);
    assert.deepEqual(added.extracted, [`${ROOT}/sources/d.txt`]);
    assert.equal(added.unchanged, 3);

    fs.write(`${ROOT}/sources/c.txt`, 'Gamma body, edited.\n');
    const changed = await indexSources(fs, corpus, options);
    assert.deepEqual(changed.extracted, [`${ROOT}/sources/c.txt`]);
    assert.equal(corpus.get('c')?.text, 'Gamma body, edited.\n');

    fs.delete(`${ROOT}/sources/a.txt`);
    const removed = await indexSources(fs, corpus, options);
    assert.deepEqual(removed.extracted, []);
    assert.deepEqual(removed.removed, [`${ROOT}/sources/a.txt`]);
    assert.deepEqual(corpus.keys(), ['bee', 'c', 'd']);
  });

  it('re-reads a file whose in-memory version was replaced (an editor buffer), even with an unchanged stamp', async () => {
    const fs = workspace();
    const corpus = new Corpus();
    await indexSources(fs, corpus, options);
    const buffer = corpus.byUri(`${ROOT}/sources/c.txt`);
    assert.ok(buffer);
    corpus.upsert({ ...buffer, text: 'Unsaved edit.\n', hash: 'unsaved' });
    const report = await indexSources(fs, corpus, options);
    assert.deepEqual(report.extracted, [`${ROOT}/sources/c.txt`]);
    assert.equal(corpus.get('c')?.text, 'Gamma body.\n');
  });

  it('goes on when a file vanishes mid-pass, and when one cannot be read', async () => {
    const fs = workspace();
    class FlakyFs extends InMemoryFileSystem {
      override async read(uri: string): Promise<Uint8Array> {
        if (uri.endsWith('/a.txt')) this.delete(`${ROOT}/sources/c.txt`); // c is listed but gone when read
        if (uri.endsWith('/b.md')) throw new Error('EACCES: permission denied');
        return super.read(uri);
      }
    }
    const flaky = new FlakyFs(Object.fromEntries(fs.files));
    const corpus = new Corpus();
    const report = await indexSources(flaky, corpus, options);
    assert.deepEqual(corpus.keys(), ['a']);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0].message, /disappeared/);
    assert.equal(report.problems[0].path, 'sources/c.txt');
    const unreadable = corpus.problems();
    assert.equal(unreadable.length, 1);
    assert.equal(unreadable[0].path, 'sources/news/b.md');
    assert.match(unreadable[0].message, /Could not read the file: EACCES/);
  });

  it('skips files over the size limit without reading them, and binary files with a reason', async () => {
    const fs = workspace();
    fs.write(`${ROOT}/sources/huge.txt`, 'x'.repeat(5000));
    fs.write(`${ROOT}/sources/pic.txt`, Uint8Array.from([0xff, 0xd8, 0x00, 0x10]));
    const corpus = new Corpus();
    const report = await indexSources(fs, corpus, { ...options, maxFileSizeKB: 4 });
    assert.equal(report.skipped, 2);
    assert.equal(fs.reads.get(`${ROOT}/sources/huge.txt`), undefined);
    const messages = corpus.problems().map((p) => `${p.path}: ${p.message}`);
    assert.deepEqual(messages, [
      'sources/huge.txt: Skipped: file is 5 KB, larger than the 4 KB limit (setting maxFileSizeKB).',
      'sources/pic.txt: Skipped: binary file (NUL byte at offset 2).',
    ]);
  });

  it('stops when cancelled and then removes nothing', async () => {
    const fs = workspace();
    const corpus = new Corpus();
    await indexSources(fs, corpus, options);
    fs.delete(`${ROOT}/sources/a.txt`);
    const token = { isCancellationRequested: false };
    const report = await indexSources(fs, corpus, options, (done) => { if (done === 1) token.isCancellationRequested = true; }, token);
    assert.equal(report.cancelled, true);
    assert.deepEqual(report.removed, []);
    assert.ok(corpus.get('a'), 'a vanished file is only removed by a complete pass');
  });

  it('yields to the event loop every few files', async () => {
    const fs = workspace();
    for (let i = 0; i < 10; i++) fs.write(`${ROOT}/sources/n${i}.txt`, `Note ${i}.\n`);
    let yields = 0;
    await indexSources(fs, new Corpus(), { ...options, yieldEvery: 4, yieldNow: async () => { yields++; } });
    assert.equal(yields, 3); // 13 files
  });

  it('honours custom globs and several workspace folders', async () => {
    const fs = new InMemoryFileSystem({
      'mem:///one/clips/x.md': 'One.\n',
      'mem:///two/clips/y.md': 'Two.\n',
      'mem:///two/clips/deep/z.txt': 'Not matched.\n',
    });
    const corpus = new Corpus();
    await indexSources(fs, corpus, { roots: ['mem:///one', 'mem:///two'], globs: ['clips/*.md'] });
    assert.deepEqual(corpus.keys(), ['x', 'y']);
  });
});

describe('indexSources with an injected extractor', () => {
  /** Extracts in-process but answers after a delay that varies by file, so answers arrive out of order. */
  function delayedExtractor(calls: string[]): SourceExtractor {
    return (input) => {
      calls.push(input.path);
      const result = extractSource(input);
      return new Promise((resolve) => setTimeout(() => resolve(result), (input.path.length * 7) % 5));
    };
  }

  it('applies answers in file order and gives the same corpus as in-process extraction', async () => {
    const fs = workspace();
    for (let i = 0; i < 12; i++) fs.write(`${ROOT}/sources/n${i}.txt`, `Minister Anna Berg${i} said: "Note ${i}." It cost ${i} euros.\n`);
    const serial = new Corpus();
    await indexSources(fs, serial, options);
    const calls: string[] = [];
    const parallel = new Corpus();
    const progress: number[] = [];
    const report = await indexSources(fs, parallel, { ...options, extract: delayedExtractor(calls), parallelFrom: 1, inFlight: 4 }, (done) => progress.push(done));
    assert.equal(calls.length, 15);
    assert.deepEqual(progress, Array.from({ length: 15 }, (_, i) => i + 1));
    assert.deepEqual(report.extracted, [...report.extracted].sort());
    assert.deepEqual(parallel.sources(), serial.sources());
  });

  it('extracts in-process when fewer files than parallelFrom need reading', async () => {
    const fs = workspace();
    const calls: string[] = [];
    const corpus = new Corpus();
    await indexSources(fs, corpus, { ...options, extract: delayedExtractor(calls), parallelFrom: 4 });
    assert.deepEqual(calls, []);
    assert.deepEqual(corpus.keys(), ['a', 'bee', 'c']);
    fs.write(`${ROOT}/sources/c.txt`, 'Gamma body, edited.\n');
    await indexSources(fs, corpus, { ...options, extract: delayedExtractor(calls), parallelFrom: 1 });
    assert.deepEqual(calls, ['c.txt'], 'files unchanged by size and time are neither counted nor read');
  });

  it('records a file as skipped when the extractor fails on it', async () => {
    const fs = workspace();
    const corpus = new Corpus();
    const failing: SourceExtractor = async (input) => {
      if (input.path === 'c.txt') throw new Error('worker gone');
      return extractSource(input);
    };
    const report = await indexSources(fs, corpus, { ...options, extract: failing, parallelFrom: 1 });
    assert.equal(report.skipped, 1);
    assert.deepEqual(corpus.keys(), ['a', 'bee']);
    assert.deepEqual(corpus.problems().map((p) => `${p.path}: ${p.message}`), ['sources/c.txt: Could not extract the file: worker gone']);
  });
});

describe('updateSources', () => {
  it('updates just the given files and drops deleted or non-matching ones', async () => {
    const fs = workspace();
    const corpus = new Corpus();
    await indexSources(fs, corpus, options);
    fs.write(`${ROOT}/sources/c.txt`, 'Gamma changed.\n');
    fs.delete(`${ROOT}/sources/a.txt`);
    const report = await updateSources(fs, corpus, options, [`${ROOT}/sources/c.txt`, `${ROOT}/sources/a.txt`, `${ROOT}/draft.md`, `${ROOT}/sources/news/b.md`]);
    assert.deepEqual(report.extracted, [`${ROOT}/sources/c.txt`]);
    assert.equal(report.unchanged, 1);
    assert.deepEqual(report.removed, [`${ROOT}/sources/a.txt`]);
    assert.deepEqual(corpus.keys(), ['bee', 'c']);
    assert.equal(fs.reads.get(`${ROOT}/sources/news/b.md`), 2);
    assert.equal(fs.reads.get(`${ROOT}/draft.md`), undefined);
  });
});
