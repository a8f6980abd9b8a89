/**
 * Reads a markdown draft's structure and reduces it to *prose*: the running
 * text of paragraphs, list items, block quotes, footnotes and table cells.
 *
 * The result keeps the draft's offsets intact: `masked` has the same length as
 * the draft, with every character that is not prose (markup, code, HTML,
 * front matter, link targets, `>` markers) replaced by a space. Everything
 * downstream (sentences, citations, quotes, numbers) reads `masked`, so an
 * offset found there is the offset in the editor.
 *
 * Incremental: the draft is cut at blank lines into chunks that markdown
 * parses independently (see {@link splitChunks}), and each chunk's layout is
 * cached by its text. Typing in one paragraph re-parses that paragraph only;
 * micromark is most of the cost of reading a draft.
 *
 * GFM is read without its autolink-literal part: a bare URL's characters are
 * prose either way (link text is copied), and that part alone was more than
 * half of micromark's time on news prose.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Span } from '../model';

/** A block of prose: a paragraph (anywhere) or a table cell. */
export interface ProseBlock extends Span {
  kind: 'paragraph' | 'cell';
  /** Index into {@link ProseLayout.blockQuotes} of the outermost `>` block quote holding it, or -1. */
  blockQuote: number;
}

/** The prose of a draft, see the module comment. */
export interface ProseLayout {
  /** The draft with non-prose characters blanked (same length, newlines kept). */
  masked: string;
  blocks: ProseBlock[];
  /** Spans of the outermost `>` block quotes. */
  blockQuotes: Span[];
  /** Code blocks, inline code, HTML and front matter: never checked. */
  ignored: Span[];
}

/** Node types whose whole span is never checked. */
const IGNORED_TYPES = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml']);

const GFM_SYNTAX = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const GFM_TREE = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];
const FRONT_MATTER_SYNTAX = frontmatter(['yaml', 'toml']);
const FRONT_MATTER_TREE = frontmatterFromMarkdown(['yaml', 'toml']);

/** Chunk layouts kept (by chunk text): a long draft has a few hundred chunks, several drafts may be open. */
const CHUNK_CACHE_SIZE = 4096;
const chunkCache = new Map<string, ChunkLayout>();

/** The layout of one chunk (offsets relative to it), with the labels of the link and footnote definitions it holds. */
export interface ChunkLayout extends ProseLayout {
  labels: string[];
  /** The chunk ends inside a fenced code block or an HTML block that runs to an end marker. */
  openAtEnd: boolean;
}

/** Parses the draft and returns its prose layout. Never throws on odd markdown. */
export function layoutProse(text: string): ProseLayout {
  const chunks = splitChunks(text);
  let parts: ChunkLayout[] = [];
  for (let i = 0; i < chunks.length;) {
    const part = chunkLayout(text.slice(chunks[i].start, chunks[i].end), chunks[i].start === 0, '');
    if (part.openAtEnd && i + 1 < chunks.length) {
      // The cut was wrong (a fence or comment the line scan misread): join the next chunk and read again.
      chunks.splice(i, 2, { start: chunks[i].start, end: chunks[i + 1].end });
      continue;
    }
    parts.push(part);
    i++;
  }
  // A reference resolves when the draft defines its label anywhere: chunks with brackets are read again with every definition.
  const labels = [...new Set(parts.flatMap((p) => p.labels))];
  if (labels.length > 0) {
    const definitions = labels.map((l) => `[${l}]: ${l.startsWith('^') ? 'x' : '#'}`).join('\n\n');
    parts = parts.map((p, i) => (p.masked.includes(']') ? chunkLayout(text.slice(chunks[i].start, chunks[i].end), chunks[i].start === 0, definitions) : p));
  }
  const pieces: string[] = [];
  const layout: ProseLayout = { masked: '', blocks: [], blockQuotes: [], ignored: [] };
  let at = 0;
  chunks.forEach((chunk, i) => {
    const part = parts[i];
    pieces.push(blankGap(text, at, chunk.start), part.masked);
    const shift = chunk.start;
    const quoteShift = layout.blockQuotes.length;
    for (const b of part.blocks) layout.blocks.push({ start: b.start + shift, end: b.end + shift, kind: b.kind, blockQuote: b.blockQuote < 0 ? -1 : b.blockQuote + quoteShift });
    for (const q of part.blockQuotes) layout.blockQuotes.push({ start: q.start + shift, end: q.end + shift });
    for (const s of part.ignored) layout.ignored.push({ start: s.start + shift, end: s.end + shift });
    at = chunk.end;
  });
  pieces.push(blankGap(text, at, text.length));
  layout.masked = pieces.join('');
  return layout;
}

