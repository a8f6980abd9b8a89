/**
 * Runs every claim-citation check over a parsed draft against the corpus and
 * returns the diagnostics in document order, with severities applied.
 *
 * Results are cached per (draft, corpus state, severities): the language
 * server re-checks on every keystroke in any open draft and on every corpus
 * change, and most of those calls see the same pair again.
 */
import type { Corpus } from '../index/corpus';
import type { Draft } from '../draft/model';
import { checkClaimSupport } from './claimSupport';
import type { CheckContext } from './context';
import { DiagnosticCode, type DossierDiagnostic, type Severity } from './diagnostics';
import { checkMalformedCitations } from './malformedCitation';
import { checkMisattribution } from './misattribution';
import { checkNumbers } from './numberMismatch';
import { checkQuotes } from './quoteChecks';
import { checkRoles } from './roleMismatch';
import { checkUnknownSources } from './unknownSource';

/** Options of {@link checkDraft}. */
export interface CheckOptions {
  /** Severity per code, or `'off'` to skip the check. Codes not listed keep their default. */
  severities?: Partial<Record<DiagnosticCode, Severity | 'off'>>;
  /**
   * Told when a check fails on unexpected data; the other checks still run
   * (a bug in one check must not take every diagnostic of the draft with it).
   */
  onError?: (check: string, error: unknown) => void;
}

const CHECKS: Array<{ codes: DiagnosticCode[]; run: (ctx: CheckContext) => DossierDiagnostic[] }> = [
  { codes: [DiagnosticCode.UnknownSource], run: checkUnknownSources },
  { codes: [DiagnosticCode.MalformedCitation], run: checkMalformedCitations },
  { codes: [DiagnosticCode.QuoteNotFound, DiagnosticCode.QuoteAltered, DiagnosticCode.QuoteWrongSource, DiagnosticCode.UncitedQuote], run: checkQuotes },
  { codes: [DiagnosticCode.QuoteMisattributed], run: checkMisattribution },
  { codes: [DiagnosticCode.NumberMismatch], run: checkNumbers },
  { codes: [DiagnosticCode.ClaimUnsupported, DiagnosticCode.UncitedClaim], run: checkClaimSupport },
  { codes: [DiagnosticCode.RoleMismatch], run: checkRoles },
];

const cache = new WeakMap<Draft, { corpus: Corpus; version: number; options: string; result: DossierDiagnostic[] }>();

/** Checks a draft against the corpus. Never throws: a failing check is skipped and reported to `onError`. */
export function checkDraft(draft: Draft, corpus: Corpus, options: CheckOptions = {}): DossierDiagnostic[] {
  const optionsKey = JSON.stringify(options.severities ?? {});
  const hit = cache.get(draft);
  if (hit && hit.corpus === corpus && hit.version === corpus.version && hit.options === optionsKey) return hit.result;

  const ctx: CheckContext = { draft, corpus, keys: new Set(corpus.keys()) };
  const severities = options.severities ?? {};
  const out: DossierDiagnostic[] = [];
  for (const check of CHECKS) {
    if (check.codes.every((c) => severities[c] === 'off')) continue;
    let found: DossierDiagnostic[];
    try {
      found = check.run(ctx);
    } catch (e) {
      options.onError?.(check.run.name, e);
      continue;
    }
    for (const d of found) {
      const severity = severities[d.code];
      if (severity === 'off') continue;
      if (ignored(draft, d)) continue;
      out.push(severity ? { ...d, severity } : d);
    }
  }
  const result = dropOverlaps(out).sort((a, b) => a.start - b.start || a.end - b.end);
  cache.set(draft, { corpus, version: corpus.version, options: optionsKey, result });
  return result;
}

/** Diagnostics never land in code, HTML or front matter. */
function ignored(draft: Draft, d: DossierDiagnostic): boolean {
  return draft.ignored.some((s) => d.start >= s.start && d.start < s.end);
}

/** Drops repeated findings (same code, same span), e.g. a quote continued over paragraphs sharing one source quote. */
function dropOverlaps(list: DossierDiagnostic[]): DossierDiagnostic[] {
  const seen = new Set<string>();
  const out: DossierDiagnostic[] = [];
  for (const d of list) {
    const key = `${d.code}:${d.start}:${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
