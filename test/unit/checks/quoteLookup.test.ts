import assert from 'node:assert/strict';
import { lookupQuote } from '../../../server/src/core/checks/quoteLookup';
import type { CheckContext } from '../../../server/src/core/checks/context';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';
import { corpusFromTexts, type Corpus } from '../../../server/src/core/index/corpus';
import { COUNCIL, FORUM } from './fixtures';

/** A fresh corpus whose quote table counts the questions it is asked. */
function countingCorpus(): { corpus: Corpus; asked: () => number } {
  const corpus = corpusFromTexts({ 'council.txt': COUNCIL, 'forum.txt': FORUM });
  let asked = 0;
  const find = corpus.quotes.find.bind(corpus.quotes);
  corpus.quotes.find = (...args: Parameters<typeof find>) => {
    asked++;
    return find(...args);
  };
  return { corpus, asked: () => asked };
}

function context(corpus: Corpus, text: string): CheckContext {
  return { draft: parseDraft(text), corpus, keys: new Set(corpus.keys()) };
}

const QUOTE = '"We never resolve political issues, we are guided by our own rules," said Wang [@council].';

describe('quote lookup memory', () => {
  it('asks the sources once for the same words and keys, wherever an edit moved the quote', () => {
    const { corpus, asked } = countingCorpus();
    const first = context(corpus, `Intro.\n\n${QUOTE}\n`);
    const a = lookupQuote(first, first.draft.quotes[0]);
    const questions = asked();
    assert.ok(questions > 0);
    const moved = context(corpus, `A longer introduction than before.\n\n${QUOTE}\n`);
    const b = lookupQuote(moved, moved.draft.quotes[0]);
    assert.equal(asked(), questions, 'no new question for the same quote');
    assert.equal(b.nearInCited?.key, 'council');
    assert.deepEqual(b.nearInCited, a.nearInCited);
    // The draft's words are this draft's: they point where the quote now is.
    const shift = moved.draft.quotes[0].start - first.draft.quotes[0].start;
    assert.ok(shift > 0);
    assert.equal(b.segments[0][0].start, a.segments[0][0].start + shift);
  });

  it('asks again when the cited keys or the corpus change', () => {
    const { corpus, asked } = countingCorpus();
    const ctx = context(corpus, QUOTE);
    lookupQuote(ctx, ctx.draft.quotes[0]);
    const questions = asked();
    const other = context(corpus, QUOTE.replace('@council', '@forum'));
    const look = lookupQuote(other, other.draft.quotes[0]);
    assert.ok(asked() > questions);
    assert.deepEqual(look.cited, ['forum']);
    assert.equal(look.nearInCited, null);
    const afterCited = asked();
    const versionBefore = corpus.version;
    corpus.upsert(corpusFromTexts({ 'extra.txt': 'Extra\n\nNothing quoted here at all.\n' }).sources()[0]);
    assert.notEqual(corpus.version, versionBefore);
    lookupQuote(ctx, ctx.draft.quotes[0]);
    assert.ok(asked() > afterCited);
  });
});
