/**
 * What the cursor is on in a draft: a citation key, a name, or a quotation.
 * Hover, definition and references all start here so they agree on it.
 */
import type { Citation, CitationItem, Draft, DraftQuote } from '../draft/model';
import type { GlobalEntity } from '../index/api';
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';

/** The thing under the cursor. */
export type Target =
  | { kind: 'citation'; citation: Citation; item: CitationItem; span: Span }
  | { kind: 'name'; text: string; span: Span }
  | { kind: 'quote'; quote: DraftQuote; span: Span };

/** True when `offset` lies in `span`, counting the end (a cursor right after a word is still on it). */
function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/**
 * The citation item, name or quotation at `offset`, most specific first: a
 * citation key beats a name, and a name inside a quotation beats the quotation.
 */
export function targetAt(draft: Draft, offset: number): Target | null {
  if (isIgnored(draft, offset)) return null;
  for (const citation of draft.citations) {
    if (!touches(citation, offset)) continue;
    const item = citation.items.find((i) => touches(i, offset)) ?? (citation.items.length === 1 ? citation.items[0] : undefined);
    if (item) return { kind: 'citation', citation, item, span: item.keySpan };
  }
  const listed = draft.names.find((n) => touches(n, offset));
  const name = listed ? withParticles(draft.text, listed) : capitalisedRunAt(draft.text, offset);
  if (name) return { kind: 'name', text: name.text, span: { start: name.start, end: name.end } };
  const quote = draft.quotes.find((q) => q.kind !== 'reported' && touches(q, offset));
  if (quote) return { kind: 'quote', quote, span: { start: quote.start, end: quote.end } };
  return null;
}

function isIgnored(draft: Draft, offset: number): boolean {
  return draft.ignored.some((s) => offset >= s.start && offset < s.end);
}

const WORD_CHAR = /[\p{L}\p{N}'’.-]/u;
/** Lower-case particles that may sit inside a name ("Leonardo Perdigao de Oliveira") but never start or end one. */
const PARTICLE_LIST = ['de', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'du', 'di', 'del', 'della'];
const PARTICLES = new Set(PARTICLE_LIST);
/** A surname glued to a lower-case particle: "al-Assad", "el-Sisi", "bin-Talal", "d'Estaing". */
const PARTICLE_SURNAME = /^(?:al|el|ad|as|ash|at|an|ar|bin|ibn|abu|ben|d|l)[-'’]\p{Lu}[\p{L}\p{N}'’.-]*$/u;
/** A word that can belong to a name. */
function isNameWord(word: string): boolean {
  return /^\p{Lu}/u.test(word) || PARTICLES.has(word) || PARTICLE_SURNAME.test(word);
}
/** Particles and particle-joined words right after a name: " al-Assad", " de Oliveira", " van der Berg". */
const PARTICLE_TAIL = new RegExp(String.raw`^ (?:(?:${PARTICLE_LIST.join('|')}) )*(?:(?:al|el|ad|as|ash|at|an|ar|bin|ibn|abu|ben|d|l)[-'’])?\p{Lu}[\p{L}\p{N}'’-]*`, 'u');

/**
 * A name the draft parser listed, extended over the lower-case particles it
 * stops at: "Bashar" in "Bashar al-Assad" → "Bashar al-Assad", "Perdigao" in
 * "Perdigao de Oliveira" → the whole name. Names are matched as typed.
 */
export function withParticles(text: string, name: Span & { text: string }): Span & { text: string } {
  let end = name.end;
  for (;;) {
    const tail = PARTICLE_TAIL.exec(text.slice(end, end + 80));
    // Only a tail opening with a particle: the parser stopped before a capitalised word on purpose.
    if (!tail || !/^ \p{Ll}/u.test(tail[0])) break;
    end += tail[0].length;
  }
  if (end === name.end) return name;
  const trimmed = text.slice(name.start, end).replace(/[.,;:!?'’]+$/, '');
  return { start: name.start, end: name.start + trimmed.length, text: trimmed };
}

/**
 * The run of capitalised words around `offset` ("Vladimir Putin", "CISM"), for
 * names the draft parser did not list (a sentence-initial name, a possessive).
 */
export function capitalisedRunAt(text: string, offset: number): (Span & { text: string }) | null {
  const word = wordAt(text, offset);
  if (!word || !isNameWord(word.text)) return null;
  let start = word.start;
  let end = word.end;
  // Extend left and right over single spaces to neighbouring capitalised words.
  for (;;) {
    const prev = text[start - 1] === ' ' ? wordAt(text, start - 2) : null;
    if (!prev || !isNameWord(prev.text) || /[.!?:;,"“”]$/.test(prev.text)) break;
    start = prev.start;
  }
  for (;;) {
    if (/[.,;:!?]$/.test(text.slice(start, end)) && end > word.end) break;
    const next = text[end] === ' ' ? wordAt(text, end + 1) : null;
    if (!next || !isNameWord(next.text)) break;
    end = next.end;
  }
  let words = text.slice(start, end).split(' ');
  while (words.length > 1 && PARTICLES.has(words[0])) { start += words[0].length + 1; words = words.slice(1); }
  while (words.length > 1 && PARTICLES.has(words[words.length - 1])) { end -= words[words.length - 1].length + 1; words = words.slice(0, -1); }
  // A particle alone ("de" in "de facto") is no name.
  if (words.length === 1 && PARTICLES.has(words[0])) return null;
  const trimmed = text.slice(start, end).replace(/[.,;:!?'’]+$/, '');
  return { start, end: start + trimmed.length, text: trimmed };
}

function wordAt(text: string, offset: number): (Span & { text: string }) | null {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  if (start === end) return null;
  return { start, end, text: text.slice(start, end) };
}

/** Courtesy titles dropped before a surname ("Mr Brown" → "Brown"). */
const HONORIFICS = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|fr|st)\.?\s+/i;

/**
 * Entities a name written in the draft refers to, best first. Tries the name as
 * typed, then without a possessive or courtesy title, then without leading
 * words that are titles ("Russian President Vladimir Putin" → "Vladimir Putin").
 * Lookups are diacritics- and case-insensitive (the entity table folds).
 */
export function resolveName(corpus: Corpus, written: string): GlobalEntity[] {
  const candidates: string[] = [];
  const base = written.trim().replace(/['’]s?$/u, '');
  candidates.push(base);
  const noHonorific = base.replace(HONORIFICS, '');
  if (noHonorific !== base) candidates.push(noHonorific);
  const words = noHonorific.split(/\s+/);
  for (let i = 1; i < words.length; i++) candidates.push(words.slice(i).join(' '));
  for (const candidate of candidates) {
    if (!candidate) continue;
    const found = corpus.entities.lookup(candidate);
    if (found.length > 0) return found;
  }
  return [];
}
