/**
 * Pandoc citations in draft prose: bracketed `[@key]`, `[@key, para 4]`,
 * `[see @key, p. 3; @other]`, `[-@key]`, and in-text `@key says ...`
 * (optionally `@key [p. 3] says`), and what each citation vouches for.
 *
 * An `@` glued to a word ("editor@example.com") is never a citation. A bracket
 * without a well-formed `@key` ("[sic]", "[@]", "[@ key]") is not a citation;
 * {@link findMalformedCitations} tells the writer about the ones that were
 * meant to be.
 */
import type { Span } from '../model';
import type { Citation, CitationItem } from './model';

/** A citation key as Pandoc reads it: `{anything}` or a word with inner `:.#$%&-+?<>~/`. */
const KEY_SOURCE = String.raw`(?:\{([^{}\n]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))`;
const ITEM_RE = new RegExp(String.raw`^(\s*)([^@]*?)(-?)@` + KEY_SOURCE + String.raw`([\s\S]*)$`, 'u');
/** An in-text citation's key, read at an `@` (sticky: tried only where an `@` is). */
const IN_TEXT_AT_RE = new RegExp(String.raw`@` + KEY_SOURCE, 'uy');
const LOCATOR_PARAGRAPH_RE = /^(?:para(?:graph)?s?\.?|¶+)\s*(\d+)/i;
const KEY_START_RE = new RegExp(String.raw`^\s*-?@` + KEY_SOURCE, 'u');
/** "@@key" not glued to a word ("x@@y" is an address or a typo of no citation). */
const DOUBLED_AT_RE = new RegExp(String.raw`(^|[\s[(;])@@` + KEY_SOURCE, 'gu');

/** Something written as a citation that is not one, with what is wrong. */
export interface MalformedCitation extends Span {
  message: string;
  /** A replacement that makes it a citation, when obvious. */
  fix?: Span & { newText: string; title: string };
}

/**
 * Citations the writer meant but Pandoc would print as text: `[@]` and
 * `[@;@;]` (empty keys), `[@ key]` (space after `@`), `@@key` (doubled `@`)
 * and `[@key` (bracket never closed), in `text.slice(start, end)`. A bracket
 * counts as meant for a citation when it opens with `@` or holds a well-formed
 * item; "[mail me @ home]" and "editor@@example.com" are left alone.
 */
