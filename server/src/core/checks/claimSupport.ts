/**
 * Whether the sources back the draft's sentences:
 * - claim-unsupported: the cited source has little of what the cited text
 *   says while another source has nearly all of it (fix: cite that one);
 * - uncited-claim: a sentence without citation that closely copies a source
 *   passage (fix: add the citation).
 *
 * Support is measured as the share of the claim's content words found in the
 * best matching paragraph; candidate paragraphs come from the search index,
 * never from a scan of the sources. A claim the cited source does not support
 * but no other source supports either is left alone: paraphrase and
 * background knowledge are too common to call that an error.
 *
 * What the corpus says about a claim's text is cached per corpus state: after
 * an edit only the sentences whose text changed ask the search index again.
 */
import type { PassageHit } from '../index/api';
import type { Corpus } from '../index/corpus';
import type { ExtractedSource, Span } from '../model';
import type { Citation, DraftSentence } from '../draft/model';
import { foldText, forEachToken, isInnerPunctuation, isWholeToken } from '../text/normalize';
import { DiagnosticCode, type DossierDiagnostic } from './diagnostics';
import { addCitationFix, clip, diagnostic, knownKeys, relatedPassage, replaceKeyFix, type CheckContext } from './context';
import { spellingFold } from './quoteCompare';
import { wordMemo } from '../text/wordMemo';

/** Fewest content words for a claim to be judged. */
const MIN_CLAIM_WORDS = 5;
/** Cited support at or above this: supported. */
const SUPPORTED = 0.5;
/** Another source's support needed to call the citation wrong, and its lead over the cited one. */
const BETTER_SUPPORT = 0.75;
const BETTER_LEAD = 0.35;
/** Uncited sentences: fewest content words, and how much of them a passage must share. */
const MIN_UNCITED_WORDS = 8;
const UNCITED_COVERAGE = 0.8;
/** ...plus a run of this many words in the same order (copying, not coincidence). */
const UNCITED_RUN = 6;
const HITS = 4;

const STOPWORDS = new Set([
  'the', 'and', 'but', 'for', 'from', 'with', 'was', 'were', 'are', 'has', 'have', 'had', 'its', 'this', 'that',
  'these', 'those', 'which', 'who', 'will', 'would', 'can', 'could', 'said', 'says', 'than', 'more', 'over', 'about',
  'also', 'their', 'there', 'they', 'his', 'her', 'not', 'some', 'one', 'now', 'into', 'after', 'before', 'been',
  'being', 'our', 'all', 'while', 'what', 'when', 'where', 'how', 'any', 'such', 'very', 'just', 'only', 'she',
  'him', 'them', 'then', 'did', 'does', 'may', 'might', 'should', 'out', 'other', 'most', 'both', 'each',
]);

/** Runs both support checks. */
export function checkClaimSupport(ctx: CheckContext): DossierDiagnostic[] {
  const out: DossierDiagnostic[] = [];
  for (const sentence of ctx.draft.sentences) {
    if (sentence.citations.length === 0) {
      const found = checkUncitedSentence(ctx, sentence);
      if (found) out.push(found);
      continue;
    }
    for (const citation of sentence.citations) {
      const found = checkCitedClaim(ctx, sentence, citation);
      if (found) out.push(found);
    }
  }
  return out;
}

function checkCitedClaim(ctx: CheckContext, sentence: DraftSentence, citation: Citation): DossierDiagnostic | null {
  const cited = knownKeys(ctx, citation);
  if (cited.length === 0 || cited.length < citation.items.length) return null;
  const claim = citation.covers;
  if (mostlyQuoted(sentence, claim)) return null;
  const text = ctx.draft.text.slice(claim.start, claim.end);
  const other = remembered(ctx.corpus, `c${cited.join(' ')}\u0000${text}`, () => betterSource(ctx, text, cited));
  if (!other?.hit) return null;
  const related = [relatedPassage(ctx, other.hit.key, other.hit, `@${other.hit.key}: "${clip(other.hit.snippet, 100)}"`)];
  return diagnostic(DiagnosticCode.ClaimUnsupported, claim,
    `@${cited.join(', @')} does not say this; @${other.hit.key} does.`, related,
    [replaceKeyFix(citation, cited, other.hit.key)]);
}

/** Another source that supports the claim clearly better than the cited ones, if any. */
function betterSource(ctx: CheckContext, text: string, cited: string[]): { hit: PassageHit | null; coverage: number } | null {
  const claim = readClaim(text);
  const words = claim.words;
  if (words.size < MIN_CLAIM_WORDS) return null;
  const citedBest = citedSupport(ctx, claim, cited);
  if (citedBest >= SUPPORTED) return null;
  const other = bestSupport(ctx, text, claim, cited);
  if (!other.hit || other.coverage < BETTER_SUPPORT || other.coverage - citedBest < BETTER_LEAD) return null;
  return other;
}

