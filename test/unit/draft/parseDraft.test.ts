import assert from 'node:assert/strict';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';

describe('parseDraft', () => {
  it('keeps offsets of the editor text and skips headings and front matter', () => {
    const text = '---\ntitle: "A draft"\n---\n# Heading "not a quote"\n\nThe CISM has **140 members** [@cism].\n';
    const d = parseDraft(text);
    assert.equal(d.sentences.length, 1);
    const s = d.sentences[0];
    assert.equal(text.slice(s.start, s.end), 'The CISM has **140 members** [@cism].');
    assert.equal(d.quotes.length, 0);
    assert.deepEqual(s.numbers.map((n) => [n.value, n.counted]), [[140, 'member']]);
    assert.equal(text.slice(s.numbers[0].start, s.numbers[0].end), '140');
  });

  it('finds names, including particles and without leading sentence words', () => {
    const d = parseDraft('The International Military Sports Council met. Leonardo Perdigao de Oliveira spoke.');
    assert.deepEqual(d.names.map((n) => n.text), ['International Military Sports Council', 'Leonardo Perdigao de Oliveira']);
  });

  it('does not read link targets or image text as prose', () => {
    const d = parseDraft('See [the report](https://example.com/@key "Title") and ![a "quoted" image](x.png).');
    assert.equal(d.citations.length, 0);
    assert.equal(d.quotes.length, 0);
  });

  it('returns the cached parse for the same text', () => {
    const text = 'Same text [@a].';
    assert.equal(parseDraft(text), parseDraft(text));
  });

  it('survives odd input', () => {
    for (const t of ['', '\u0000\u0001', '[[[[@', '"'.repeat(1000), '> '.repeat(500), '@'.repeat(100)]) {
      const d = parseDraft(t);
      assert.equal(d.text, t);
    }
  });
});
