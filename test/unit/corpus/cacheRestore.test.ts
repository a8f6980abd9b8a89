import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCache, restoreCorpus, serializeCorpus } from '../../../server/src/core/index/cache';
import { Corpus, corpusFromTexts } from '../../../server/src/core/index/corpus';
import { indexSources } from '../../../server/src/core/index/indexer';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import { InMemoryFileSystem } from '../../../server/src/core/workspace';

const SEEDS = resolve(__dirname, '../../../../shared/seeds');

interface Header { searchSize: number; sources: Array<{ uri: string; sizes: [number, number] }> }
interface StoredSearch { docStart: number[]; tokensText: string }

/** A cache file taken apart: its header, the search index segment, and per source its text segment and record. */
function split(json: string): { header: Header; search: string; parts: Array<[string, string]> } {
  const newline = json.indexOf('\n');
  const header = JSON.parse(json.slice(1, newline)) as Header;
  let offset = newline + 1;
  const next = (size: number): string => {
    assert.equal(json[offset], ',');
    offset += 1 + size;
    return json.slice(offset - size, offset);
  };
  const search = next(header.searchSize);
  const parts = header.sources.map((s): [string, string] => [next(s.sizes[0]), next(s.sizes[1])]);
  assert.equal(json.slice(offset), ']');
  return { header, search, parts };
}

/** Puts a cache file back together, with the segment lengths updated. */
function assemble({ header, search, parts }: ReturnType<typeof split>): string {
  header.searchSize = search.length;
  header.sources.forEach((s, i) => { s.sizes = [parts[i][0].length, parts[i][1].length]; });
  return `[${JSON.stringify(header)}\n,${search}${parts.map(([core, record]) => `,${core},${record}`).join('')}]`;
}

/** A cache with its stored search index changed by `edit`. */
function editSearch(json: string, edit: (search: StoredSearch) => void): string {
  const file = split(json);
  const search = JSON.parse(file.search) as StoredSearch;
  edit(search);
  return assemble({ ...file, search: JSON.stringify(search) });
}

