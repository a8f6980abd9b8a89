/**
 * Benchmark of the claim-citation checks: a generated draft of about 5,000
 * words of prose with 200 citations (sentences copied from the corpus, 200 of
 * its ~240 sentences cited, spread evenly), checked against the whole BBC
 * corpus (plus the seeds) once the index is built. Prints what the measured
 * drafts hold (words, citations, sentences, diagnostics, as parsed), then a
 * table of wall and CPU times (p50/p99):
 *
 * - cold check: parse + check of a draft never seen before (every run uses
 *   another draft, so no cache of earlier runs can answer);
 * - re-check after an edit: one word typed into one paragraph of a draft
 *   already checked (what the language server does on a keystroke);
 * - parse alone, cold and after an edit.
 *
 * CPU time (process.cpuUsage) is printed beside wall time because the machine
 * is shared: wall time includes waiting for a core, CPU time does not (it does
 * include the collector's and compiler's helper threads, so it may exceed
 * wall time). Under tsx each module is compiled on its own to CommonJS with
 * keepNames, which costs a little more than the server's esbuild bundle.
 *
 *   npx tsx bench/checks.ts [--runs 20]
 */
import { checkDraft } from '../server/src/core/checks/checkDraft';
import { parseDraft } from '../server/src/core/draft/parseDraft';
import type { Draft } from '../server/src/core/draft/model';
import type { Corpus } from '../server/src/core/index/corpus';
import { buildEvalCorpus } from '../scripts/eval/evalCorpus';

/**
 * Builds a draft of about `words` words of prose from the corpus' own
 * sentences (the first three of one body paragraph per draft paragraph), with
 * `citations` of those sentences cited, spread evenly over the draft (a 5,000
 * word draft has about 240 sentences, so most are cited and the rest stay
 * uncited, as in a real news draft). `seed` picks which sources: another seed,
 * another draft.
 */
