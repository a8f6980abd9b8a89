/**
 * Quotations of one source with their speakers.
 *
 * Direct quotes are the words between quotation marks (straight, curly, « »,
 * and single marks at top level), one {@link Quote} per paragraph: following
 * news convention, a paragraph whose quote opens without closing continues
 * into the next paragraph that opens with a mark, and the whole run shares the
 * speaker named in any of its paragraphs. A quote paragraph without a cue of
 * its own takes the speaker of the quote paragraph just before it.
 * Reported speech ("Pankov claimed that ...") gives `reported` quotes covering
 * the clause. Captions, titles and headings never give quotes.
 */
import type { LocalEntity, Paragraph, Quote, Speaker, Span } from '../model';
import {
  CLAUSAL_VERBS, ORG_HEADS, QUOTE_VERBS, headKind, isSpeakerDescription, SPEECH_VERBS, SpeakerResolver, accordingTo, cueAfterQuote, isSpeechVerb, isWordCode,
  SPEECH_HINT, SPEECH_VERB_SHAPES, phraseAfter, phraseBefore, possessiveOwner, startsBareClause, subjectOfVerb, tokenizeSentences,
} from './attribution';
import type { SpeakerPhrase, Tok } from './attribution';
import { hasShape, wordShapes } from './lexicon';

/** A pair of quotation marks found in a paragraph. */
interface MarkedQuote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote runs on. */
  close: number;
  closed: boolean;
  /** The quoted words, marks and edge spaces excluded. */
  start: number;
  end: number;
}

/** A direct quote being attributed. */
interface Pending {
  quote: Quote;
  /**
   * True when its own cue names someone we cannot name (`"...," they said`,
   * `we wrote`): it then takes no speaker from the quotes around it.
   */
  unnamed: boolean;
  /** True when the opening mark starts a sentence (such a quote may inherit its speaker). */
  opensSentence: boolean;
}

interface ParagraphQuotes {
  index: number;
  direct: Pending[];
  /** The last speaker named in the paragraph by any cue (for "He said:" before a quote paragraph). */
  lastSpeaker: Speaker | null;
  /** The speaker of a paragraph that only names one after a dash ("- Bernie Sanders."), signing the quote before it. */
  signature: Speaker | null;
  endsWithColon: boolean;
  /** The first quote opens the paragraph. */
  opens: boolean;
  /** The last quote runs to the paragraph's end. */
  runsOn: boolean;
}

/** “ „ « (marks are read as char codes: a compare of codes is less code to compile than a string search). */
function isDoubleOpener(c: number): boolean {
  return c === 0x201c || c === 0x201e || c === 0xab;
}

/** ” » */
function isDoubleCloser(c: number): boolean {
  return c === 0x201d || c === 0xbb;
}

/** - – — ― */
function isDashCode(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015;
}
const MARK_RE = /["\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019]/g;

/** Quotations of one source with their speakers, in text order. */
export function extractQuotes(text: string, paragraphs: Paragraph[], entities: LocalEntity[]): Quote[] {
  const resolver = new SpeakerResolver(text, paragraphs, entities);
  const found: ParagraphQuotes[] = [];
  const reported: Quote[] = [];
  const hints = speechHints(text);
  let hint = 0;
  // Index loops rather than for-of, forEach and closures here and below: less code for V8 to compile in a cold process.
  for (let index = 0; index < paragraphs.length; index++) {
    const p = paragraphs[index];
    if (p.kind !== 'body') continue;
    while (hint < hints.length && hints[hint] < p.start) hint += 2;
    found.push(attributeParagraph(text, p, index, resolver, reported, hints, hint));
  }
  linkParagraphs(found);
  const out: Quote[] = reported.slice();
  for (let f = 0; f < found.length; f++) {
    const direct = found[f].direct;
    for (let d = 0; d < direct.length; d++) out.push(direct[d].quote);
  }
  return out.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'direct' ? -1 : 1));
}

/** Finds the quotation marks of a paragraph; nested single quotes stay inside their double quote. */
export function scanQuoteMarks(text: string, start: number, end: number): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let openAt = -1;
  const slice = text.slice(start, end);
  MARK_RE.lastIndex = 0;
  // test() and lastIndex rather than exec(): no match array for each of the many apostrophes.
  while (MARK_RE.test(slice)) {
    const i = start + MARK_RE.lastIndex - 1;
    const c = text.charCodeAt(i);
    // Code 32 is a space: the paragraph's edges read as spaces. 34 is `"`, 39 is `'`.
    const before = i > start ? text.charCodeAt(i - 1) : 32;
    const after = i + 1 < end ? text.charCodeAt(i + 1) : 32;
    const spaceBefore = isSpaceCode(before) || isOpeningContext(before);
    const wordAfter = isWordCode(after) || after === 39 /* ' */ || after === 0x2018 /* ‘ */;
    // Read for every mark, though only a rare case needs it: a call first made from optimised code would throw that code away.
    const wordBefore = isWordCode(before);
    if (c === 39 /* ' */ || c === 0x2018 /* ‘ */ || c === 0x2019 /* ’ */) {
      if (openAt >= 0 || c === 0x2019 || !spaceBefore || !isWordCode(after)) continue;
      const close = findSingleClose(text, i + 1, end);
      if (close < 0) continue;
      pushQuote(text, out, i, close, true);
      MARK_RE.lastIndex = close + 1 - start;
      continue;
    }
    if (openAt < 0) {
      const opens = isDoubleOpener(c) || (c === 34 /* " */ ? spaceBefore || wordAfter && !wordBefore : spaceBefore && wordAfter);
      if (opens) openAt = i;
      continue;
    }
    if (isDoubleOpener(c) && spaceBefore && !isSpaceCode(after)) {
      // “... what he calls “hell” than ...” ― a quotation nested in the open one stays inside it.
      const inner = nestedClose(text, i + 1, end);
      if (inner >= 0) {
        MARK_RE.lastIndex = inner + 1 - start;
        continue;
      }
      // A new opening while one is open: the first ran on without its closing mark.
      pushQuote(text, out, openAt, i, true);
      openAt = i;
      continue;
    }
    // `"... to work. "We want more ...`: a straight mark opening a new sentence opens a new quotation; the one before ran on.
    if (c === 34 /* " */ && isSpaceCode(before) && isWordCode(after) && afterSentenceEnd(text, i, start)) {
      pushQuote(text, out, openAt, i, true);
      openAt = i;
      continue;
    }
    // `"It's unusual,“ said Noble`: an opening mark typed where the closing one belongs still closes.
    if (c === 34 /* " */ || isDoubleCloser(c) || (!spaceBefore && !isWordCode(after))) {
      pushQuote(text, out, openAt, i, true);
      openAt = -1;
    }
  }
  pushQuote(text, out, openAt, end, false);
  return out;
}

