import assert from 'node:assert/strict';
import { citationKeyError, keyFromPath, sourceKey } from '../../../server/src/core/corpus/sourceKey';

describe('source keys', () => {
  it('derives the key from the path under the sources root, without extension', () => {
    assert.equal(keyFromPath('business/001.txt'), 'business/001');
    assert.equal(keyFromPath('000_4d86c12eede1f53f.txt'), '000_4d86c12eede1f53f');
    assert.equal(keyFromPath('notes/v1.2/draft.md'), 'notes/v1.2/draft');
    assert.equal(keyFromPath('README'), 'README');
    assert.equal(keyFromPath('dir\\file.md'), 'dir/file');
  });

  it('prefers the front matter id, case preserved', () => {
    assert.deepEqual(sourceKey('CISM-Moscow', 'a/b.md'), { key: 'CISM-Moscow', invalid: null });
    assert.deepEqual(sourceKey(undefined, 'a/b.md'), { key: 'a/b', invalid: null });
  });

  it('accepts Pandoc keys with internal punctuation', () => {
    for (const k of ['business/001', 'smith:2020.a', '_x', '9to5', 'a#b$c%d&e-f+g?h<i>j~k', 'Perdigão']) {
      assert.equal(citationKeyError(k), null, k);
    }
  });

  it('says what is wrong with an invalid key', () => {
    assert.match(citationKeyError('-abc') ?? '', /must start with a letter/);
    assert.match(citationKeyError('my file') ?? '', /white space/);
    assert.match(citationKeyError('abc.') ?? '', /cannot end with "\."/);
    assert.match(citationKeyError('a--b') ?? '', /"-" followed by "-"/);
    assert.match(citationKeyError('a,b') ?? '', /contains ","/);
    assert.match(sourceKey(undefined, 'my notes/x.txt').invalid ?? '', /^Citation key "my notes\/x" contains white space/);
    assert.match(sourceKey('bad id', 'x.md').invalid ?? '', /^Front matter id "bad id"/);
  });
});
