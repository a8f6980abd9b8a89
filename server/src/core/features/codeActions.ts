/**
 * Code actions: the quick fixes carried by diagnostics, and "Add citation" on an
 * uncited sentence that a source supports.
 */
import type { Fix, TextEdit } from '../checks/diagnostics';
import type { Draft, DraftSentence } from '../draft/model';
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import { sourceTitle, truncate } from './markdown';
import { sourcesSupporting } from './support';

/** A code action in editor-neutral terms. */
export interface CodeActionEntry {
  title: string;
  /** `quickfix` fixes a diagnostic; `refactor` adds something the draft lacks (a citation). */
  kind: 'quickfix' | 'refactor';
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Index into the diagnostics passed in, for the fix it comes from. */
  diagnostic?: number;
}

/** A diagnostic as the editor hands it back: its span and the fixes stored in its data. */
export interface DiagnosticWithFixes extends Span {
  fixes?: Fix[];
}

/** How many sources "Add citation" proposes at most. */
const MAX_CITATION_SUGGESTIONS = 3;

/** The actions available for `range` of the draft. */
export function codeActions(corpus: Corpus, draft: Draft, range: Span, diagnostics: DiagnosticWithFixes[]): CodeActionEntry[] {
  const actions: CodeActionEntry[] = [];
  diagnostics.forEach((d, index) => {
    for (const fix of d.fixes ?? []) {
      actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, isPreferred: fix.isPreferred, diagnostic: index });
    }
  });
  const offered = new Set(actions.flatMap((a) => a.edits.map((e) => e.newText)));
  for (const action of addCitationActions(corpus, draft, range)) {
    if (!offered.has(action.edits[0].newText)) actions.push(action);
  }
  return actions;
}

/** "Add citation [@key]" for an uncited sentence at `range` that a source supports. */
export function addCitationActions(corpus: Corpus, draft: Draft, range: Span): CodeActionEntry[] {
  const sentence = draft.sentences.find((s) => range.start >= s.start && range.start <= s.end);
  if (!sentence || sentence.citations.length > 0) return [];
  const text = draft.text.slice(sentence.start, sentence.end);
  const at = citationInsertionPoint(draft.text, sentence);
  return sourcesSupporting(corpus, text, MAX_CITATION_SUGGESTIONS).map((passage) => ({
    title: `Add citation [@${passage.source.key}] — ${truncate(sourceTitle(passage.source), 60)}`,
    kind: 'refactor' as const,
    edits: [{ start: at, end: at, newText: ` [@${passage.source.key}]` }],
  }));
}

/**
 * Where a citation closing the sentence goes: before its final punctuation
 * (Pandoc style, "… in Moscow [@key]."), after a closing quote mark if any.
 */
function citationInsertionPoint(text: string, sentence: DraftSentence): number {
  let end = sentence.end;
  while (end > sentence.start && /\s/.test(text[end - 1])) end--;
  const written = text.slice(sentence.start, end);
  // A quotation that ends the sentence keeps its closing mark and stop: cite after it.
  if (/[.!?]["”’']$/.test(written)) return end;
  if (/[.!?]$/.test(written)) return end - 1;
  return end;
}