/** The layout of one chunk, offsets relative to it (cached by its text and what it is parsed with). */
function chunkLayout(chunk: string, atStart: boolean, definitions: string): ChunkLayout {
  const key = `${atStart ? 'F' : 'B'}${definitions.length}:${definitions}${chunk}`;
  const hit = chunkCache.get(key);
  if (hit) {
    chunkCache.delete(key);
    chunkCache.set(key, hit);
    return hit;
  }
  // Definitions can turn bracketed text into links: only a chunk without brackets skips the parser then.
  const plain = definitions === '' || !chunk.includes('[') ? layoutPlainParagraph(chunk) : null;
  const layout = plain ?? layoutMarkdown(chunk, atStart, definitions);
  chunkCache.set(key, layout);
  if (chunkCache.size > CHUNK_CACHE_SIZE) chunkCache.delete(chunkCache.keys().next().value as string);
  return layout;
}

/** Characters that never occur in a plain paragraph: escapes, code, HTML, entities' `&`, strikethrough, tables, tabs. */
const NOT_PLAIN = /[\\`<~|\t]|&[#A-Za-z0-9]+;|!\[|\[\^|\][[(:]|\n[ \t]*\r?\n/;
/** A line start that may open a block (heading, quote, list, fence, table, HTML, definition, setext line) or continue one (indent). */
const BLOCK_LINE_START = /(?:^|\n)(?:[\s#>\-+=[!]|\d{1,9}[.)](?:[ \r\n]|$))/;
/** A bracket's content a plain paragraph may hold: a Pandoc citation (text with `@`, no nested brackets). */
const BRACKET = /\[([^[\]]*)\]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The layout of a chunk that is one plain paragraph, without running the
 * markdown parser (most of a draft's paragraphs, and most of the parse time),
 * or null when the chunk holds anything that could be markup. Strict on
 * purpose: anything the parser might read otherwise than as running text
 * (block openers at a line start, escapes, code, HTML, entities, links,
 * footnotes, tables, strikethrough, emphasis whose delimiters could go two
 * ways) sends the chunk to the parser. Pandoc citations are plain text to
 * markdown; `*simple*` and `__simple__` emphasis is read here, its markers
 * blanked as the parser's layout does.
 */
export function layoutPlainParagraph(chunk: string): ChunkLayout | null {
  if (NOT_PLAIN.test(chunk) || BLOCK_LINE_START.test(chunk)) return null;
  // A plain chunk opens on its first word (a leading space was refused above).
  const start = 0;
  let end = chunk.length;
  // The parser's paragraph ends at its last line's end, trailing spaces included.
  while (end > start && (chunk[end - 1] === '\n' || chunk[end - 1] === '\r')) end--;
  if (start === end) return null;
  BRACKET.lastIndex = 0;
  let brackets = 0;
  for (let m = BRACKET.exec(chunk); m; m = BRACKET.exec(chunk)) {
    if (!m[1].includes('@')) return null;
    brackets++;
  }
  // Every bracket must be in a citation (no stray or nested ones).
  if (countOf(chunk, '[') + countOf(chunk, ']') !== brackets * 2) return null;
  const markers = emphasisMarkers(chunk);
  if (!markers) return null;
  let masked = chunk.slice(start, end);
  if (markers.length > 0) {
    const chars = masked.split('');
    for (const i of markers) chars[i - start] = ' ';
    masked = chars.join('');
  }
  // After the paragraph only line ends remain: a line feed stays, a carriage return is blanked.
  masked += chunk.slice(end).replace(/\r/g, ' ');
  return { masked, blocks: [{ start, end, kind: 'paragraph', blockQuote: -1 }], blockQuotes: [], ignored: [], labels: [], openAtEnd: false };
}

/**
 * Offsets of the emphasis markers of a chunk when every `*`/`_` run is
 * unambiguous: one or two characters, each run only an opener or only a
 * closer (CommonMark flanking rules), and openers and closers alternating
 * with the same run (no nesting, no crossing). Null otherwise.
 */
function emphasisMarkers(chunk: string): number[] | null {
  const out: number[] = [];
  let open: string | null = null;
  const delimiter = /[*_]/g;
  for (let m = delimiter.exec(chunk); m; m = delimiter.exec(chunk)) {
    const i = m.index;
    const ch = m[0];
    let j = i;
    while (j < chunk.length && chunk[j] === ch) j++;
    const run = chunk.slice(i, j);
    const before = i > 0 ? chunk[i - 1] : ' ';
    const after = j < chunk.length ? chunk[j] : ' ';
    // Neighbours outside ASCII punctuation, letters, digits and spaces (curly quotes, dashes) are read differently by parser versions.
    const known = (c: string) => /\s/.test(c) || ASCII_PUNCTUATION.test(c) || WORD_CHAR.test(c);
    if (run.length > 2 || !known(before) || !known(after)) return null;
    const spaceBefore = /\s/.test(before);
    const spaceAfter = /\s/.test(after);
    const punctBefore = ASCII_PUNCTUATION.test(before);
    const punctAfter = ASCII_PUNCTUATION.test(after);
    const leftFlanking = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const rightFlanking = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    if (leftFlanking === rightFlanking) return null;
    if (leftFlanking) {
      if (open !== null) return null;
      open = run;
    } else {
      if (open !== run) return null;
      open = null;
    }
    for (let k = i; k < j; k++) out.push(k);
    delimiter.lastIndex = j;
  }
  return open === null ? out : null;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Parses `text` as a whole with the markdown parser. `definitions` (those of
 * the rest of the draft) are parsed with it so references resolve as in the
 * whole draft: before it, or after it when it opens the draft (front matter
 * must come first). Nothing of them enters the layout. Exported for the test
 * that holds {@link layoutPlainParagraph} to the parser's reading.
 */
export function layoutMarkdown(text: string, frontMatter: boolean, definitions: string): ChunkLayout {
  const before = definitions && !frontMatter ? `${definitions}\n\n` : '';
  const after = definitions && frontMatter ? `\n\n${definitions}` : '';
  const source = before + text + after;
  const shift = before.length;
  const end = shift + text.length;
  const chars = Array.from({ length: source.length }, (_, i) => (source[i] === '\n' ? '\n' : ' '));
  const layout: ChunkLayout = { masked: '', blocks: [], blockQuotes: [], ignored: [], labels: [], openAtEnd: false };
  let tree: Root;
  try {
    tree = fromMarkdown(source, {
      extensions: frontMatter ? [...GFM_SYNTAX, FRONT_MATTER_SYNTAX] : GFM_SYNTAX,
      mdastExtensions: frontMatter ? [...GFM_TREE, FRONT_MATTER_TREE] : GFM_TREE,
    });
  } catch {
    // micromark does not throw on any input we know of; if it ever does, the
    // chunk is treated as having no prose rather than crashing the server.
    layout.masked = chars.slice(shift, end).join('');
    return layout;
  }
  /** A span of `source` as a span of the chunk (the definitions' text clipped off). */
  const local = (span: Span): Span => ({ start: Math.max(span.start, shift) - shift, end: Math.min(span.end, end) - shift });
  const ignored: Span[] = [];

  const visitBlock = (node: Nodes, blockQuote: number): void => {
    const span = spanOf(node);
    // The definitions lie outside the chunk (a block left open at its end may swallow those after it).
    if (span && (span.start >= end || span.end <= shift)) return;
    if (IGNORED_TYPES.has(node.type)) {
      if (span) ignored.push(span);
      return;
    }
    if (node.type === 'definition') {
      if (node.label) layout.labels.push(node.label);
      return;
    }
    if (node.type === 'footnoteDefinition' && node.label) layout.labels.push(`^${node.label}`);
    if (node.type === 'heading' || node.type === 'thematicBreak') return;
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      if (!span) return;
      copyInline(node, source, chars, ignored);
      if (blockQuote >= 0) blankQuoteMarkers(source, chars, span);
      layout.blocks.push({ ...local(span), kind: node.type === 'paragraph' ? 'paragraph' : 'cell', blockQuote });
      return;
    }
    let quoteIndex = blockQuote;
    if (node.type === 'blockquote' && blockQuote < 0 && span) {
      quoteIndex = layout.blockQuotes.length;
      layout.blockQuotes.push(local(span));
    }
    if ('children' in node) for (const child of (node as Parent).children) visitBlock(child as Nodes, quoteIndex);
  };
  visitBlock(tree, -1);
  layout.ignored = ignored.filter((s) => s.end > shift && s.start < end).map(local);
  layout.masked = chars.slice(shift, end).join('');
  const last = tree.children.filter((c) => (spanOf(c)?.start ?? Infinity) < end).pop();
  const lastSpan = last ? spanOf(last) : null;
  if (!definitions && lastSpan && (last?.type === 'code' || last?.type === 'html')) layout.openAtEnd = leftOpen(text.slice(lastSpan.start, lastSpan.end));
  return layout;
}

/** True when a code or HTML block's text opens a fence or an end-marked HTML block it never closes. */
function leftOpen(block: string): boolean {
  const lines = block.split('\n');
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(lines[0]);
  if (fence) {
    const char = fence[1][0];
    return !lines.slice(1).some((l) => {
      const m = /^[ \t]*(`{3,}|~{3,})[ \t\r]*$/.exec(l);
      return m !== null && m[1][0] === char && m[1].length >= fence[1].length;
    });
  }
  return nextOpen(null, lines[0]) !== null && !lines.slice(1).some((l) => nextOpen(nextOpen(null, lines[0]), l) === null);
}

