/**
 * Named-entity evaluation on CoNLL-2003 (English dev set, `eng.testa`):
 * exact-span F1 for persons, organisations and places, per type and
 * micro-averaged. MISC is ignored in gold and prediction (our `other` type is
 * not scored). Throughput is measured by the corpus benchmark, not here.
 *
 * Each document's text is rebuilt by joining tokens with spaces, one sentence
 * per line, sentences separated by blank lines (so each is a paragraph); the
 * extractor's spans are mapped back to token indices.
 *
 * Usage: `tsx scripts/eval/ner.ts [--errors] [--train] [path/to/eng.testa]`
 * (default `../shared/corpora/conll2003/eng.testa`; `--train` scores
 * `eng.train` instead, to check that a rule tuned on dev generalises). `--errors` also prints the error
 * buckets (wrong type, wrong boundaries, spurious, missed) with the most
 * frequent examples of each, for error analysis.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractEntities } from '../../server/src/core/extract/entities';
import { splitStructure } from '../../server/src/core/text/structure';
import type { EntityType } from '../../server/src/core/model';

type Scored = 'PER' | 'ORG' | 'LOC';
const TYPES: Scored[] = ['PER', 'ORG', 'LOC'];
const FROM_OURS: Partial<Record<EntityType, Scored>> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface Doc {
  tokens: string[];
  /** IOB1 tags per token ("I-PER", "B-ORG", "O"). */
  tags: string[];
  /** Index of the first token of each sentence. */
  sentenceStarts: number[];
}

function readConll(path: string): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc = { tokens: [], tags: [], sentenceStarts: [] };
  let inSentence = false;
  const flush = () => {
    if (doc.tokens.length > 0) docs.push(doc);
    doc = { tokens: [], tags: [], sentenceStarts: [] };
    inSentence = false;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      continue;
    }
    if (line.trim() === '') {
      inSentence = false;
      continue;
    }
    const parts = line.split(' ');
    if (!inSentence) {
      doc.sentenceStarts.push(doc.tokens.length);
      inSentence = true;
    }
    doc.tokens.push(parts[0]);
    doc.tags.push(parts[parts.length - 1]);
  }
  flush();
  return docs;
}

/** Gold spans "type:first:last" from IOB1 tags (a B- tag or a type change starts a new span). */
function goldSpans(doc: Doc): Set<string> {
  const out = new Set<string>();
  let type: string | null = null;
  let first = 0;
  const close = (end: number) => {
    if (type && (TYPES as string[]).includes(type)) out.add(`${type}:${first}:${end}`);
    type = null;
  };
  const sentenceStart = new Set(doc.sentenceStarts);
  doc.tags.forEach((tag, i) => {
    if (sentenceStart.has(i)) close(i - 1);
    if (tag === 'O') {
      close(i - 1);
      return;
    }
    const [prefix, t] = tag.split('-');
    if (prefix === 'B' || t !== type) {
      close(i - 1);
      type = t;
      first = i;
    }
  });
  close(doc.tags.length - 1);
  return out;
}

/** Rebuilds the text: tokens joined by spaces, sentences separated by blank lines; returns token offsets. */
function rebuild(doc: Doc): { text: string; starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  const sentenceStart = new Set(doc.sentenceStarts);
  doc.tokens.forEach((tok, i) => {
    if (i > 0) text += sentenceStart.has(i) ? '\n\n' : ' ';
    starts.push(text.length);
    text += tok;
    ends.push(text.length);
  });
  return { text, starts, ends };
}

