/**
 * number-mismatch: a number in a cited sentence differs from the number the
 * cited source gives *for the same thing*.
 *
 * "The same thing" is decided by the counted noun ("150 members" vs "140
 * members") and, for money, percentages and measures, by the words around the
 * figure ("$500m to settle charges" is compared with "$300m to settle
 * charges", not with "$500m" of legal reserves elsewhere). When no source
 * number is clearly about the same thing, nothing is said.
 */
import type { ExtractedSource, NumberFact, Span } from '../model';
import type { Citation, DraftNumber, DraftSentence } from '../draft/model';
import { foldText, forEachToken } from '../text/normalize';
import { wordMemo } from '../text/wordMemo';
import { DiagnosticCode, type DossierDiagnostic, type Fix } from './diagnostics';
import { bySentence, diagnostic, knownKeys, relatedPassage, type CheckContext } from './context';
import { formatLike } from './numberFormat';

/** Words either side of a number that describe it. */
const WINDOW = 7;
/** Least context overlap (see {@link Candidate.score}) to take a number without counted noun for the same thing. */
const MIN_CONTEXT = 4;

const STOPWORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'is', 'was',
  'are', 'were', 'be', 'been', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'these', 'those', 'which', 'who',
  'will', 'would', 'can', 'could', 'said', 'says', 'than', 'more', 'over', 'about', 'up', 'also', 'their', 'there',
  'they', 'he', 'she', 'his', 'her', 'not', 'some', 'one', 'now', 'into', 'after', 'before', 'per', 'cent', 'percent',
  'million', 'billion', 'bn', 'm', 'year', 'years', 'last', 'including', 'its', 'our', 'we', 'all', 'while',
]);

interface Candidate {
  key: string;
  fact: NumberFact;
  /** Context overlap: shared words, 2 when both are in the number's clause. */
  score: number;
  /** True when a shared word is in the number's clause on both sides. */
  inClause: boolean;
  sameCounted: boolean;
}

/**
 * Reports figures in cited sentences that contradict the cited sources.
 * Sentence by sentence, remembered per corpus state: an edit re-reads only
 * the sentences it changed.
 */
export function checkNumbers(ctx: CheckContext): DossierDiagnostic[] {
  return bySentence(ctx, 'numbers', (sentence) => {
    const out: DossierDiagnostic[] = [];
    if (sentence.numbers.length === 0 || sentence.citations.length === 0) return out;
    for (const n of sentence.numbers) {
      if (insideQuote(sentence, n)) continue; // Quoted figures are the quote checks' business.
      const keys = knownKeys(ctx, coveringCitation(sentence, n));
      if (keys.length === 0) continue;
      const found = checkNumber(ctx, sentence, n, keys);
      if (found) out.push(found);
    }
    return out;
  });
}

function checkNumber(ctx: CheckContext, sentence: DraftSentence, n: DraftNumber, keys: string[]): DossierDiagnostic | null {
  // The draft figure's context words are read when a source figure is first compared with it (most have none comparable).
  let draftContext: Map<string, number> | undefined;
  const candidates: Candidate[] = [];
  for (const key of keys) {
    const source = ctx.corpus.get(key);
    if (!source) continue;
    // By counted noun through the table; otherwise every figure of the cited source (tens, not the corpus).
    const counted = n.counted ? ctx.corpus.numbers.byCounted(key, n.counted).map((s) => s.index) : [];
    const indexes = counted.length > 0 ? counted : source.numbers.map((_, i) => i);
    for (const index of indexes) {
      const fact = source.numbers[index];
      if (!fact || !comparable(n, fact)) continue;
      const words = sourceContext(source, index);
      const near = (draftContext ??= contextWords(ctx.draft.text, n, sentence));
      let score = 0;
      let inClause = false;
      // forEach rather than for-of: no [word, weight] pair per entry.
      words.forEach((weight, w) => {
        const other = near.get(w);
        if (other === undefined) return;
        score += Math.min(weight, other);
        if (weight === 2 && other === 2) inClause = true;
      });
      candidates.push({ key, fact, score, inClause, sameCounted: !!n.counted && fact.counted === n.counted });
    }
  }
  if (candidates.length === 0) return null;
  // Any source number possibly about the same thing that agrees settles it.
  if (candidates.some((c) => agrees(n, c.fact) && (c.sameCounted || c.inClause))) return null;
  const ranked = candidates.filter((c) => isAbout(c, candidates)).sort((a, b) => Number(b.sameCounted) - Number(a.sameCounted) || b.score - a.score);
  const best = ranked[0];
  if (!best) return null;
  // Two equally good readings with different figures: unclear which one the sentence means.
  const rival = ranked[1];
  if (rival && rival.sameCounted === best.sameCounted && rival.score === best.score && rival.fact.value !== best.fact.value) return null;
  const source = ctx.corpus.get(best.key);
  if (!source) return null;
  const draftText = ctx.draft.text.slice(n.start, n.end);
  const sourceText = source.text.slice(best.fact.start, best.fact.end);
  const fixes: Fix[] = [];
  const replacement = formatLike(draftText, n, best.fact, sourceText);
  if (replacement) {
    fixes.push({ title: `Use the source's figure (${replacement.newText})`, edits: [{ start: n.start + replacement.start, end: n.start + replacement.end, newText: replacement.newText }], isPreferred: true });
  }
  return diagnostic(DiagnosticCode.NumberMismatch, n,
    `@${best.key} gives ${midSentence(sourceText)}${best.fact.counted ? ` (${best.fact.counted})` : ''}, not ${midSentence(draftText)}.`,
    [relatedPassage(ctx, best.key, best.fact, `@${best.key}: ${sourceText}`)], fixes);
}

