/**
 * Splits an article's text into title, paragraphs and photo captions.
 *
 * News text as scraped: the first line is often the headline (BBC) or a photo
 * caption (the seeds); captions end with a credit ("©Getty Images") and are
 * often repeated, sometimes with a truncated copy on the line before. Captions
 * and titles are kept as paragraphs of their own kind so they stay searchable
 * but never feed quotes, roles or numbers.
 */
import type { Paragraph, Span } from '../model';
import { skipSpace, splitSentences, trimEnd } from './sentences';

/**
 * A photo credit at the end of a line: "©Getty Images", "© Reuters", "(c) AFP",
 * "Copyright Reuters", "(Photo: AFP)", "Photo: AP". Case matters for the word
 * forms, so running text such as "a China copyright ruling" or "satellite
 * images: ..." is not mistaken for a caption; word credits never end with a full stop.
 */
const CREDIT_RE = /©\s*[\p{L}\p{N}][^\n]{0,60}$|\([cC]\)\s*\p{Lu}[^\n]{0,40}$|\bCopyright\s+(?:\d{4}\s+)?\p{Lu}[^\n.]{0,40}$|\((?:[Pp]hoto|[Pp]icture|[Ii]mage)s?:?[^\n)]{1,60}\)$|\b(?:Photo|Picture|Image)s?:\s*\p{Lu}[^\n.]{0,40}$/u;

/** The result of {@link splitStructure}. */
export interface Structure {
  paragraphs: Paragraph[];
  /** The span of the headline, when the text starts with one (or has a markdown `#` heading first). */
  titleSpan: Span | null;
}

/** Options for {@link splitStructure}. */
export interface StructureOptions {
  /** Offset where the article body starts (after front matter). */
  bodyStart?: number;
  /** True when the file is markdown (`#` headings are headings, not text). */
  markdown?: boolean;
}

/**
 * Splits `text` (from `bodyStart`) into paragraphs with sentences.
 * Blocks are separated by blank lines; inside a block, each caption line is a
 * paragraph of its own.
 */
export function splitStructure(text: string, options: StructureOptions = {}): Structure {
  const bodyStart = options.bodyStart ?? 0;
  const paragraphs: Paragraph[] = [];
  let titleSpan: Span | null = null;
  let bodyNumber = 0;

  const blocks = splitBlocks(text, bodyStart);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const lines = splitLines(text, block.start, block.end);
    // Markdown heading lines.
    if (options.markdown && /^#{1,6}\s/.test(text.slice(block.start, block.start + 7))) {
      for (const line of lines) {
        const m = /^(#{1,6})\s+/.exec(text.slice(line.start, line.end));
        const inner: Span = m ? { start: line.start + m[0].length, end: trimHashes(text, line.start + m[0].length, line.end) } : line;
        const isTitle = titleSpan === null && paragraphs.every((p) => p.kind !== 'body') && m !== null && m[1].length === 1;
        if (isTitle) titleSpan = inner;
        paragraphs.push({ ...inner, number: 0, kind: isTitle ? 'title' : 'heading', sentences: [inner] });
      }
      continue;
    }
    const captionFlags: boolean[] = new Array<boolean>(lines.length);
    let anyCaption = false;
    for (let i = 0; i < lines.length; i++) {
      const isCaption = CREDIT_RE.test(text.slice(lines[i].start, lines[i].end));
      captionFlags[i] = isCaption;
      if (isCaption) anyCaption = true;
    }
    // A truncated copy of the caption on the next line is a caption too.
    for (let i = 0; anyCaption && i + 1 < lines.length; i++) {
      if (!captionFlags[i] && captionFlags[i + 1]) {
        const cur = text.slice(lines[i].start, lines[i].end);
        const next = text.slice(lines[i + 1].start, lines[i + 1].end);
        if (next.startsWith(cur)) captionFlags[i] = true;
      }
    }
    if (anyCaption) {
      let run: Span | null = null;
      const flushRun = () => {
        if (run) bodyNumber = pushBody(text, paragraphs, run, bodyNumber);
        run = null;
      };
      lines.forEach((line, i) => {
        if (captionFlags[i]) {
          flushRun();
          paragraphs.push({ ...line, number: 0, kind: 'caption', sentences: [line] });
        } else {
          run = run ? { start: run.start, end: line.end } : { ...line };
        }
      });
      flushRun();
      continue;
    }
    // A first block that is one short line without final punctuation is the headline.
    if (b === 0 && titleSpan === null && lines.length === 1 && looksLikeHeadline(text.slice(block.start, block.end))) {
      titleSpan = { start: block.start, end: block.end };
      paragraphs.push({ ...titleSpan, number: 0, kind: 'title', sentences: [titleSpan] });
      continue;
    }
    bodyNumber = pushBody(text, paragraphs, block, bodyNumber);
  }
  return { paragraphs, titleSpan };
}

