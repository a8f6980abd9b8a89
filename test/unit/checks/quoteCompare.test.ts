import assert from 'node:assert/strict';
import { compareWords, sameWordForms, wordDifferences } from '../../../server/src/core/checks/quoteCompare';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { corpusFromTexts } from '../../../server/src/core/index/corpus';
import { only } from './fixtures';

const SOURCE = 'Putin said: "The council invariably remains committed to its motto \'Friendship through sports\'. We are aimed at partnership."\n';

function spanOf(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
}

describe('quote comparison', () => {
  it('a draft word at the edge of a near match is a changed word when the source continues with another form of it', () => {
    const draft = "motto 'Friendship through sport'";
    const draftWords = compareWords(draft, { start: 0, end: draft.length });
    // The near match stops at its last matching word, before "sports".
    const sourceWords = compareWords(SOURCE, spanOf(SOURCE, "motto 'Friendship through"));
    const [d, ...rest] = wordDifferences(draftWords, sourceWords);
    assert.deepEqual(rest, []);
    assert.equal(SOURCE.slice(d.source[0].start, d.source[0].end), 'sports');
    assert.equal(draft.slice(d.draft[0].start, d.draft[0].end), 'sport');
  });

  it('a word the source does not continue with stays an added word', () => {
    const draft = "motto 'Friendship through football'";
    const sourceWords = compareWords(SOURCE, spanOf(SOURCE, "motto 'Friendship through"));
    const [d] = wordDifferences(compareWords(draft, { start: 0, end: draft.length }), sourceWords);
    assert.deepEqual(d.source, []);
  });

  it('inflected forms of one word are told apart from different words', () => {
    for (const [a, b] of [['sport', 'sports'], ['remain', 'remained'], ['commit', 'committing'], ['country', 'countries']]) assert.ok(sameWordForms(a, b), `${a}/${b}`);
    for (const [a, b] of [['sport', 'support'], ['for', 'four'], ['sport', 'sport'], ['at', 'ate'], ['council', 'counsel']]) assert.ok(!sameWordForms(a, b), `${a}/${b}`);
  });

  it('quote-altered says the word was changed, not added ("sport" for "sports")', () => {
    const corpus = corpusFromTexts({ 'seed.txt': SOURCE });
    const draft = 'Putin said the council "invariably remains committed to its motto \'Friendship through sport\'" [@seed].';
    const [d] = only(draft, DiagnosticCode.QuoteAltered, corpus);
    assert.ok(d, 'altered quote reported');
    assert.doesNotMatch(d.message, /added/);
    assert.match(d.message, /"sports" where the draft has "sport"/);
  });

  it('quote-altered\'s quick fix restores the changed word at the edge of the quotation', () => {
    const corpus = corpusFromTexts({ 'seed.txt': SOURCE });
    const draft = 'Putin said the council "invariably remains committed to its motto \'Friendship through sport\'" [@seed].';
    const [d] = only(draft, DiagnosticCode.QuoteAltered, corpus);
    const [edit] = d.fixes[0].edits;
    const fixed = draft.slice(0, edit.start) + edit.newText + draft.slice(edit.end);
    assert.match(fixed, /'Friendship through sports'/);
    assert.deepEqual(only(fixed, DiagnosticCode.QuoteAltered, corpus), []);
  });
});