/** True when only spaces separate offset `i` from a sentence's final ".", "!" or "?" before it. */
function afterSentenceEnd(text: string, i: number, start: number): boolean {
  let k = i - 1;
  while (k > start && isSpaceCode(text.charCodeAt(k))) k--;
  const c = text.charCodeAt(k);
  return c === 46 || c === 33 || c === 63; // . ! ?
}

/**
 * The closing mark of a double quotation nested in an open one, or -1: after
 * the nested opening, two closing marks come before any other opening mark.
 */
function nestedClose(text: string, from: number, end: number): number {
  let first = -1;
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    if (isDoubleOpener(c)) return -1;
    if (!isDoubleCloser(c)) continue;
    if (first >= 0) return first;
    first = j;
  }
  return -1;
}

/**
 * Records a quote, marks and edge spaces (and a trailing "," before the closing mark) excluded;
 * nothing when `open` is -1 (no quotation open), so that every paragraph makes the same call.
 */
function pushQuote(text: string, out: MarkedQuote[], open: number, close: number, closed: boolean): void {
  if (open < 0) return;
  let e = close;
  // Starts on the mark and steps at least once: the step runs for every quote, not only for the rare
  // quote opening with a space, whose first run in optimised code would throw that code away.
  let s = open;
  do s++; while (s < e && isSpaceCode(text.charCodeAt(s)));
  while (e > s && (isSpaceCode(text.charCodeAt(e - 1)) || text[e - 1] === ',' || text[e - 1] === ';' || text[e - 1] === ':')) e--;
  let wordy = false;
  for (let k = s; k < e && !wordy; k++) wordy = isWordCode(text.charCodeAt(k));
  if (wordy) out.push({ open, close, closed, start: s, end: e });
}

/** The closing single mark of a top-level single quote: after a word or punctuation, before a non-letter. */
function findSingleClose(text: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 34 /* " */ || c === 0x201c /* “ */ || c === 0x201d /* ” */) return -1;
    if (c !== 39 /* ' */ && c !== 0x2019 /* ’ */) continue;
    const before = text.charCodeAt(j - 1);
    const after = j + 1 < end ? text.charCodeAt(j + 1) : 32; // the paragraph's end reads as a space
    if (!isSpaceCode(before) && !isWordCode(after)) return j;
  }
  return -1;
}

/** Space, line feed, tab, carriage return, no-break space, narrow no-break space. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f;
}

function isOpeningContext(c: number): boolean {
  // ( [ { — – - / and the start of a nested quote
  return c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47;
}


// ---------------------------------------------------------------- one paragraph

/** A speaker phrase that may name who speaks. */
interface Candidate {
  speaker: SpeakerPhrase;
  /** Token of the phrase, for the lexical fallback of "it". */
  tok: number;
}

/** Speaker phrases to resolve (the first that resolves wins), and what gets the speaker. */
interface Job {
  candidates: Candidate[];
  /** Direct quotes spoken by it. */
  group: Pending[] | null;
  /** A reported quote spoken by it (kept only when the speaker resolves). */
  reported: Quote | null;
}

