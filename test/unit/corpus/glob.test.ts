import assert from 'node:assert/strict';
import { globStaticPrefix, matchGlob } from '../../../server/src/core/glob';
import { InMemoryFileSystem, relativePath, sourcePath } from '../../../server/src/core/workspace';

describe('glob matching', () => {
  it('matches the default source glob at any depth below sources/', () => {
    const g = 'sources/**/*.{md,txt}';
    assert.ok(matchGlob(g, 'sources/a.md'));
    assert.ok(matchGlob(g, 'sources/business/001.txt'));
    assert.ok(matchGlob(g, 'sources/a/b/c/d.txt'));
    assert.ok(!matchGlob(g, 'sources/a.html'));
    assert.ok(!matchGlob(g, 'draft.md'));
    assert.ok(!matchGlob(g, 'other/sources/a.md'));
    assert.ok(!matchGlob(g, 'sources/a.mdx'));
  });

  it('keeps * and ? inside one segment', () => {
    assert.ok(matchGlob('*.txt', 'a.txt'));
    assert.ok(!matchGlob('*.txt', 'dir/a.txt'));
    assert.ok(matchGlob('file?.md', 'file1.md'));
    assert.ok(!matchGlob('file?.md', 'file12.md'));
    assert.ok(!matchGlob('a?b', 'a/b'));
  });

  it('supports classes, nested braces and a trailing **', () => {
    assert.ok(matchGlob('[0-9][0-9]*.txt', '01-x.txt'));
    assert.ok(!matchGlob('[!0-9]*.txt', '01-x.txt'));
    assert.ok(matchGlob('src/{a,b{1,2}}/*.md', 'src/b2/x.md'));
    assert.ok(!matchGlob('src/{a,b{1,2}}/*.md', 'src/b3/x.md'));
    assert.ok(matchGlob('notes/**', 'notes/x/y.md'));
    assert.ok(matchGlob('a.b+c(1).md', 'a.b+c(1).md'));
    assert.ok(!matchGlob('a.md', 'axmd'));
  });

  it('finds the static prefix that source paths are relative to', () => {
    assert.equal(globStaticPrefix('sources/**/*.{md,txt}'), 'sources/');
    assert.equal(globStaticPrefix('./research/clips/*.md'), 'research/clips/');
    assert.equal(globStaticPrefix('**/*.txt'), '');
    assert.equal(globStaticPrefix('notes.md'), '');
    assert.equal(sourcePath('sources/**/*.txt', 'sources/business/001.txt'), 'business/001.txt');
  });
});

describe('InMemoryFileSystem', () => {
  it('lists files of one folder matching the globs, sorted, with relative paths', async () => {
    const fs = new InMemoryFileSystem({
      'mem:///ws/sources/b.md': 'B',
      'mem:///ws/sources/a.txt': 'A',
      'mem:///ws/sources/img.png': 'x',
      'mem:///ws/draft.md': 'D',
      'mem:///other/sources/c.md': 'C',
    });
    const list = await fs.list('mem:///ws/', ['sources/**/*.{md,txt}']);
    assert.deepEqual(list.map((e) => e.path), ['sources/a.txt', 'sources/b.md']);
    assert.equal(list[0].size, 1);
    await assert.rejects(fs.read('mem:///ws/nope.md'), { name: 'FileNotFoundError' });
  });

  it('decodes percent-encoded relative paths', () => {
    assert.equal(relativePath('file:///w', 'file:///w/sources/my%20notes.md'), 'sources/my notes.md');
    assert.equal(relativePath('file:///w', 'file:///wx/a.md'), null);
  });
});
