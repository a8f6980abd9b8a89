import assert from 'node:assert/strict';
import { wordMemo } from '../../../server/src/core/text/wordMemo';

describe('wordMemo', () => {
  it('works a word out once, and empties itself at its bound instead of growing', () => {
    const calls: string[] = [];
    const upper = wordMemo((w: string) => {
      calls.push(w);
      return w.toUpperCase();
    }, 2);
    assert.deepEqual(['a', 'b', 'a', 'b'].map(upper), ['A', 'B', 'A', 'B']);
    assert.deepEqual(calls, ['a', 'b']);
    // A third word reaches the bound: the memo starts again, so 'a' is worked out anew.
    assert.equal(upper('c'), 'C');
    assert.equal(upper('a'), 'A');
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });
});