function checkUncitedSentence(ctx: CheckContext, sentence: DraftSentence): DossierDiagnostic | null {
  if (sentence.quotes.some((q) => q.kind !== 'reported')) return null; // uncited-quote's business.
  const text = ctx.draft.text.slice(sentence.start, sentence.end);
  const best = remembered(ctx.corpus, `u${text}`, () => copiedSource(ctx, text));
  if (!best?.hit) return null;
  const source = ctx.corpus.get(best.hit.key);
  const paragraph = source?.paragraphs[best.hit.paragraph];
  if (!source || !paragraph) return null;
  return diagnostic(DiagnosticCode.UncitedClaim, sentence,
    `This closely follows @${best.hit.key} but cites no source.`,
    [relatedPassage(ctx, best.hit.key, paragraph, `@${best.hit.key}: "${clip(source.text.slice(paragraph.start, paragraph.end), 100)}"`)],
    [addCitationFix(ctx.draft, sentence, best.hit.key)]);
}

/** The source passage an uncited sentence closely copies, if any. */
function copiedSource(ctx: CheckContext, text: string): { hit: PassageHit | null; coverage: number } | null {
  const claim = readClaim(text);
  const words = claim.words;
  if (words.size < MIN_UNCITED_WORDS) return null;
  const best = bestSupport(ctx, text, claim);
  if (!best.hit || best.coverage < UNCITED_COVERAGE) return null;
  const source = ctx.corpus.get(best.hit.key);
  const span = source?.paragraphs[best.hit.paragraph];
  if (!source || !span) return null;
  // Written word for word in the paragraph, the sentence shares all its words but the first and last (which may run
  // into the paragraph's) in order: at least words.size - 2 of them, without reading the paragraph.
  if (words.size - 2 >= UNCITED_RUN && holdsText(source.text, text, span)) return best;
  if (longestCommonRun(stemsOf(text, 0, text.length), stemsOf(source.text, span.start, span.end)) < UNCITED_RUN) return null;
  return best;
}

/** True when `text` is written in the passage as it is. */
function holdsText(sourceText: string, text: string, passage: Span): boolean {
  return sourceText.slice(passage.start, passage.end).includes(text);
}

/** Results kept per corpus state; a draft has a few hundred claims, several drafts may be open. */
const MAX_REMEMBERED = 20000;
const memory = new WeakMap<Corpus, { version: number; results: Map<string, { hit: PassageHit | null; coverage: number } | null> }>();

/** The result for a claim (its text and cited keys, in `key`), computed once per corpus state. */
function remembered(corpus: Corpus, key: string, compute: () => { hit: PassageHit | null; coverage: number } | null): { hit: PassageHit | null; coverage: number } | null {
  let entry = memory.get(corpus);
  if (!entry || entry.version !== corpus.version) {
    entry = { version: corpus.version, results: new Map() };
    memory.set(corpus, entry);
  }
  // Results are an object or null, never undefined: one look-up tells a known claim.
  const known = entry.results.get(key);
  if (known !== undefined) return known;
  const result = compute();
  if (entry.results.size >= MAX_REMEMBERED) entry.results.clear();
  entry.results.set(key, result);
  return result;
}

/**
 * The largest share of the claim's words in one paragraph of the cited
 * sources, exact when below {@link SUPPORTED}; at or above it, some share at
 * or above it (the caller only asks whether the claim is supported). Reads the cited sources' own paragraphs (a source has
 * tens of them) rather than asking the search index to rank the whole corpus.
 *
 * The paragraphs holding the claim's longest word are read first: one of them
 * usually backs the claim, and then the other paragraphs of a source never
 * read before need not be stemmed (that was most of the cost of checking a new
 * draft's citations).
 */
function citedSupport(ctx: CheckContext, claim: ClaimReading, keys: string[]): number {
  const words = claim.words;
  const probe = claim.longest;
  const likely: Array<{ source: ExtractedSource; index: number }> = [];
  for (const key of keys) {
    const source = ctx.corpus.get(key);
    if (!source || probe.length < 4) continue;
    for (const index of paragraphsWith(source, probe, LIKELY_PARAGRAPHS)) likely.push({ source, index });
  }
  // A paragraph not read yet may be shown to support the claim from the words it writes as the claim does: all
  // the likely paragraphs are tried so before any is read (stemmed), and one that holds the longest word but not
  // the claim is read only when none does.
  for (const { source, index } of likely) {
    if (paragraphCache.get(source)?.[index]) continue;
    const sure = surelyShared(claim, source.text, source.paragraphs[index], Math.ceil(SUPPORTED * words.size)) / words.size;
    if (sure >= SUPPORTED) return sure;
  }
  for (const { source, index } of likely) {
    const share = sharedShare(words, paragraphWordsAt(source, index) ?? new Set());
    if (share >= SUPPORTED) return share;
  }
  let best = 0;
  for (const key of keys) {
    const source = ctx.corpus.get(key);
    if (!source) continue;
    for (const have of paragraphWords(source)) best = Math.max(best, sharedShare(words, have));
  }
  return best;
}

