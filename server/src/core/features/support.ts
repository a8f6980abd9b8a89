/**
 * Which passage of a cited source backs a draft sentence. Shared by the
 * citation hover, go-to-definition on a citation and the "Add citation" action,
 * so all three point at the same paragraph.
 */
import type { Citation, Draft } from '../draft/model';
import type { Corpus } from '../index/corpus';
import type { ExtractedSource, Paragraph, Span } from '../model';
import { tokenize } from '../text/normalize';

/** A paragraph of a source judged against a claim. */
export interface SupportingPassage {
  source: ExtractedSource;
  /** Index into `source.paragraphs`. */
  paragraph: number;
  span: Span;
  /** Share (0..1) of the claim's content words that the paragraph contains. */
  coverage: number;
  /** True when the paragraph contains most of the claim's content words. */
  supports: boolean;
}

/**
 * Coverage from which a paragraph is said to support a claim. Deliberately
 * strict: a hover that says "supported" on a loose match would mislead.
 */
export const SUPPORT_THRESHOLD = 0.6;

const STOPWORDS = new Set(
  ('a an and are as at be been but by for from had has have he her his i in is it its of on or our she that the their them ' +
    'they this to was we were which who will with would not no can could also after before than then there these those into ' +
    'over about more most said says say told according').split(' '),
);

/** The content words of a text, folded, without stop words and one-letter words. */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .map((t) => t.norm.replace(/['’]s$/, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/** Share of `claimWords` (distinct) present in `passage`. */
export function coverageOf(claimWords: string[], passage: string): number {
  const distinct = [...new Set(claimWords)];
  if (distinct.length === 0) return 0;
  const have = new Set(contentWords(passage));
  return distinct.filter((w) => have.has(w)).length / distinct.length;
}

/** The text a citation vouches for, with every citation inside it blanked out. */
export function claimText(draft: Draft, citation: Citation): string {
  const { start, end } = citation.covers;
  let text = draft.text.slice(start, end);
  for (const other of draft.citations) {
    if (other.end <= start || other.start >= end) continue;
    const from = Math.max(other.start, start) - start;
    const to = Math.min(other.end, end) - start;
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}

/**
 * The paragraph of `key`'s source that best supports `claim`: the paragraph the
 * locator names when there is one ("para 4"), else the most similar paragraph
 * of that source. Null when the key is unknown or nothing is similar at all.
 */
export function supportingPassage(corpus: Corpus, key: string, claim: string, paragraphNumber?: number): SupportingPassage | null {
  const source = corpus.get(key);
  if (!source) return null;
  const words = contentWords(claim);
  if (paragraphNumber !== undefined) {
    const index = source.paragraphs.findIndex((p) => p.kind === 'body' && p.number === paragraphNumber);
    if (index >= 0) return judge(source, index, words);
  }
  const hits = corpus.search.similar(claim, { keys: [key], limit: 3 });
  let best: SupportingPassage | null = null;
  for (const hit of hits) {
    const judged = judge(source, hit.paragraph, words);
    if (judged && (!best || judged.coverage > best.coverage)) best = judged;
  }
  return best;
}

function judge(source: ExtractedSource, index: number, words: string[]): SupportingPassage | null {
  const paragraph: Paragraph | undefined = source.paragraphs[index];
  if (!paragraph) return null;
  const coverage = coverageOf(words, source.text.slice(paragraph.start, paragraph.end));
  return { source, paragraph: index, span: { start: paragraph.start, end: paragraph.end }, coverage, supports: coverage >= SUPPORT_THRESHOLD };
}

/**
 * Sources whose passages support an uncited claim, best first (for "Add
 * citation"). Only passages above {@link SUPPORT_THRESHOLD} count.
 */
export function sourcesSupporting(corpus: Corpus, claim: string, limit: number): SupportingPassage[] {
  const words = contentWords(claim);
  if (words.length < 3) return [];
  const result: SupportingPassage[] = [];
  const seen = new Set<string>();
  for (const hit of corpus.search.similar(claim, { limit: limit * 3 })) {
    if (seen.has(hit.key)) continue;
    const source = corpus.get(hit.key);
    if (!source) continue;
    const judged = judge(source, hit.paragraph, words);
    if (judged?.supports) {
      seen.add(hit.key);
      result.push(judged);
    }
  }
  return result.sort((a, b) => b.coverage - a.coverage).slice(0, limit);
}
