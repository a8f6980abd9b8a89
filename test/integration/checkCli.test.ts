import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CheckJson } from '../../server/src/node/cli/check';

const REPO = resolve(__dirname, '../..');
const CLI = join(REPO, 'dist/cli.js');

const SOURCE = `Council meets in Moscow

Founded in 1948, the council has 140 members, including Belarus, Russia and Ukraine.

CISM secretary general Anna Berg opened the meeting with a minute of silence.
`;

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dossier check (dist/cli.js)', function () {
  this.timeout(180_000);
  let dir: string;

  before(function () {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
    dir = mkdtempSync(join(tmpdir(), 'dossier-check-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'council.txt'), SOURCE);
    writeFileSync(join(dir, 'bad.md'), 'The council has 150 members [@council].\n\nIt met in Moscow [@counsil].\n');
    writeFileSync(join(dir, 'good.md'), '# Title\n\nThe council has 140 members [@council].\n');
    writeFileSync(join(dir, 'notes.txt'), 'not markdown');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and reports nothing for a correct draft', () => {
    const r = run(['good.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 finding/);
  });

  it('prints file:line:col: severity code: message and exits 1 on errors', () => {
    const r = run(['bad.md'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^bad\.md:1:17: error number-mismatch: /m);
    assert.match(r.stdout, /^bad\.md:3:20: error unknown-source: .*@council/m);
    // The source passage line under the finding.
    assert.match(r.stdout, /^ {4}sources\/council\.txt:3:\d+: /m);
  });

  it('prints the documented JSON shape with 0-based ranges', () => {
    const r = run(['--format', 'json', 'bad.md'], dir);
    assert.equal(r.status, 1);
    const doc = JSON.parse(r.stdout) as CheckJson;
    assert.equal(doc.version, 1);
    const number = doc.diagnostics.find((d) => d.code === 'number-mismatch');
    assert.ok(number);
    assert.deepEqual(Object.keys(number), ['file', 'range', 'severity', 'code', 'message', 'related']);
    assert.deepEqual(number.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 19 } });
    assert.equal(number.related[0].file, 'sources/council.txt');
    assert.equal(number.related[0].range.start.line, 2);
  });

  it('prints SARIF 2.1.0 with one rule per code', () => {
    const r = run(['--format', 'sarif', '--sources', 'sources', 'bad.md'], dir);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'dossier');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'quote-misattributed'));
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'number-mismatch');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 17, endLine: 1, endColumn: 20 });
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'number-mismatch');
  });

  it('skips sources larger than --max-file-size, so their citations are unknown', () => {
    const r = run(['--max-file-size', '0.1', 'good.md'], dir);
    assert.match(r.stderr, /council\.txt: .*larger than the 0\.1 KB limit/);
    // The only source was skipped: nothing to check against.
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no source articles/);
    const fits = run(['--max-file-size', '64', 'good.md'], dir);
    assert.equal(fits.status, 0, fits.stderr);
  });

  it('exits 2 with a clear message on bad usage or unreadable input', () => {
    for (const [args, message] of [
      [['missing.md'], /missing\.md: no such file/],
      [['notes.txt'], /not a markdown draft/],
      [['--sources', 'nowhere', 'good.md'], /Sources folder not found: nowhere\.\n$/],
      [['--sources', 'notes.txt', 'good.md'], /--sources notes\.txt is not a folder\.\n$/],
      [['--max-file-size=-5', 'good.md'], /--max-file-size must be a positive number/],
      [['--format', 'xml', 'good.md'], /unknown format/],
      [[], /no draft given/],
    ] as Array<[string[], RegExp]>) {
      const r = run(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    const r = run([join(dir, 'good.md')], tmpdir());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /No sources\/ folder/);
  });
});