/** True when a source figure is about what the draft's figure counts (its counted noun, or enough shared words in its clause). */
function isAbout(c: Candidate, candidates: Candidate[]): boolean {
  return c.sameCounted ? c.score >= 1 || candidates.filter((x) => x.sameCounted).length === 1 : c.inClause && c.score >= MIN_CONTEXT;
}

/**
 * Words a figure can open with that are capitalised only because they start
 * a sentence ("An additional nine countries", "More than 170 nations").
 * Anything else (a month, a name, an acronym) keeps its capital.
 */
const COMMON_LEADS = new Set([
  'a', 'an', 'the', 'some', 'more', 'over', 'about', 'around', 'nearly', 'almost', 'up', 'at', 'fewer', 'less', 'under',
  'roughly', 'approximately', 'additional', 'another', 'only', 'just', 'close', 'upwards', 'estimated', 'exactly', 'all',
  'both', 'several', 'many', 'few', 'dozens', 'hundreds', 'thousands', 'millions', 'half', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen',
  'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'hundred', 'thousand', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
]);

/** A figure as written, fit for the middle of a message: "An additional nine" → "an additional nine". */
function midSentence(fragment: string): string {
  const lead = /^\p{Lu}\p{Ll}*(?![\p{L}\p{N}])/u.exec(fragment);
  return lead && COMMON_LEADS.has(lead[0].toLowerCase()) ? fragment[0].toLowerCase() + fragment.slice(1) : fragment;
}

/**
 * Same kind of figure: counts with counts, ordinals with ordinals, dates with
 * dates, years with years, money in the same currency, measures in the same
 * unit. An ordinal is a rank, not a count: "its third year" says nothing
 * about "five years after it was founded".
 */
function comparable(n: DraftNumber, f: NumberFact): boolean {
  if (n.kind !== f.kind) return false;
  if (n.unit && f.unit && n.unit !== f.unit) return false;
  if (n.counted && f.counted && n.counted !== f.counted) return false;
  return true;
}

/**
 * True when the draft's figure is consistent with the source's.
 *
 * A bound the source's figure satisfies is accepted even when it is weaker
 * than the source's: "over 20 nations" for the source's "more than 25" is
 * true, only less precise, and a writer may round down on purpose. The
 * reverse ("over 30" for "more than 25") is a mismatch.
 */
function agrees(n: DraftNumber, f: NumberFact): boolean {
  const lowF = f.value;
  const highF = f.rangeEnd ?? f.value;
  const lowN = n.value;
  const highN = n.rangeEnd ?? n.value;
  const tolerance = roundingTolerance(n);
  if (lowN >= lowF - tolerance && highN <= highF + tolerance) return true;
  if (Math.abs(lowN - lowF) <= tolerance && Math.abs(highN - highF) <= tolerance) return true;
  const q = n.qualifier ?? '';
  if (/^(?:more than|over|at least|upwards of)$/.test(q)) return lowN <= highF;
  if (/^(?:fewer than|less than|under|up to|at most|nearly|almost)$/.test(q)) return lowN >= lowF;
  if (/^(?:about|around|some|roughly|approximately|an estimated|close to|nearly|almost)$/.test(q)) return Math.abs(lowN - lowF) <= 0.1 * Math.abs(lowF);
  return false;
}

