/**
 * Benchmark of the claim-citation checks: a generated 5,000-word draft with
 * 200 citations, checked against the whole BBC corpus (plus the seeds) once
 * the index is built. Prints a table of parse and check times (p50/p99).
 *
 *   npx tsx bench/checks.ts [--runs 30]
 *
 * Each run checks a fresh variant of the draft (one word changed), so neither
 * the parse cache nor the per-draft result cache can answer: this measures a
 * full re-check after a keystroke.
 */
import { checkDraft } from '../server/src/core/checks/checkDraft';
import { parseDraft } from '../server/src/core/draft/parseDraft';
import type { Corpus } from '../server/src/core/index/corpus';
import { buildEvalCorpus } from '../scripts/eval/evalCorpus';

/** Builds a draft of about `words` words with `citations` citations from the corpus' own sentences. */
function generateDraft(corpus: Corpus, words: number, citations: number): string {
  const sources = corpus.sources().filter((s) => s.paragraphs.some((p) => p.kind === 'body'));
  const paragraphs: string[] = ['---\ntitle: Benchmark draft\n---\n', '# Benchmark draft\n'];
  let wordCount = 0;
  let cited = 0;
  let i = 0;
  while (wordCount < words) {
    const source = sources[(i * 7919) % sources.length];
    const body = source.paragraphs.filter((p) => p.kind === 'body');
    const paragraph = body[i % body.length];
    const sentences = paragraph.sentences.slice(0, 3).map((s) => source.text.slice(s.start, s.end));
    // Cite every other sentence (before its full stop) until the quota is used; the rest stay uncited.
    for (let k = 0; k < sentences.length && cited < citations; k += 2) {
      const withCitation = sentences[k].replace(/([.!?]["”]?)$/, ` [@${source.key}]$1`);
      sentences[k] = withCitation.includes('[@') ? withCitation : `${sentences[k]} [@${source.key}]`;
      cited++;
    }
    const text = sentences.join(' ');
    wordCount += text.split(/\s+/).length;
    paragraphs.push(text);
    i++;
  }
  return paragraphs.join('\n\n') + '\n';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
  const t0 = performance.now();
  const corpus = buildEvalCorpus('all');
  if (!corpus) {
    console.log('checks bench: ../shared not found, skipped.');
    return;
  }
  const indexMs = performance.now() - t0;
  const base = generateDraft(corpus, 5000, 200);
  const words = base.split(/\s+/).length;
  const citationCount = parseDraft(base).citations.length;
  // Warm-up (JIT, lazy table structures).
  checkDraft(parseDraft(base), corpus);

  const parseTimes: number[] = [];
  const checkTimes: number[] = [];
  let diagnostics = 0;
  for (let r = 0; r < runs; r++) {
    const text = base.replace('Benchmark draft\n\n', `Benchmark draft ${r}\n\n`);
    const a = performance.now();
    const draft = parseDraft(text);
    const b = performance.now();
    diagnostics = checkDraft(draft, corpus).length;
    const c = performance.now();
    parseTimes.push(b - a);
    checkTimes.push(c - b);
  }
  // The same draft again (another feature asking, no edit): both caches answer.
  const again = parseDraft(base);
  checkDraft(again, corpus);
  const cached = performance.now();
  checkDraft(parseDraft(base), corpus);
  const cachedMs = performance.now() - cached;
  parseTimes.sort((x, y) => x - y);
  checkTimes.sort((x, y) => x - y);
  const totals = parseTimes.map((p, i) => p + checkTimes[i]).sort((x, y) => x - y);

  console.log(`Corpus: ${corpus.sources().length} sources indexed in ${(indexMs / 1000).toFixed(1)} s`);
  console.log(`Draft: ${words} words, ${citationCount} citations, ${diagnostics} diagnostics; ${runs} runs\n`);
  console.log('| step | p50 ms | p99 ms | target |');
  console.log('|---|---:|---:|---|');
  console.log(`| parseDraft | ${percentile(parseTimes, 50).toFixed(1)} | ${percentile(parseTimes, 99).toFixed(1)} | |`);
  console.log(`| checkDraft | ${percentile(checkTimes, 50).toFixed(1)} | ${percentile(checkTimes, 99).toFixed(1)} | |`);
  console.log(`| parse + check | ${percentile(totals, 50).toFixed(1)} | ${percentile(totals, 99).toFixed(1)} | < 50 |`);
  console.log(`| unchanged draft (cached) | ${cachedMs.toFixed(2)} | | |`);
}

main();
