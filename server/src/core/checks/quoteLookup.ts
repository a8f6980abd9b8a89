/**
 * Where a draft's quotation is in the sources, shared by the quote checks and
 * the misattribution check, and cached per corpus state by the quoted words
 * and cited keys: an unchanged quote is not looked up again while the corpus
 * is unchanged, wherever an edit moved it.
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
const NEAR_SIMILARITY = 0.6;

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

/** What the sources hold for a quotation's words, the part of a lookup that asks the corpus. */
type SourceFindings = Pick<QuoteLookup, 'verbatimInCited' | 'nearInCited' | 'verbatimElsewhere' | 'nowhere'>;

/** Findings kept per corpus state; a draft has a few hundred quotes, several drafts may be open. */
const MAX_REMEMBERED_QUOTES = 20000;
const cache = new WeakMap<Corpus, { version: number; results: Map<string, SourceFindings> }>();

/**
 * Looks the quotation up. What the corpus says is remembered per corpus
 * state by the quoted words and the cited keys, not by the parsed quote: a
 * re-parse after an edit gives every quote a new object, and the same words
 * cited to the same sources find the same passages wherever they stand.
 */
export function lookupQuote(ctx: CheckContext, quote: DraftQuote): QuoteLookup {
  const known = byQuote.get(quote);
  if (known && known.corpus === ctx.corpus && known.version === ctx.corpus.version && known.text === ctx.draft.text) return known.lookup;
  const lookup = lookupAfresh(ctx, quote);
  byQuote.set(quote, { corpus: ctx.corpus, version: ctx.corpus.version, text: ctx.draft.text, lookup });
  return lookup;
}

/**
 * Lookups by parsed quote: the quote checks and the misattribution check ask
 * about the same quotes in one run, and reading the draft's words again is
 * most of a lookup the corpus cache answers.
 */
const byQuote = new WeakMap<DraftQuote, { corpus: Corpus; version: number; text: string; lookup: QuoteLookup }>();

function lookupAfresh(ctx: CheckContext, quote: DraftQuote): QuoteLookup {
  const { draft } = ctx;
  const blocked = quote.citation && quote.kind === 'block' ? draft.citations.filter((c) => c.start >= quote.inner.start && c.end <= quote.inner.end) : [];
  const segmentSpans = quote.kind === 'reported' ? [quote.inner] : quoteSegments(draft.text, quote.inner, blocked);
  // The draft's words with their offsets (and neighbours) are read each time: the messages point into this draft.
  const segments = segmentSpans.map((s) => compareWords(draft.text, s)).filter((s) => s.length > 0);
  const words = segments.reduce((n, s) => n + s.length, 0);
  const cited = knownKeys(ctx, quote.citation);
  const result: QuoteLookup = { segments, words, cited, verbatimInCited: null, nearInCited: null, verbatimElsewhere: [], nowhere: false };
  if (words === 0) return result;
  // Omissions and insertions both become an ellipsis for the table: "any words here".
  const query = segmentSpans.map((s) => draft.text.slice(s.start, s.end)).join(' … ');

  let entry = cache.get(ctx.corpus);
  if (!entry || entry.version !== ctx.corpus.version) {
    entry = { version: ctx.corpus.version, results: new Map() };
    cache.set(ctx.corpus, entry);
  }
  // The words compared (segments' folded words) follow from the query's text, so the text and keys say it all.
  const key = `${cited.join(' ')}\u0000${query}`;
  let found = entry.results.get(key);
  if (!found) {
    found = findInSources(ctx, query, segments, cited);
    if (entry.results.size >= MAX_REMEMBERED_QUOTES) entry.results.clear();
    entry.results.set(key, found);
  }
  return { ...result, ...found };
}

function findInSources(ctx: CheckContext, query: string, segments: CompareWord[][], cited: string[]): SourceFindings {
  const { corpus } = ctx;
  const found: SourceFindings = { verbatimInCited: null, nearInCited: null, verbatimElsewhere: [], nowhere: false };
  if (cited.length > 0) {
    const inCited = corpus.quotes.find(query, { keys: cited, limit: 3, minSimilarity: NEAR_SIMILARITY });
    found.verbatimInCited = inCited.find((m) => m.exact || isVerbatim(ctx, m, segments)) ?? null;
    if (!found.verbatimInCited) found.nearInCited = inCited[0] ?? null;
  }
  if (!found.verbatimInCited) {
    const anywhere = corpus.quotes.find(query, { limit: 5, minSimilarity: NEAR_SIMILARITY });
    found.verbatimElsewhere = anywhere.filter((m) => !cited.includes(m.key) && (m.exact || isVerbatim(ctx, m, segments)));
    found.nowhere = anywhere.length === 0 && !found.nearInCited;
  }
  return found;
}

/** Checks a match word for word against the source text around it (the table's `exact` ignores spelling variants). */
function isVerbatim(ctx: CheckContext, m: QuoteMatch, segments: CompareWord[][]): boolean {
  const source = ctx.corpus.get(m.key);
  if (!source) return false;
  const span = { start: Math.max(0, m.start - VERIFY_MARGIN), end: Math.min(source.text.length, m.end + VERIFY_MARGIN) };
  return segmentsMatch(segments, compareWords(source.text, span));
}
