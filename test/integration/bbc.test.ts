import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Corpus } from '../../server/src/core/index/corpus';
import { indexSources, type IndexReport } from '../../server/src/core/index/indexer';
import { folderUri, NodeFileSystem } from '../../server/src/node/nodeFileSystem';

const BBC = resolve(__dirname, '../..', '../shared/corpora/bbc');

describe('BBC corpus (2,225 articles)', function () {
  this.timeout(300_000);
  let corpus: Corpus;
  let report: IndexReport;

  before(async function () {
    if (!existsSync(BBC)) this.skip();
    corpus = new Corpus();
    report = await indexSources(new NodeFileSystem(), corpus, { roots: [folderUri(BBC)], globs: ['*/*.txt'] });
  });

  it('indexes every article without a problem', () => {
    assert.equal(report.total, 2225);
    assert.equal(report.extracted.length, 2225);
    assert.equal(report.skipped, 0);
    assert.deepEqual(corpus.problems(), []);
    assert.deepEqual(corpus.duplicateKeys(), []);
    assert.equal(corpus.keys().length, 2225);
  });

  it('keys articles by topic/number and takes line 1 as the headline', () => {
    const s = corpus.get('business/001');
    assert.ok(s);
    assert.equal(s.title?.text, 'Ad sales boost Time Warner profit');
    const untitled = corpus.sources().filter((x) => x.title === null).map((x) => x.key);
    assert.deepEqual(untitled, []);
    assert.equal(corpus.get('business/419')?.title?.text, '$1m payoff for former Shell boss');
    // "copyright" in a headline or sentence is not a photo credit.
    const captions = corpus.sources().flatMap((x) => x.paragraphs.filter((p) => p.kind === 'caption').map(() => x.key));
    assert.deepEqual(captions, []);
  });

  it('decodes the Latin-1 article with its pound signs', () => {
    const s = corpus.get('sport/199');
    assert.ok(s);
    assert.equal(s.encoding, 'windows-1252');
    assert.match(s.text, /£\d/);
    assert.ok(!s.text.includes('\uFFFD'));
    const others = corpus.sources().filter((x) => x.encoding !== 'utf-8').map((x) => x.key);
    assert.deepEqual(others, ['sport/199']);
  });
});
