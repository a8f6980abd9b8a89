/**
 * Who the draft says spoke: "said Wang", "Wang said (that)", "according to
 * Wang", "Wang claimed ...", "chairman Richard Parsons said", "he said".
 * Pronouns are returned as such; {@link resolvePronoun} picks the nearest
 * earlier speaker or name.
 */
import type { Span } from '../model';
import type { DraftName } from './model';
import { findNames } from './names';

const VERB_STEMS = [
  'say', 'says', 'said', 'saying', 'told', 'add', 'adds', 'added', 'claim', 'claims', 'claimed',
  'stresses', 'stressed', 'insist', 'insists', 'insisted', 'stated', 'noted', 'explain', 'explains', 'explained', 'argue', 'argues', 'argued', 'warn', 'warns', 'warned', 'suggest',
  'suggests', 'suggested', 'reveal', 'reveals', 'revealed', 'declare', 'declares', 'declared', 'write', 'writes',
  'wrote', 'ask', 'asks', 'asked', 'reply', 'replies', 'replied', 'continue', 'continues', 'continued', 'remarked', 'announce', 'announces', 'announced', 'admit', 'admits', 'admitted', 'acknowledge',
  'acknowledges', 'acknowledged', 'commented', 'underline', 'underlines', 'underlined',
  'emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized', 'believe', 'believes',
  'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'vowed', 'pledged', 'promised', 'urge', 'urges', 'urged', 'confirm', 'confirms', 'confirmed',
  'deny', 'denies', 'denied', 'predict', 'predicts', 'predicted', 'praise', 'praises', 'praised', 'maintain',
  'maintains', 'maintained', 'conclude', 'concludes', 'concluded', 'recalled',
];

/** Verbs that report speech or thought. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(VERB_STEMS);

/** Any speech verb, or "according", between non-letters in lower-case text (a sentence holding one as a word matches). */
const SPEECH_WORD_RE = new RegExp(`(?<![a-z0-9])(?:${[...VERB_STEMS, 'according'].join('|')})(?![a-z0-9])`);
/** Characters a word may run on with (a superset of what {@link wordsIn} reads as one word). */
const WORD_RUN = /[\p{L}\p{N}'’-]/u;

/** Words allowed between a speaker and the verb ("Wang also said", "Balls has said"). */
const BETWEEN = new Set(['also', 'later', 'previously', 'then', 'has', 'had', 'have', 'once', 'again', 'further', 'repeatedly', 'recently']);
const PRONOUNS = new Set(['he', 'she']);
const HONORIFICS = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+)+/;

/** A speaker found in the draft, before pronoun resolution. */
export interface FoundAttribution {
  name: string;
  span: Span;
  /** True for "he"/"she": the name is to be resolved from context. */
  pronoun: boolean;
}

interface Word { text: string; lower: string; start: number; end: number }

/**
 * The speaker of a quotation at `quote` inside `sentence`: first the words
 * right after the quote (`," said Wang`, `," Wang said`), then a speaker
 * before it in the same sentence (`Wang said "..."`, `according to Wang, "..."`).
 * `blocked` spans (citations, other quotes) are not read.
 */
export function findAttribution(text: string, sentence: Span, quote: Span, blocked: Span[]): FoundAttribution | null {
  return attributionAfter(text, quote.end, clauseEnd(text, quote.end, sentence.end, blocked), blocked)
    ?? attributionBefore(text, headStart(sentence.start, quote.start, blocked), quote.start, blocked);
}

/**
 * Reported speech: "Wang said (that) the council ..." or "According to Wang,
 * the council ...". Returns the speaker and the reported clause.
 */
