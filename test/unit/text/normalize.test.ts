import assert from 'node:assert/strict';
import { foldText, normalizeForCompare, tokenize } from '../../../server/src/core/text/normalize';

describe('normalize', () => {
  it('folds diacritics, case, curly quotes and dashes without changing length', () => {
    const input = 'Perdigão “Hervé” – Łódź’s';
    const folded = foldText(input);
    assert.equal(folded, 'perdigao "herve" - lodz\'s');
    assert.equal(folded.length, input.length);
  });

  it('tokenizes words with inner punctuation and exact offsets', () => {
    const text = 'The vice-president’s 1.28p U.S. plan';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['The', 'vice-president’s', '1.28p', 'U.S', 'plan']);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('compares quotations regardless of quote style, case and punctuation', () => {
    assert.equal(normalizeForCompare('“Friendship through sports,”'), normalizeForCompare('friendship  through sports'));
  });
});