function pushBody(text: string, paragraphs: Paragraph[], span: Span, bodyNumber: number): number {
  const n = bodyNumber + 1;
  paragraphs.push({ start: span.start, end: span.end, number: n, kind: 'body', sentences: splitSentences(text, span.start, span.end) });
  return n;
}

/**
 * True for a line that reads as a headline: short, no sentence-final full stop,
 * starting with a capital, a digit, a currency sign or a quote ("$1m payoff for
 * former Shell boss"), or a lower-case brand with a capital inside ("iTunes now
 * selling Band Aid song").
 */
export function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 160) return false;
  if (!/^(?:[\p{Lu}\p{N}\p{Sc}"'“‘]|&#?\w+;|\p{Ll}+\p{Lu})/u.test(t)) return false;
  if (/[.,;:]$/.test(t) && !/\.\.\.$/.test(t)) return false;
  return t.split(/\s+/).length <= 20;
}

const CHAR_TAB = 9; // '\t'
const CHAR_NEWLINE = 10; // '\n'
const CHAR_SPACE = 32; // ' '

/**
 * Blocks of `text` from `from`, separated by blank lines (a line break, spaces
 * or tabs, a line break), white space trimmed. Found with `indexOf` from line
 * break to line break: cheaper than a regular expression search, most of all
 * in a cold process.
 */
function splitBlocks(text: string, from: number): Span[] {
  const blocks: Span[] = [];
  let start = from;
  let nl = text.indexOf('\n', from);
  while (nl >= 0) {
    // Skip the spaces and tabs after this line break: another line break there makes a blank line.
    let k = nl + 1;
    while (k < text.length && (text.charCodeAt(k) === CHAR_SPACE || text.charCodeAt(k) === CHAR_TAB)) k++;
    if (k < text.length && text.charCodeAt(k) === CHAR_NEWLINE) {
      pushBlock(text, blocks, start, nl);
      start = k + 1;
      // The blank line's closing line break is taken: look for the next one after it.
      nl = k;
    }
    nl = text.indexOf('\n', nl + 1);
  }
  pushBlock(text, blocks, start, text.length);
  return blocks;
}

function pushBlock(text: string, blocks: Span[], start: number, end: number): void {
  const s = skipSpace(text, start, end);
  const e = trimEnd(text, s, end);
  if (e > s) blocks.push({ start: s, end: e });
}

function splitLines(text: string, start: number, end: number): Span[] {
  const lines: Span[] = [];
  let s = start;
  while (s <= end) {
    let i = text.indexOf('\n', s);
    if (i < 0 || i > end) i = end;
    const a = skipSpace(text, s, i);
    const b = trimEnd(text, a, i);
    if (b > a) lines.push({ start: a, end: b });
    s = i + 1;
  }
  return lines;
}

function trimHashes(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text[e - 1] === '#' || text[e - 1] === ' ')) e--;
  return e;
}
