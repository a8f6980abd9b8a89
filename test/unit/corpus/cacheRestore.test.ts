import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCache, restoreCorpus, serializeCorpus } from '../../../server/src/core/index/cache';
import { Corpus, corpusFromTexts } from '../../../server/src/core/index/corpus';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';

const SEEDS = resolve(__dirname, '../../../../shared/seeds');

/** Articles with names, roles, acronyms, quotes, numbers, captions, a markdown heading and an empty file. */
const TEXTS: Record<string, string> = {
  'council.txt': 'Military sports meet in Sochi\n\nThe International Military Sports Council (CISM) met on Friday. "We are guided by our own rules," said CISM secretary general Colonel Dirk Schwede.\n\nMore than 170 observers from 45 nations attended, up 12% on last year.\n',
  'notes/pozdnyakov.md': '---\ntitle: Pozdnyakov speaks\n---\n# ROC meeting\n\nROC President Stanislav Pozdnyakov said the committee was independent.\n\nPozdnyakov greets the delegates ©Getty Images\n',
  'empty.txt': '',
};

describe('cache restore', () => {
  it('gives back every source exactly, takes the stored search index and answers as the original', () => {
    const first = corpusFromTexts(TEXTS);
    const json = serializeCorpus(first);
    const second = new Corpus();
    assert.deepEqual(restoreCorpus(second, json), { restored: 3 });
    assert.deepStrictEqual(second.sources(), first.sources());
    for (const q of ['guided', '"sports council"', 'poz*', 'observers nations']) {
      assert.deepStrictEqual(second.search.search(q), first.search.search(q), q);
    }
    assert.deepStrictEqual(second.entities.lookup('Schwede'), first.entities.lookup('Schwede'));
    assert.deepStrictEqual(second.quotes.find('guided by our own rules'), first.quotes.find('guided by our own rules'));
    assert.deepStrictEqual(second.numbers.byCounted('council', 'observer'), first.numbers.byCounted('council', 'observer'));
  });

  it('keeps a text that is not the span it covers (the compact form only drops texts it can rebuild)', () => {
    const corpus = corpusFromTexts({ 'a.txt': TEXTS['council.txt'] });
    const source = corpus.get('a');
    assert.ok(source && source.quotes.length > 0 && source.entities.length > 0);
    const edited = { ...source, quotes: source.quotes.map((q) => ({ ...q, text: q.text.toUpperCase() })), entities: source.entities.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m, text: m.text + '!' })) })) };
    const withEdited = new Corpus();
    withEdited.upsert(edited);
    const restored = new Corpus();
    restoreCorpus(restored, serializeCorpus(withEdited));
    assert.deepStrictEqual(restored.get('a'), edited);
  });

  it('adopts a stored search index only when it fits the indexed sources and the table is still empty', () => {
    const first = corpusFromTexts(TEXTS);
    const parsed = parseCache(serializeCorpus(first));
    assert.ok(!('ignored' in parsed));
    const fresh = () => {
      const c = new Corpus();
      for (const s of parsed.sources) c.upsert(s);
      return c;
    };
    assert.equal(fresh().adoptSearch(parsed.search), true);
    const missing = fresh();
    missing.removeUri('mem:///council.txt');
    assert.equal(missing.adoptSearch(parsed.search), false, 'a source is missing');
    const used = fresh();
    used.search.search('council');
    assert.equal(used.adoptSearch(parsed.search), false, 'the table was built already');
  });

  it('builds the search index from the sources when the stored one does not fit them', () => {
    const first = corpusFromTexts(TEXTS);
    const stored = JSON.parse(serializeCorpus(first)) as { search: { docStart: number[] } };
    stored.search.docStart[0] += 1;
    const second = new Corpus();
    restoreCorpus(second, JSON.stringify(stored));
    assert.deepStrictEqual(second.search.search('guided'), first.search.search('guided'));
    const noSearch = JSON.parse(serializeCorpus(first)) as { search: { tokensText: string } };
    noSearch.search.tokensText = 'not term ids';
    const third = new Corpus();
    restoreCorpus(third, JSON.stringify(noSearch));
    assert.deepStrictEqual(third.search.search('observers'), first.search.search('observers'));
  });

  it('ignores stored sources whose compact parts are broken', () => {
    const stored = JSON.parse(serializeCorpus(corpusFromTexts(TEXTS))) as { sources: Array<{ paragraphs: unknown; entities: Array<{ mentions: unknown }> }> };
    const badParagraphs = structuredClone(stored);
    badParagraphs.sources[0].paragraphs = [0, 5, 1, 9, 0];
    assert.match(String((parseCache(JSON.stringify(badParagraphs)) as { ignored: string }).ignored), /unexpected shape/);
    const badMentions = structuredClone(stored);
    badMentions.sources.find((s) => s.entities.length > 0)!.entities[0].mentions = [1, 2, 3];
    assert.match(String((parseCache(JSON.stringify(badMentions)) as { ignored: string }).ignored), /unexpected shape/);
  });

  it('round-trips the seed articles', function () {
    if (!existsSync(SEEDS)) this.skip();
    const texts = Object.fromEntries(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')]));
    const first = corpusFromTexts(texts);
    const second = new Corpus();
    restoreCorpus(second, serializeCorpus(first));
    assert.deepStrictEqual(second.sources(), first.sources());
    assert.deepStrictEqual(second.search.similar('Olympic committee independence'), first.search.similar('Olympic committee independence'));
  });
});

describe('deferred tables', () => {
  it('queues changes until a table is used, then applies only the net change per source', () => {
    const corpus = new Corpus();
    corpus.upsert(extractFromText('Alpha said the council met.\n', 'a.txt'));
    corpus.upsert(extractFromText('Beta said the council met.\n', 'b.txt'));
    corpus.removeUri('mem:///a.txt');
    corpus.upsert(extractFromText('Gamma talks about the budget.\n', 'b.txt'));
    assert.equal(corpus.tablesPending, true);
    assert.deepEqual(corpus.search.search('council'), []);
    assert.deepEqual(corpus.search.search('budget').map((h) => h.key), ['b']);
    corpus.buildTables();
    assert.equal(corpus.tablesPending, false);
    corpus.upsert(extractFromText('Delta now, no budget.\n', 'b.txt'));
    assert.equal(corpus.tablesPending, true);
    assert.deepEqual(corpus.search.search('gamma'), [], 'the replaced version is gone from a table built before');
    assert.deepEqual(corpus.search.search('delta').map((h) => h.key), ['b']);
  });
});
