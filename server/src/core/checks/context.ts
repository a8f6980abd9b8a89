/**
 * What every check is given, and the small helpers they share: building a
 * diagnostic, pointing at a source passage, and the "add a citation" fix.
 */
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import type { Citation, Draft, DraftName, DraftSentence } from '../draft/model';
import { DEFAULT_SEVERITY, type DiagnosticCode, type DossierDiagnostic, type Fix, type RelatedPassage } from './diagnostics';
import { firstIndexNotBefore } from '../text/sortedSearch';

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

/** The sentence of the draft containing `offset` (sentences are in document order and do not overlap: a binary search). */
export function sentenceAt(draft: Draft, offset: number): DraftSentence | undefined {
  const sentences = draft.sentences;
  const s = sentences[firstIndexNotBefore(sentences.length, (i) => sentences[i].start <= offset) - 1];
  return s && offset < s.end ? s : undefined;
}

/** Shortens a passage for a message: white space collapsed, at most `max` characters. */
export function clip(text: string, max = 80): string {
  // A long passage (a whole source paragraph) is collapsed only as far as the message shows it:
  // the collapsed start of the text is the start of the collapsed text.
  if (text.length > 2 * max + 2) {
    const start = collapseSpace(text.slice(0, 2 * max + 2));
    if (start.length > max) return `${start.slice(0, max - 1)}…`;
  }
  const t = collapseSpace(text);
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Per-sentence results kept per corpus state; a draft has a few hundred sentences, several drafts may be open. */
const MAX_REMEMBERED_SENTENCES = 20000;

/** A sentence a check has read: its parse (offsets as in its draft) and what the check found in it. */
interface ReadSentence {
  sentence: DraftSentence;
  names: DraftName[];
  found: DossierDiagnostic[];
}

/** Per corpus state: per check, the sentences read, by their text. */
const sentenceMemory = new WeakMap<Corpus, { version: number; size: number; byCheck: Map<string, Map<string, ReadSentence[]>> }>();

/**
 * Runs a check sentence by sentence, remembering each sentence's findings per
 * corpus state under the sentence's text and what the parse found in it
 * (citations, quotes, numbers, names; compared relative to the sentence's
 * start). After an edit only the changed sentences are checked again; the
 * others' findings are moved to where the sentence now is.
 *
 * Only for checks whose findings on a sentence depend on nothing else in the
 * draft than that sentence's text and parse.
 */
export function bySentence(ctx: CheckContext, check: string, run: (sentence: DraftSentence, names: DraftName[]) => DossierDiagnostic[]): DossierDiagnostic[] {
  let memory = sentenceMemory.get(ctx.corpus);
  if (!memory || memory.version !== ctx.corpus.version) {
    memory = { version: ctx.corpus.version, size: 0, byCheck: new Map() };
    sentenceMemory.set(ctx.corpus, memory);
  }
  const names = namesBySentence(ctx.draft);
  const out: DossierDiagnostic[] = [];
  ctx.draft.sentences.forEach((sentence, i) => {
    const text = ctx.draft.text.slice(sentence.start, sentence.end);
    let read = memory.byCheck.get(check);
    const hit = read?.get(text)?.find((r) => sameParse(r.sentence, r.names, sentence, names[i]));
    if (hit) {
      const shift = sentence.start - hit.sentence.start;
      for (const d of hit.found) out.push(shift === 0 ? d : shiftDiagnostic(d, shift));
      return;
    }
    const found = run(sentence, names[i]);
    if (memory.size >= MAX_REMEMBERED_SENTENCES) {
      memory.byCheck.clear();
      memory.size = 0;
    }
    read = memory.byCheck.get(check);
    if (!read) memory.byCheck.set(check, (read = new Map()));
    const same = read.get(text);
    if (same) same.push({ sentence, names: names[i], found });
    else read.set(text, [{ sentence, names: names[i], found }]);
    memory.size++;
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

/**
 * True when two sentences of the same text were parsed alike: the same
 * citations (places, covered text, keys and paragraph locators), quotes,
 * numbers and names, each relative to its sentence's start. What the checks
 * read of a sentence besides its text.
 */
function sameParse(a: DraftSentence, aNames: DraftName[], b: DraftSentence, bNames: DraftName[]): boolean {
  const shift = b.start - a.start;
  if (a.citations.length !== b.citations.length || a.quotes.length !== b.quotes.length || a.numbers.length !== b.numbers.length || aNames.length !== bNames.length) return false;
  for (let k = 0; k < a.citations.length; k++) {
    const x = a.citations[k];
    const y = b.citations[k];
    if (!sameSpan(x, y, shift) || !sameSpan(x.covers, y.covers, shift) || x.inText !== y.inText || x.items.length !== y.items.length) return false;
    for (let j = 0; j < x.items.length; j++) if (x.items[j].key !== y.items[j].key || x.items[j].paragraph !== y.items[j].paragraph) return false;
  }
  for (let k = 0; k < a.quotes.length; k++) {
    const x = a.quotes[k];
    const y = b.quotes[k];
    if (x.kind !== y.kind || !sameSpan(x, y, shift) || !sameSpan(x.inner, y.inner, shift)) return false;
  }
  for (let k = 0; k < a.numbers.length; k++) {
    const x = a.numbers[k];
    const y = b.numbers[k];
    if (!sameSpan(x, y, shift) || !Object.is(x.value, y.value) || x.kind !== y.kind || x.unit !== y.unit || x.counted !== y.counted || x.qualifier !== y.qualifier || !Object.is(x.rangeEnd, y.rangeEnd)) return false;
  }
  for (let k = 0; k < aNames.length; k++) if (!sameSpan(aNames[k], bNames[k], shift)) return false;
  return true;
}

/** True when span `x` moved by `shift` is span `y`. */
function sameSpan(x: Span, y: Span, shift: number): boolean {
  return x.start + shift === y.start && x.end + shift === y.end;
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
