/**
 * Reads a markdown draft's structure and reduces it to *prose*: the running
 * text of paragraphs, list items, block quotes, footnotes and table cells.
 *
 * The result keeps the draft's offsets intact: `masked` has the same length as
 * the draft, with every character that is not prose (markup, code, HTML,
 * front matter, link targets, `>` markers) replaced by a space. Everything
 * downstream (sentences, citations, quotes, numbers) reads `masked`, so an
 * offset found there is the offset in the editor.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
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

/** Parses the draft and returns its prose layout. Never throws on odd markdown. */
export function layoutProse(text: string): ProseLayout {
  const chars = Array.from({ length: text.length }, (_, i) => (text[i] === '\n' ? '\n' : ' '));
  const layout: ProseLayout = { masked: '', blocks: [], blockQuotes: [], ignored: [] };
  let tree: Root;
  try {
    tree = fromMarkdown(text, {
      extensions: [gfm(), frontmatter(['yaml', 'toml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
    });
  } catch {
    // micromark does not throw on any input we know of; if it ever does, the
    // draft is treated as having no prose rather than crashing the server.
    layout.masked = chars.join('');
    return layout;
  }

  const visitBlock = (node: Nodes, blockQuote: number): void => {
    const span = spanOf(node);
    if (IGNORED_TYPES.has(node.type)) {
      if (span) layout.ignored.push(span);
      return;
    }
    if (node.type === 'heading' || node.type === 'definition' || node.type === 'thematicBreak') return;
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      if (!span) return;
      copyInline(node, text, chars, layout.ignored);
      if (blockQuote >= 0) blankQuoteMarkers(text, chars, span);
      layout.blocks.push({ ...span, kind: node.type === 'paragraph' ? 'paragraph' : 'cell', blockQuote });
      return;
    }
    let quoteIndex = blockQuote;
    if (node.type === 'blockquote' && blockQuote < 0 && span) {
      quoteIndex = layout.blockQuotes.length;
      layout.blockQuotes.push(span);
    }
    if ('children' in node) for (const child of (node as Parent).children) visitBlock(child as Nodes, quoteIndex);
  };
  visitBlock(tree, -1);
  layout.masked = chars.join('');
  return layout;
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
