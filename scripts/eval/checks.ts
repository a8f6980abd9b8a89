/**
 * Evaluates the claim-citation checks on the labelled drafts in test/eval/:
 * each line's `<!-- expect: code, code -->` (or `none`; no comment = none) is
 * compared with the codes of the diagnostics starting on that line, and
 * precision and recall are printed per code.
 *
 *   npx tsx scripts/eval/checks.ts [--topics business,sport] [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDraft } from '../../server/src/core/checks/checkDraft';
import { DiagnosticCode } from '../../server/src/core/checks/diagnostics';
import { parseDraft } from '../../server/src/core/draft/parseDraft';
import { buildEvalCorpus } from './evalCorpus';

const EVAL_DIR = resolve(__dirname, '../../test/eval');
const EXPECT_RE = /<!--\s*expect:\s*([^>]*?)\s*-->/;

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const topicsArg = args[args.indexOf('--topics') + 1];
  const topics = args.includes('--topics') && topicsArg ? topicsArg.split(',') : 'all';
  const t0 = performance.now();
  const corpus = buildEvalCorpus(topics);
  if (!corpus) {
    console.log('checks eval: ../shared not found, skipped.');
    return;
  }
  console.log(`Indexed ${corpus.sources().length} sources in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const codes: DiagnosticCode[] = Object.values(DiagnosticCode).filter((c) => c !== DiagnosticCode.SourceProblem);
  const counts = new Map(codes.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  let correctDraftDiagnostics = 0;

  for (const file of readdirSync(EVAL_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const text = readFileSync(join(EVAL_DIR, file), 'utf8');
    const lines = text.split('\n');
    const draft = parseDraft(text);
    const diagnostics = checkDraft(draft, corpus, { onError: (check, e) => console.error(`${file}: ${check} failed: ${e instanceof Error ? e.stack : String(e)}`) });
    const lineStarts: number[] = [];
    let offset = 0;
    for (const line of lines) {
      lineStarts.push(offset);
      offset += line.length + 1;
    }
    const lineOf = (o: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const predicted = new Map<number, Map<string, string>>();
    for (const d of diagnostics) {
      const line = lineOf(d.start);
      if (!predicted.has(line)) predicted.set(line, new Map());
      predicted.get(line)?.set(d.code, d.message);
    }
    if (file === 'correct.md') correctDraftDiagnostics = diagnostics.length;
    lines.forEach((line, i) => {
      const m = EXPECT_RE.exec(line);
      const expected = new Set(m && m[1] !== 'none' ? m[1].split(/[\s,]+/).filter(Boolean) : []);
      const got = predicted.get(i) ?? new Map<string, string>();
      for (const code of new Set([...expected, ...got.keys()])) {
        const c = counts.get(code as DiagnosticCode);
        if (!c) continue;
        if (expected.has(code) && got.has(code)) c.tp++;
        else if (got.has(code)) {
          c.fp++;
          misses.push(`${file}:${i + 1}: unexpected ${code}: ${got.get(code)}`);
        } else {
          c.fn++;
          misses.push(`${file}:${i + 1}: missed ${code}`);
        }
      }
    });
  }

  const pct = (x: number, n: number) => (n === 0 ? '   -' : (x / n).toFixed(2));
  console.log('\n| code | TP | FP | FN | precision | recall |');
  console.log('|---|---:|---:|---:|---:|---:|');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [code, c] of counts) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    console.log(`| ${code} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(c.tp, c.tp + c.fp)} | ${pct(c.tp, c.tp + c.fn)} |`);
  }
  console.log(`| **all** | ${tp} | ${fp} | ${fn} | ${pct(tp, tp + fp)} | ${pct(tp, tp + fn)} |`);
  console.log(`\ncorrect.md (every claim right): ${correctDraftDiagnostics} diagnostic(s)`);
  if (verbose || misses.length <= 40) for (const m of misses) console.log(`  ${m}`);
}

main();
