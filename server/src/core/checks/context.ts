/**
 * What every check is given, and the small helpers they share: building a
 * diagnostic, pointing at a source passage, and the "add a citation" fix.
 */
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import type { Citation, Draft, DraftSentence } from '../draft/model';
import { DEFAULT_SEVERITY, type DiagnosticCode, type DossierDiagnostic, type Fix, type RelatedPassage } from './diagnostics';

/** Input of one check run. */
export interface CheckContext {
  draft: Draft;
  corpus: Corpus;
  /** Citation keys the corpus has. */
  keys: ReadonlySet<string>;
}

/** A diagnostic with the code's default severity (checkDraft applies overrides). */
export function diagnostic(code: DiagnosticCode, span: Span, message: string, related: RelatedPassage[] = [], fixes: Fix[] = []): DossierDiagnostic {
  return { start: span.start, end: span.end, code, severity: DEFAULT_SEVERITY[code], message, related, fixes };
}

/** A source passage explaining a diagnostic. */
export function relatedPassage(ctx: CheckContext, key: string, span: Span, message: string): RelatedPassage {
  const uri = ctx.corpus.get(key)?.uri ?? '';
  return { key, uri, start: span.start, end: span.end, message };
}

/** The keys of a citation that exist in the corpus, in order, without repeats. */
export function knownKeys(ctx: CheckContext, citation: Citation | null): string[] {
  if (!citation) return [];
  const out: string[] = [];
  for (const item of citation.items) if (ctx.keys.has(item.key) && !out.includes(item.key)) out.push(item.key);
  return out;
}

/** True when the citation has at least one key and every key is unknown (unknown-source covers it). */
export function onlyUnknownKeys(ctx: CheckContext, citation: Citation): boolean {
  return citation.items.every((i) => !ctx.keys.has(i.key));
}

/**
 * The fix "cite @key": inserts ` [@key]` before the sentence's final
 * punctuation (Pandoc style), or at its end when it has none.
 */
export function addCitationFix(draft: Draft, span: Span, key: string): Fix {
  let at = span.end;
  while (at > span.start && /[\s.!?…]/.test(draft.text[at - 1])) at--;
  // A sentence ending in a closing quote mark (`...idea."`) gets the citation after the mark.
  return { title: `Cite @${key}`, edits: [{ start: at, end: at, newText: ` [@${key}]` }], isPreferred: true };
}

/** The fix "cite @right instead of @wrong": replaces the keys of a citation. */
export function replaceKeyFix(citation: Citation, from: string[], to: string): Fix {
  const edits = citation.items.filter((i) => from.includes(i.key)).slice(0, 1)
    .map((i) => ({ start: i.keySpan.start, end: i.keySpan.end, newText: to }));
  return { title: `Cite @${to} instead`, edits, isPreferred: true };
}

/** The sentence of the draft containing `offset`. */
export function sentenceAt(draft: Draft, offset: number): DraftSentence | undefined {
  return draft.sentences.find((s) => offset >= s.start && offset < s.end);
}

/** Shortens a passage for a message. */
export function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
