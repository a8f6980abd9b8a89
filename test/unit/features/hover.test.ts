import assert from 'node:assert/strict';
import { hover } from '../../../server/src/core/features/hover';
import { corpusFromTexts, type Corpus } from '../../../server/src/core/index/corpus';
import { draftAt, fixtureCorpus, talksCorpus } from './fixture';

/** Hovers at `|` and checks the markdown contains each expected piece, in order (null: no hover). */
function check(marked: string, expected: Array<string | RegExp> | null, corpus: Corpus = fixtureCorpus()): string {
  const { draft, offset } = draftAt(marked);
  const result = hover(corpus, draft, offset, { link: (source, span) => `${source.uri}#${span.start}` });
  if (expected === null) {
    assert.equal(result, null, `expected no hover, got:\n${result?.markdown}`);
    return '';
  }
  assert.ok(result, 'expected a hover');
  let from = 0;
  for (const piece of expected) {
    const rest = result.markdown.slice(from);
    const at = typeof piece === 'string' ? rest.indexOf(piece) : rest.search(piece);
    assert.ok(at >= 0, `expected ${String(piece)} after offset ${from} in:\n${result.markdown}`);
    from += at;
  }
  return result.markdown;
}

describe('hover', () => {
  describe('on a name', () => {
    it('shows the fact card: name, type, role with its key, quotes and sources', () => {
      const md = check('Maria Ion|escu spoke on Tuesday.', ['**Maria Ionescu**', 'person', 'Roles', '[@harbour-ferry]', 'Quotes', 'bring the islands closer', 'Mentioned', 'in 2 sources']);
      assert.match(md, /leader/i);
    });

    it('matches a surname alone, a courtesy title and a possessive', () => {
      check('Later Ionesc|u left.', ['**Maria Ionescu**']);
      check('Then Mr Pry|ce spoke.', ['**Alan Pryce**']);
      check('It was Okaf|or’s plan.', ['**Helen Okafor**']);
    });

    it('ignores diacritics: "Jose Nunez" is José Núñez', () => {
      check('Jose Nu|nez warned about fuel.', ['**José Núñez**', 'Finance director', '[@port-finances]']);
    });

    it('expands an acronym', () => {
      check('The WP|A will run it.', ['**Westhaven Port Authority**', 'WPA = Westhaven Port Authority']);
    });

    it('links each source to the passage', () => {
      const md = check('Ionesc|u', ['**Maria Ionescu**']);
      assert.match(md, /\]\(mem:\/\/\/harbour-ferry\.md#\d+\)/);
    });

    it('matches names with lower-case particles as typed, wherever the cursor is', () => {
      for (const marked of ['Bashar al-Ass|ad spoke.', 'Bash|ar al-Assad spoke.', 'Then Bashar al-As|sad met.', 'It was Bashar al-Assad|’s plan.']) {
        check(marked, ['**Bashar al-Assad**', 'President, Syria', '[@syria]'], talksCorpus());
      }
      check('Perdigao |de Oliveira spoke.', ['**Leonardo Perdigao de Oliveira**'], talksCorpus());
      check('the house |de facto.', null, talksCorpus());
    });

    it('cites every source that states a role, and marks former roles', () => {
      const md = check('Put|in spoke.', ['**Vladimir Putin**', 'Roles'], talksCorpus());
      assert.match(md, /- President, Russia \[\[@syria\]\]\(mem:\/\/\/syria\.txt#\d+\) \[\[@kremlin\]\]\(mem:\/\/\/kremlin\.txt#\d+\)\n/);
      const former = check('Medved|ev spoke.', ['**Dmitry Medvedev**', 'Roles'], talksCorpus());
      assert.match(former, /- Prime Minister \(former\) \[\[@kremlin\]\]/);
    });

    it('gives nothing for a name no source mentions', () => {
      check('Gandalf the Gr|ey arrived.', null);
    });
  });

  describe('on a citation', () => {
    it('shows the source and the passage that supports the sentence', () => {
      check('Westhaven approved a £12m ferry terminal [@harbour-fe|rry].', [
        '**Westhaven council backs new ferry terminal**', 'Coastal Gazette', '2024-03-12', 'Supporting passage', 'para 1', '£12m ferry terminal',
      ]);
    });

    it('uses the paragraph a locator names', () => {
      check('The WPA will run the terminal [@harbour-ferry, para 3|].', ['Supporting passage', 'para 3', 'Westhaven Port Authority']);
    });

    it('says when the cited paragraph does not support the sentence', () => {
      check('The WPA will run the terminal [@harbour-ferry, para 5|].', ['does not appear to support', 'Tom Baker']);
    });

    it('says when no passage supports the sentence', () => {
      check('The moon is made of green cheese [@harbour-|ferry].', ['**Westhaven council backs new ferry terminal**', 'No passage of this source appears to support']);
    });

    it('says when no source has the key', () => {
      check('Something happened [@no-such|-key].', ['No source has the key', 'no-such-key']);
    });
  });

  describe('on a quotation', () => {
    it('says where the words come from and who said them', () => {
      check('She said it would "bring the islands closer to the main|land than they have ever been".', ['Quoted verbatim', '[@harbour-ferry]', 'para 2', 'Maria Ionescu']);
    });

    it('shows the source words when the quotation is altered', () => {
      check('"This is the biggest investment the port has made in a dec|ade," said the chief.', ['Close to', '[@port-finances]', 'not verbatim', 'Helen Okafor', 'in a generation']);
    });

    it('says when no source has the words', () => {
      check('"We will build it by next spring no matter w|hat," a councillor said.', ['not found in any source']);
    });
  });

  it('works on an empty corpus and on plain prose', () => {
    check('Maria Ion|escu spoke.', null, corpusFromTexts({}));
    check('the terminal is | big.', null);
  });
});
