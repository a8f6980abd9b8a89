import assert from 'node:assert/strict';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import { Corpus, corpusFromTexts } from '../../../server/src/core/index/corpus';

describe('Corpus', () => {
  it('finds sources by key (case-sensitive) and by URI', () => {
    const corpus = corpusFromTexts({ 'a.txt': 'Alpha text.\n', 'dir/B.md': 'Beta text.\n' });
    assert.deepEqual(corpus.keys(), ['a', 'dir/B']);
    assert.equal(corpus.get('dir/B')?.text, 'Beta text.\n');
    assert.equal(corpus.get('dir/b'), undefined);
    assert.equal(corpus.byUri('mem:///a.txt')?.key, 'a');
    assert.deepEqual(corpus.sources().map((s) => s.path), ['a.txt', 'dir/B.md']);
    corpus.sources().pop();
    assert.equal(corpus.sources().length, 2, 'callers get a copy');
    assert.equal(corpus.size, 2);
    corpus.upsert(extractFromText('Another.\n', '0.txt'));
    assert.deepEqual(corpus.sources().map((s) => s.path), ['0.txt', 'a.txt', 'dir/B.md']);
  });

  it('replaces a source with the same URI and bumps the version on each change', () => {
    const corpus = new Corpus();
    const v0 = corpus.version;
    corpus.upsert(extractFromText('First version.\n', 'a.txt'));
    corpus.upsert(extractFromText('---\nid: renamed\n---\nSecond version.\n', 'a.txt'));
    assert.equal(corpus.sources().length, 1);
    assert.deepEqual(corpus.keys(), ['renamed']);
    assert.equal(corpus.get('a'), undefined);
    corpus.removeUri('mem:///a.txt');
    assert.deepEqual(corpus.keys(), []);
    assert.equal(corpus.version, v0 + 3);
    corpus.removeUri('mem:///a.txt');
    assert.equal(corpus.version, v0 + 3);
  });

  it('reports duplicate keys without merging; the first URI wins and the other takes over when it goes', () => {
    const corpus = new Corpus();
    corpus.upsert(extractFromText('---\nid: same\n---\nFrom z.\n', 'z.md'), 'sources/z.md');
    corpus.upsert(extractFromText('---\nid: same\n---\nFrom a.\n', 'a.md'), 'sources/a.md');
    assert.deepEqual(corpus.duplicateKeys(), [{ key: 'same', uris: ['mem:///a.md', 'mem:///z.md'] }]);
    assert.equal(corpus.get('same')?.path, 'a.md');
    assert.equal(corpus.sources().length, 2);
    const dup = corpus.problems().filter((p) => /also used by/.test(p.message));
    assert.equal(dup.length, 1);
    assert.equal(dup[0].path, 'sources/z.md');
    assert.match(dup[0].message, /"same" is also used by sources\/a\.md/);
    corpus.removeUri('mem:///a.md');
    assert.equal(corpus.get('same')?.path, 'z.md');
    assert.deepEqual(corpus.duplicateKeys(), []);
  });

  it('lists skipped files among its problems and forgets them when removed', () => {
    const corpus = corpusFromTexts({ 'ok.txt': 'Fine.\n' });
    corpus.recordSkipped('mem:///bin.txt', { path: 'bin.txt', severity: 'warning', message: 'Skipped: binary file.' });
    assert.deepEqual(corpus.problems().map((p) => [p.path, p.uri, p.message]), [['bin.txt', 'mem:///bin.txt', 'Skipped: binary file.']]);
    assert.ok(corpus.has('mem:///bin.txt'));
    corpus.removeUri('mem:///bin.txt');
    assert.deepEqual(corpus.problems(), []);
  });

  it('a file that becomes binary stops being a source', () => {
    const corpus = corpusFromTexts({ 'a.txt': 'Text.\n' });
    corpus.recordSkipped('mem:///a.txt', { path: 'a.txt', severity: 'warning', message: 'Skipped: binary file.' });
    assert.equal(corpus.get('a'), undefined);
    assert.equal(corpus.problems().length, 1);
  });
});
