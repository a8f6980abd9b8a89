/**
 * Small helpers to write the markdown shown in hovers and fact sheets: source
 * text is untrusted and may contain markdown syntax, so it is escaped.
 */
import type { ExtractedSource, Span } from '../model';

/**
 * Builds a link target that opens a source at a passage. The LSP layer decides
 * the form (a `file:` URI with `#L12`, a `command:` URI); undefined means no link.
 */
export type SourceLinker = (source: ExtractedSource, span: Span) => string | undefined;

/** Escapes characters that markdown would interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => '\\' + c).replace(/\s+/g, ' ');
}

/** `text` cut to at most `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return flat.slice(0, cut > max / 2 ? cut : max - 1) + '…';
}

/** `[label](target)` when the linker gives a target, else the label alone. */
export function linkTo(label: string, linker: SourceLinker | undefined, source: ExtractedSource, span: Span): string {
  const target = linker?.(source, span);
  return target ? `[${label}](${target})` : label;
}

/**
 * A source's display title: front matter title, headline, else the start of its
 * first body paragraph (scraped articles often open with a caption, no
 * headline), else its key.
 */
export function sourceTitle(source: ExtractedSource): string {
  const title = source.meta.title ?? source.title?.text;
  if (title) return title;
  const first = source.paragraphs.find((p) => p.kind === 'body');
  const sentence = first?.sentences[0] ?? first;
  return sentence ? truncate(source.text.slice(sentence.start, sentence.end), 80) : source.key;
}

/** "para 4" for a body paragraph, "caption" / "headline" otherwise. */
export function placeLabel(source: ExtractedSource, offset: number): string {
  const p = source.paragraphs.find((q) => offset >= q.start && offset < q.end);
  if (!p) return 'text';
  if (p.kind === 'body') return `para ${p.number}`;
  return p.kind === 'title' ? 'headline' : p.kind;
}
