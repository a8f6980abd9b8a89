/**
 * What every check is given, and the small helpers they share: building a
 * diagnostic, pointing at a source passage, and the "add a citation" fix.
 */
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import type { Citation, Draft, DraftName, DraftSentence } from '../draft/model';
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

/** Per-sentence results kept per corpus state; a draft has a few hundred sentences, several drafts may be open. */
const MAX_REMEMBERED_SENTENCES = 20000;
const sentenceMemory = new WeakMap<Corpus, { version: number; results: Map<string, { start: number; found: DossierDiagnostic[] }> }>();
const sentenceKeys = new WeakMap<DraftSentence, string>();

/**
 * Runs a check sentence by sentence, remembering each sentence's findings per
 * corpus state under the sentence's text and what the parse found in it
 * (citations, quotes, numbers, names; offsets relative to the sentence).
 * After an edit only the changed sentences are checked again; the others'
 * findings are moved to where the sentence now is.
 *
 * Only for checks whose findings on a sentence depend on nothing else in the
 * draft than that sentence's text and parse.
 */
export function bySentence(ctx: CheckContext, check: string, run: (sentence: DraftSentence, names: DraftName[]) => DossierDiagnostic[]): DossierDiagnostic[] {
  let memory = sentenceMemory.get(ctx.corpus);
  if (!memory || memory.version !== ctx.corpus.version) {
    memory = { version: ctx.corpus.version, results: new Map() };
    sentenceMemory.set(ctx.corpus, memory);
  }
  const names = namesBySentence(ctx.draft);
  const out: DossierDiagnostic[] = [];
  ctx.draft.sentences.forEach((sentence, i) => {
    const key = `${check}\u0000${sentenceKey(ctx.draft, sentence, names[i])}`;
    const hit = memory.results.get(key);
    if (hit) {
      const shift = sentence.start - hit.start;
      for (const d of hit.found) out.push(shift === 0 ? d : shiftDiagnostic(d, shift));
      return;
    }
    const found = run(sentence, names[i]);
    if (memory.results.size >= MAX_REMEMBERED_SENTENCES) memory.results.clear();
    memory.results.set(key, { start: sentence.start, found });
    out.push(...found);
  });
  return out;
}

/** The names of the draft inside each sentence (both lists are in document order). */
function namesBySentence(draft: Draft): DraftName[][] {
  const out: DraftName[][] = [];
  let n = 0;
  for (const sentence of draft.sentences) {
    while (n < draft.names.length && draft.names[n].start < sentence.start) n++;
    const inside: DraftName[] = [];
    for (let k = n; k < draft.names.length && draft.names[k].start < sentence.end; k++) if (draft.names[k].end <= sentence.end) inside.push(draft.names[k]);
    out.push(inside);
  }
  return out;
}

/** The sentence's text and parse, offsets relative to its start (cached per parsed sentence). */
function sentenceKey(draft: Draft, sentence: DraftSentence, names: DraftName[]): string {
  let key = sentenceKeys.get(sentence);
  if (key !== undefined) return key;
  const at = sentence.start;
  const rel = (s: Span) => `${s.start - at},${s.end - at}`;
  const parts: string[] = [draft.text.slice(sentence.start, sentence.end)];
  for (const c of sentence.citations) {
    parts.push(`c${rel(c)};${rel(c.covers)};${c.inText ? 1 : 0};${c.items.map((i) => `${i.key}|${i.paragraph ?? ''}`).join(';')}`);
  }
  for (const q of sentence.quotes) parts.push(`q${q.kind};${rel(q)};${rel(q.inner)}`);
  for (const n of sentence.numbers) parts.push(`n${rel(n)};${n.value};${n.kind};${n.unit ?? ''};${n.counted ?? ''};${n.qualifier ?? ''};${n.rangeEnd ?? ''}`);
  for (const n of names) parts.push(`p${rel(n)}`);
  key = parts.join('\u0001');
  sentenceKeys.set(sentence, key);
  return key;
}

/** A diagnostic moved by `shift` characters in the draft (its source passages stay where they are). */
function shiftDiagnostic(d: DossierDiagnostic, shift: number): DossierDiagnostic {
  return {
    ...d,
    start: d.start + shift,
    end: d.end + shift,
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift })) })),
  };
}