function generateDraft(corpus: Corpus, words: number, citations: number, seed: number): string {
  const sources = corpus.sources().filter((s) => s.paragraphs.some((p) => p.kind === 'body'));
  const picked: Array<{ key: string; sentences: string[] }> = [];
  let wordCount = 0;
  let sentenceCount = 0;
  for (let i = 0; wordCount < words; i++) {
    const source = sources[(i * 7919 + seed * 104729) % sources.length];
    const body = source.paragraphs.filter((p) => p.kind === 'body');
    const paragraph = body[(i + seed) % body.length];
    const sentences = paragraph.sentences.slice(0, 3).map((s) => source.text.slice(s.start, s.end));
    wordCount += countWords(sentences.join(' '));
    sentenceCount += sentences.length;
    picked.push({ key: source.key, sentences });
  }
  // Sentence n is cited when the running quota floor(n * citations / sentenceCount) steps up at it.
  let n = 0;
  const paragraphs = picked.map(({ key, sentences }) => sentences.map((sentence) => {
    const cite = Math.floor(((n + 1) * citations) / sentenceCount) > Math.floor((n * citations) / sentenceCount);
    n++;
    if (!cite) return sentence;
    // Pandoc style: the citation goes before the sentence's final punctuation.
    const withCitation = sentence.replace(/([.!?]["”]?)$/, ` [@${key}]$1`);
    return withCitation.includes('[@') ? withCitation : `${sentence} [@${key}]`;
  }).join(' '));
  return ['---\ntitle: Benchmark draft\n---\n', '# Benchmark draft\n', ...paragraphs].join('\n\n') + '\n';
}

/** Words of running text: whitespace-separated, front matter, headings and citation markup left out. */
function proseWords(draft: string): number {
  const body = draft.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^#.*$/gm, '').replace(/ ?\[@[^\]]*\]/g, '');
  return countWords(body);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/** The draft with a word typed into its `n`-th paragraph (counted from the end of the front matter). */
function editParagraph(text: string, n: number, word: string): string {
  const starts: number[] = [];
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 2)) starts.push(at + 2);
  const at = starts[2 + (n % Math.max(1, starts.length - 3))];
  const space = text.indexOf(' ', at);
  return `${text.slice(0, space)} ${word}${text.slice(space)}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Wall and CPU milliseconds of `run`. */
function measure(run: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

class Series {
  wall: number[] = [];
  cpu: number[] = [];
  add(m: { wall: number; cpu: number }): void {
    this.wall.push(m.wall);
    this.cpu.push(m.cpu);
  }
  row(label: string, target: string): string {
    const w = [...this.wall].sort((x, y) => x - y);
    const c = [...this.cpu].sort((x, y) => x - y);
    const f = (x: number) => x.toFixed(1);
    return `| ${label} | ${f(percentile(w, 50))} / ${f(percentile(w, 99))} | ${f(percentile(c, 50))} / ${f(percentile(c, 99))} | ${f(c[0])} | ${target} |`;
  }
}

/** What the measured drafts hold, as parsed (to show the workload is the one the target names). */
class DraftSizes {
  private rows: Array<{ words: number; citations: number; cited: number; sentences: number; diagnostics: number }> = [];
  add(text: string, draft: Draft, diagnostics: number): void {
    const cited = draft.sentences.filter((s) => s.citations.length > 0).length;
    this.rows.push({ words: proseWords(text), citations: draft.citations.length, cited, sentences: draft.sentences.length, diagnostics });
  }
  table(): string {
    const range = (f: (r: DraftSizes['rows'][number]) => number) => {
      const v = this.rows.map(f);
      const lo = Math.min(...v);
      const hi = Math.max(...v);
      return lo === hi ? `${lo}` : `${lo}–${hi}`;
    };
    return [
      '| drafts | words of prose | citations | sentences (cited) | diagnostics |',
      '|---:|---:|---:|---:|---:|',
      `| ${this.rows.length} | ${range((r) => r.words)} | ${range((r) => r.citations)} | ${range((r) => r.sentences)} (${range((r) => r.cited)}) | ${range((r) => r.diagnostics)} |`,
    ].join('\n');
  }
}

function main(): void {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
  const t0 = performance.now();
  const corpus = buildEvalCorpus('all');
  if (!corpus) {
    console.log('checks bench: ../shared not found, skipped.');
    return;
  }
  const indexMs = performance.now() - t0;
  // Warm-up on drafts not measured (JIT, lazy table structures, per-source caches).
  for (let w = 0; w < 3; w++) checkDraft(parseDraft(generateDraft(corpus, 5000, 200, 1000 + w)), corpus);

  const base = generateDraft(corpus, 5000, 200, 0);
  const sizes = new DraftSizes();

  const coldParse = new Series();
  const coldCheck = new Series();
  const cold = new Series();
  for (let r = 0; r < runs; r++) {
    const text = generateDraft(corpus, 5000, 200, r + 1);
    let draft = parseDraft('');
    const parse = measure(() => { draft = parseDraft(text); });
    let found = 0;
    const check = measure(() => { found = checkDraft(draft, corpus).length; });
    sizes.add(text, draft, found);
    coldParse.add(parse);
    coldCheck.add(check);
    cold.add({ wall: parse.wall + check.wall, cpu: parse.cpu + check.cpu });
  }

  sizes.add(base, parseDraft(base), checkDraft(parseDraft(base), corpus).length);
  const editParse = new Series();
  const edit = new Series();
  let current = base;
  for (let r = 0; r < runs; r++) {
    const edited = editParagraph(current, r * 37, `word${r}`);
    let draft = parseDraft('');
    const parse = measure(() => { draft = parseDraft(edited); });
    const check = measure(() => { checkDraft(draft, corpus); });
    editParse.add(parse);
    edit.add({ wall: parse.wall + check.wall, cpu: parse.cpu + check.cpu });
    current = edited;
  }
  // The same draft again (another feature asking, no edit): both caches answer.
  const cached = measure(() => { checkDraft(parseDraft(current), corpus); });

  console.log(`Corpus: ${corpus.sources().length} sources indexed in ${(indexMs / 1000).toFixed(1)} s`);
  console.log(`${runs} runs each; the drafts below are the ${runs} cold ones and the one then edited.\n`);
  console.log(sizes.table());
  console.log('');
  console.log('| step | wall p50 / p99 ms | CPU p50 / p99 ms | CPU best ms | target |');
  console.log('|---|---:|---:|---:|---|');
  console.log(coldParse.row('parse, cold', ''));
  console.log(coldCheck.row('check, cold (after parse)', ''));
  console.log(cold.row('parse + check, cold', '< 50'));
  console.log(editParse.row('parse after editing one paragraph', ''));
  console.log(edit.row('parse + check after editing one paragraph', '< 50'));
  console.log(`| unchanged draft (cached) | ${cached.wall.toFixed(2)} | ${cached.cpu.toFixed(2)} | | |`);
}

main();
