/**
 * Word-level comparison of a draft's quotation with a source passage.
 *
 * What does not count as altering a quote: case, quote-mark style, white
 * space, punctuation, British/American spelling ("organisation" /
 * "organization", "defence" / "defense", "favour" / "favor"), omissions marked
 * with an ellipsis and insertions in [square brackets].
 */
import type { Span } from '../model';
import { foldText, forEachToken } from '../text/normalize';
import { wordMemo } from '../text/wordMemo';

/** A word for comparison, with its place in the text it came from. */
export interface CompareWord extends Span {
  norm: string;
  /**
   * On the first word of a span: the word just before the span in the same
   * paragraph. A passage found nearly stops at its last matching word, so the
   * source's "sports" lies just outside a match for the draft's "Friendship
   * through sport"; {@link wordDifferences} reads these neighbours to tell a
   * changed word from an added one.
   */
  before?: CompareWord;
  /** On the last word of a span: the word just after the span in the same paragraph (see {@link CompareWord.before}). */
  after?: CompareWord;
}

/** How far around a span to look for its neighbouring words. */
const NEIGHBOUR_WINDOW = 60;

/** Words of `text.slice(span.start, span.end)` in comparable form, the first and last knowing their neighbours. */
export function compareWords(text: string, span: Span): CompareWord[] {
  const words: CompareWord[] = [];
  forEachToken(text, span.start, span.end, (start, end) => {
    words.push(compareWord(text, start, end));
  });
  if (words.length === 0) return words;
  let previous: CompareWord | undefined;
  forEachToken(text, Math.max(0, span.start - NEIGHBOUR_WINDOW), span.start, (start, end) => {
    previous = { start, end, norm: '' };
  });
  // Written out rather than spread: a spread followed by a new property takes a slow path in V8.
  if (previous && !/\n\s*\n/.test(text.slice(previous.end, span.start))) words[0] = { start: words[0].start, end: words[0].end, norm: words[0].norm, before: compareWord(text, previous.start, previous.end) };
  let next: CompareWord | undefined;
  forEachToken(text, span.end, Math.min(text.length, span.end + NEIGHBOUR_WINDOW), (start, end) => {
    next ??= { start, end, norm: '' };
  });
  const last = words.length - 1;
  if (next && !/\n\s*\n/.test(text.slice(span.end, next.start))) {
    const w = words[last];
    const after = compareWord(text, next.start, next.end);
    words[last] = w.before ? { start: w.start, end: w.end, norm: w.norm, before: w.before, after } : { start: w.start, end: w.end, norm: w.norm, after };
  }
  return words;
}

/** The word at `[start, end)` in comparable form. */
function compareWord(text: string, start: number, end: number): CompareWord {
  return { start, end, norm: comparableWord(text.slice(start, end)) };
}

/**
 * A word as written, folded and spelling-folded (see {@link spellingFold});
 * remembered: quotes and the passages they are compared with repeat the same words.
 */
const comparableWord = wordMemo((written: string): string => spellingFold(foldText(written)));

/**
 * True when two different (folded) words are forms of one word: "sport" /
 * "sports", "remain" / "remained", "commit" / "committing". Used to call a
 * difference a changed word rather than an added one; it never makes two
 * words equal for matching.
 */
export function sameWordForms(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  const stem = (w: string) => w.replace(/(?:ies|ied)$/, 'y').replace(/(?:es|s|ed|d|ing|er|ers|ly)$/, '').replace(/(.)\1$/, '$1').replace(/e$/, '');
  return long.startsWith(short) && /^(?:s|es|ed|d|ing|er|ers|ly|'s)$/.test(long.slice(short.length)) || stem(short) === stem(long) && stem(short).length >= 3;
}

/**
 * Any of {@link spellingFold}'s rules, as one test: a word none of them
 * matches comes out unchanged (each rule would leave it as it is for the
 * next), so most words skip the eight replacements.
 */
const SPELLING_VARIANT = /(?:is(?:e|es|ed|ing|ation|ations|er|ers)|ys(?:e|es|ed|ing)|[^aeiou]our(?:s|ed|ing|ite|ites|able|ful|less|er)?|ence(?:s)?|[^aeiou]re(?:s|d)?|ogue(?:s)?|amme(?:s)?)$|^(?:travel|cancel|model|label|level|signal|fuel|total|channel|counsel|equal|dial|marvel|jewel|quarrel|rival|tunnel)l(?:ed|ing|er|ers)$/;

/**
 * Maps British and American spellings of a (folded, lower-case) word to one
 * form. Over-folding is harmless as long as no two distinct real words meet,
 * so the rules are broad but avoid known collisions ("four"/"for").
 */
export function spellingFold(word: string): string {
  let w = word.replace(/['’]/g, '');
  if (w.length < 5 || !SPELLING_VARIANT.test(w)) return w;
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

/**
 * Differences between two word sequences (longest common subsequence
 * alignment). Draft words left over at an edge of the source passage are a
 * changed word, not an added one, when the source word just outside the
 * passage is another form of the first of them ("sport" for "sports").
 */
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
  return diffs.map((d) => pairWithOutsideWord(d, draft, source));
}

/** A draft-only difference at an edge of the source, paired with the source's neighbouring word when it is another form of the draft's. */
function pairWithOutsideWord(d: WordDifference, draft: CompareWord[], source: CompareWord[]): WordDifference {
  if (d.source.length > 0 || d.draft.length === 0 || source.length === 0) return d;
  const atEnd = d.draft[d.draft.length - 1] === draft[draft.length - 1];
  const atStart = d.draft[0] === draft[0];
  const lastOutside = source[source.length - 1].after;
  if (atEnd && lastOutside && sameWordForms(d.draft[0].norm, lastOutside.norm)) return { draft: d.draft, source: [lastOutside] };
  const firstOutside = source[0].before;
  if (atStart && firstOutside && sameWordForms(d.draft[d.draft.length - 1].norm, firstOutside.norm)) return { draft: d.draft, source: [firstOutside] };
  return d;
}
