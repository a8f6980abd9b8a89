/** How a search snippet is shown on the single line a QuickPick item has. Pure (no `vscode`), so unit-tested directly. */
/** Characters of context kept before the first match when the snippet is cut. */
const CONTEXT_BEFORE_MATCH = 30;

/**
 * The snippet on one line, cut to start shortly before its first match: the
 * QuickPick shows a single line, so a match late in a long snippet would be
 * out of sight.
 */
export function focusSnippet(snippet: string, highlights: ReadonlyArray<{ start: number }>): string {
  const first = highlights.length > 0 ? Math.min(...highlights.map((h) => h.start)) : 0;
  let start = 0;
  if (first > CONTEXT_BEFORE_MATCH) {
    const space = snippet.lastIndexOf(' ', first - CONTEXT_BEFORE_MATCH);
    start = space > 0 ? space + 1 : first - CONTEXT_BEFORE_MATCH;
  }
  const text = snippet.slice(start).replace(/\s+/g, ' ').trim();
  return start > 0 ? `…${text}` : text;
}
