/**
 * Quote-attribution evaluation on PolNeAR (brat standoff): how often the
 * speaker of a direct quote is right.
 *
 * Gold: each article's attributions (`E` lines linking a Content, a Cue and a
 * Source). A Content is a *direct quote* when its text holds a double quotation
 * mark; contents without a Source are left out. Several annotators labelled a
 * few articles (files `<article>_<annotator>.ann`): the first file in name order
 * is used, so every article counts once.
 *
 * A gold content is *matched* when one of our direct quotes overlaps it; the
 * speaker of the quote overlapping it most is *right* when its span overlaps
 * the gold Source span or it names the same person (same folded surname).
 * Printed: gold direct quotes, matched (coverage), right among matched
 * (accuracy) and right among matched quotes that have a speaker (precision).
 * `SHOW_ERRORS=1` lists the wrong speakers; `SHOW_ERRORS=context` adds the text around each.
 *
 * Usage: `tsx scripts/eval/quotes.ts [dev|train|path/to/split]` (default dev;
 * tune on dev/train only).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractFromText } from '../../server/src/core/corpus/extractSource';
import type { Quote, Span } from '../../server/src/core/model';
import { foldText } from '../../server/src/core/text/normalize';

interface GoldQuote {
  content: Span[];
  source: Span[];
  sourceText: string;
}

const arg = process.argv[2] ?? 'dev';
const split = arg === 'dev' || arg === 'train' ? resolve(__dirname, '../..', `../shared/corpora/polnear/data/${arg}`) : resolve(arg);

function spansOf(field: string): Span[] {
  return field.split(';').map((part) => {
    const [start, end] = part.trim().split(/\s+/).slice(-2).map(Number);
    return { start, end };
  });
}

/** Gold direct quotes of one annotation file. */
function readGold(annPath: string, text: string): { quotes: GoldQuote[]; misaligned: number } {
  const spans = new Map<string, { type: string; spans: Span[]; text: string }>();
  const links: string[] = [];
  let misaligned = 0;
  for (const line of readFileSync(annPath, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 3) {
      const type = cols[1].split(' ')[0];
      const s = spansOf(cols[1].slice(type.length));
      spans.set(cols[0], { type, spans: s, text: cols[2] });
      if (text.slice(s[0].start, s[0].end) !== cols[2].slice(0, s[0].end - s[0].start)) misaligned++;
    } else if (line.startsWith('E') && cols.length >= 2) {
      links.push(cols[1]);
    }
  }
  const quotes: GoldQuote[] = [];
  for (const link of links) {
    const roles = new Map(link.split(' ').map((r) => r.split(':') as [string, string]));
    const content = spans.get(roles.get('Content') ?? '');
    const source = spans.get(roles.get('Source') ?? '');
    if (!content || !source) continue;
    const contentText = content.spans.map((s) => text.slice(s.start, s.end)).join(' ');
    if (!/["“”]/.test(contentText)) continue;
    quotes.push({ content: content.spans, source: source.spans, sourceText: source.text });
  }
  return { quotes, misaligned };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function surname(name: string): string {
  const words = foldText(name).replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words[words.length - 1] ?? '';
}

function speakerIsRight(q: Quote, gold: GoldQuote): boolean {
  if (!q.speaker) return false;
  if (gold.source.some((s) => overlap(s, q.speaker as Span) > 0)) return true;
  const said = surname(q.speaker.name);
  const goldWords = foldText(gold.sourceText).replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u);
  return said.length > 1 && goldWords.includes(said);
}

/** The text around the gold spans, for reading errors (`SHOW_ERRORS=context`). */
function contextOf(text: string, spans: Span[]): string {
  const start = Math.max(0, Math.min(...spans.map((s) => s.start)) - 80);
  const end = Math.min(text.length, Math.max(...spans.map((s) => s.end)) + 80);
  return text.slice(start, end).replace(/\s+/g, ' ');
}

function main(): void {
  const textDir = join(split, 'text');
  const annDir = join(split, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    console.log(`quotes eval: skipped, ${split} not found`);
    return;
  }
  const annotations = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  let gold = 0;
  let matched = 0;
  let right = 0;
  let withSpeaker = 0;
  let rightWithSpeaker = 0;
  let misaligned = 0;
  let articles = 0;
  const errors: string[] = [];
  for (const textFile of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const stem = textFile.slice(0, -4);
    const ann = annotations.find((a) => a.startsWith(`${stem}_`) && /^_[0-9a-f]+\.ann$/.test(a.slice(stem.length)));
    if (!ann) continue;
    articles++;
    const text = readFileSync(join(textDir, textFile), 'utf8');
    const source = extractFromText(text, textFile);
    const g = readGold(join(annDir, ann), source.text);
    misaligned += g.misaligned;
    const direct = source.quotes.filter((q) => q.kind === 'direct');
    for (const gq of g.quotes) {
      gold++;
      let best: Quote | null = null;
      let bestOverlap = 0;
      for (const q of direct) {
        const o = gq.content.reduce((sum, s) => sum + overlap(s, q), 0);
        if (o > bestOverlap) { best = q; bestOverlap = o; }
      }
      if (!best) continue;
      matched++;
      const ok = speakerIsRight(best, gq);
      if (ok) right++;
      if (best.speaker) {
        withSpeaker++;
        if (ok) rightWithSpeaker++;
      }
      if (!ok && process.env.SHOW_ERRORS) {
        errors.push(`${stem}: "${best.text.slice(0, 60)}" → ${best.speaker ? `${best.speaker.name} <${source.text.slice(best.speaker.start, best.speaker.end)}>` : 'none'}; gold ${gq.sourceText}`);
        if (process.env.SHOW_ERRORS === 'context') errors.push(`    ${contextOf(source.text, [...gq.content, ...gq.source])}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));
  if (errors.length > 0) console.log(errors.join('\n'));
  console.log(`Quote attribution on PolNeAR ${arg} (${articles} articles, one annotator each${misaligned ? `, ${misaligned} misaligned gold spans` : ''})`);
  console.log('| gold direct quotes | matched | coverage | speaker accuracy | precision (with a speaker) |');
  console.log('|---:|---:|---:|---:|---:|');
  console.log(`| ${gold} | ${matched} | ${pct(matched, gold)} | ${pct(right, matched)} | ${pct(rightWithSpeaker, withSpeaker)} (${withSpeaker}) |`);
}

main();
