import assert from 'node:assert/strict';
import { splitStructure } from '../../../server/src/core/text/structure';

/** Paragraph kinds with their text. */
function outline(text: string): Array<[string, string]> {
  return splitStructure(text).paragraphs.map((p) => [p.kind, text.slice(p.start, p.end)]);
}

// Headlines and body lines taken from the shape of BBC articles that were misread before.
describe('news structure: headlines and credits', () => {
  it('does not take the word "copyright" in running text for a photo credit', () => {
    assert.deepEqual(outline('Honda wins China copyright ruling\n\nJapan\'s Honda has won a copyright case in Beijing.\n'), [
      ['title', 'Honda wins China copyright ruling'],
      ['body', 'Japan\'s Honda has won a copyright case in Beijing.'],
    ]);
    const line = 'Music piracy and copyright issues are to be taught to secondary school pupils in the UK.';
    assert.deepEqual(outline(`Pupils to learn about piracy\n\n${line}\n`)[1], ['body', line]);
    assert.equal(outline('Maps\n\nThey looked at satellite images: the damage was clear\n')[1][0], 'body');
  });

  it('still recognises credits written as words', () => {
    for (const caption of ['The minister at the summit Copyright Reuters', 'Fans outside the stadium (c) AFP', 'The new bridge Photo: AP', 'Crowds in the square (Picture: PA)']) {
      assert.deepEqual(outline(`${caption}\n\nBody text.\n`)[0], ['caption', caption], caption);
    }
  });

  it('takes headlines starting with a currency sign, an entity or a lower-case brand', () => {
    for (const headline of ['$1m payoff for former Shell boss', '£1.8m indecency fine for Viacom', '&#163;1.8m indecency fine for Viacom', 'iTunes now selling Band Aid song']) {
      assert.deepEqual(outline(`${headline}\n\nThe body says more.\n`)[0], ['title', headline], headline);
    }
    assert.equal(outline('and then it ended\n\nBody.\n')[0][0], 'body');
  });
});