export function findReportedSpeech(text: string, sentence: Span, blocked: Span[]): { attribution: FoundAttribution; clause: Span } | null {
  // Most sentences hold no speech verb: one search of the lower-cased sentence (and of a word it may end inside) rules them out before splitting it into words.
  let end = sentence.end;
  while (end < text.length && WORD_RUN.test(text[end])) end++;
  if (!SPEECH_WORD_RE.test(text.slice(sentence.start, end).toLowerCase())) return null;
  const words = wordsIn(text, sentence.start, sentence.end, blocked);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let speakerEnd = -1;
    let clauseFrom = -1;
    if (SPEECH_VERBS.has(w.lower) && i > 0) {
      let k = i - 1;
      while (k >= 0 && BETWEEN.has(words[k].lower)) k--;
      if (k < 0) continue;
      speakerEnd = words[k].end;
      clauseFrom = i + 1 < words.length && words[i + 1].lower === 'that' ? words[i + 1].end : w.end;
    } else if (w.lower === 'according' && words[i + 1]?.lower === 'to') {
      const comma = text.indexOf(',', words[i + 1].end);
      if (comma < 0 || comma >= sentence.end) continue;
      const attribution = lastName(text, words[i + 1].end, comma, blocked);
      if (!attribution) continue;
      const clause = trimmedClause(text, comma + 1, sentence.end, blocked);
      return clause ? { attribution, clause } : null;
    } else {
      continue;
    }
    const speaker = speakerBefore(text, words, i, speakerEnd, blocked);
    if (!speaker) continue;
    const clause = trimmedClause(text, clauseFrom, sentence.end, blocked);
    return clause ? { attribution: speaker, clause } : null;
  }
  return null;
}

/**
 * Resolves "he"/"she" to the nearest earlier speaker in the draft, or else to
 * the nearest earlier name of two or more words (a full name), between
 * `floor` and `at` (callers keep it to the paragraph and the one before).
 */
export function resolvePronoun(at: number, speakers: FoundAttribution[], names: DraftName[], floor = 0): string | null {
  let best: { name: string; pos: number } | null = null;
  for (const s of speakers) if (!s.pronoun && s.span.start >= floor && s.span.end <= at && (!best || s.span.start > best.pos)) best = { name: s.name, pos: s.span.start };
  for (const n of names) {
    if (n.start < floor || n.end > at || (best && n.start <= best.pos)) continue;
    if (/\s/.test(n.text) && !/^\p{Lu}+$/u.test(n.text)) best = { name: stripHonorific(n.text), pos: n.start };
  }
  return best?.name ?? null;
}

function attributionAfter(text: string, from: number, to: number, blocked: Span[]): FoundAttribution | null {
  const words = wordsIn(text, from, to, blocked).slice(0, 10);
  if (words.length === 0) return null;
  if (SPEECH_VERBS.has(words[0].lower)) {
    if (words.length > 1 && PRONOUNS.has(words[1].lower)) return pronoun(words[1]);
    // "said CISM vice-president Yijang Wang of China": the last name before "of"/"who".
    const stop = words.findIndex((w, k) => k > 0 && (w.lower === 'of' || w.lower === 'who' || w.lower === 'in' || w.lower === 'at' || w.lower === 'on'));
    const end = stop > 0 ? words[stop - 1].end : words[words.length - 1].end;
    return lastName(text, words[0].end, end, blocked);
  }
  for (let i = 1; i < words.length; i++) {
    if (!SPEECH_VERBS.has(words[i].lower)) continue;
    return speakerBefore(text, words, i, words[i - 1].end, blocked, from);
  }
  return null;
}

function attributionBefore(text: string, from: number, to: number, blocked: Span[]): FoundAttribution | null {
  const words = wordsIn(text, from, to, blocked);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (w.lower === 'according' && words[i + 1]?.lower === 'to') {
      const end = i + 2 < words.length ? nameRunEnd(text, words, i + 2) : to;
      return lastName(text, words[i + 1].end, end, blocked);
    }
    if (!SPEECH_VERBS.has(w.lower) || i === 0) continue;
    let k = i - 1;
    while (k > 0 && BETWEEN.has(words[k].lower)) k--;
    // The speech verb nearest the quote decides: "according to Peston the prime minister said: ..." is not Peston's.
    return speakerBefore(text, words, i, words[k].end, blocked, from);
  }
  return null;
}