function predictedSpans(text: string, starts: number[], ends: number[]): Set<string> {
  const out = new Set<string>();
  const tokenAtStart = new Map<number, number>();
  const tokenAtEnd = new Map<number, number>();
  starts.forEach((s, i) => tokenAtStart.set(s, i));
  ends.forEach((e, i) => tokenAtEnd.set(e, i));
  for (const e of extractEntities(text, splitStructure(text).paragraphs)) {
    const type = FROM_OURS[e.type];
    if (!type) continue;
    for (const m of e.mentions) {
      const first = tokenAtStart.get(m.start);
      const last = tokenAtEnd.get(m.end);
      // A span that does not fall on token boundaries (possessive cut off a token) is scored as predicted-but-wrong.
      out.add(first !== undefined && last !== undefined ? `${type}:${first}:${last}` : `${type}:x${m.start}:${m.end}`);
    }
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const showErrors = args.includes('--errors');
  const fallback = args.includes('--train') ? '../shared/corpora/conll2003/eng.train' : '../shared/corpora/conll2003/eng.testa';
  const path = resolve(args.find((a) => !a.startsWith('--')) ?? fallback);
  if (!existsSync(path)) {
    console.log(`ner: ${path} not found, skipped`);
    return;
  }
  const docs = readConll(path);
  const errors = new Map<string, Map<string, number>>();
  const counts = new Map<Scored, { tp: number; fp: number; fn: number }>(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    const { text, starts, ends } = rebuild(doc);
    const gold = goldSpans(doc);
    const pred = predictedSpans(text, starts, ends);
    for (const p of pred) {
      const c = counts.get(p.split(':')[0] as Scored);
      if (!c) continue;
      if (gold.has(p)) c.tp++;
      else c.fp++;
    }
    for (const g of gold) if (!pred.has(g)) counts.get(g.split(':')[0] as Scored)!.fn++;
    if (showErrors) classifyErrors(doc, gold, pred, errors);
  }
  const row = (label: string, c: { tp: number; fp: number; fn: number }) => {
    const p = c.tp / Math.max(1, c.tp + c.fp);
    const r = c.tp / Math.max(1, c.tp + c.fn);
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(`${label.padEnd(8)} ${String(c.tp + c.fn).padStart(6)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)} ${f.toFixed(3).padStart(7)}`);
  };
  console.log(`NER on ${path} (${docs.length} documents), exact span match, MISC ignored`);
  console.log(`${'type'.padEnd(8)} ${'gold'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`);
  const micro = { tp: 0, fp: 0, fn: 0 };
  for (const t of TYPES) {
    const c = counts.get(t)!;
    row(t, c);
    micro.tp += c.tp;
    micro.fp += c.fp;
    micro.fn += c.fn;
  }
  row('micro', micro);
  if (showErrors) printErrors(errors);
}

/** Words of a scored span "TYPE:first:last" (or the raw offsets of a span off token boundaries). */
function spanWords(doc: Doc, span: string): string {
  const [, a, b] = span.split(':');
  if (a.startsWith('x')) return `<offsets ${a.slice(1)}-${b}>`;
  return doc.tokens.slice(Number(a), Number(b) + 1).join(' ');
}

/**
 * Sorts every error into a bucket: `type GOLD→PRED` (same span, wrong type),
 * `boundary GOLD` (overlapping span of any type, wrong extent), `spurious PRED`
 * (no gold overlap) and `missed GOLD` (no prediction overlaps it).
 */
function classifyErrors(doc: Doc, gold: Set<string>, pred: Set<string>, errors: Map<string, Map<string, number>>): void {
  const parse = (s: string) => {
    const [t, a, b] = s.split(':');
    return { t, a: a.startsWith('x') ? -1 : Number(a), b: Number(b) };
  };
  const bump = (bucket: string, example: string) => {
    let m = errors.get(bucket);
    if (!m) errors.set(bucket, (m = new Map()));
    m.set(example, (m.get(example) ?? 0) + 1);
  };
  const goldList = [...gold].map((s) => ({ s, ...parse(s) }));
  const predList = [...pred].map((s) => ({ s, ...parse(s) }));
  for (const p of predList) {
    if (gold.has(p.s)) continue;
    const same = goldList.find((g) => g.a === p.a && g.b === p.b);
    if (same) {
      bump(`type ${same.t}→${p.t}`, spanWords(doc, p.s));
      continue;
    }
    const overlap = goldList.find((g) => p.a >= 0 && g.a <= p.b && p.a <= g.b);
    if (overlap) bump(`boundary ${overlap.t} (pred ${p.t})`, `${spanWords(doc, overlap.s)} | ${spanWords(doc, p.s)}`);
    else bump(`spurious ${p.t}`, spanWords(doc, p.s));
  }
  for (const g of goldList) {
    if (pred.has(g.s)) continue;
    if (predList.some((p) => p.a >= 0 && g.a <= p.b && p.a <= g.b)) continue;
    bump(`missed ${g.t}`, spanWords(doc, g.s));
  }
}

function printErrors(errors: Map<string, Map<string, number>>): void {
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  for (const [bucket, m] of [...errors].sort((x, y) => total(y[1]) - total(x[1]))) {
    const top = [...m].sort((x, y) => y[1] - x[1]).slice(0, 25).map(([w, n]) => `${w}${n > 1 ? ` ×${n}` : ''}`);
    console.log(`\n${bucket}: ${total(m)}\n  ${top.join('; ')}`);
  }
}

main();