/** Paragraphs of a source tried first for a cited claim (those holding its longest word, in order). */
const LIKELY_PARAGRAPHS = 3;

/** Indices of the first `limit` paragraphs of the source whose text holds `word` as written. */
function paragraphsWith(source: ExtractedSource, word: string, limit: number): number[] {
  const out: number[] = [];
  let p = 0;
  for (let at = source.text.indexOf(word); at >= 0 && out.length < limit; at = source.text.indexOf(word, at + word.length)) {
    while (p < source.paragraphs.length && source.paragraphs[p].end <= at) p++;
    if (p >= source.paragraphs.length) break;
    if (source.paragraphs[p].start <= at && out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

/**
 * How many of the claim's content words the passage surely holds, counting
 * up to `enough`: those written in it as a whole token exactly as in the
 * claim (a word written the same reads the same). At most the number of
 * content words the passage holds, found with `indexOf`, without reading
 * (tokenizing and stemming) the passage.
 */
function surelyShared(claim: ClaimReading, text: string, passage: Span, enough: number): number {
  // The passage on its own (a slice shares the text's characters): a search for a word it lacks stops at its end.
  const within = text.slice(passage.start, passage.end);
  let found = 0;
  let left = claim.forms.size;
  for (const forms of claim.forms.values()) {
    if (found >= enough || found + left < enough) break;
    left--;
    if (forms.some((form) => holdsToken(within, form))) found++;
  }
  return found;
}

/** True when `form` is a whole token of the passage. */
function holdsToken(passage: string, form: string): boolean {
  for (let at = passage.indexOf(form); at >= 0; at = passage.indexOf(form, at + 1)) {
    if (isWholeToken(passage, at, at + form.length, 0, passage.length)) return true;
  }
  return false;
}

/** The share of `words` that `have` holds. */
function sharedShare(words: Set<string>, have: Set<string>): number {
  let shared = 0;
  for (const w of words) if (have.has(w)) shared++;
  return shared / words.size;
}

const paragraphCache = new WeakMap<ExtractedSource, Array<Set<string> | undefined>>();

/** Content words of each paragraph of a source (cached per source object). */
function paragraphWords(source: ExtractedSource): Array<Set<string>> {
  return source.paragraphs.map((_, i) => paragraphWordsAt(source, i) as Set<string>);
}

/**
 * The content words of one paragraph of a source, read once (cached per source
 * object): a search hit needs one paragraph, not the whole source (reading the
 * whole source was most of the cost of checking a claim against a source not
 * seen before). The copied-run test reads the paragraph's words in order itself:
 * it is seldom needed (a sentence copied word for word passes it without reading).
 */
function paragraphWordsAt(source: ExtractedSource, index: number): Set<string> | undefined {
  const paragraph = source.paragraphs[index];
  if (!paragraph) return undefined;
  let cached = paragraphCache.get(source);
  if (!cached) {
    cached = new Array<Set<string> | undefined>(source.paragraphs.length);
    paragraphCache.set(source, cached);
  }
  return (cached[index] ??= contentWordsOf(source.text, paragraph.start, paragraph.end));
}

/** The paragraph (among search hits) that has the largest share of the claim's words. */
function bestSupport(ctx: CheckContext, text: string, claim: ClaimReading, exclude: string[] = []): { hit: PassageHit | null; coverage: number } {
  const words = claim.words;
  let best: { hit: PassageHit | null; coverage: number } = { hit: null, coverage: 0 };
  const hits = ctx.corpus.search.similar(text, { limit: HITS + exclude.length });
  for (const hit of hits) {
    if (exclude.includes(hit.key)) continue;
    const source = ctx.corpus.get(hit.key);
    const span = source?.paragraphs[hit.paragraph];
    if (!source || !span) continue;
    // A paragraph not read yet that writes every word of the claim as the claim does holds them all.
    const all = !paragraphCache.get(source)?.[hit.paragraph] && surelyShared(claim, source.text, span, words.size) === words.size;
    const have = all ? undefined : paragraphWordsAt(source, hit.paragraph);
    let shared = 0;
    if (all) shared = words.size;
    else if (have) for (const w of words) if (have.has(w)) shared++;
    const coverage = shared / words.size;
    if (coverage > best.coverage) best = { hit, coverage };
    // No later hit can beat a paragraph holding every word: its paragraph need not be read (stemmed).
    if (best.coverage === 1) break;
  }
  return best;
}

function mostlyQuoted(sentence: DraftSentence, claim: Span): boolean {
  let quoted = 0;
  for (const q of sentence.quotes) {
    if (q.kind === 'reported') continue;
    quoted += Math.max(0, Math.min(q.inner.end, claim.end) - Math.max(q.inner.start, claim.start));
  }
  return quoted > 0.4 * (claim.end - claim.start);
}

/**
 * The inner-punctuation test bound once: where modules are compiled one by one
 * to CommonJS (tsx, which runs the benchmarks and tests) each use of an
 * imported name is a getter call, and this test runs for every character of
 * every claim.
 */
const innerPunctuation = isInnerPunctuation;

/** A claim's content words, with the ways each is written in the claim. */
interface ClaimReading {
  words: Set<string>;
  /** Per content word, its forms as written (most claims write each once). */
  forms: Map<string, string[]>;
  /** The longest run of letters and digits in the claim, as written (the first of equally long ones). */
  longest: string;
}

function readClaim(text: string): ClaimReading {
  const words = new Set<string>();
  const forms = new Map<string, string[]>();
  let longestStart = 0;
  let longestLength = 0;
  forEachToken(text, 0, text.length, (start, end) => {
    // Every letter and digit lies in a token, and a token's runs are split only by its inner punctuation.
    let runStart = start;
    for (let i = start; i <= end; i++) {
      if (i < end && !innerPunctuation(text.charCodeAt(i))) continue;
      if (i - runStart > longestLength) {
        longestStart = runStart;
        longestLength = i - runStart;
      }
      runStart = i + 1;
    }
    // A content word has three letters or more, and no word gets longer for being stemmed.
    if (end - start < 3) return;
    const written = text.slice(start, end);
    const word = readWord(written);
    if (!word.content) return;
    words.add(word.stem);
    const known = forms.get(word.stem);
    if (!known) forms.set(word.stem, [written]);
    else if (!known.includes(written)) known.push(written);
  });
  return { words, forms, longest: text.slice(longestStart, longestStart + longestLength) };
}

/**
 * The content words of `text.slice(from, to)` as the support checks read them:
 * stemmed, three letters or more, no stopword, no digit.
 */
function contentWordsOf(text: string, from: number, to: number): Set<string> {
  const words = new Set<string>();
  forEachToken(text, from, to, (start, end) => {
    // A content word has three letters or more, and no word gets longer for being stemmed.
    if (end - start < 3) return;
    const word = readWord(text.slice(start, end));
    if (word.content) words.add(word.stem);
  });
  return words;
}

/** The words of `text.slice(from, to)`, stemmed, in order. */
function stemsOf(text: string, from: number, to: number): string[] {
  const stems: string[] = [];
  forEachToken(text, from, to, (start, end) => {
    stems.push(readWord(text.slice(start, end)).stem);
  });
  return stems;
}

/** A word as the support checks read it. */
interface WordReading {
  stem: string;
  /** Three letters or more, no stopword, no digit. */
  content: boolean;
}

/**
 * Readings by word as written: the same few thousand words come back in every
 * claim and paragraph, and a word seen before is neither folded nor stemmed
 * again.
 */
const readWord = wordMemo((written: string): WordReading => {
  const w = stem(foldText(written));
  return { stem: w, content: w.length >= 3 && !STOPWORDS.has(w) && !/\d/.test(w) };
}, 200_000);

/** The stem of a folded word: possessive and plural endings off, British and American spellings made one. */
function stem(word: string): string {
  const w = spellingFold(word.replace(/['’]s$/, ''));
  return w.length > 4 ? w.replace(/(?:es|s)$/, '') : w;
}

/** Length of the longest run of words the two texts share in the same order. */
function longestCommonRun(wa: string[], wb: string[]): number {
  const positions = new Map<string, number[]>();
  wb.forEach((w, j) => {
    const at = positions.get(w);
    if (at) at.push(j);
    else positions.set(w, [j]);
  });
  let best = 0;
  for (let i = 0; i < wa.length; i++) {
    for (const j of positions.get(wa[i]) ?? []) {
      let k = 0;
      while (i + k < wa.length && j + k < wb.length && wa[i + k] === wb[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}
