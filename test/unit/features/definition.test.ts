import assert from 'node:assert/strict';
import { definition } from '../../../server/src/core/features/definition';
import { draftAt, fixtureCorpus, talksCorpus } from './fixture';

/**
 * Goes to definition at `|` and checks the single target: the source's URI and
 * a piece of text inside the target span (null: no target).
 */
function check(marked: string, expected: { uri: string; contains: string } | null): void {
  const corpus = fixtureCorpus();
  const { draft, offset } = draftAt(marked);
  const result = definition(corpus, draft, offset);
  if (expected === null) {
    assert.deepEqual(result, []);
    return;
  }
  assert.equal(result.length, 1, `expected one target, got ${JSON.stringify(result)}`);
  assert.equal(result[0].uri, expected.uri);
  const text = corpus.byUri(result[0].uri)!.text.slice(result[0].span.start, result[0].span.end);
  assert.ok(text.includes(expected.contains), `target "${text}" should contain "${expected.contains}"`);
}

describe('definition', () => {
  it('goes from a name to the passage introducing the entity', () => {
    check('Ionesc|u spoke.', { uri: 'mem:///harbour-ferry.md', contains: 'Maria Ionescu' });
    check('Jose Nun|ez spoke.', { uri: 'mem:///business/port-finances-2024.md', contains: 'José Núñez' });
  });

  it('goes from a citation to the supporting paragraph', () => {
    check('Westhaven approved a £12m ferry terminal [@harbour-fe|rry].', { uri: 'mem:///harbour-ferry.md', contains: '£12m ferry terminal after a three-hour debate' });
  });

  it('goes to the paragraph a locator names', () => {
    check('The WPA runs it [@harbour-ferry, para 3|].', { uri: 'mem:///harbour-ferry.md', contains: 'Westhaven Port Authority (WPA) will run' });
  });

  it('goes to the lede (first body paragraph) when no passage supports the sentence', () => {
    check('The moon is made of cheese [@harbour-|ferry].', { uri: 'mem:///harbour-ferry.md', contains: 'Councillors in Westhaven have approved a £12m ferry terminal' });
    const corpus = fixtureCorpus();
    const { draft, offset } = draftAt('The moon is made of cheese [@harbour-|ferry].');
    const [target] = definition(corpus, draft, offset);
    const lede = corpus.get('harbour-ferry')!.paragraphs.find((p) => p.kind === 'body')!;
    assert.deepEqual(target.span, { start: lede.start, end: lede.end });
  });

  it('goes from a name to its fullest mention with the title, title included', () => {
    const corpus = talksCorpus();
    for (const [marked, expected] of [
      ['Put|in spoke.', 'Russian President Vladimir Putin'],
      ['Bashar al-Ass|ad spoke.', 'Syrian President Bashar al-Assad'],
    ]) {
      const { draft, offset } = draftAt(marked);
      const [target] = definition(corpus, draft, offset);
      assert.ok(target, marked);
      assert.equal(corpus.byUri(target.uri)!.text.slice(target.span.start, target.span.end), expected);
    }
    // A name with no title in front keeps the table's introduction.
    const { draft, offset } = draftAt('Leonardo Perdi|gao de Oliveira spoke.');
    const [target] = definition(corpus, draft, offset);
    assert.equal(corpus.byUri(target.uri)!.text.slice(target.span.start, target.span.end), 'Leonardo Perdigao de Oliveira');
  });

  it('goes from a quotation to the exact words in the source', () => {
    check('They would "cut the working day in h|alf" for crews.', { uri: 'mem:///ferry-objections.txt', contains: 'cut the working day in half' });
  });

  it('goes nowhere for an unknown key, an unknown name or plain prose', () => {
    check('Nothing [@no-such|-key].', null);
    check('Gandalf the Gr|ey arrived.', null);
    check('the terminal is | big.', null);
  });
});
