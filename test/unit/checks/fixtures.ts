/**
 * Two short fake news articles the check tests cite as @council and @forum.
 */
import { corpusFromTexts, type Corpus } from '../../../server/src/core/index/corpus';
import { checkDraft } from '../../../server/src/core/checks/checkDraft';
import type { DiagnosticCode, DossierDiagnostic } from '../../../server/src/core/checks/diagnostics';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';

export const COUNCIL = `Military council meets in Moscow

The International Military Sports Council (CISM) held its general assembly in Moscow on Tuesday despite the war.

"We do not resolve political issues, we are guided by our own rules and our organisation is independent," said CISM vice-president Yijang Wang.

Founded in 1948, the council has 140 members, including Belarus, Russia and Ukraine.

The sponsor offered to pay $300m to settle charges, and it set aside $500m for legal reserves.

CISM secretary general Anna Berg opened the meeting with a minute of silence for the victims of the flood.
`;

export const FORUM = `Sports forum planned for July

Iran is currently one of three observers at the sports forum, officials said.

"Now work is underway to implement this idea of a sports association," said Bakhtiyor Khakimov, the forum's ambassador.

The forum will be held in Saint Petersburg, where delegates from twelve countries will discuss cooperation in sport and culture over three days.
`;

let corpus: Corpus | null = null;

/** The corpus of both articles (built once). */
export function fixtureCorpus(): Corpus {
  corpus ??= corpusFromTexts({ 'council.txt': COUNCIL, 'forum.txt': FORUM });
  return corpus;
}

/** Checks a draft against a corpus (by default the fixture corpus). */
export function check(draft: string, corpus: Corpus = fixtureCorpus()): DossierDiagnostic[] {
  return checkDraft(parseDraft(draft), corpus);
}

/** The diagnostics of one code (against the fixture corpus unless another is given). */
export function only(draft: string, code: DiagnosticCode, corpus?: Corpus): DossierDiagnostic[] {
  return check(draft, corpus).filter((d) => d.code === code);
}

/** Applies the preferred fix of a diagnostic to the draft. */
export function applyFix(draft: string, d: DossierDiagnostic): string {
  const fix = d.fixes.find((f) => f.isPreferred) ?? d.fixes[0];
  if (!fix) throw new Error(`no fix for ${d.code}`);
  let out = draft;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