/** The speaker ending at `speakerEnd`, just before the verb `words[verb]`. */
function speakerBefore(text: string, words: Word[], verb: number, speakerEnd: number, blocked: Span[], floor = 0): FoundAttribution | null {
  let k = verb - 1;
  while (k >= 0 && BETWEEN.has(words[k].lower)) k--;
  if (k < 0) return null;
  // "Toulouse, a manager at Microsoft, said": the speaker is behind an apposition; too unsure to name.
  if (/[,;:()]/.test(text.slice(words[k].end, words[verb].start))) return null;
  if (PRONOUNS.has(words[k].lower)) return pronoun(words[k]);
  const name = lastName(text, Math.max(floor, words[Math.max(0, k - 6)].start), speakerEnd, blocked);
  if (!name || name.span.end !== speakerEnd) return null;
  const nameStart = words.findIndex((w) => w.start >= name.span.start);
  const preposition = nameStart > 0 ? words[nameStart - 1].lower : '';
  if (preposition === 'of' || preposition === 'from') {
    // "Yijang Wang of China said": the speaker is the name before "of".
    const before = nameStart - 2 >= 0 ? lastName(text, words[Math.max(0, nameStart - 8)].start, words[nameStart - 2].end, blocked) : null;
    return before && before.span.end === words[nameStart - 2].end ? before : null;
  }
  if (['at', 'in', 'for', 'with', 'by', 'to', 'on'].includes(preposition)) return null;
  return name;
}

function lastName(text: string, from: number, to: number, blocked: Span[]): FoundAttribution | null {
  const names = findNames(text, from, to, blocked);
  const last = names[names.length - 1];
  if (!last) return null;
  const name = stripHonorific(last.text);
  if (!name) return null;
  return { name, span: { start: last.end - name.length, end: last.end }, pronoun: false };
}

function nameRunEnd(text: string, words: Word[], from: number): number {
  let end = words[from].end;
  for (let k = from + 1; k < words.length && /^[ \t]+$/.test(text.slice(words[k - 1].end, words[k].start)); k++) end = words[k].end;
  return end;
}

function pronoun(w: Word): FoundAttribution {
  return { name: w.text, span: { start: w.start, end: w.end }, pronoun: true };
}

/** "Mr Balls" → "Balls", "Sir Digby Jones" → "Digby Jones". */
function stripHonorific(name: string): string {
  return name.replace(HONORIFICS, '');
}

/** Where the words after a quote stop being about it: a clause break, a citation or another quote. */
function clauseEnd(text: string, from: number, end: number, blocked: Span[]): number {
  let i = from;
  // Skip the punctuation that closes the quote ('," said').
  while (i < end && /[\s,.!?;:—–-]/.test(text[i])) i++;
  for (; i < end; i++) {
    if (/[,;:.!?"“”(]/.test(text[i])) return i;
    if (blocked.some((b) => b.start === i)) return i;
  }
  return end;
}

/** The words before a quote start after the previous quote or citation in the sentence. */
function headStart(sentenceStart: number, quoteStart: number, blocked: Span[]): number {
  let start = sentenceStart;
  for (const b of blocked) if (b.end <= quoteStart && b.end > start) start = b.end;
  return start;
}

function trimmedClause(text: string, from: number, to: number, blocked: Span[]): Span | null {
  let end = to;
  for (const b of blocked) if (b.start >= from && b.start < end) end = b.start;
  let start = from;
  while (start < end && /[\s,:]/.test(text[start])) start++;
  while (end > start && /[\s.,;:!?]/.test(text[end - 1])) end--;
  return wordsIn(text, start, end, []).length >= 4 ? { start, end } : null;
}

function wordsIn(text: string, from: number, to: number, blocked: Span[]): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index;
    if (blocked.some((b) => start >= b.start && start < b.end)) continue;
    out.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return out;
}
