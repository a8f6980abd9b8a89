import assert from 'node:assert/strict';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import { createQuoteTable } from '../../../server/src/core/index/quoteTable';
import type { QuoteMatch, QuoteTable } from '../../../server/src/core/index/api';

const KREMLIN = [
  'Putin praises military sports council',
  '',
  'Russian President Vladimir Putin has celebrated the country’s “long-standing and strong” ties with the International Military Sports Council.',
  '',
  '“Russia cherishes the long-standing and strong ties that have developed with the council and the successful implementation of joint large-scale projects,” said Putin.',
  '',
  '“We highly appreciate the principled and firm position of the council, which invariably remains committed to its motto ‘Friendship through sports’.',
  '',
  '“We are aimed at further mutually beneficial partnership in business.”',
  '',
  'Athletes from Russia and Belarus have been largely barred from international competition since the invasion.',
].join('\n');

const ASSEMBLY = [
  'Military council meets in Moscow',
  '',
  'Athletes from Russia and Belarus have been largely barred from international competition since the invasion.',
  '',
  '"CISM is not a political organisation, we do not resolve political issues," said Wang.',
].join('\n');

function table(): QuoteTable {
  const t = createQuoteTable();
  t.add(extractFromText(KREMLIN, 'kremlin.txt'));
  t.add(extractFromText(ASSEMBLY, 'assembly.txt'));
  return t;
}

function only(matches: QuoteMatch[]): QuoteMatch {
  assert.equal(matches.length, 1, JSON.stringify(matches.map((m) => [m.key, m.sourceText, m.similarity])));
  return matches[0];
}

describe('quote table: find', () => {
  it('finds a quotation verbatim whatever the case and quote-mark style, with exact offsets and its speaker', () => {
    const m = only(table().find('russia cherishes the "long standing" and strong ties that have developed'));
    assert.equal(m.key, 'kremlin');
    assert.equal(m.exact, true);
    assert.equal(m.similarity, 1);
    assert.equal(m.sourceText, 'Russia cherishes the long-standing and strong ties that have developed');
    assert.equal(KREMLIN.slice(m.start, m.end), m.sourceText);
    assert.equal(m.quote?.kind, 'direct');
    assert.match(m.quote?.speaker?.name ?? '', /Putin$/);
  });

  it('ignores apostrophe and quote styles inside the quotation', () => {
    const m = only(table().find("the country's 'long-standing and strong' ties"));
    assert.equal(m.sourceText, 'the country’s “long-standing and strong” ties');
  });

  it('ignores diacritics and case in words, and splits words at symbols such as £', () => {
    const t = createQuoteTable();
    const text = 'Brazil backs plan\n\nCISM vice-president Leonardo Perdigão de Oliveira said the £5bn ÉLAN plan was “très bien”.';
    t.add(extractFromText(text, 'brazil.txt'));
    const m = only(t.find('leonardo perdigao de oliveira said the 5bn elan plan was tres bien'));
    assert.equal(m.exact, true);
    assert.equal(m.sourceText, 'Leonardo Perdigão de Oliveira said the £5bn ÉLAN plan was “très bien');
    assert.deepEqual(t.find('perdigaode oliveira', { minSimilarity: 1 }), []);
  });

  it('lets an ellipsis stand for omitted words', () => {
    const m = only(table().find('Russia cherishes the long-standing and strong ties ... joint large-scale projects'));
    assert.equal(m.exact, true);
    assert.ok(m.sourceText.startsWith('Russia cherishes') && m.sourceText.endsWith('joint large-scale projects'), m.sourceText);
  });

  it('lets a [bracketed] insertion stand for the words it replaces', () => {
    const m = only(table().find('We highly appreciate the principled and firm position of [the CISM], which invariably remains committed'));
    assert.equal(m.exact, true);
    assert.equal(m.sourceText, 'We highly appreciate the principled and firm position of the council, which invariably remains committed');
  });

  it('matches across a quotation continued over paragraphs', () => {
    const m = only(table().find('motto Friendship through sports. We are aimed at further mutually beneficial partnership'));
    assert.equal(m.exact, true);
    assert.ok(m.sourceText.startsWith('motto ‘Friendship') && m.sourceText.endsWith('beneficial partnership'), m.sourceText);
  });

  it('finds a near match when a word is changed, with a similarity below 1 and the source words', () => {
    const m = only(table().find('Russia cherishes the long-standing and close ties that have developed with the council'));
    assert.equal(m.exact, false);
    assert.ok(m.similarity >= 0.8 && m.similarity < 1, String(m.similarity));
    assert.equal(m.sourceText, 'Russia cherishes the long-standing and strong ties that have developed with the council');
    assert.match(m.quote?.speaker?.name ?? '', /Putin$/);
  });

  it('finds a near match when words are dropped', () => {
    const m = only(table().find('CISM is not a political organisation, we do not resolve issues'));
    assert.equal(m.exact, false);
    assert.ok(m.sourceText.startsWith('CISM is not') && m.sourceText.endsWith('issues'), m.sourceText);
    assert.equal(m.quote?.speaker?.name.endsWith('Wang'), true);
  });

  it('returns nothing for words no source has, or too different', () => {
    assert.deepEqual(table().find('the quick brown fox jumps over the lazy dog'), []);
    assert.deepEqual(table().find('Russia cherishes nothing about bananas in the summer garden at all'), []);
  });

  it('searches only the given keys', () => {
    const sentence = 'Athletes from Russia and Belarus have been largely barred from international competition';
    const both = table().find(sentence);
    assert.deepEqual(both.map((m) => m.key).sort(), ['assembly', 'kremlin']);
    assert.deepEqual(table().find(sentence, { keys: ['assembly'] }).map((m) => m.key), ['assembly']);
    assert.deepEqual(table().find(sentence, { keys: ['unknown'] }), []);
    assert.equal(table().find(sentence, { limit: 1 }).length, 1);
  });

  it('reports no extracted quote for a match in narrative text', () => {
    const m = table().find('have been largely barred from international competition', { keys: ['kremlin'] })[0];
    assert.equal(m.quote, null);
  });

  it('replaces a source added again under the same key', () => {
    const t = table();
    t.add(extractFromText(ASSEMBLY.replace('political issues', 'sporting issues'), 'assembly.txt'));
    assert.deepEqual(t.find('we do not resolve political issues', { minSimilarity: 1 }), []);
    assert.equal(only(t.find('we do not resolve sporting issues')).key, 'assembly');
  });

  it('forgets a removed source', () => {
    const t = table();
    t.remove('assembly');
    assert.deepEqual(t.find('we do not resolve political issues'), []);
    assert.equal(t.find('Russia cherishes the long-standing').length, 1);
  });
});

describe('quote table: bySpeaker', () => {
  it('lists the quotes attributed to a speaker across sources, with their key', () => {
    const t = table();
    const putin = t.bySpeaker('Vladimir Putin');
    assert.ok(putin.length >= 3, JSON.stringify(putin.map((q) => q.text)));
    assert.ok(putin.every((q) => q.key === 'kremlin' && q.speaker?.name.endsWith('Putin')));
    assert.ok(putin.some((q) => q.text.startsWith('We are aimed at further')));
    assert.deepEqual(t.bySpeaker('Nobody Known'), []);
  });
});