export function findMalformedCitations(text: string, start: number, end: number): MalformedCitation[] {
  const out: MalformedCitation[] = [];
  const examined: Span[] = [];
  for (let i = text.indexOf('[', start); i >= 0 && i < end; i = text.indexOf('[', i + 1)) {
    const close = findClose(text, i, end);
    if (close < 0) {
      const key = KEY_START_RE.exec(text.slice(i + 1, Math.min(end, i + 200)));
      if (key) {
        const keyEnd = i + 1 + key[0].length;
        out.push({ start: i, end: keyEnd, message: `Citation "${text.slice(i, keyEnd)}" is not closed: "]" is missing.`, fix: { start: keyEnd, end: keyEnd, newText: ']', title: 'Close the citation with "]"' } });
        examined.push({ start: i, end: keyEnd });
      }
      continue;
    }
    const problem = bracketProblem(text, i, close);
    examined.push({ start: i, end: close + 1 });
    if (problem) out.push(problem);
    i = close;
  }
  DOUBLED_AT_RE.lastIndex = start;
  for (let m = DOUBLED_AT_RE.exec(text); m && m.index < end; m = DOUBLED_AT_RE.exec(text)) {
    const at = m.index + m[1].length;
    if (examined.some((s) => at >= s.start && at < s.end)) continue;
    out.push({ start: at, end: m.index + m[0].length, message: 'Citation key with a doubled "@": write @key.', fix: { start: at, end: at + 1, newText: '', title: 'Remove the extra "@"' } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What is wrong with a closed bracket meant as a citation, or null (a citation, or plain text). */
function bracketProblem(text: string, open: number, close: number): MalformedCitation | null {
  const segments: Span[] = [];
  let from = open + 1;
  for (let j = open + 1; j <= close; j++) {
    if (j < close && text[j] !== ';') continue;
    segments.push({ start: from, end: j });
    from = j + 1;
  }
  const meant = /^\s*-?@/.test(text.slice(open + 1, close)) || segments.some((s) => isItem(text, s));
  if (!meant) return null;
  for (const s of segments) {
    const segment = text.slice(s.start, s.end);
    // "[@a;]": a trailing separator is harmless; only an "@" without a key is a problem.
    if (isItem(text, s) || !/(?:^|[\s-])@/.test(segment)) continue;
    const span = { start: open, end: close + 1 };
    if (/@@/.test(segment)) {
      const at = s.start + segment.indexOf('@@');
      return { ...span, message: 'Citation key with a doubled "@": write @key.', fix: { start: at, end: at + 1, newText: '', title: 'Remove the extra "@"' } };
    }
    const spaced = /@(\s+)(?=[\p{L}\p{N}_{])/u.exec(segment);
    if (spaced) {
      const at = s.start + spaced.index + 1;
      return { ...span, message: 'Space after "@" in a citation: write @key.', fix: { start: at, end: at + spaced[1].length, newText: '', title: 'Remove the space after "@"' } };
    }
    if (/@\s*$/.test(segment)) return { ...span, message: 'Empty citation key: write [@key].' };
  }
  return null;
}

/** True when the bracket segment is a well-formed citation item. */
function isItem(text: string, s: Span): boolean {
  return ITEM_RE.test(text.slice(s.start, s.end)) && parseBracketItems(text, s.start, s.end).length > 0;
}

/**
 * Finds the citations in `text.slice(start, end)` (prose with markup blanked).
 * `covers` is set to the citation's own span; {@link assignCoverage} fills it.
 */
export function findCitations(text: string, start: number, end: number): Citation[] {
  const out: Citation[] = [];
  const taken: Span[] = [];
  for (let i = text.indexOf('[', start); i >= 0 && i < end; i = text.indexOf('[', i + 1)) {
    const close = findClose(text, i, end);
    if (close < 0) continue;
    const items = parseBracketItems(text, i + 1, close);
    if (items.length === 0) continue;
    const span = { start: i, end: close + 1 };
    // Written out rather than spread: a spread followed by new properties takes a slow path in V8 (~2.7 us an object).
    out.push({ start: span.start, end: span.end, items, inText: false, covers: { start: span.start, end: span.end } });
    taken.push(span);
    i = close;
  }
  // Each "@" outside the bracketed citations, in order (the keys of those are theirs).
  for (let at = text.indexOf('@', start); at >= 0 && at < end;) {
    const bracketed = taken.find((s) => at >= s.start && at < s.end);
    if (bracketed) {
      at = text.indexOf('@', bracketed.end);
      continue;
    }
    IN_TEXT_AT_RE.lastIndex = at;
    const m = IN_TEXT_AT_RE.exec(text);
    if (!m) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    const next = at + m[0].length;
    const before = at > 0 ? text[at - 1] : ' ';
    // "editor@example.com", "x@@y", "a.@b": an @ glued to a word is not a citation.
    if (/[\p{L}\p{N}_@.\-+]/u.test(before)) {
      at = text.indexOf('@', next);
      continue;
    }
    const keyText = m[1] ?? m[2];
    const keyStart = m[1] !== undefined ? at + 2 : at + 1;
    let citationEnd = at + m[0].length;
    let locator: string | undefined;
    // "@key [p. 3] says": a bracketed locator right after an in-text key.
    const after = /^\s?\[([^[\]@\n]*)\]/.exec(text.slice(citationEnd, Math.min(end, citationEnd + 80)));
    if (after) {
      locator = after[1].trim() || undefined;
      citationEnd += after[0].length;
    }
    const item: CitationItem = {
      start: at, end: citationEnd, key: keyText, keySpan: { start: keyStart, end: keyStart + keyText.length },
      suppressAuthor: false, ...locatorFields(locator),
    };
    out.push({ start: at, end: citationEnd, items: [item], inText: true, covers: { start: at, end: citationEnd } });
    at = text.indexOf('@', next);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Sets each citation's `covers`: an in-text citation vouches for its whole
 * sentence; a bracketed one for the clause it follows, that is the text since
 * the previous citation of the same sentence (or the sentence start). Adjacent
 * citations (`[@a] [@b]`) share what they cover. A citation opening a sentence
 * covers the rest of it.
 */
export function assignCoverage(text: string, sentence: Span, citations: Citation[]): void {
  let previous: Citation | null = null;
  for (const c of citations) {
    if (c.inText) {
      c.covers = { start: sentence.start, end: sentence.end };
    } else if (previous && !previous.inText && /^[\s,;]*$/.test(text.slice(previous.end, c.start))) {
      c.covers = { ...previous.covers };
    } else {
      const from = skipSeparators(text, previous ? previous.end : sentence.start, c.start);
      const to = trimSpace(text, from, c.start);
      c.covers = to > from ? { start: from, end: to } : { start: skipSeparators(text, c.end, sentence.end), end: trimSpace(text, c.end, sentence.end) };
    }
    previous = c;
  }
}

function findClose(text: string, open: number, end: number): number {
  for (let j = open + 1; j < end; j++) {
    const ch = text[j];
    if (ch === ']') return j;
    if (ch === '[' || ch === '\n' && text[j + 1] === '\n') return -1;
  }
  return -1;
}

/** Items of a bracketed citation; empty when the bracket is not a citation. */
function parseBracketItems(text: string, from: number, to: number): CitationItem[] {
  const items: CitationItem[] = [];
  let segStart = from;
  for (let j = from; j <= to; j++) {
    if (j < to && text[j] !== ';') continue;
    const segment = text.slice(segStart, j);
    const m = ITEM_RE.exec(segment);
    const prefix = m?.[2] ?? '';
    // The @ must start a word: "[see @key]" yes, "[mail a@b.c]" no.
    const valid = m !== null && (prefix === '' || /[\s\-([]$/.test(prefix)) && !/\p{L}$/u.test(prefix);
    if (m && valid) {
      const keyText = m[4] ?? m[5];
      const atOffset = segStart + m[1].length + m[2].length + m[3].length;
      const keyStart = atOffset + 1 + (m[4] !== undefined ? 1 : 0);
      const suffix = m[6];
      const locator = suffix.replace(/^\s*,?\s*/, '').trim() || undefined;
      const itemStart = segStart + m[1].length;
      items.push({
        start: itemStart, end: trimSpace(text, itemStart, j), key: keyText,
        keySpan: { start: keyStart, end: keyStart + keyText.length },
        prefix: prefix.trim() || undefined, suppressAuthor: m[3] === '-', ...locatorFields(locator),
      });
    } else if (items.length === 0 && /@/.test(segment)) {
      // A malformed first item ("[@ key; @b]", "[@]") makes the whole bracket literal text, as in Pandoc.
      return [];
    }
    segStart = j + 1;
  }
  return items;
}

function locatorFields(locator: string | undefined): { locator?: string; paragraph?: number } {
  if (!locator) return {};
  const p = LOCATOR_PARAGRAPH_RE.exec(locator);
  return p ? { locator, paragraph: Number(p[1]) } : { locator };
}

function skipSeparators(text: string, i: number, end: number): number {
  while (i < end && /[\s,;:.!?)\]]/.test(text[i])) i++;
  return i;
}

function trimSpace(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
