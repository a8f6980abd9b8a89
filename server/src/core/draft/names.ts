/**
 * Capitalised names written in draft prose ("Vladimir Putin", "CISM",
 * "Leonardo Perdigao de Oliveira", "Sir Digby Jones"), for hover, references
 * and resolving "he said" to the nearest name.
 */
import type { Span } from '../model';
import type { DraftName } from './model';

/** Lower-case words that may sit inside a name ("de Oliveira", "al-Assad", "van Gogh"). */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'dos', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'le', 'la']);

/** Capitalised words that start sentences without being names. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they',
  'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'after', 'before', 'when', 'while', 'however',
  'although', 'since', 'as', 'for', 'from', 'with', 'without', 'despite', 'according', 'speaking', 'meanwhile', 'there',
  'here', 'why', 'what', 'who', 'how', 'if', 'so', 'yet', 'also', 'most', 'more', 'some', 'many', 'all', 'no', 'not',
  'now', 'then', 'last', 'next', 'earlier', 'later', 'during', 'under', 'over', 'by', 'of', 'to', 'is', 'was', 'are',
  'were', 'be', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'do', 'does', 'did',
  'each', 'every', 'both', 'either', 'neither', 'one', 'two', 'three', 'such', 'other', 'any', 'only', 'even', 'just',
]);

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\.?/gu;

/**
 * Names in `text.slice(start, end)`: runs of capitalised words (with name
 * particles inside), without a leading sentence word such as "The" and
 * without a possessive "'s".
 */
export function findNames(text: string, start: number, end: number, skip: Span[] = []): DraftName[] {
  const words: Array<{ text: string; start: number; end: number }> = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    let w = m[0];
    // A trailing dot belongs to the word only for initials and honorifics ("J.", "Mr.").
    if (w.endsWith('.') && !/^\p{Lu}\.$|^(?:Mr|Mrs|Ms|Dr|St)\.$/u.test(w)) w = w.slice(0, -1);
    words.push({ text: w, start: m.index, end: m.index + w.length });
  }
  const out: DraftName[] = [];
  let run: typeof words = [];
  const flush = () => {
    if (run.length === 0) return;
    // Trailing particles are not part of the name.
    while (run.length > 0 && NAME_PARTICLES.has(run[run.length - 1].text)) run.pop();
    while (run.length > 0 && NOT_NAMES.has(run[0].text.toLowerCase())) run.shift();
    if (run.length > 0) {
      const s = run[0].start;
      let e = run[run.length - 1].end;
      const possessive = /['’]s$/.exec(text.slice(s, e));
      if (possessive) e -= possessive[0].length;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (skip.length > 0 && skip.some((s) => w.start >= s.start && w.start < s.end)) { flush(); continue; }
    if (run.length > 0 && !onlySpaces(text, run[run.length - 1].end, w.start)) flush();
    if (capitalised(w.text)) run.push(w);
    else if (run.length > 0 && NAME_PARTICLES.has(w.text) && i + 1 < words.length && capitalised(words[i + 1].text)) run.push(w);
    else if (run.length === 0 && NAME_PARTICLES.has(w.text) && i + 1 < words.length && capitalised(words[i + 1].text) && w.end < words[i + 1].start && onlySpaces(text, w.end, words[i + 1].start)) run.push(w);
    else flush();
  }
  flush();
  return out;
}

/** True when `text[from, to)` is spaces and tabs only (or empty): words on one line, side by side. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True when the word opens with a capital letter (ASCII checked without the Unicode regex). */
function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}
