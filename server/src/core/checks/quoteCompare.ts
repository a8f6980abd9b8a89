/**
 * Word-level comparison of a draft's quotation with a source passage.
 *
 * What does not count as altering a quote: case, quote-mark style, white
 * space, punctuation, British/American spelling ("organisation" /
 * "organization", "defence" / "defense", "favour" / "favor"), omissions marked
 * with an ellipsis and insertions in [square brackets].
 */
import type { Span } from '../model';
import { tokenize } from '../text/normalize';

/** A word for comparison, with its place in the text it came from. */
export interface CompareWord extends Span {
  norm: string;
}

/** Words of `text.slice(span.start, span.end)` in comparable form. */
export function compareWords(text: string, span: Span): CompareWord[] {
  return tokenize(text.slice(span.start, span.end), span.start).map((t) => ({ start: t.start, end: t.end, norm: spellingFold(t.norm) }));
}

/**
 * Maps British and American spellings of a (folded, lower-case) word to one
 * form. Over-folding is harmless as long as no two distinct real words meet,
 * so the rules are broad but avoid known collisions ("four"/"for").
 */
export function spellingFold(word: string): string {
  let w = word.replace(/['’]/g, '');
  if (w.length < 5) return w;
  w = w
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/([^aeiou])our(s|ed|ing|ite|ites|able|ful|less|er)?$/, '$1or$2')
    .replace(/ence(s)?$/, 'ense$1')
    .replace(/([^aeiou])re(s|d)?$/, '$1er$2')
    .replace(/ogue(s)?$/, 'og$1')
    .replace(/amme(s)?$/, 'am$1')
    .replace(/^(travel|cancel|model|label|level|signal|fuel|total|channel|counsel|equal|dial|marvel|jewel|quarrel|rival|tunnel)l(ed|ing|er|ers)$/, '$1$2');
  return w;
}

/**
 * True when every segment (a run of the writer's quoted words, see
 * `quoteSegments`) occurs, in order, word for word, in the source words.
 */
export function segmentsMatch(segments: CompareWord[][], source: CompareWord[]): boolean {
  let from = 0;
  for (const seg of segments) {
    if (seg.length === 0) continue;
    const at = indexOfRun(source, seg, from);
    if (at < 0) return false;
    from = at + seg.length;
  }
  return true;
}

function indexOfRun(hay: CompareWord[], needle: CompareWord[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j].norm !== needle[j].norm) continue outer;
    return i;
  }
  return -1;
}

/** One difference between the draft's words and the source's. */
export interface WordDifference {
  /** The draft's words that differ (empty when the source has words the draft dropped). */
  draft: CompareWord[];
  /** The source's words in their place (empty when the draft added words). */
  source: CompareWord[];
}

/** Differences between two word sequences (longest common subsequence alignment). */
export function wordDifferences(draft: CompareWord[], source: CompareWord[]): WordDifference[] {
  const n = draft.length;
  const m = source.length;
  // LCS table; quotes are short (capped by the caller), so O(n·m) is fine.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = draft[i].norm === source[j].norm ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const diffs: WordDifference[] = [];
  let current: WordDifference | null = null;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && draft[i].norm === source[j].norm) {
      if (current) diffs.push(current);
      current = null;
      i++;
      j++;
      continue;
    }
    current ??= { draft: [], source: [] };
    if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) current.source.push(source[j++]);
    else current.draft.push(draft[i++]);
  }
  if (current) diffs.push(current);
  return diffs;
}
