/**
 * malformed-citation: what the writer meant as a citation but is none
 * (`[@]`, `[@;@;]`, `[@ key]`, `@@key`, `[@key` never closed), and paragraph
 * locators past the end of the cited source (`[@key, para 99]` when it has 29
 * body paragraphs). Left alone, the first kind is silently printed as text
 * and the second sends the reader nowhere.
 */
import type { CitationItem } from '../draft/model';
import { findMalformedCitations } from '../draft/citations';
import { DiagnosticCode, type DossierDiagnostic } from './diagnostics';
import { diagnostic, type CheckContext } from './context';

/** Reports malformed citations and paragraph locators the cited source does not have. */
export function checkMalformedCitations(ctx: CheckContext): DossierDiagnostic[] {
  const text = ctx.draft.text;
  const out = findMalformedCitations(text, 0, text.length).map((m) =>
    diagnostic(DiagnosticCode.MalformedCitation, m, m.message, [],
      m.fix ? [{ title: m.fix.title, edits: [{ start: m.fix.start, end: m.fix.end, newText: m.fix.newText }], isPreferred: true }] : []));
  for (const citation of ctx.draft.citations) {
    for (const item of citation.items) {
      const found = checkParagraphLocator(ctx, item);
      if (found) out.push(found);
    }
  }
  return out;
}

function checkParagraphLocator(ctx: CheckContext, item: CitationItem): DossierDiagnostic | null {
  if (item.paragraph === undefined || !ctx.keys.has(item.key)) return null;
  const source = ctx.corpus.get(item.key);
  if (!source) return null;
  const bodyParagraphs = source.paragraphs.filter((p) => p.kind === 'body').length;
  if (item.paragraph >= 1 && item.paragraph <= bodyParagraphs) return null;
  const text = ctx.draft.text;
  // The locator runs from the end of the key (after a braced key's "}") to the end of the item.
  const keyEnd = text[item.keySpan.end] === '}' ? item.keySpan.end + 1 : item.keySpan.end;
  const locatorAt = item.locator ? text.indexOf(item.locator, keyEnd) : -1;
  const span = locatorAt >= 0 && locatorAt < item.end ? { start: locatorAt, end: locatorAt + (item.locator?.length ?? 0) } : { start: item.keySpan.start, end: item.end };
  const has = bodyParagraphs === 1 ? 'has 1 body paragraph' : `has ${bodyParagraphs} body paragraphs`;
  return diagnostic(DiagnosticCode.MalformedCitation, span, `@${item.key} ${has}; there is no paragraph ${item.paragraph}.`, [],
    [{ title: 'Remove the locator', edits: [{ start: keyEnd, end: item.end, newText: '' }], isPreferred: true }]);
}