/** Start and end offsets of every speech verb (or "according") in the text, flattened: one scan per text. */
function speechHints(text: string): number[] {
  const out: number[] = [];
  SPEECH_HINT.lastIndex = 0;
  for (let m = SPEECH_HINT.exec(text); m; m = SPEECH_HINT.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

function attributeParagraph(text: string, p: Paragraph, index: number, resolver: SpeakerResolver, reported: Quote[], hints: number[], firstHint: number): ParagraphQuotes {
  const marked = scanQuoteMarks(text, p.start, p.end);
  const result: ParagraphQuotes = {
    index, direct: [], lastSpeaker: null, signature: null, endsWithColon: text.charCodeAt(p.end - 1) === 58 /* : */,
    opens: marked.length > 0 && marked[0].open === p.start, runsOn: marked.length > 0 && !marked[marked.length - 1].closed,
  };
  if (marked.length === 0 && isDashCode(text.charCodeAt(p.start)) && p.end - p.start < 80) {
    result.signature = signature(text, p, resolver);
    return result;
  }
  // No quotation, speech verb or final colon (most paragraphs of some sources): nothing to build.
  if (marked.length === 0 && !result.endsWithColon && (firstHint >= hints.length || hints[firstHint] >= p.end)) return result;
  const outer: Span[] = [];
  const markAt = new Set<number>();
  for (let m = 0; m < marked.length; m++) {
    const q = marked[m];
    outer.push({ start: q.open, end: q.closed ? q.close + 1 : p.end });
    markAt.add(q.open);
    if (q.closed) markAt.add(q.close);
  }
  const wanted = wantedSentences(text, p, outer, hints, firstHint, result.endsWithColon);
  if (!wanted) return result;
  const toks = tokenizeSentences(text, p.sentences, wanted, outer, markAt);
  if (toks.length === 0) return result;
  const jobs: Job[] = [];
  directQuoteJobs(text, toks, marked, result, jobs);
  findReportedSpeech(text, toks, index, jobs);
  resolveJobs(text, toks, jobs, resolver, p.number, result, reported);
  if (result.endsWithColon && !result.lastSpeaker) result.lastSpeaker = colonSpeaker(text, toks, resolver, p.number);
  carrySpeakerForward(p, result, resolver);
  return result;
}

/**
 * One job per group of direct quotes (fragments sharing one sentence, "a", "b"
 * and "c", form a group); their pending quotes go to `result.direct`.
 */
function directQuoteJobs(text: string, toks: Tok[], marked: MarkedQuote[], result: ParagraphQuotes, jobs: Job[]): void {
  // Filled by push from empty literals: the arrays keep one elements kind, so the optimised code is not thrown away.
  const firstTok: number[] = [];
  const lastTok: number[] = [];
  for (let q = 0; q < marked.length; q++) { firstTok.push(-1); lastTok.push(-1); }
  for (let i = 0; i < toks.length; i++) {
    const quote = toks[i].quote;
    if (quote < 0) continue;
    if (firstTok[quote] < 0) firstTok[quote] = i;
    lastTok[quote] = i;
  }
  for (let a = 0, b = 0; a < marked.length; a = b + 1) {
    b = lastOfGroup(toks, firstTok, lastTok, a);
    if (firstTok[a] < 0) continue; // sentences always cover a paragraph's marks; never crash if not
    const group: Pending[] = [];
    for (let q = a; q <= b; q++) {
      const m = marked[q];
      const open = toks[firstTok[q]];
      const opensSentence = firstTok[q] === 0 || toks[firstTok[q] - 1].sentence !== open.sentence;
      const pending: Pending = { quote: { start: m.start, end: m.end, text: text.slice(m.start, m.end), kind: 'direct', paragraph: result.index, speaker: null }, unnamed: false, opensSentence };
      group.push(pending);
      result.direct.push(pending);
    }
    const candidates = cuesForGroup(text, toks, firstTok[a], lastTok[b], marked[b].closed);
    const speaking = transcriptSpeaker(text, marked[a]);
    if (speaking) candidates.unshift({ speaker: speaking, tok: firstTok[a] });
    if (candidates.length > 0) jobs.push({ candidates, group, reported: null });
  }
}

/**
 * The last quote of the group opening with quote `a`: the quotes after it that
 * {@link joinsNext} joins ("a", "b" and "c"). A function of its own: groups of
 * several quotes are rare, and a loop step first reached in optimised code
 * would throw away the compiled {@link directQuoteJobs}.
 */
function lastOfGroup(toks: Tok[], firstTok: number[], lastTok: number[], a: number): number {
  let b = a;
  if (firstTok[a] < 0) return b;
  while (b + 1 < firstTok.length && firstTok[b + 1] >= 0 && joinsNext(toks, lastTok[b], firstTok[b + 1])) b++;
  return b;
}

/** Resolves the jobs in text order, so that a pronoun can refer to a speaker named earlier in the paragraph. */
function resolveJobs(text: string, toks: Tok[], jobs: Job[], resolver: SpeakerResolver, body: number, result: ParagraphQuotes, reported: Quote[]): void {
  jobs.sort(byPhraseStart);
  for (let k = 0; k < jobs.length; k++) {
    const job = jobs[k];
    const found = resolveJob(text, toks, job, resolver, body);
    if (!found) {
      const first = job.candidates[0].speaker;
      if (job.group && first.kind === 'pronoun' && /^(?:they|we|i|you)$/i.test(first.text)) for (const g of job.group) g.unnamed = true;
      continue;
    }
    const speaker = found.speaker;
    resolver.note(speaker, body, found.org);
    if (job.group) for (let g = 0; g < job.group.length; g++) job.group[g].quote.speaker = speaker;
    if (job.reported) { job.reported.speaker = speaker; reported.push(job.reported); }
    result.lastSpeaker = speaker;
  }
}

/**
 * `"...," he said. "More words."` and `Bolton said he would help. "I'm going to support him."`:
 * a quote opening a sentence keeps the speaker named before it in the paragraph.
 */
function carrySpeakerForward(p: Paragraph, result: ParagraphQuotes, resolver: SpeakerResolver): void {
  let previous: Speaker | null = null;
  for (let k = 0; k < result.direct.length; k++) {
    const d = result.direct[k];
    if (!d.quote.speaker && !d.unnamed && d.opensSentence && d.quote.start - 1 > p.start) d.quote.speaker = previous ?? resolver.speakerInParagraph(p.start, d.quote.start);
    if (d.quote.speaker) previous = d.quote.speaker;
  }
}

/** Upper-case labels that open a line without naming a speaker. */
const NOT_SPEAKER_LABELS = new Set(['NOTE', 'UPDATE', 'BREAKING', 'WATCH', 'VIDEO', 'PHOTOS', 'READ', 'MORE', 'EDITOR', 'CORRECTION', 'Q', 'A']);

/**
 * `"PENCE: Well, look, ..."`: a transcript line quoted whole names its speaker
 * in capitals before a colon (one to three words).
 */
function transcriptSpeaker(text: string, m: MarkedQuote): SpeakerPhrase | null {
  let k = m.start;
  let words = 0;
  for (; k < m.end && words < 3; words++) {
    const wordStart = k;
    while (k < m.end && (isUpperCode(text.charCodeAt(k)) || text[k] === '.' || text[k] === '-' || text[k] === "'" || text[k] === '\u2019')) k++;
    if (k - wordStart < 2 || NOT_SPEAKER_LABELS.has(text.slice(wordStart, k).replace(/[.'\u2019-]+$/, ''))) return null;
    if (text[k] === ':') return text.charCodeAt(k + 1) === 32 ? { start: m.start, end: k, kind: 'name', text: text.slice(m.start, k) } : null;
    if (text[k] !== ' ') return null;
    k++;
  }
  return null;
}

/** A-Z and the Latin-1 capitals À-Þ (0xd7 is ×). */
function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/**
 * "On July 6, Sanders made the following comment:" / "He said:": the subject
 * of a paragraph's last sentence when it ends with a colon, for the quote
 * paragraph that follows.
 */
function colonSpeaker(text: string, toks: Tok[], resolver: SpeakerResolver, body: number): Speaker | null {
  const colon = toks.length - 1;
  if (toks[colon].text !== ':' || toks[colon].quote !== -1) return null;
  const subject = sentenceSubject(text, toks, colon);
  return subject ? resolver.resolve(subject.speaker, body) : null;
}

const UNNAMED_PRONOUNS = /^(?:i|we)$/i;

/** True when the first-person pronoun at `k` is the subject of a speech verb ("I laughed and said"), not of "and I quote" or "what we call". */
function speaksFirstPerson(toks: Tok[], k: number): boolean {
  for (let j = k + 1; j < toks.length && j <= k + 6 && toks[j].sentence === toks[k].sentence && toks[j].kind === 'word'; j++) {
    if (SPEECH_VERBS.has(toks[j].lower)) return true;
    if (QUOTE_VERBS.has(toks[j].lower)) return false;
  }
  return false;
}

/**
 * The speaker of a job: the first candidate, most reliable first, that is a
 * name, a pronoun with a referent or a description of a person, body or
 * document ("the California congressman", "the letter"). Other descriptions
 * come last: "Ryan said the shootings and protests demands that" is Ryan's.
 */
function resolveJob(text: string, toks: Tok[], job: Job, resolver: SpeakerResolver, body: number): { speaker: Speaker; org: boolean } | null {
  for (let k = 0; k < job.candidates.length; k++) {
    const c = job.candidates[k];
    const kind = headKind(c.speaker);
    if (c.speaker.kind === 'description' && kind === null) continue;
    // "I laughed and said, "..."": the speaker is the writer, not someone named further away.
    if (c.speaker.kind === 'pronoun' && UNNAMED_PRONOUNS.test(c.speaker.text) && job.group && c.speaker.start < job.group[0].quote.start && speaksFirstPerson(toks, c.tok)) return null;
    const it = c.speaker.kind === 'pronoun' && c.speaker.text.toLowerCase() === 'it';
    const speaker = resolver.resolve(c.speaker, body) ?? (it ? organisationBefore(text, toks, c.tok) : null);
    if (speaker) return { speaker, org: it || kind === 'body' || kind === 'document' };
  }
  return null;
}

/** "- Bernie Sanders." / "-President Obama, tweeting after ...": the name after the dash. */
function signature(text: string, p: Paragraph, resolver: SpeakerResolver): Speaker | null {
  const toks = tokenizeSentences(text, p.sentences, null, [], new Set());
  const who = toks.length > 1 ? phraseAfter(text, toks, 1, toks[1].sentence) : null;
  return who && who.kind === 'name' ? resolver.resolve(who, p.number) : null;
}

/**
 * Sentences that hold a quotation or a speech verb (`hints` from `firstHint` on,
 * see {@link speechHints}): the only ones that can give quotes or cues; and
 * the last one when it ends with a colon.
 */
function wantedSentences(text: string, p: Paragraph, quotes: Span[], hints: number[], firstHint: number, endsWithColon: boolean): boolean[] | null {
  const wanted: boolean[] = new Array<boolean>(p.sentences.length).fill(false);
  // "Sanders made the following comment:" introduces the quote paragraph after it.
  if (endsWithColon) wanted[p.sentences.length - 1] = true;
  let s = 0;
  for (let n = 0; n < quotes.length; n++) {
    const q = quotes[n];
    s = markOverlapping(p.sentences, wanted, q.start, q.end, s);
    // `...president.” ― Adriana Rodarte`: a dash cue may stand in the sentence after the quotation.
    let k = q.end;
    while (k < p.end && isSpaceCode(text.charCodeAt(k))) k++;
    if (k < p.end && isDashCode(text.charCodeAt(k))) s = markOverlapping(p.sentences, wanted, k, k + 1, s);
  }
  for (let h = firstHint; h < hints.length && hints[h] < p.end; h += 2) s = markOverlapping(p.sentences, wanted, hints[h], hints[h + 1], s);
  return endsWithColon || wanted.indexOf(true) >= 0 ? wanted : null;
}

/**
 * Marks in `wanted` the sentences overlapping `[start, end)`, searching from
 * sentence `from` (spans come roughly in text order); returns where to search
 * from next. A function rather than a closure: no closure per paragraph.
 */
function markOverlapping(sentences: Span[], wanted: boolean[], start: number, end: number, from: number): number {
  let s = from;
  while (s > 0 && sentences[s].start > start) s--;
  for (; s < sentences.length && sentences[s].start < end; s++) {
    if (sentences[s].end > start) wanted[s] = true;
  }
  return Math.max(0, s - 1);
}

function byPhraseStart(x: Job, y: Job): number {
  return x.candidates[0].speaker.start - y.candidates[0].speaker.start;
}

/** True when only ",", ";", "and", "or" separate two quotes of one sentence. */
function joinsNext(toks: Tok[], lastOfFirst: number, firstOfNext: number): boolean {
  if (toks[lastOfFirst].sentence !== toks[firstOfNext].sentence) return false;
  for (let i = lastOfFirst + 1; i < firstOfNext; i++) {
    const t = toks[i];
    if (!(t.text === ',' || t.text === ';' || t.lower === 'and' || t.lower === 'or')) return false;
  }
  return true;
}

/**
 * Cues that may name who speaks a group of quotes, most reliable first: right
 * after the closing mark, a verb before the opening mark in the same sentence,
 * a verb later in the sentence, the sentence's subject. The first that
 * resolves to a speaker wins.
 */
function cuesForGroup(text: string, toks: Tok[], open: number, close: number, closed: boolean): Candidate[] {
  const out: Candidate[] = [];
  const firstSentence = toks[open].sentence;
  const lastSentence = toks[close].sentence;
  if (closed) {
    const cue = cueAfterQuote(text, toks, close + 1);
    if (cue) out.push({ speaker: cue.speaker, tok: tokenAt(toks, cue.speaker.start) });
  }
  const before: Candidate[] = [];
  const verbs: number[] = [];
  for (let j = open - 1; j >= 0 && toks[j].sentence === firstSentence; j--) {
    if (toks[j].quote !== -1 || !mayCue(toks[j])) continue;
    const cue = accordingCue(text, toks, j) ?? (isSpeechVerb(toks, j, QUOTE_VERBS) ? speechVerbCue(text, toks, j) : otherCue(text, toks, j));
    if (cue) { before.push(cue); verbs.push(j); }
  }
  out.push(...outerSpeakerFirst(toks, before, verbs));
  for (let j = close + 1; j < toks.length && toks[j].sentence <= lastSentence; j++) {
    if (toks[j].quote !== -1 || !mayCue(toks[j])) continue;
    const cue = accordingCue(text, toks, j) ?? (isSpeechVerb(toks, j, QUOTE_VERBS) ? verbCue(text, toks, j) : isPut(toks[j]) ? putItCue(text, toks, j) : null);
    if (cue) out.push(cue);
  }
  const subject = sentenceSubject(text, toks, open);
  if (subject) out.push(subject);
  return out;
}

/**
 * True for a token that may give a cue in {@link cuesForGroup}: "according", a
 * speech or framing verb, a noun of saying, "put". One test of the word
 * instead of four calls for every other token of a quote's sentences.
 */
function mayCue(t: Tok): boolean {
  return t.kind === 'word' && hasShape(CUE_WORD_SHAPES, t.lower) && (t.lower === 'according' || QUOTE_VERBS.has(t.lower) || SAYING_NOUNS.has(t.lower) || isPut(t));
}

/**
 * "She said she speaks about race because "..."", "Cruz said any candidate who
 * wants to win "owes it ..."": a pronoun or a description inside the clause
 * reported by an earlier speech verb yields to that verb's subject, the one
 * who speaks. (A name inside it keeps its place: "Trump said Clinton once
 * described it as "..."" quotes Clinton's words.) `verbs[k]` is the token of
 * `cues[k]`'s verb, nearest the quote first.
 */
function outerSpeakerFirst(toks: Tok[], cues: Candidate[], verbs: number[]): Candidate[] {
  for (let i = 0; i < cues.length; i++) {
    const inner = cues[i].speaker;
    if (inner.kind === 'name') continue;
    for (let k = i + 1; k < cues.length; k++) {
      const outer = cues[k].speaker;
      const verb = toks[verbs[k]];
      if (!SPEECH_VERBS.has(verb.lower) || outer.end > verb.start || verb.start > inner.start) continue;
      if (!reportsClause(toks, verbs[k], tokenAt(toks, inner.start))) break;
      if (outer.kind === 'name' || outer.kind === 'pronoun' && /^(?:he|she)$/i.test(outer.text)) {
        cues.splice(i, 0, cues.splice(k, 1)[0]);
        verbs.splice(i, 0, verbs.splice(k, 1)[0]);
        // "he said he often thinks of what his parents told him": the moved pronoun may itself be reported.
        if (outer.kind === 'pronoun') i--;
      }
      break;
    }
  }
  return cues;
}

/** True when the words from a speech verb to a later subject open the verb's reported clause (no comma, "and", "but"). */
function reportsClause(toks: Tok[], verb: number, subject: number): boolean {
  // "He told an invited crowd at the club that he wants ...": "that" opens the clause after a longer object.
  if (subject - verb > (toks[subject - 1].lower === 'that' ? 16 : 8)) return false;
  for (let k = verb + 1; k < subject; k++) {
    const t = toks[k];
    if (t.kind !== 'word' || t.lower === 'and' || t.lower === 'but' || t.lower === 'or') return false;
  }
  return true;
}

/** A cue without a speech verb before a quotation: "Trump's claim that ...", "as X put it". */
function otherCue(text: string, toks: Tok[], j: number): Candidate | null {
  const t = toks[j];
  return SAYING_NOUNS.has(t.lower) ? possessiveCue(text, toks, j) : isPut(t) ? putItCue(text, toks, j) : null;
}

function isPut(t: Tok): boolean {
  return t.lower === 'put' || t.lower === 'puts';
}

/** Nouns for what someone said, whose owner speaks: "Trump's claim that ...". */
const SAYING_NOUNS = new Set([
  'claim', 'claims', 'statement', 'statements', 'assertion', 'remark', 'remarks', 'comment', 'comments', 'words',
  'description', 'promise', 'pledge', 'warning', 'suggestion', 'insistence', 'argument', 'prediction', 'vow',
  'accusation', 'allegation', 'boast', 'admission', 'contention', 'declaration', 'charge', 'complaint', 'missive',
]);

/** The shapes of the words {@link mayCue} looks for. */
const CUE_WORD_SHAPES = wordShapes([QUOTE_VERBS.keys(), SAYING_NOUNS, ['according', 'put', 'puts']]);

/**
 * "Trump's claim that there have been "thousands of shootings"", "Bornstein's
 * earlier missive that Trump would be "...": a possessive name before a noun
 * of saying (a word may sit between) followed by "that" or a colon, unless a
 * speech verb before it reports the whole clause.
 */
function possessiveCue(text: string, toks: Tok[], noun: number): Candidate | null {
  const next = toks[noun + 1];
  if (!next || !(next.lower === 'that' || next.text === ':') || next.sentence !== toks[noun].sentence) return null;
  // "Frazier said Rubio's claim that ... is "simply not true."": inside a reported clause the reporter speaks.
  for (let k = noun - 1; k >= 0 && toks[k].sentence === toks[noun].sentence; k--) if (isSpeechVerb(toks, k, SPEECH_VERBS)) return null;
  for (let k = noun - 1; k >= 0 && k >= noun - 2 && toks[k].sentence === toks[noun].sentence && toks[k].quote === -1; k--) {
    const t = toks[k];
    if (t.kind !== 'word') return null;
    if (!/['’]s$/.test(t.text)) continue;
    const owner = possessiveOwner(text, toks, k);
    return owner ? { speaker: owner, tok: k } : null;
  }
  return null;
}

/** "..., as a Homeland Security memo put it.", "as The New Yorker put it in an exposé, "..."": the one who put it. */
function putItCue(text: string, toks: Tok[], verb: number): Candidate | null {
  const t = toks[verb];
  if (toks[verb + 1]?.lower !== 'it' || toks[verb + 1].sentence !== t.sentence) return null;
  const who = phraseBefore(text, toks, verb - 1, t.sentence);
  if (!who || who.kind === 'pronoun' && !/^(?:he|she|it)$/i.test(who.text)) return null;
  let as = tokenAt(toks, who.start) - 1;
  if (as > 0 && (toks[as].lower === 'the' || toks[as].lower === 'a')) as--;
  return as >= 0 && toks[as].lower === 'as' && toks[as].sentence === t.sentence ? { speaker: who, tok: as + 1 } : null;
}

function accordingCue(text: string, toks: Tok[], j: number): Candidate | null {
  const cue = toks[j].lower === 'according' ? accordingTo(text, toks, j) : null;
  return cue ? { speaker: cue.speaker, tok: tokenAt(toks, cue.speaker.start) } : null;
}

/**
 * The cue of a speech verb before a quotation: its subject, or for a
 * participle whose noun before it is no speaker ("has written to the watchdog
 * saying: "..."") the subject of the sentence's main verb.
 */
function speechVerbCue(text: string, toks: Tok[], verb: number): Candidate | null {
  const cue = verbCue(text, toks, verb);
  if (cue && !(cue.speaker.kind === 'description' && !isSpeakerDescription(cue.speaker) && toks[verb].lower.endsWith('ing'))) return cue;
  const before = toks[verb - 1];
  // "he said adding that ...": the participle shares the subject of the speech verb before it.
  if (before !== undefined && before.kind === 'word' && before.quote === -1 && before.sentence === toks[verb].sentence && toks[verb].lower.endsWith('ing') && SPEECH_VERBS.has(before.lower)) return verbCue(text, toks, verb - 1) ?? cue;
  const afterObject = before !== undefined && before.kind === 'word' && !LINKING_WORDS.has(before.lower);
  return participleCue(text, toks, verb, afterObject) ?? cue;
}

/**
 * "Trump went after Bush, calling him "a total stiff."": a speech verb opening a
 * participle clause after a comma (or after an object that is no speaker,
 * `afterObject`) speaks for the subject of the sentence's main verb, the first
 * finite verb that has a subject (after an opening subordinate clause such as
 * "After Trump spoke, ...").
 */
function participleCue(text: string, toks: Tok[], verb: number, afterObject = false): Candidate | null {
  const t = toks[verb];
  if (!t.lower.endsWith('ing') || verb < 2 || toks[verb - 1].sentence !== t.sentence || toks[verb - 1].text !== ',' && !afterObject) return null;
  let k = verb - 2;
  while (k > 0 && toks[k - 1].sentence === t.sentence) k--;
  if (SUBORDINATORS.has(toks[k].lower)) {
    while (k < verb - 1 && toks[k].text !== ',') k++;
  }
  for (; k < verb - 1; k++) {
    const w = toks[k];
    if (w.quote !== -1 || w.kind !== 'word' || w.text !== w.lower || !isFiniteVerb(w.lower)) continue;
    const speaker = subjectOfVerb(text, toks, k);
    if (!speaker) continue;
    // Descriptions found this far from the quote are too often the wrong noun phrase ("the first incident").
    const usable = speaker.kind === 'name' || speaker.kind === 'pronoun' && /^(?:he|she)$/i.test(speaker.text);
    return usable ? { speaker, tok: tokenAt(toks, speaker.start) } : null;
  }
  return null;
}

/** Conjunctions and prepositions after which a participle does not follow an object ("to the watchdog saying" does). */
const LINKING_WORDS = new Set(['and', 'or', 'but', 'to', 'by', 'of', 'for', 'with', 'in', 'on', 'at', 'from']);

/** Words opening a subordinate clause before the main one. */
const SUBORDINATORS = new Set(['after', 'when', 'while', 'as', 'because', 'although', 'though', 'if', 'since', 'before', 'once', 'until', 'whereas', 'unless']);

/** A lower-case word that is a finite verb or an auxiliary ("went", "shared", "has", "says"). */
function isFiniteVerb(lower: string): boolean {
  if (lower.endsWith('ing')) return false;
  return IRREGULAR_PAST.has(lower) || AUXILIARIES.has(lower) || /[^e]ed$|eed$/.test(lower) || QUOTE_VERBS.has(lower) && /(?:[^s']s|ed)$/.test(lower);
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'did', 'does', 'can', 'could']);

function verbCue(text: string, toks: Tok[], verb: number): Candidate | null {
  const speaker = subjectOfVerb(text, toks, verb);
  return speaker ? { speaker, tok: tokenAt(toks, speaker.start) } : null;
}

/** "Russian President Vladimir Putin has celebrated the country's "long-standing" ties": a named subject before the quote. */
function sentenceSubject(text: string, toks: Tok[], open: number): Candidate | null {
  const sentence = toks[open].sentence;
  let first = open;
  while (first > 0 && toks[first - 1].sentence === sentence) first--;
  return subjectAt(text, toks, first, open) ?? subjectAfterIntroduction(text, toks, first, open);
}

/** "With leaders worried about ..., President Obama is rolling out a message: "..."": the subject after an opening phrase. */
function subjectAfterIntroduction(text: string, toks: Tok[], first: number, open: number): Candidate | null {
  for (let k = first; k < open; k++) {
    if (toks[k].quote !== -1) return null;
    if (toks[k].text !== ',') continue;
    // "On July 6, 2015, Sanders made ...": the subject follows the last comma of a date.
    const subject = subjectAt(text, toks, k + 1, open);
    if (subject || !/^\p{N}/u.test(toks[k + 1]?.text ?? '')) return subject;
  }
  return null;
}

function subjectAt(text: string, toks: Tok[], first: number, open: number): Candidate | null {
  if (first >= open) return null;
  const sentence = toks[open].sentence;
  const subject = phraseAfter(text, toks, first, sentence);
  if (!subject || subject.kind === 'description' || (subject.kind === 'pronoun' && !/^(?:he|she)$/i.test(subject.text))) return null;
  let k = tokenAt(toks, subject.end - 1) + 1;
  let auxiliary = false;
  while (k < open && toks[k].kind === 'word' && BEFORE_VERB.has(toks[k].lower)) { k++; auxiliary = true; }
  if (k >= open || toks[k].kind !== 'word') return null;
  const verbLike = auxiliary || QUOTE_VERBS.has(toks[k].lower) || IRREGULAR_PAST.has(toks[k].lower) || /[^e]ed$|[^s']s$/.test(toks[k].lower);
  return verbLike ? { speaker: subject, tok: tokenAt(toks, subject.start) } : null;
}

/** Words between a subject and its verb that show the verb follows ("Trump has ...", "Clinton also ..."). */
const BEFORE_VERB = new Set(['has', 'have', 'had', 'is', 'was', 'also', 'later', 'recently', 'previously']);

/** Irregular past tenses that show a name opening a sentence is its subject ("Trump took to Twitter to ..."). */
const IRREGULAR_PAST = new Set(['shot', 'cut', 'threw', 'drew', 'swung', 'blew', 'fell', 'rose', 'took', 'went', 'made', 'gave', 'told', 'said', 'thought', 'felt', 'wrote', 'spoke', 'came', 'got', 'put', 'sent', 'kept', 'left', 'held', 'brought', 'began', 'ran', 'saw', 'knew', 'became', 'stood', 'sought', 'won', 'lost', 'met', 'led', 'paid', 'struck', 'hit', 'fought']);

function tokenAt(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (toks[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** "it has vowed" with no organisation entity: the last acronym or "... Committee" name earlier in the sentence. */
function organisationBefore(text: string, toks: Tok[], pronoun: number): Speaker | null {
  const sentence = toks[pronoun].sentence;
  for (let j = pronoun - 1; j >= 0 && toks[j].sentence === sentence; j--) {
    const t = toks[j];
    if (t.kind !== 'word') continue;
    if (/^\p{Lu}{2,6}$/u.test(t.text)) return { start: toks[pronoun].start, end: toks[pronoun].end, name: t.text };
    if (ORG_HEADS.has(t.lower.replace(/['’]s$/, '')) && /^\p{Lu}/u.test(t.text)) {
      let from = j;
      while (from > 0 && toks[from - 1].kind === 'word' && /^\p{Lu}/u.test(toks[from - 1].text) && toks[from - 1].sentence === sentence && j - from < 5) from--;
      const name = text.slice(toks[from].start, toks[j].end).replace(/^The\s+/, '').replace(/['’]s$/, '');
      return { start: toks[pronoun].start, end: toks[pronoun].end, name };
    }
  }
  return null;
}

// ---------------------------------------------------------------- reported speech

/**
 * "Pankov claimed that the CISM had ...", "He suggested an MoU would be signed",
 * "The plan is dead, a source said": a reported quote covering the clause.
 * Every cue found also becomes a job so that its speaker is resolved and
 * remembered as a referent for later pronouns.
 */
function findReportedSpeech(text: string, toks: Tok[], paragraph: number, jobs: Job[]): void {
  let previous: { sentence: number; speaker: SpeakerPhrase } | null = null;
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    if (t.quote !== -1 || t.kind !== 'word' || (t.lower !== 'according' && !(hasShape(SPEECH_VERB_SHAPES, t.lower) && SPEECH_VERBS.has(t.lower)))) continue;
    const according = accordingTo(text, toks, j);
    const isVerb = !according && isSpeechVerb(toks, j, SPEECH_VERBS);
    if (!according && !isVerb) continue;
    let speaker = according ? according.speaker : subjectOfVerb(text, toks, j);
    const coordinated = !speaker && isVerb && j > 0 && toks[j - 1].lower === 'and' && previous?.sentence === t.sentence;
    if (coordinated && previous) speaker = previous.speaker;
    if (!speaker) continue;
    previous = { sentence: t.sentence, speaker };
    const clause = according ? clauseBefore(text, toks, j, speaker) : reportedClause(text, toks, j, speaker) ?? clauseBefore(text, toks, j, speaker);
    const phrase = speaker;
    const tok = tokenAt(toks, phrase.start);
    if (!clause) {
      // "He said:" before a quote paragraph: its speaker is wanted even as a pronoun.
      const introduces = toks[j + 1]?.text === ':' && toks[j + 1].sentence === t.sentence;
      if ((phrase.kind === 'name' || introduces) && !coordinated) jobs.push({ candidates: [{ speaker: phrase, tok }], group: null, reported: null });
      continue;
    }
    const quote: Quote = { start: toks[clause[0]].start, end: toks[clause[1]].end, text: '', kind: 'reported', paragraph, speaker: null };
    quote.text = text.slice(quote.start, quote.end);
    jobs.push({ candidates: [{ speaker: phrase, tok }], group: null, reported: quote });
  }
}

/** The clause after a speech verb: "that ..." (within a few words) or a bare clause; token range, inclusive. */
function reportedClause(text: string, toks: Tok[], verb: number, speaker: SpeakerPhrase): [number, number] | null {
  if (speaker.start > toks[verb].start) return null;
  const sentence = toks[verb].sentence;
  let start = -1;
  for (let k = verb + 1; k < toks.length && k <= verb + 14; k++) {
    const t = toks[k];
    if (t.sentence !== sentence || t.quote !== -1 || (t.kind !== 'word' && t.text !== ',')) break;
    if (t.lower === 'that') { start = k + 1; break; }
    if (k > verb + 1 && SPEECH_VERBS.has(t.lower)) break;
  }
  if (start < 0 && CLAUSAL_VERBS.has(toks[verb].lower) && startsBareClause(toks, verb + 1)) start = verb + 1;
  if (start < 0 || start >= toks.length || toks[start].sentence !== sentence) return null;
  let end = start;
  for (let k = start; k < toks.length && toks[k].sentence === sentence; k++) {
    const t = toks[k];
    if (k > start && t.quote === -1 && t.kind === 'word') {
      // "..., and claimed ...": a second cue ends this clause.
      // The next token's index is computed on every step and its existence tested by bounds: both run
      // from the first clause on, so optimised code is not thrown away at the first "and" or "as".
      const next = k + 1;
      const hasNext = next < toks.length;
      if (t.lower === 'and' && hasNext && isSpeechVerb(toks, next, SPEECH_VERBS) && !subjectOfVerb(text, toks, next)) break;
      if (toks[k - 1].text === ',' && (accordingTo(text, toks, k) || t.lower === 'as' && hasNext && SPEECH_VERBS.has(toks[next].lower))) break;
    }
    end = k;
  }
  return trimClause(text, toks, start, end);
}

/** "The plan is dead, a source said." / "..., according to TASS.": the clause before a trailing cue. */
function clauseBefore(text: string, toks: Tok[], cue: number, speaker: SpeakerPhrase): [number, number] | null {
  const sentence = toks[cue].sentence;
  const cueStart = Math.min(tokenAt(toks, speaker.start), cue);
  const comma = cueStart - 1;
  if (comma < 1 || toks[comma].text !== ',' || toks[comma].quote !== -1 || toks[comma].sentence !== sentence) return null;
  // Only a few words may follow the cue ("in a statement", "on Monday"), and no quotation.
  let last = Math.max(cue, tokenAt(toks, speaker.end - 1));
  const cueEnd = toks[last].end;
  while (last + 1 < toks.length && toks[last + 1].sentence === sentence) {
    last++;
    if (toks[last].kind === 'mark') return null;
  }
  if (toks[last].end - cueEnd > 40) return null;
  let start = comma - 1;
  while (start > 0 && toks[start - 1].sentence === sentence) start--;
  for (let k = start; k < comma; k++) if (toks[k].kind === 'mark') return null;
  return trimClause(text, toks, start, comma - 1);
}

function trimClause(text: string, toks: Tok[], start: number, end: number): [number, number] | null {
  while (end > start && toks[end].kind === 'punct') end--;
  // Counted on the text: the words of a quotation inside the clause are not tokens.
  return hasThreeWords(text, toks[start].start, toks[end].end) ? [start, end] : null;
}

/** True when `text[start, end)` (no edge spaces) holds at least three words: two runs of space, found without slicing. */
function hasThreeWords(text: string, start: number, end: number): boolean {
  let gaps = 0;
  for (let k = start + 1; k < end; k++) {
    if (isSpaceCode(text.charCodeAt(k)) && !isSpaceCode(text.charCodeAt(k - 1)) && ++gaps === 2) return true;
  }
  return false;
}

// ---------------------------------------------------------------- across paragraphs

/**
 * Shares speakers over runs of quote paragraphs: a quote that runs on to the
 * paragraph end continues in the next paragraph when it opens with a mark; a
 * run takes the speaker of any of its paragraphs; a quote paragraph without a
 * cue takes the speaker of the paragraph before it. A paragraph that only
 * signs with a dash ("- Sanders.") gives its name to the quotes before it.
 */
function linkParagraphs(found: ParagraphQuotes[]): void {
  for (let k = 1; k < found.length; k++) {
    const signed = found[k].signature;
    if (signed) for (const d of found[k - 1].direct) if (!d.quote.speaker && !d.unnamed) d.quote.speaker = signed;
  }
  let i = 0;
  while (i < found.length) {
    // The run of paragraphs starting at i.
    let j = i;
    while (j + 1 < found.length && found[j].runsOn && found[j + 1].opens) j++;
    const linked: Pending[] = [];
    for (let k = i; k <= j; k++) {
      const f = found[k];
      if (f.direct.length === 0) continue;
      if (k > i) linked.push(f.direct[0]);
      if (k < j || (k === i && f.opens)) linked.push(f.direct[f.direct.length - 1]);
    }
    let speaker: Speaker | null = null;
    for (let k = 0; k < linked.length && !speaker; k++) speaker = linked[k].quote.speaker;
    if (!speaker && found[i].opens && i > 0) speaker = inheritedSpeaker(found[i - 1]);
    if (speaker) {
      for (let k = 0; k < linked.length; k++) {
        const d = linked[k];
        if (!d.quote.speaker && !d.unnamed) d.quote.speaker = speaker;
      }
      // Later quotes of the run's last paragraph that open a sentence follow suit.
      const last = found[j].direct;
      for (let k = 0; k < last.length; k++) {
        const d = last[k];
        if (!d.quote.speaker && !d.unnamed && d.opensSentence) d.quote.speaker = speaker;
      }
    }
    i = j + 1;
  }
}

function inheritedSpeaker(previous: ParagraphQuotes): Speaker | null {
  const last = previous.direct[previous.direct.length - 1];
  if (last?.quote.speaker) return last.quote.speaker;
  // "He said:" then a quote paragraph. (Any speaker of the paragraph before is right only half the time on PolNeAR.)
  return previous.endsWithColon ? previous.lastSpeaker : null;
}
