import assert from 'node:assert/strict';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import type { PassageHit } from '../../../server/src/core/index/api';
import { WrittenWords, createSearchIndex, deserializeSearchIndex, indexTerm, parseQuery, serializeSearchIndex } from '../../../server/src/core/index/searchIndex';
import type { ExtractedSource } from '../../../server/src/core/model';

const ASSEMBLY = `Military sports council meets in Moscow

The military sports council is holding its general assembly in Moscow despite the war.

More than 170 representatives from 50 countries are taking part, including over 25 nations by video link.

Vice-president Leonardo Perdigão de Oliveira stressed that the council is apolitical.

Delegates praised the council ©Getty Images`;

const ALLIANCE = `Sports alliance planned

An association of sports organisations is being created by the regional bloc, an ambassador said.

The bloc includes nine nations and three observers; a sports council of its own is not planned.`;

const FORUM = `Forum of young athletes

The forum of young athletes will be held in Moscow on June 1, organisers said.

A separate session for national committees is planned at the forum.`;

function sources(): ExtractedSource[] {
  return [extractFromText(ASSEMBLY, 'assembly.txt'), extractFromText(ALLIANCE, 'alliance.txt'), extractFromText(FORUM, 'forum.txt')];
}

function indexOf(all = sources()) {
  const index = createSearchIndex();
  for (const s of all) index.add(s);
  return index;
}

function paragraphText(hit: PassageHit): string {
  const s = sources().find((x) => x.key === hit.key);
  assert.ok(s);
  return s.text.slice(hit.start, hit.end);
}

