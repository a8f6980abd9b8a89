import assert from 'node:assert/strict';
import { completion, COMPLETION_LIMIT } from '../../../server/src/core/features/completion';
import { corpusFromTexts } from '../../../server/src/core/index/corpus';
import { fixtureCorpus } from './fixture';

/** Completes at `|` and checks the labels of the first proposals, in order. */
function check(marked: string, expectedFirst: string[]): ReturnType<typeof completion> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const result = completion(fixtureCorpus(), text, offset);
  assert.deepEqual(result.items.slice(0, expectedFirst.length).map((i) => i.label), expectedFirst);
  if (expectedFirst.length === 0) assert.equal(result.items.length, 0);
  return result;
}

describe('completion', () => {
  it('proposes every source key with its title after "[@"', () => {
    const result = check('As reported [@|', ['ferry-objections', 'harbour-ferry', 'port-finances']);
    assert.equal(result.items[1].detail, 'Westhaven council backs new ferry terminal');
    assert.deepEqual(result.items[0].replace, { start: 14, end: 14 });
  });

  it('ranks a key prefix above a key substring', () => {
    check('As reported [@fer|', ['ferry-objections', 'harbour-ferry']);
  });

  it('matches words of the title and ignores diacritics', () => {
    check('As reported [@borrow|', ['port-finances']);
    check('As reported [@islánders|', ['ferry-objections']);
  });

  it('replaces the whole key when completing inside it, and works after "; @" and in-text "@"', () => {
    const result = check('As reported [@harb|our-fery].', ['harbour-ferry']);
    assert.deepEqual(result.items[0].replace, { start: 14, end: 26 });
    check('As reported [@harbour-ferry; @po|]', ['port-finances']);
    check('@har| says so', ['harbour-ferry']);
  });

  it('does not complete inside an e-mail address', () => {
    check('Write to editor@har|', []);
  });

  it('completes entity names while typing a capitalised word', () => {
    const result = check('Then Ione|', ['Maria Ionescu']);
    assert.equal(result.items[0].kind, 'entity');
    check('Then Helen Ok|', ['Helen Okafor']);
  });

  it('describes an entity by its current title, never by a former one', () => {
    const corpus = corpusFromTexts({
      'club.txt': 'Club names new chair\n\nFormer chairman Peter Lindqvist handed over to the board on Monday. Lindqvist said he was proud.',
    });
    const result = completion(corpus, 'Then Lindq', 10);
    assert.equal(result.items[0]?.label, 'Peter Lindqvist');
    assert.doesNotMatch(result.items[0].detail ?? '', /chairman/);
  });

  it('caps the list and says it is incomplete', () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < COMPLETION_LIMIT + 10; i++) texts[`story-${String(i).padStart(3, '0')}.txt`] = `Headline number ${i}\n\nBody text ${i}.`;
    const result = completion(corpusFromTexts(texts), '[@story', 7);
    assert.equal(result.items.length, COMPLETION_LIMIT);
    assert.equal(result.isIncomplete, true);
    assert.equal(result.items[0].label, 'story-000');
  });
});
