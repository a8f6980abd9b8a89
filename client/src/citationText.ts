/**
 * The text to insert for a citation at a cursor, in Pandoc syntax. Pure (no
 * `vscode`), so it is unit-tested directly.
 */

/** What to insert and where, relative to the cursor. */
export interface CitationInsertion {
  text: string;
  /** Characters after the cursor at which to insert (so a key or word under the cursor is never split). */
  offset: number;
}

/**
 * Builds the citation to insert at a cursor that has `before` and `after` on its
 * line: `[@key]` or `[@key, para N]`, or `; @key` at the end of the item list
 * when the cursor already sits inside a bracketed citation (`[@a|]` becomes
 * `[@a; @key]`, Pandoc's form for several sources). A cursor inside a word
 * inserts after that word. A space separates the citation from a preceding word.
 */
export function citationText(key: string, paragraph: number | undefined, before: string, after: string): CitationInsertion {
  const item = paragraph !== undefined && paragraph > 0 ? `@${key}, para ${paragraph}` : `@${key}`;
  const open = openCitationBracket(before, after);
  if (open >= 0) {
    // Appended as the last item, just before "]".
    const offset = after.indexOf(']');
    const content = (before.slice(open + 1) + after.slice(0, offset)).trimEnd();
    const leading = content === '' || content.endsWith(';') ? '' : '; ';
    return { text: `${leading}${item}`, offset };
  }
  const insideWord = /[\p{L}\p{N}_]$/u.test(before);
  const offset = insideWord ? (/^[\p{L}\p{N}_'’-]*/u.exec(after)?.[0].length ?? 0) : 0;
  const previous = before + after.slice(0, offset);
  const needsSpace = previous.length > 0 && !/[\s([]$/.test(previous);
  return { text: `${needsSpace ? ' ' : ''}[${item}]`, offset };
}

/**
 * Index in `before` of the `[` of the bracketed citation the cursor is inside
 * (a bracket, closed after the cursor, holding an `@key`), or -1.
 */
function openCitationBracket(before: string, after: string): number {
  const open = before.lastIndexOf('[');
  if (open < 0 || before.indexOf(']', open) >= 0) return -1;
  const close = after.indexOf(']');
  const nextOpen = after.indexOf('[');
  if (close < 0 || (nextOpen >= 0 && nextOpen < close)) return -1;
  const content = before.slice(open + 1) + after.slice(0, close);
  return /(^|[^\p{L}\p{N}_.+-])-?@[\p{L}\p{N}_{]/u.test(content) ? open : -1;
}