describe('search index', () => {
  it('ranks the paragraph with more and rarer matches first (BM25)', () => {
    const hits = indexOf().search('sports council Moscow');
    assert.ok(hits.length >= 3);
    // The short headline and the first paragraph hold all three words; the alliance text only two.
    assert.deepEqual(hits.slice(0, 2).map((h) => h.key), ['assembly', 'assembly']);
    assert.match(paragraphText(hits[0]), /^Military sports council meets in Moscow$/);
    assert.match(paragraphText(hits[1]), /council is holding its general assembly in Moscow/);
    assert.equal(hits[2].key, 'alliance');
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score);
  });

  it('returns paragraph spans and indices that point into the source', () => {
    const all = sources();
    const [hit] = indexOf(all).search('ambassador');
    const source = all.find((s) => s.key === hit.key);
    assert.ok(source);
    assert.deepEqual({ start: source.paragraphs[hit.paragraph].start, end: source.paragraphs[hit.paragraph].end }, { start: hit.start, end: hit.end });
  });

  it('matches quoted phrases only where the words are adjacent', () => {
    const index = indexOf();
    const hits = index.search('"sports council"');
    assert.deepEqual(hits.map((h) => h.key).sort(), ['alliance', 'assembly', 'assembly']);
    // "council ... sports" is not the phrase.
    assert.deepEqual(index.search('"council sports"'), []);
  });

  it('expands prefix queries', () => {
    const hits = indexOf().search('organis*');
    assert.deepEqual(hits.map((h) => h.key).sort(), ['alliance', 'forum']);
    const alliance = hits.find((h) => h.key === 'alliance');
    assert.deepEqual(alliance?.highlights.map((h) => alliance.snippet.slice(h.start, h.end)), ['organisations']);
  });

  it('ignores diacritics and case', () => {
    const hits = indexOf().search('perdigao');
    assert.equal(hits.length, 1);
    assert.match(hits[0].snippet, /Perdigão/);
    const [h] = hits[0].highlights;
    assert.equal(hits[0].snippet.slice(h.start, h.end), 'Perdigão');
  });

  it('folds plurals: "nation" finds "nations", "country" finds "countries"', () => {
    const index = indexOf();
    assert.deepEqual(index.search('nation').map((h) => h.key).sort(), ['alliance', 'assembly']);
    assert.deepEqual(index.search('country').map((h) => h.key), ['assembly']);
    assert.equal(indexTerm('Countries'), indexTerm('country'));
    assert.equal(indexTerm('classes'), 'class');
    assert.equal(indexTerm('status'), 'status');
  });

  it('searches captions too', () => {
    const hits = indexOf().search('delegates praised');
    assert.equal(hits.length, 1);
    assert.match(paragraphText(hits[0]), /©Getty Images$/);
  });

  it('restricts results to the given keys', () => {
    const index = indexOf();
    assert.deepEqual([...new Set(index.search('Moscow').map((h) => h.key))].sort(), ['assembly', 'forum']);
    assert.deepEqual([...new Set(index.search('Moscow', { keys: ['forum'] }).map((h) => h.key))], ['forum']);
  });

  it('honours the limit', () => {
    assert.equal(indexOf().search('council', { limit: 2 }).length, 2);
  });

  it('forgets a removed source and finds its new version after re-adding', () => {
    const index = indexOf();
    index.remove('forum');
    assert.deepEqual(index.search('forum'), []);
    assert.deepEqual([...new Set(index.search('Moscow').map((h) => h.key))], ['assembly']);
    index.add(extractFromText('Forum moved\n\nThe forum of young athletes moves to Kazan this year.', 'forum.txt'));
    assert.deepEqual(index.search('Moscow', { keys: ['forum'] }), []);
    assert.equal(index.search('Kazan')[0]?.key, 'forum');
    // Removing an unknown key is a no-op.
    index.remove('nothing-here');
    assert.equal(index.search('Kazan').length, 1);
  });

  it('stays correct through many removals (compaction) and re-adds', () => {
    const index = createSearchIndex();
    for (let i = 0; i < 40; i++) index.add(extractFromText(`Note ${i}\n\nParagraph about topic${i % 4} and shared words.`, `n${i}.txt`));
    assert.equal(index.search('shared', { limit: 100 }).length, 40);
    for (let i = 0; i < 30; i++) index.remove(`n${i}`);
    assert.equal(index.search('shared', { limit: 100 }).length, 10);
    assert.deepEqual(index.search('topic1', { limit: 100 }).map((h) => h.key).sort(), ['n33', 'n37']);
    index.add(extractFromText('Note again\n\nParagraph about topic1 again.', 'n1.txt'));
    assert.deepEqual(index.search('topic1', { limit: 100 }).map((h) => h.key).sort(), ['n1', 'n33', 'n37']);
  });

  it('keeps the words of every paragraph across the shared word arrays: long paragraphs, many sources, compaction', () => {
    const index = createSearchIndex();
    // 1,500 words in one paragraph outgrow the first word array mid-paragraph; 60 sources of 120 words fill several more.
    const long = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    index.add(extractFromText(`Long one\n\n${long}.`, 'long.txt'));
    for (let i = 0; i < 60; i++) {
      const words = Array.from({ length: 120 }, (_, k) => `s${i}x${k}`).join(' ');
      index.add(extractFromText(`Source ${i}\n\nStart${i} ${words} end${i}.`, `s${i}.txt`));
    }
    const check = () => {
      for (const phrase of ['"w0 w1"', '"w1022 w1023 w1024 w1025"', '"w1498 w1499"']) assert.equal(index.search(phrase)[0]?.key, 'long', phrase);
      assert.deepEqual(index.search('"w1498 w1499"')[0]?.highlights.length, 1);
      for (let i = 40; i < 60; i++) assert.deepEqual(index.search(`"s${i}x119 end${i}"`).map((h) => h.key), [`s${i}`]);
    };
    check();
    // Removing most sources renumbers the documents and copies the live words into one array.
    for (let i = 0; i < 40; i++) index.remove(`s${i}`);
    assert.deepEqual(index.search('start3'), []);
    check();
    index.add(extractFromText('Again\n\nStart3 s3x0 end3.', 's3.txt'));
    assert.deepEqual(index.search('"start3 s3x0 end3"').map((h) => h.key), ['s3']);
    check();
  });

  it('tells apart two words whose hashes are equal ("ihwcaze" and "npdlidf")', () => {
    assert.equal(fnv1a('ihwcaze'), fnv1a('npdlidf'));
    const index = createSearchIndex();
    index.add(extractFromText('First\n\nThe ihwcaze came.\n\nThen the npdlidf left.\n\nBoth ihwcaze and npdlidf stayed.', 'pair.txt'));
    assert.deepEqual(index.search('ihwcaze').map((h) => h.paragraph).sort(), [1, 3]);
    assert.deepEqual(index.search('npdlidf').map((h) => h.paragraph).sort(), [2, 3]);
  });

  it('makes a snippet of about 160 characters around the best match, with highlights relative to it', () => {
    const long = `Long read\n\n${'Filler words that say nothing of note here. '.repeat(10)}The hidden treasure lies buried under the old oak tree. ${'More filler without meaning at all. '.repeat(10)}`;
    const index = createSearchIndex();
    index.add(extractFromText(long, 'long.txt'));
    const [hit] = index.search('treasure oak');
    assert.ok(hit.snippet.length <= 165, `snippet too long: ${hit.snippet.length}`);
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'));
    assert.deepEqual(hit.highlights.map((h) => hit.snippet.slice(h.start, h.end)), ['treasure', 'oak']);
  });

  it('highlights a matched phrase as one range', () => {
    const [hit] = indexOf().search('"general assembly"');
    assert.deepEqual(hit.highlights.map((h) => hit.snippet.slice(h.start, h.end)), ['general assembly']);
  });

  it('finds the paragraph that supports a sentence (similar)', () => {
    const index = indexOf();
    const hits = index.similar('Over 170 representatives from 50 countries took part in the assembly.');
    assert.equal(hits[0].key, 'assembly');
    assert.match(paragraphText(hits[0]), /^More than 170 representatives/);
    const inForum = index.similar('Over 170 representatives from 50 countries took part.', { keys: ['forum'] });
    assert.ok(inForum.every((h) => h.key === 'forum'));
    // Function words alone match nothing.
    assert.deepEqual(index.similar('It was in the and of the.'), []);
  });

  it('parses queries into phrases, prefixes and content words', () => {
    assert.deepEqual(parseQuery('the "Sports Council" organis* in Moscow'), [
      { kind: 'phrase', terms: ['sport', 'council'] },
      { kind: 'prefix', prefix: 'organis' },
      { kind: 'term', term: 'moscow' },
    ]);
    // Only stopwords: keep them rather than searching for nothing.
    assert.deepEqual(parseQuery('the'), [{ kind: 'term', term: 'the' }]);
    assert.deepEqual(parseQuery('   '), []);
  });

  it('survives odd queries', () => {
    const index = indexOf();
    for (const q of ['"', '*', '"unclosed phrase', '***', '""', 'x*', '€$%']) assert.doesNotThrow(() => index.search(q));
    // An unclosed quote runs to the end of the query.
    assert.equal(index.search('"general assembly').length, 1);
  });

  it('serialises and restores the same results', () => {
    const all = sources();
    const index = indexOf(all);
    index.remove('alliance');
    const data = JSON.parse(JSON.stringify(serializeSearchIndex(index)));
    const kept = all.filter((s) => s.key !== 'alliance');
    const restored = deserializeSearchIndex(data, kept);
    assert.ok(restored);
    for (const q of ['council', '"general assembly"', 'organis*', 'perdigao', 'Moscow']) {
      assert.deepEqual(restored.search(q), index.search(q), q);
    }
    // Data that does not fit the sources is refused, not trusted.
    assert.equal(deserializeSearchIndex(data, all.filter((s) => s.key === 'forum')), null);
    assert.equal(deserializeSearchIndex({ version: 0 }, kept), null);
    assert.equal(deserializeSearchIndex(null, kept), null);
  });
});