/** The characters between two chunks as the whole parse masks them: blank lines, newlines kept. */
function blankGap(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += text[i] === '\n' ? '\n' : ' ';
  return out;
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const HTML_OPEN = /^[ \t]*(?:<(script|pre|style|textarea)(?=[\s>]|$)|(<!--)|(<\?)|(<!\[CDATA\[)|(<![A-Za-z]))/i;

/**
 * Cuts the draft into chunks that parse the same alone as inside the whole
 * draft: runs of lines between blank lines, except that a blank line does not
 * cut inside front matter, a fenced code block or an HTML block that runs to
 * an end marker (comments, `<pre>`, ...), nor before an indented line (a list
 * item's next paragraph, indented code, a footnote's continuation). When in
 * doubt a chunk is left longer: that only costs time.
 */
export function splitChunks(text: string): Span[] {
  const chunks: Span[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let blankBefore = false;
  /** What must close before a blank line may cut: a fence line or an HTML end marker. */
  let open: { fence: string } | { end: string } | null = null;
  let pos = 0;
  let first = true;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    const blank = /^[ \t\r]*$/.test(line);
    if (first && /^(?:---|\+\+\+)[ \t\r]*$/.test(line)) {
      // Front matter: one chunk up to its closing fence (it may hold blank lines).
      const fence = line.trim();
      const close = new RegExp(`\n${fence.replace(/\+/g, '\\+')}[ \t\r]*(?:\n|$)`).exec(text.slice(eol));
      if (close) {
        const closeStart = eol + close.index + 1;
        const closeEnd = text.indexOf('\n', closeStart);
        chunkStart = 0;
        chunkEnd = closeEnd < 0 ? text.length : closeEnd;
        first = false;
        if (closeEnd < 0) break;
        pos = closeEnd + 1;
        continue;
      }
    }
    first = false;
    if (blank) {
      if (open === null) blankBefore = true;
    } else {
      const indented = line[0] === ' ' || line[0] === '\t';
      if (chunkStart < 0) chunkStart = pos;
      else if (blankBefore && open === null && !indented) {
        chunks.push({ start: chunkStart, end: chunkEnd });
        chunkStart = pos;
      }
      blankBefore = false;
      // The line break belongs to the chunk: a block ends the same way before a blank line as at the end of the text.
      chunkEnd = Math.min(eol + 1, text.length);
      open = nextOpen(open, line);
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  // The last chunk keeps the draft's tail: a block left open (a fence never closed) runs to the end of the text.
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

/** What is open after `line`, given what was open before it. */
function nextOpen(open: { fence: string } | { end: string } | null, line: string): { fence: string } | { end: string } | null {
  if (open && 'fence' in open) {
    const m = /^[ \t]*(`{3,}|~{3,})[ \t\r]*$/.exec(line);
    return m && m[1][0] === open.fence[0] && m[1].length >= open.fence.length ? null : open;
  }
  if (open) return line.includes(open.end) ? null : open;
  const fence = FENCE_OPEN.exec(line);
  // "```code``` and text" is inline code, not a fence.
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) return { fence: fence[1] };
  const html = HTML_OPEN.exec(line);
  if (!html) return null;
  const end = html[1] ? `</${html[1].toLowerCase()}>` : html[2] ? '-->' : html[3] ? '?>' : html[4] ? ']]>' : '>';
  const rest = line.slice(html.index + html[0].length);
  const closed = html[1] ? rest.toLowerCase().includes(end) : rest.includes(end);
  return closed ? null : { end };
}

/** Copies the characters of text leaves (the words a reader sees) into `chars`. */
function copyInline(node: Nodes, text: string, chars: string[], ignored: Span[]): void {
  if (!('children' in node)) return;
  for (const child of (node as Parent).children as Nodes[]) {
    const span = spanOf(child);
    if (!span) continue;
    if (IGNORED_TYPES.has(child.type)) {
      ignored.push(span);
      continue;
    }
    if (child.type === 'text') {
      for (let i = span.start; i < span.end; i++) {
        const ch = text[i];
        // A backslash escape is markup; the escaped character is prose.
        chars[i] = ch === '\\' && i + 1 < span.end && /[!-/:-@[-`{-~]/.test(text[i + 1]) ? ' ' : ch;
      }
      continue;
    }
    // Emphasis, strong, delete, links: their words are prose, their markers and targets are not.
    if (child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete' || child.type === 'link' || child.type === 'linkReference') {
      copyInline(child, text, chars, ignored);
    }
    // Images, footnote references, breaks: not prose.
  }
}

/** Blanks the `>` markers at the start of each line of a paragraph inside a block quote. */
function blankQuoteMarkers(text: string, chars: string[], span: Span): void {
  const re = /(^|\n)([ \t]*(?:>[ \t]?)+)/g;
  // Look from the line start, since the paragraph's span starts after the first marker.
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const slice = text.slice(lineStart, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const from = lineStart + m.index + m[1].length;
    for (let i = from; i < from + m[2].length; i++) if (i >= span.start) chars[i] = ' ';
  }
}

function spanOf(node: Nodes): Span | null {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return null;
  return { start: p.start.offset, end: p.end.offset };
}
