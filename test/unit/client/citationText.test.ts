import assert from 'node:assert/strict';
import { citationText } from '../../../client/src/citationText';

describe('citationText (what "Insert citation" types at the cursor)', () => {
  it('inserts a bracketed citation after a word, with a space', () => {
    assert.deepEqual(citationText('fifa-berg', undefined, 'Berg named four observers', '.'), { text: ' [@fifa-berg]', offset: 0 });
  });

  it('adds the paragraph locator when the passage has one', () => {
    assert.deepEqual(citationText('fifa-berg', 3, 'Berg named four observers ', ''), { text: '[@fifa-berg, para 3]', offset: 0 });
  });

  it('never splits the word under the cursor', () => {
    assert.deepEqual(citationText('k', undefined, 'four obs', 'ervers.'), { text: ' [@k]', offset: 'ervers'.length });
  });

  it('appends an item to a bracketed citation the cursor is inside, even mid-key', () => {
    assert.deepEqual(citationText('lisbon-vote', undefined, 'It passed [@fifa-berg', '].'), { text: '; @lisbon-vote', offset: 0 });
    assert.deepEqual(citationText('lisbon-vote', 2, 'It passed [@fi', 'fa-berg].'), { text: '; @lisbon-vote, para 2', offset: 'fa-berg'.length });
    assert.deepEqual(citationText('lisbon-vote', undefined, 'It passed [see ', '@fifa-berg].'), { text: '; @lisbon-vote', offset: '@fifa-berg'.length });
  });

  it('does not treat a closed citation or a plain bracket as open', () => {
    assert.equal(citationText('k', undefined, 'Done [@a] and ', 'more [x]').text, '[@k]');
    assert.equal(citationText('k', undefined, 'A [link', '](x)').text, ' [@k]');
  });
});