/** Half a unit of the last digit the draft wrote ("$1.1bn" stands for 1.05–1.15bn). */
function roundingTolerance(n: DraftNumber): number {
  const m = /(\d[\d,]*)(?:\.(\d+))?/.exec(n.text);
  if (!m) return 1e-9;
  const written = Number(m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
  if (!written) return 1e-9;
  const scale = n.value / written;
  const decimals = m[2]?.length ?? 0;
  // Whole numbers are exact ("140 members"); only written decimals imply rounding.
  return decimals > 0 ? 0.5 * Math.pow(10, -decimals) * scale : 1e-9;
}

const contextCache = new WeakMap<ExtractedSource, Array<Map<string, number> | undefined>>();

/**
 * Context words of one figure of a source (cached per source object). Worked
 * out only for the figures a draft number is compared with: a source not seen
 * before has tens of figures, and most are never comparable.
 */
function sourceContext(source: ExtractedSource, index: number): Map<string, number> {
  let cached = contextCache.get(source);
  if (!cached) {
    cached = new Array<Map<string, number> | undefined>(source.numbers.length);
    contextCache.set(source, cached);
  }
  let words = cached[index];
  if (!words) {
    const fact = source.numbers[index];
    words = cached[index] = contextWords(source.text, fact, sourceSentence(source.paragraphs, fact));
  }
  return words;
}

/**
 * Content words near a number, weighted 2 inside the number's clause and 1
 * beyond it: in "$300m to settle charges, and it set aside $500m for legal
 * reserves", "settle" describes $300m, not $500m.
 */
function contextWords(text: string, span: Span, within: Span): Map<string, number> {
  const clauseStart = Math.max(within.start, lastClauseBreak(text, within.start, span.start));
  const clauseEnd = Math.min(within.end, nextClauseBreak(text, span.end, within.end));
  // Token spans, flat: the last WINDOW words before the number, then the first WINDOW after it.
  const spans = tokensBefore(text, within.start, span.start);
  const first = Math.max(0, spans.length - 2 * WINDOW);
  let after = 0;
  forEachToken(text, span.end, within.end, (start, end) => {
    spans.push(start, end);
    return ++after < WINDOW;
  });
  const out = new Map<string, number>();
  for (let k = first; k < spans.length; k += 2) {
    const word = contextWord(text.slice(spans[k], spans[k + 1]));
    if (word === '') continue;
    const weight = spans[k] >= clauseStart && spans[k + 1] <= clauseEnd ? 2 : 1;
    out.set(word, Math.max(out.get(word) ?? 0, weight));
  }
  return out;
}

/**
 * A word as context: folded, possessive and plural endings off; '' for short
 * words, stopwords and figures. Remembered: the same words come back around every figure.
 */
const contextWord = wordMemo((written: string): string => {
  const w = foldText(written).replace(/['’]s$/, '');
  return w.length < 3 || STOPWORDS.has(w) || /\d/.test(w) ? '' : w.length > 4 ? w.replace(/(?:es|s)$/, '') : w;
});

/** How far before a figure its last words are first looked for (a sentence can be long; the words needed are few). */
const LOOK_BACK = 120;

/**
 * Token spans (flat) of `text.slice(from, to)`, or of its end holding at least
 * WINDOW tokens: the scan starts after a white space character (never inside
 * a token, so the tokens from there are those of the whole span), and from
 * `from` when that end holds too few.
 */
function tokensBefore(text: string, from: number, to: number): number[] {
  let start = to - LOOK_BACK;
  while (start > from && !isWhiteSpace(text.charCodeAt(start - 1))) start++;
  if (start > from && start < to) {
    const spans: number[] = [];
    forEachToken(text, start, to, (s, e) => {
      spans.push(s, e);
    });
    if (spans.length >= 2 * WINDOW) return spans;
  }
  const spans: number[] = [];
  forEachToken(text, from, to, (s, e) => {
    spans.push(s, e);
  });
  return spans;
}

function isWhiteSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Characters that end a clause: , ; : ( ) — – " “ ” [ ] */
function isClauseBreak(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2014 || c === 0x2013 || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x5b || c === 0x5d;
}

function lastClauseBreak(text: string, floor: number, from: number): number {
  for (let i = from - 1; i >= floor; i--) if (isClauseBreak(text.charCodeAt(i))) return i + 1;
  return floor;
}

function nextClauseBreak(text: string, from: number, ceiling: number): number {
  for (let i = from; i < ceiling; i++) if (isClauseBreak(text.charCodeAt(i))) return i;
  return ceiling;
}

function sourceSentence(paragraphs: Array<Span & { sentences: Span[] }>, fact: Span): Span {
  for (const p of paragraphs) {
    if (fact.start < p.start || fact.start >= p.end) continue;
    return p.sentences.find((s) => fact.start >= s.start && fact.start < s.end) ?? p;
  }
  return { start: Math.max(0, fact.start - 200), end: fact.end + 200 };
}

function coveringCitation(sentence: DraftSentence, n: Span): Citation | null {
  return sentence.citations.find((c) => n.start >= c.covers.start && n.start < c.covers.end)
    ?? (sentence.citations.length === 1 ? sentence.citations[0] : null);
}

function insideQuote(sentence: DraftSentence, n: Span): boolean {
  return sentence.quotes.some((q) => q.kind !== 'reported' && n.start >= q.inner.start && n.start < q.inner.end);
}
