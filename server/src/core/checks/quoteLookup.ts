/**
 * Where a draft's quotation is in the sources, shared by the quote checks and
 * the misattribution check, and cached per corpus state: the parsed draft is
 * cached by text, so its quote objects are stable between runs and an
 * unchanged quote is not looked up again while the corpus is unchanged.
 */
import type { Corpus } from '../index/corpus';
import type { QuoteMatch } from '../index/api';
import type { DraftQuote } from '../draft/model';
import { quoteSegments } from '../draft/draftQuotes';
import { compareWords, segmentsMatch, type CompareWord } from './quoteCompare';
import { knownKeys, type CheckContext } from './context';

/** How far around a match the source is read when verifying it word for word. */
const VERIFY_MARGIN = 200;
/** Least similarity for "nearly the same words". */
export const NEAR_SIMILARITY = 0.6;

/** What the sources say about one draft quotation. */
export interface QuoteLookup {
  /** The writer's runs of quoted words (split at ellipses and insertions). */
  segments: CompareWord[][];
  /** Number of quoted words. */
  words: number;
  /** Known keys the quote's citation names. */
  cited: string[];
  /** Best match in a cited source that is word for word the same, if any. */
  verbatimInCited: QuoteMatch | null;
  /** Best near match in a cited source (not verbatim), if any. */
  nearInCited: QuoteMatch | null;
  /** Verbatim matches in sources the citation does not name, best first. */
  verbatimElsewhere: QuoteMatch[];
  /** True when no source has the words, not even nearly. */
  nowhere: boolean;
}

const cache = new WeakMap<Corpus, { version: number; results: WeakMap<DraftQuote, QuoteLookup> }>();

/** Looks the quotation up (cached per corpus version). */
export function lookupQuote(ctx: CheckContext, quote: DraftQuote): QuoteLookup {
  let entry = cache.get(ctx.corpus);
  if (!entry || entry.version !== ctx.corpus.version) {
    entry = { version: ctx.corpus.version, results: new WeakMap() };
    cache.set(ctx.corpus, entry);
  }
  const hit = entry.results.get(quote);
  if (hit) return hit;
  const result = computeLookup(ctx, quote);
  entry.results.set(quote, result);
  return result;
}

function computeLookup(ctx: CheckContext, quote: DraftQuote): QuoteLookup {
  const { draft, corpus } = ctx;
  const blocked = quote.citation && quote.kind === 'block' ? draft.citations.filter((c) => c.start >= quote.inner.start && c.end <= quote.inner.end) : [];
  const segmentSpans = quote.kind === 'reported' ? [quote.inner] : quoteSegments(draft.text, quote.inner, blocked);
  const segments = segmentSpans.map((s) => compareWords(draft.text, s)).filter((s) => s.length > 0);
  const words = segments.reduce((n, s) => n + s.length, 0);
  const cited = knownKeys(ctx, quote.citation);
  const result: QuoteLookup = { segments, words, cited, verbatimInCited: null, nearInCited: null, verbatimElsewhere: [], nowhere: false };
  if (words === 0) return result;
  // Omissions and insertions both become an ellipsis for the table: "any words here".
  const query = segmentSpans.map((s) => draft.text.slice(s.start, s.end)).join(' … ');
  const verbatim = (m: QuoteMatch) => m.exact || isVerbatim(ctx, m, segments);

  if (cited.length > 0) {
    const inCited = corpus.quotes.find(query, { keys: cited, limit: 3, minSimilarity: NEAR_SIMILARITY });
    result.verbatimInCited = inCited.find(verbatim) ?? null;
    if (!result.verbatimInCited) result.nearInCited = inCited[0] ?? null;
  }
  if (!result.verbatimInCited) {
    const anywhere = corpus.quotes.find(query, { limit: 5, minSimilarity: NEAR_SIMILARITY });
    result.verbatimElsewhere = anywhere.filter((m) => !cited.includes(m.key) && verbatim(m));
    result.nowhere = anywhere.length === 0 && !result.nearInCited;
  }
  return result;
}

/** Checks a match word for word against the source text around it (the table's `exact` ignores spelling variants). */
function isVerbatim(ctx: CheckContext, m: QuoteMatch, segments: CompareWord[][]): boolean {
  const source = ctx.corpus.get(m.key);
  if (!source) return false;
  const span = { start: Math.max(0, m.start - VERIFY_MARGIN), end: Math.min(source.text.length, m.end + VERIFY_MARGIN) };
  return segmentsMatch(segments, compareWords(source.text, span));
}
