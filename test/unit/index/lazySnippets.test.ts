import assert from 'node:assert/strict';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import { createSearchIndex } from '../../../server/src/core/index/searchIndex';

const ASSEMBLY = `Military sports council meets in Moscow

The military sports council is holding its general assembly in Moscow despite the war.

Vice-president Leonardo Perdigão de Oliveira stressed that the council is apolitical.`;

function index() {
  const idx = createSearchIndex();
  idx.add(extractFromText(ASSEMBLY, 'assembly.txt'));
  return idx;
}

describe('search hits: snippets made when read', () => {
  it('gives search() hits a snippet with highlights, also in copies and JSON', () => {
    const [hit] = index().search('assembly');
    assert.match(hit.snippet, /general assembly in Moscow/);
    const [h] = hit.highlights;
    assert.equal(hit.snippet.slice(h.start, h.end), 'assembly');
    const copy = { ...hit };
    assert.equal(copy.snippet, hit.snippet);
    assert.deepEqual(JSON.parse(JSON.stringify(hit)).highlights, hit.highlights);
  });

  it('gives similar() hits the same snippet as a search for the words', () => {
    const idx = index();
    const [hit] = idx.similar('Perdigão stressed the council is apolitical');
    assert.equal(hit.paragraph, 2);
    assert.match(hit.snippet, /apolitical/);
    assert.ok(hit.highlights.length >= 3);
  });

  it('keeps a hit\'s snippet after its source is removed from the index', () => {
    const idx = index();
    const [hit] = idx.search('apolitical');
    idx.remove('assembly');
    assert.equal(idx.search('apolitical').length, 0);
    assert.match(hit.snippet, /council is apolitical/);
  });
});