/** A cache with the segment (0: text and paragraphs, 1: the rest) of the source at `uri` replaced by what `edit` makes of it. */
function editSegment(json: string, uri: string, segment: 0 | 1, edit: (text: string) => string): string {
  const file = split(json);
  const i = file.header.sources.findIndex((s) => s.uri === uri);
  assert.ok(i >= 0);
  file.parts[i][segment] = edit(file.parts[i][segment]);
  return assemble(file);
}

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
    const stored = parsed.search?.();
    assert.ok(stored);
    assert.equal(fresh().adoptSearch(stored), true);
    const missing = fresh();
    missing.removeUri('mem:///council.txt');
    assert.equal(missing.adoptSearch(stored), false, 'a source is missing');
    const used = fresh();
    used.search.search('council');
    assert.equal(used.adoptSearch(stored), false, 'the table was built already');
  });

  it('builds the search index from the sources when the stored one does not fit them', () => {
    const first = corpusFromTexts(TEXTS);
    const second = new Corpus();
    restoreCorpus(second, editSearch(serializeCorpus(first), (h) => { h.docStart[0] += 1; }));
    assert.deepStrictEqual(second.search.search('guided'), first.search.search('guided'));
    const third = new Corpus();
    restoreCorpus(third, editSearch(serializeCorpus(first), (h) => { h.tokensText = 'not term ids'; }));
    assert.deepStrictEqual(third.search.search('observers'), first.search.search('observers'));
  });

  it('does not adopt the stored search index when the corpus changed before the first search', () => {
    const first = corpusFromTexts(TEXTS);
    const second = new Corpus();
    restoreCorpus(second, serializeCorpus(first));
    // Same paragraph spans, other words: the stored index would still "fit".
    second.upsert(extractFromText(TEXTS['council.txt'].replace('observers', 'delegates'), 'council.txt'));
    assert.deepEqual(second.search.search('observers'), []);
    assert.deepEqual(second.search.search('guided').map((h) => h.key), ['council']);
  });

  it('ignores a cache whose header is broken or whose records are cut short', () => {
    const json = serializeCorpus(corpusFromTexts(TEXTS));
    const badHeader = json.replace('"sizes":[', '"sizes":[-');
    assert.match(String((parseCache(badHeader) as { ignored: string }).ignored), /unexpected shape/);
    assert.match(String((parseCache(json.slice(0, -10)) as { ignored: string }).ignored), /truncated/);
    assert.match(String((parseCache(json + 'x') as { ignored: string }).ignored), /truncated/);
    const whole = JSON.parse(json) as [{ version: number; sources: unknown[] }, ...unknown[]];
    assert.equal(whole.length, 2 + 2 * whole[0].sources.length, 'the file is one JSON document: the header, the search index, then two segments per source');
  });

  it('builds sources only when asked for, deep-equal to the originals', () => {
    const first = corpusFromTexts(TEXTS);
    const second = new Corpus();
    restoreCorpus(second, serializeCorpus(first));
    assert.equal(second.sourcesPending, true);
    assert.deepEqual(second.keys(), first.keys());
    assert.deepEqual(second.problems(), first.problems(), 'problems are known without building sources');
    assert.equal(second.sourcesPending, true);
    assert.deepStrictEqual(second.get('council'), first.get('council'));
    assert.equal(second.get('council'), second.byUri('mem:///council.txt'), 'built once, then the same object');
    assert.equal(second.buildSources(1), 1);
    assert.deepStrictEqual(second.sources(), first.sources());
    assert.equal(second.sourcesPending, false);
    assert.deepStrictEqual(second.entities.lookup('Pozdnyakov'), first.entities.lookup('Pozdnyakov'));
  });

  it('reports a broken source record, drops that source and lets the next pass extract it again', async () => {
    const root = 'mem:///ws';
    const fs = new InMemoryFileSystem(Object.fromEntries(Object.entries(TEXTS).map(([path, text]) => [`${root}/sources/${path}`, text])));
    const first = new Corpus();
    await indexSources(fs, first, { roots: [root] });
    const uri = `${root}/sources/council.txt`;
    const broken = [
      editSegment(serializeCorpus(first), uri, 1, (r) => r.slice(0, r.length / 2)),
      editSegment(serializeCorpus(first), uri, 1, (r) => r.replace(/"mentions":\[\d+,\d+/, '"mentions":[1,2,3')),
      editSegment(serializeCorpus(first), uri, 0, (core) => core.replace(/",\[0,(\d+),/, '",[$1,0,')),
      editSegment(serializeCorpus(first), uri, 0, () => '{}'),
    ];
    for (const json of broken) {
      const second = new Corpus();
      assert.deepEqual(restoreCorpus(second, json), { restored: 3 });
      // A table built first meets the broken record: no crash, the other sources are in it.
      assert.deepEqual(second.quotes.find('guided by our own rules'), []);
      assert.equal(second.byUri(uri), undefined);
      assert.equal(second.get('council'), undefined);
      const problem = second.problems().find((p) => p.uri === uri);
      assert.match(String(problem?.message), /cached index of this file could not be read .*extracted again/);
      assert.equal(problem?.path, 'sources/council.txt');
      assert.equal(second.fileStamp(uri), undefined);
      assert.deepStrictEqual(second.get('notes/pozdnyakov'), first.get('notes/pozdnyakov'));

      const report = await indexSources(fs, second, { roots: [root] });
      assert.deepEqual(report.extracted, [uri]);
      assert.deepStrictEqual(second.sources(), first.sources());
      assert.deepEqual(second.problems(), first.problems());
      assert.deepStrictEqual(second.quotes.find('guided by our own rules'), first.quotes.find('guided by our own rules'));
    }
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
