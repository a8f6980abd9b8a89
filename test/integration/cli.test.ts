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
          // The documented fields in order, then the optional ones only when known.
          assert.deepEqual(Object.keys(e).slice(0, 5), ['name', 'type', 'aliases', 'roles', 'mentions']);
          assert.deepEqual(Object.keys(e).slice(5), ['acronym', 'affiliation'].filter((k) => k in e));
          for (const r of e.roles) assert.deepEqual(Object.keys(r), ['text', 'start', 'end', ...('org' in r ? ['org'] : [])]);
          for (const m of e.mentions) assert.deepEqual(Object.keys(m), ['start', 'end']);
        }
        for (const q of s.quotes) {
          assert.deepEqual(Object.keys(q), ['text', 'start', 'end', 'speaker']);
          if (q.speaker) assert.deepEqual(Object.keys(q.speaker), ['name', 'start', 'end']);
        }
        for (const n of s.numbers) assert.deepEqual(Object.keys(n), ['text', 'value', 'start', 'end']);
      }
    });

    it('adds role organisations, acronyms and affiliations when the source states them', () => {
      const entities = doc.sources.flatMap((s) => s.entities);
      const cism = entities.find((e) => e.name === 'International Military Sports Council');
      assert.equal(cism?.acronym, 'CISM');
      const orgs = entities.flatMap((e) => e.roles.map((r) => r.org)).filter((o) => o !== undefined);
      assert.ok(orgs.includes('Russia'), JSON.stringify(orgs));
      assert.ok(entities.some((e) => e.affiliation === 'Russia'));
      // Unknown values are left out rather than written as null or "".
      for (const e of entities) {
        if ('acronym' in e) assert.ok(e.acronym);
        if ('affiliation' in e) assert.ok(e.affiliation);
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
    it('prints usage on stdout and exits 0 for --help, -h and help, also per subcommand', () => {
      for (const [args, usage] of [
        [['--help'], /^Usage: dossier <command>/], [['-h'], /^Usage: dossier <command>/], [['help'], /^Usage: dossier <command>/],
        [['inspect', '--help'], /^Usage: dossier inspect/], [['search', '-h'], /^Usage: dossier search/],
        [['check', '--help'], /^Usage: dossier check/], [['check', '--format', 'sarif', '-h', 'draft.md'], /^Usage: dossier check/],
      ] as Array<[string[], RegExp]>) {
        const r = run(args);
        assert.equal(r.status, 0, args.join(' '));
        assert.equal(r.stderr, '', args.join(' '));
        assert.match(r.stdout, usage, args.join(' '));
        assert.match(r.stdout, /--max-file-size|dossier <command> --help/, args.join(' '));
      }
    });

    it('prints the reason and usage on stderr and exits 2 for bad usage', () => {
      for (const [args, reason] of [
        [[], /^Usage: dossier/],
        [['frobnicate'], /unknown command "frobnicate"/],
        [['inspect', '--bogus'], /Unknown option '--bogus'/],
        [['inspect', '--format', 'xml'], /unknown format "xml" \(use text or json\)/],
        [['search', '--limit', 'x', 'q'], /--limit must be a positive whole number/],
        [['search', '--max-file-size', 'big', 'q'], /--max-file-size must be a positive number of kilobytes, not "big"/],
        [['check', '--max-file-size', '0', 'draft.md'], /--max-file-size must be a positive number/],
        [['inspect', '--max-file-size'], /argument missing/],
      ] as Array<[string[], RegExp]>) {
        const r = run(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.equal(r.stdout, '', args.join(' '));
        assert.match(r.stderr, reason, args.join(' '));
        assert.match(r.stderr, /Usage: dossier/, args.join(' '));
      }
    });

    it('says clearly when the sources folder is missing or is a file', () => {
      const r = run(['inspect', '--sources', 'no/such/dir']);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'dossier inspect: Sources folder not found: no/such/dir.\n');
      const file = run(['search', '--sources', 'package.json', 'anything']);
      assert.equal(file.status, 2);
      assert.equal(file.stderr, 'dossier search: --sources package.json is not a folder.\n');
      const tmp = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
      try {
        const r2 = run(['search', 'anything'], tmp);
        assert.equal(r2.status, 2);
        assert.match(r2.stderr, /No sources\/ folder in .*Pass --sources <dir>/);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('skips sources larger than --max-file-size and reports them', () => {
      const tmp = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
      try {
        mkdirSync(join(tmp, 'sources'));
        writeFileSync(join(tmp, 'sources', 'small.txt'), 'Small headline\n\nThe council has 140 members.\n');
        writeFileSync(join(tmp, 'sources', 'large.txt'), `Large headline\n\n${'The council met again in Moscow. '.repeat(100)}\n`);
        const all = JSON.parse(run(['inspect', '--format', 'json'], tmp).stdout) as InspectJson;
        assert.deepEqual(all.sources.map((s) => s.key), ['large', 'small']);
        const r = run(['inspect', '--format', 'json', '--max-file-size', '2'], tmp);
        assert.equal(r.status, 0, r.stderr);
        const doc = JSON.parse(r.stdout) as InspectJson;
        assert.deepEqual(doc.sources.map((s) => s.key), ['small']);
        assert.deepEqual(doc.problems.map((p) => p.path), ['sources/large.txt']);
        assert.match(doc.problems[0].message, /larger than the 2 KB limit/);
        const search = run(['search', '--max-file-size', '2', '--format', 'json', 'Moscow'], tmp);
        assert.equal(search.status, 0, search.stderr);
        assert.deepEqual(JSON.parse(search.stdout).results, []);
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
  });
});
