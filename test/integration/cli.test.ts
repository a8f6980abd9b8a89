import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InspectJson } from '../../server/src/node/cli/inspect';

const REPO = resolve(__dirname, '../..');
const SEEDS = resolve(REPO, '../shared/seeds');
const CLI = join(REPO, 'dist/cli.js');

function run(args: string[], cwd = REPO): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dossier CLI (dist/cli.js)', function () {
  this.timeout(180_000);

  before(function () {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
  });

  describe('inspect on the seeds', () => {
    let doc: InspectJson;
    before(function () {
      if (!existsSync(SEEDS)) this.skip();
      const r = run(['inspect', '--sources', '../shared/seeds', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      doc = JSON.parse(r.stdout);
    });

    it('prints the documented JSON shape', () => {
      assert.deepEqual(Object.keys(doc), ['version', 'sources', 'problems']);
      assert.equal(doc.version, 1);
      assert.deepEqual(doc.sources.map((s) => s.key), ['000_4d86c12eede1f53f', '001_14f296bd1ecfc421', '002_8de11f6548f7c0fb']);
      assert.deepEqual(doc.problems, []);
      for (const s of doc.sources) {
        assert.deepEqual(Object.keys(s), ['key', 'path', 'title', 'entities', 'quotes', 'numbers']);
        assert.equal(s.path, `${s.key}.txt`);
        for (const e of s.entities) {
          assert.deepEqual(Object.keys(e), ['name', 'type', 'aliases', 'roles', 'mentions']);
          for (const r of e.roles) assert.deepEqual(Object.keys(r), ['text', 'start', 'end']);
          for (const m of e.mentions) assert.deepEqual(Object.keys(m), ['start', 'end']);
        }
        for (const q of s.quotes) {
          assert.deepEqual(Object.keys(q), ['text', 'start', 'end', 'speaker']);
          if (q.speaker) assert.deepEqual(Object.keys(q.speaker), ['name', 'start', 'end']);
        }
        for (const n of s.numbers) assert.deepEqual(Object.keys(n), ['text', 'value', 'start', 'end']);
      }
    });

    it('gives offsets that slice the seed files to the stated text', async () => {
      const { readFileSync } = await import('node:fs');
      let checked = 0;
      for (const s of doc.sources) {
        const text = readFileSync(join(SEEDS, s.path), 'utf8').replace(/\r\n?/g, '\n');
        for (const q of s.quotes) {
          assert.equal(text.slice(q.start, q.end), q.text, `${s.key} quote at ${q.start}`);
          checked++;
        }
        for (const n of s.numbers) {
          assert.equal(text.slice(n.start, n.end), n.text, `${s.key} number at ${n.start}`);
          checked++;
        }
        for (const e of s.entities) {
          for (const r of e.roles) {
            assert.equal(text.slice(r.start, r.end), r.text, `${s.key} role of ${e.name}`);
            checked++;
          }
          for (const m of e.mentions) {
            assert.ok(m.end > m.start && m.end <= text.length, `${s.key} mention of ${e.name}`);
            checked++;
          }
        }
      }
      // The numbers of the seeds at least ("more than 170", "140", ...) must have been checked.
      assert.ok(checked >= 5, `${checked} spans checked`);
    });
  });

  describe('usage and errors', () => {
    it('prints usage on stderr and exits 2 for --help, no command and unknown commands or options', () => {
      for (const args of [['--help'], [], ['frobnicate'], ['inspect', '--bogus'], ['inspect', '--help'], ['search', '--limit', 'x', 'q']]) {
        const r = run(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /Usage: dossier|--limit must be/, args.join(' '));
      }
    });

    it('says clearly when the sources folder is missing', () => {
      const r = run(['inspect', '--sources', 'no/such/dir']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /Sources folder not found: no\/such\/dir/);
      const tmp = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
      try {
        const r2 = run(['search', 'anything'], tmp);
        assert.equal(r2.status, 2);
        assert.match(r2.stderr, /No sources\/ folder in .*Pass --sources <dir>/);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('reads sources/ under the working folder by default and reports skipped files', () => {
      const tmp = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
      try {
        mkdirSync(join(tmp, 'sources', 'news'), { recursive: true });
        writeFileSync(join(tmp, 'sources', 'news', 'a.md'), '---\nid: alpha\n---\n# Alpha headline\n\nThe body of alpha.\n');
        writeFileSync(join(tmp, 'sources', 'b.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x01]));
        writeFileSync(join(tmp, 'draft.md'), 'Not a source.\n');
        const r = run(['inspect', '--format', 'json'], tmp);
        assert.equal(r.status, 0, r.stderr);
        const doc = JSON.parse(r.stdout) as InspectJson;
        assert.deepEqual(doc.sources.map((s) => [s.key, s.path, s.title]), [['alpha', 'news/a.md', 'Alpha headline']]);
        assert.deepEqual(doc.problems.map((p) => p.path), ['sources/b.txt']);
        assert.match(doc.problems[0].message, /binary/);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('dispatches check to its own module', () => {
      const r = run(['check', '--help']);
      assert.notEqual(r.stderr, '');
    });
  });
});
