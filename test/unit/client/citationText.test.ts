import assert from 'node:assert/strict';
import { citationText } from '../../../client/src/citationText';

describe('citationText (what "Insert citation" types at the cursor)', () => {
  it('inserts a bracketed citation after a word, with a space', () => {
    assert.equal(citationText('fifa-berg', undefined, 'Berg named four observers', '.').text, ' [@fifa-berg]');
  });

  it('adds the paragraph locator when the passage has one', () => {
    assert.equal(citationText('fifa-berg', 3, 'Berg named four observers ', '').text, '[@fifa-berg, para 3]');
  });

  it('adds an item to a bracketed citation the cursor is inside', () => {
    assert.equal(citationText('lisbon-vote', undefined, 'It passed [@fifa-berg', '].').text, '; @lisbon-vote');
    assert.equal(citationText('lisbon-vote', 2, 'It passed [see ', '@fifa-berg].').text, '@lisbon-vote, para 2; ');
  });

  it('does not treat a closed citation or a plain bracket as open', () => {
    assert.equal(citationText('k', undefined, 'Done [@a] and ', 'more [x]').text, '[@k]');
    assert.equal(citationText('k', undefined, 'A [link', '](x)').text, ' [@k]');
  });
});