/** FNV-1a over a word's UTF-16 units, as the indexer hashes the words it reads. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
  return hash;
}

describe('written-word table', () => {
  it('keeps words of equal hash and length apart', () => {
    const words = new WrittenWords();
    const text = 'ihwcaze npdlidf';
    const hash = fnv1a('ihwcaze');
    words.set(text, 0, 7, hash, 10);
    assert.equal(words.get(text, 8, 15, hash), -1);
    words.set(text, 8, 15, hash, 11);
    assert.equal(words.get(text, 0, 7, hash), 10);
    assert.equal(words.get(text, 8, 15, hash), 11);
  });

  it('finds every word after its character pool (65,536 units at first) and its slots have grown', () => {
    const words = new WrittenWords();
    // 9,000 distinct ten-character words: 90,000 characters, and more than half of the 16,384 first slots.
    const text = Array.from({ length: 9000 }, (_, i) => `wd${String(i).padStart(8, '0')}`).join(' ');
    const spans: Array<[number, number]> = [];
    for (let start = 0; start < text.length; start += 11) spans.push([start, start + 10]);
    spans.forEach(([start, end], id) => words.set(text, start, end, fnv1a(text.slice(start, end)), id));
    spans.forEach(([start, end], id) => assert.equal(words.get(text, start, end, fnv1a(text.slice(start, end))), id));
    assert.equal(words.get('wdzzzzzzzz', 0, 10, fnv1a('wdzzzzzzzz')), -1);
  });
});
