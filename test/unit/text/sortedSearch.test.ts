import assert from 'node:assert/strict';
import { firstIndexNotBefore } from '../../../server/src/core/text/sortedSearch';

describe('firstIndexNotBefore', () => {
  const starts = [0, 10, 10, 25, 40];
  const at = (offset: number) => firstIndexNotBefore(starts.length, (i) => starts[i] < offset);

  it('finds the first item not before the offset, by linear scan as the oracle', () => {
    for (let offset = -1; offset <= 45; offset++) {
      const expected = starts.findIndex((s) => !(s < offset));
      assert.equal(at(offset), expected < 0 ? starts.length : expected, `offset ${offset}`);
    }
  });

  it('answers 0 for an empty list', () => {
    assert.equal(firstIndexNotBefore(0, () => true), 0);
  });
});
