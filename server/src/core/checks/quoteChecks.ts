/**
 * The quotation checks:
 * - quote-not-found: a cited quotation that no source has, not even nearly;
 * - quote-altered: close to a passage of the cited source but not word for word;
 * - quote-wrong-source: word for word in a source the citation does not name;
 * - uncited-quote: a quotation without citation that a source has word for word.
 *
 * Short quotations (scare quotes, a phrase or two) are only checked when they
 * are found: a two-word quote that is "not found" is too often the writer's
 * own emphasis to be worth a warning.
 */
import type { QuoteMatch } from '../index/api';
import type { DraftQuote } from '../draft/model';
import { DiagnosticCode, type DossierDiagnostic, type Fix, type TextEdit } from './diagnostics';
import { addCitationFix, clip, diagnostic, onlyUnknownKeys, relatedPassage, replaceKeyFix, sentenceAt, type CheckContext } from './context';
import { lookupQuote } from './quoteLookup';
import { compareWords, wordDifferences, type CompareWord } from './quoteCompare';

/** Fewest words for quote-not-found and quote-altered. */
const MIN_WORDS_CHECKED = 4;
/** Fewest words for uncited-quote (shorter verbatim phrases are common English). */
const MIN_WORDS_UNCITED = 6;
/** Fewest words for quote-wrong-source. */
const MIN_WORDS_WRONG_SOURCE = 4;
/** Longest quote compared word by word for the "altered" message. */
const MAX_DIFF_WORDS = 400;

/** Runs the quotation checks over the draft's direct and block quotes. */
export function checkQuotes(ctx: CheckContext): DossierDiagnostic[] {
  const out: DossierDiagnostic[] = [];
  for (const quote of ctx.draft.quotes) {
    if (quote.kind === 'reported') continue;
    const found = quote.citation ? checkCitedQuote(ctx, quote) : checkUncitedQuote(ctx, quote);
    if (found) out.push(found);
  }
  return out;
}

function checkCitedQuote(ctx: CheckContext, quote: DraftQuote): DossierDiagnostic | null {
  const citation = quote.citation;
  if (!citation || onlyUnknownKeys(ctx, citation)) return null;
  const look = lookupQuote(ctx, quote);
  if (look.cited.length === 0 || look.verbatimInCited) return null;
  const span = quote.inner;

  const right = look.verbatimElsewhere[0];
  if (right && look.words >= MIN_WORDS_WRONG_SOURCE) {
    const fixes = look.verbatimElsewhere.slice(0, 3).map((m, i) => ({ ...replaceKeyFix(citation, look.cited, m.key), isPreferred: i === 0 }));
    return diagnostic(DiagnosticCode.QuoteWrongSource, span,
      `These words are not in @${look.cited.join(', @')}; they are in @${right.key}.`,
      [relatedPassage(ctx, right.key, right, `The quoted words in @${right.key}`)], fixes);
  }
  if (look.words < MIN_WORDS_CHECKED) return null;

  const near = look.nearInCited;
  if (near) return alteredDiagnostic(ctx, quote, near, look.segments);
  if (look.nowhere) {
    return diagnostic(DiagnosticCode.QuoteNotFound, span,
      `Quotation not found in @${look.cited.join(', @')} nor in any other source.`);
  }
  return null;
}

function alteredDiagnostic(ctx: CheckContext, quote: DraftQuote, near: QuoteMatch, segments: CompareWord[][]): DossierDiagnostic | null {
  const source = ctx.corpus.get(near.key);
  if (!source) return null;
  const draftWords = segments.flat();
  const sourceWords = compareWords(source.text, near);
  let detail = '';
  // The source words the fix restores: the match, widened to a word just outside
  // it that the comparison paired with a changed draft word ("sports" for "sport").
  const restore = { start: near.start, end: near.end };
  if (segments.length === 1 && draftWords.length <= MAX_DIFF_WORDS && sourceWords.length <= MAX_DIFF_WORDS) {
    const diffs = wordDifferences(draftWords, sourceWords);
    // The table's match may be wider or narrower than the quote at its edges; only inner differences count.
    const inner = diffs.filter((d) => !(d.draft.length === 0 && (d.source[0] === sourceWords[0] || d.source[d.source.length - 1] === sourceWords[sourceWords.length - 1])));
    if (inner.length === 0) return null;
    detail = ` ${describe(ctx.draft.text, source.text, inner[0])}`;
    for (const d of inner) {
      for (const w of d.source) {
        restore.start = Math.min(restore.start, w.start);
        restore.end = Math.max(restore.end, w.end);
      }
    }
  }
  const fixes: Fix[] = segments.length === 1
    ? [{ title: 'Use the source\'s exact words', edits: [wordsEdit(quote, draftWords, trimQuotePunctuation(source.text.slice(restore.start, restore.end)))], isPreferred: true }]
    : [];
  return diagnostic(DiagnosticCode.QuoteAltered, quote.inner,
    `Quotation differs from @${near.key}.${detail}`,
    [relatedPassage(ctx, near.key, near, `@${near.key}: "${clip(near.sourceText, 120)}"`)], fixes);
}

function describe(draftText: string, sourceText: string, d: { draft: CompareWord[]; source: CompareWord[] }): string {
  const words = (text: string, ws: CompareWord[]) => text.slice(ws[0].start, ws[ws.length - 1].end);
  if (d.draft.length === 0) return `Words dropped without an ellipsis: "${clip(words(sourceText, d.source), 60)}".`;
  if (d.source.length === 0) return `Words added without [brackets]: "${clip(words(draftText, d.draft), 60)}".`;
  return `The source has "${clip(words(sourceText, d.source), 60)}" where the draft has "${clip(words(draftText, d.draft), 60)}".`;
}

function checkUncitedQuote(ctx: CheckContext, quote: DraftQuote): DossierDiagnostic | null {
  const look = lookupQuote(ctx, quote);
  if (look.words < MIN_WORDS_UNCITED || look.verbatimElsewhere.length === 0) return null;
  const sentence = sentenceAt(ctx.draft, Math.max(quote.start, quote.end - 1));
  if (!sentence) return null;
  const keys = [...new Set(look.verbatimElsewhere.map((m) => m.key))].slice(0, 3);
  const fixes = keys.map((key, i) => ({ ...addCitationFix(ctx.draft, sentence, key), isPreferred: i === 0 }));
  const first = look.verbatimElsewhere[0];
  return diagnostic(DiagnosticCode.UncitedQuote, quote.inner, `Quotation without citation; it is in @${keys.join(', @')}.`,
    [relatedPassage(ctx, first.key, first, `The quoted words in @${first.key}`)], fixes);
}

/**
 * Replaces the quotation's words, from its first word to its last, keeping the
 * draft's own marks and punctuation around them (a nested closing quote, say).
 */
function wordsEdit(quote: DraftQuote, words: CompareWord[], newText: string): TextEdit {
  if (words.length === 0) return { start: quote.inner.start, end: quote.inner.end, newText };
  return { start: words[0].start, end: words[words.length - 1].end, newText: newText.replace(/[\s.,;:!?]+$/, '') };
}

/** The source's words without the punctuation a quotation's marks would enclose at its edges. */
function trimQuotePunctuation(s: string): string {
  return s.replace(/^[\s"“”'‘’]+/, '').replace(/[\s"“”'‘’]+$/, '');
}
