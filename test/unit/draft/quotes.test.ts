import assert from 'node:assert/strict';
import { quoteSegments } from '../../../server/src/core/draft/draftQuotes';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';

describe('draft quotations', () => {
  it('finds straight and curly quotes with their inner words', () => {
    const d = parseDraft('He praised the "long-standing and strong" ties and the “constructive interaction” [@cism].');
    assert.deepEqual(d.quotes.map((q) => q.text), ['long-standing and strong', 'constructive interaction']);
    assert.ok(d.quotes.every((q) => q.kind === 'direct' && q.citation?.items[0].key === 'cism'));
    const q = d.quotes[0];
    assert.equal(d.text.slice(q.inner.start, q.inner.end), 'long-standing and strong');
    assert.equal(d.text.slice(q.start, q.end), '"long-standing and strong"');
  });

  it('keeps single quotes inside double quotes as part of the quotation', () => {
    const d = parseDraft('"It remains committed to its motto \'Friendship through sports\'," said Putin.');
    assert.equal(d.quotes.length, 1);
    assert.equal(d.quotes[0].text, "It remains committed to its motto 'Friendship through sports',");
  });

  it('does not read apostrophes as quotes', () => {
    const d = parseDraft("Russia's ministry and the players' union didn't comment.");
    assert.equal(d.quotes.length, 0);
  });

  it('reads British single curly quotes of three words or more', () => {
    const d = parseDraft('Wang said it was ‘not a political organisation’ at all.');
    assert.deepEqual(d.quotes.map((q) => q.text), ['not a political organisation']);
  });

  it('splits quote words at ellipses and bracketed insertions', () => {
    const d = parseDraft('"[The CISM] is not ... political," said Wang.');
    const q = d.quotes[0];
    const segs = quoteSegments(d.text, q.inner).map((s) => d.text.slice(s.start, s.end));
    assert.deepEqual(segs, ['is not', 'political']);
    const d2 = parseDraft('"We are pleased… and proud," said Wang.');
    assert.deepEqual(quoteSegments(d2.text, d2.quotes[0].inner).map((s) => d2.text.slice(s.start, s.end)), ['We are pleased', 'and proud']);
  });

  it('reads a block quote without quote marks as one quotation, citation excluded', () => {
    const d = parseDraft('Wang said:\n\n> We are guided by our rules\n> and our constitution. [@cism]\n\nAfter.');
    const q = d.quotes.find((x) => x.kind === 'block');
    assert.ok(q);
    assert.equal(q.text, 'We are guided by our rules and our constitution.');
    assert.equal(q.citation?.items[0].key, 'cism');
    assert.equal(q.attribution?.name, 'Wang');
  });

  it('reads a block quote with its own quote marks as prose', () => {
    const d = parseDraft('> "We are guided by our rules," said Wang [@cism].\n');
    assert.equal(d.quotes.length, 1);
    assert.equal(d.quotes[0].kind, 'direct');
    assert.equal(d.quotes[0].attribution?.name, 'Wang');
  });

  it('continues a quote paragraph that opens without closing', () => {
    const d = parseDraft('"This is one of the basic principles.\n\n"Calls for sanctions have been sent," said Wang [@cism].\n');
    assert.equal(d.quotes.length, 2);
    assert.equal(d.quotes[0].text, 'This is one of the basic principles.');
    assert.equal(d.quotes[0].attribution?.name, 'Wang');
    assert.equal(d.quotes[0].citation?.items[0].key, 'cism');
  });

  it('drops an unclosed quote mark that nothing continues', () => {
    const d = parseDraft('He said "this never ends.\n\nNew paragraph.');
    assert.equal(d.quotes.length, 0);
  });

  it('never reads quotes inside code', () => {
    const d = parseDraft('Use `"quoted words here"` and:\n\n```\n"Another quote," said Wang.\n```\n');
    assert.equal(d.quotes.length, 0);
  });

  it('gives a multi-sentence quote the citation that follows it', () => {
    const d = parseDraft('"We are pleased. We are proud," said Wang [@cism].');
    assert.equal(d.quotes.length, 1);
    assert.equal(d.quotes[0].citation?.items[0].key, 'cism');
  });
});
