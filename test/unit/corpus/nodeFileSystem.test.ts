import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFilePath, folderUri, NodeFileSystem, readCacheFile, writeCacheFile } from '../../../server/src/node/nodeFileSystem';
import { loadCorpus } from '../../../server/src/node/cli/sources';

describe('NodeFileSystem', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-fs-'));
    mkdirSync(join(dir, 'sources', 'news'), { recursive: true });
    mkdirSync(join(dir, 'sources', '.hidden'), { recursive: true });
    mkdirSync(join(dir, 'sources', 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'sources', 'news', 'my article.md'), 'Alpha.\n');
    writeFileSync(join(dir, 'sources', 'b.txt'), 'Beta.\n');
    writeFileSync(join(dir, 'sources', 'c.html'), '<p>no</p>');
    writeFileSync(join(dir, 'sources', '.hidden', 'h.md'), 'Hidden.\n');
    writeFileSync(join(dir, 'sources', 'node_modules', 'n.md'), 'Dependency.\n');
    writeFileSync(join(dir, 'draft.md'), 'Draft.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists matching files with size and mtime, skipping hidden and dependency folders', async () => {
    const fs = new NodeFileSystem();
    const root = folderUri(dir);
    const list = await fs.list(root, ['sources/**/*.{md,txt}']);
    assert.deepEqual(list.map((e) => e.path), ['sources/b.txt', 'sources/news/my article.md']);
    assert.equal(list[1].uri, `${root}/sources/news/my%20article.md`);
    assert.equal(list[0].size, 6);
    assert.ok(typeof list[0].mtime === 'number' && list[0].mtime > 0);
    assert.equal(new TextDecoder().decode(await fs.read(list[1].uri)), 'Alpha.\n');
    await assert.rejects(fs.read(`${root}/sources/gone.md`), { name: 'FileNotFoundError' });
    assert.deepEqual(await fs.list(`${root}/missing`, ['**/*.md']), []);
  });

  it('writes cache files atomically and reads them back; a missing cache reads as null', async () => {
    const path = cacheFilePath(dir);
    assert.equal(path, join(dir, '.dossier-cache', 'index.json'));
    assert.equal(await readCacheFile(path), null);
    await writeCacheFile(path, '{"a":1}');
    await writeCacheFile(path, '{"a":2}');
    assert.equal(await readCacheFile(path), '{"a":2}');
    assert.deepEqual(readdirSync(join(dir, '.dossier-cache')), ['index.json']);
  });

  it('removes temp files of cache writers that were killed mid-write, and keeps those of running ones', async () => {
    const path = cacheFilePath(dir);
    const cacheDir = join(dir, '.dossier-cache');
    // Process ids above the kernel's pid_max (4,194,304 at most) never run; the parent of this process does.
    const orphan = 'index.json.4194305.lq2x9abc.tmp';
    const running = `index.json.${process.ppid}.lq2x9abd.tmp`;
    const unrelated = 'other.json.4194305.lq2x9abe.tmp';
    mkdirSync(cacheDir, { recursive: true });
    for (const name of [orphan, running, unrelated]) writeFileSync(join(cacheDir, name), '{"half":');
    await writeCacheFile(path, '{"a":3}');
    assert.equal(await readCacheFile(path), '{"a":3}');
    assert.deepEqual(readdirSync(cacheDir).sort(), ['index.json', running, unrelated].sort());
  });

  it('loads a corpus through a cache file: reused when valid, rewritten when corrupt', async () => {
    const location = { root: folderUri(dir), globs: ['sources/**/*.{md,txt}'] };
    const cachePath = join(dir, 'cache', 'index.json');
    const warnings: string[] = [];
    const first = await loadCorpus(location, { cachePath, warn: (m) => warnings.push(m) });
    assert.equal(first.report.extracted.length, 2);
    const second = await loadCorpus(location, { cachePath, warn: (m) => warnings.push(m) });
    assert.equal(second.report.extracted.length, 0);
    assert.deepEqual(second.corpus.keys(), ['b', 'news/my article']);
    assert.equal(warnings.length, 0, warnings.join("\n"));
    writeFileSync(cachePath, '{"version":1,"sour');
    const third = await loadCorpus(location, { cachePath, warn: (m) => warnings.push(m) });
    assert.equal(third.report.extracted.length, 2);
    assert.match(warnings[0], /not valid JSON/);
    assert.doesNotThrow(() => JSON.parse(readFileSync(cachePath, 'utf8')));
  });
});
