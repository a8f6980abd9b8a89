import assert from 'node:assert/strict';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';

function keysOf(text: string): string[][] {
  return parseDraft(text).citations.map((c) => c.items.map((i) => i.key));
}

describe('draft citations', () => {
  it('reads bracketed citations with locators, prefixes and several keys', () => {
    const d = parseDraft('Wang spoke [see @cism, para 4; @roc, p. 3] and left [-@sco].\n');
    assert.deepEqual(d.citations.map((c) => c.items.map((i) => i.key)), [['cism', 'roc'], ['sco']]);
    const [cism, roc] = d.citations[0].items;
    assert.equal(cism.prefix, 'see');
    assert.equal(cism.locator, 'para 4');
    assert.equal(cism.paragraph, 4);
    assert.equal(roc.locator, 'p. 3');
    assert.equal(roc.paragraph, undefined);
    assert.equal(d.citations[1].items[0].suppressAuthor, true);
    assert.equal(d.text.slice(cism.keySpan.start, cism.keySpan.end), 'cism');
  });

  it('reads path-like keys and braced keys', () => {
    assert.deepEqual(keysOf('Profits rose [@business/001].'), [['business/001']]);
    assert.deepEqual(keysOf('Profits rose [@{my key}].'), [['my key']]);
  });

  it('reads in-text citations, with an optional locator, but never e-mail addresses', () => {
    const d = parseDraft('@roc [para 2] reports a meeting. Write to editor@example.com or a.b@roc.org for more.');
    assert.equal(d.citations.length, 1);
    assert.equal(d.citations[0].inText, true);
    assert.equal(d.citations[0].items[0].key, 'roc');
    assert.equal(d.citations[0].items[0].paragraph, 2);
  });

  it('does not read malformed brackets as citations', () => {
    assert.deepEqual(keysOf('A claim [@] and [@ key] and [sic] and [mail a@b.org].'), []);
    // An unclosed bracket leaves an in-text citation, as Pandoc reads it.
    const d = parseDraft('A claim [@cism without a close.');
    assert.equal(d.citations.length, 1);
    assert.equal(d.citations[0].inText, true);
  });

  it('ignores citations inside code, HTML comments and front matter', () => {
    const text = '---\nid: "@front"\n---\n\nA `[@code]` span <!-- [@html] --> here.\n\n```\n[@block]\n```\n\n    [@indented]\n';
    assert.deepEqual(keysOf(text), []);
    assert.ok(parseDraft(text).ignored.length >= 4);
  });

  it('reads citations in lists, tables, block quotes and footnotes', () => {
    const text = '- item one [@a].\n- item two [@b].\n\n| x | y |\n|---|---|\n| 140 [@c] | z |\n\n> quoted [@d]\n\nText[^1].\n\n[^1]: Footnote [@e].\n';
    assert.deepEqual(keysOf(text).flat(), ['a', 'b', 'c', 'd', 'e']);
  });
});

describe('citation coverage', () => {
  const covered = (text: string, i = 0) => {
    const d = parseDraft(text);
    const c = d.citations[i];
    return d.text.slice(c.covers.start, c.covers.end);
  };

  it('covers the sentence it closes, before or after the full stop', () => {
    assert.equal(covered('First uncited sentence. Profits rose 76% [@bbc].'), 'Profits rose 76%');
    assert.equal(covered('First uncited sentence. Profits rose 76%. [@bbc]'), 'Profits rose 76%.');
  });

  it('covers only the clause it follows', () => {
    const text = 'Wang spoke first [@cism], while Pankov spoke later [@roc].';
    assert.equal(covered(text, 0), 'Wang spoke first');
    assert.equal(covered(text, 1), 'while Pankov spoke later');
  });

  it('shares coverage between adjacent citations', () => {
    const text = 'The CISM has 140 members [@cism] [@sco].';
    assert.equal(covered(text, 1), 'The CISM has 140 members');
  });

  it('an in-text citation covers its whole sentence', () => {
    assert.equal(covered('As @roc reports, the forum is in July. Next.'), 'As @roc reports, the forum is in July.');
  });

  it('does not vouch for the other sentences of its paragraph', () => {
    const d = parseDraft('The CISM has 140 members. It was founded in 1948 [@cism].');
    assert.equal(d.sentences.length, 2);
    assert.equal(d.sentences[0].citations.length, 0);
    assert.equal(d.sentences[1].citations.length, 1);
  });

  it('keeps a sentence made only of a citation with the sentence before', () => {
    const d = parseDraft('The CISM has 140 members. [@cism]\n');
    assert.equal(d.sentences.length, 1);
    assert.equal(d.sentences[0].citations.length, 1);
  });
});
