/**
 * Runs every claim-citation check over a parsed draft against the corpus and
 * returns the diagnostics in document order, with severities applied.
 *
 * Results are cached per (draft, corpus state, severities): the language
 * server re-checks on every keystroke in any open draft and on every corpus
 * change, and most of those calls see the same pair again.
 *
 * A long draft can also be checked in small steps ({@link checkDraftInSteps}):
 * each check walks the draft's sentences, quotes or citations a window at a
 * time, so a caller can give the event loop a turn between windows. The
 * synchronous {@link checkDraft} runs the same steps without pausing, so both
 * give the same diagnostics by construction.
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

/**
 * The list of the draft a check walks item by item. A check's findings on an
 * item depend on that item alone (other parts of the draft may be looked up,
 * never walked), so the check may be run on a window of that list and the
 * windows' findings joined in order. `null`: the check reads the whole text
 * and runs in one step.
 */
type Walked = 'sentences' | 'quotes' | 'citations' | null;

const CHECKS: Array<{ codes: DiagnosticCode[]; walks: Walked; run: (ctx: CheckContext) => DossierDiagnostic[] }> = [
  { codes: [DiagnosticCode.UnknownSource], walks: 'citations', run: checkUnknownSources },
  // Scans the whole text for citation-like markup that the parse did not take as a citation.
  { codes: [DiagnosticCode.MalformedCitation], walks: null, run: checkMalformedCitations },
  { codes: [DiagnosticCode.QuoteNotFound, DiagnosticCode.QuoteAltered, DiagnosticCode.QuoteWrongSource, DiagnosticCode.UncitedQuote], walks: 'quotes', run: checkQuotes },
  { codes: [DiagnosticCode.QuoteMisattributed], walks: 'quotes', run: checkMisattribution },
  { codes: [DiagnosticCode.NumberMismatch], walks: 'sentences', run: checkNumbers },
  { codes: [DiagnosticCode.ClaimUnsupported, DiagnosticCode.UncitedClaim], walks: 'sentences', run: checkClaimSupport },
  { codes: [DiagnosticCode.RoleMismatch], walks: 'sentences', run: checkRoles },
];

/** Items a check handles between two pauses of {@link checkDraftInSteps} (a few milliseconds of work at most, usually far less). */
const DEFAULT_WINDOW = 32;

const cache = new WeakMap<Draft, { corpus: Corpus; version: number; options: string; result: DossierDiagnostic[] }>();

/** Checks a draft against the corpus. Never throws: a failing check is skipped and reported to `onError`. */
export function checkDraft(draft: Draft, corpus: Corpus, options: CheckOptions = {}): DossierDiagnostic[] {
  const steps = checkDraftInSteps(draft, corpus, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Checks a draft in steps: the generator pauses (yields) after every window of
 * `window` items of one check and returns the diagnostics {@link checkDraft}
 * returns. The caller decides when to resume, or stops resuming to abandon the
 * run. The corpus must not change while the run is paused; the caller starts
 * over when it did (see `Corpus.version`).
 */
export function* checkDraftInSteps(draft: Draft, corpus: Corpus, options: CheckOptions = {}, window = DEFAULT_WINDOW): Generator<void, DossierDiagnostic[], void> {
  const optionsKey = JSON.stringify(options.severities ?? {});
  const hit = cache.get(draft);
  if (hit && hit.corpus === corpus && hit.version === corpus.version && hit.options === optionsKey) return hit.result;

  const version = corpus.version;
  const keys = keysOf(corpus);
  const severities = options.severities ?? {};
  const out: DossierDiagnostic[] = [];
  for (const check of CHECKS) {
    if (check.codes.every((c) => severities[c] === 'off')) continue;
    const found: DossierDiagnostic[] = [];
    let failed = false;
    for (const part of windows(draft, check.walks, Math.max(1, window))) {
      try {
        found.push(...check.run({ draft: part, corpus, keys }));
      } catch (e) {
        // A check failing on one window is skipped entirely, as when it runs in one go.
        options.onError?.(check.run.name, e);
        failed = true;
        break;
      }
      yield;
    }
    if (failed) continue;
    for (const d of found) {
      const severity = severities[d.code];
      if (severity === 'off') continue;
      if (ignored(draft, d)) continue;
      out.push(severity ? { ...d, severity } : d);
    }
  }
  const result = dropOverlaps(out).sort((a, b) => a.start - b.start || a.end - b.end);
  if (corpus.version === version) cache.set(draft, { corpus, version, options: optionsKey, result });
  return result;
}

/** The corpus' citation keys per corpus state: a set of thousands of keys is not built again for every check run. */
const corpusKeys = new WeakMap<Corpus, { version: number; keys: ReadonlySet<string> }>();

function keysOf(corpus: Corpus): ReadonlySet<string> {
  const known = corpusKeys.get(corpus);
  if (known && known.version === corpus.version) return known.keys;
  const keys = new Set(corpus.keys());
  corpusKeys.set(corpus, { version: corpus.version, keys });
  return keys;
}

/**
 * The draft as a check sees it, one window of the walked list at a time (the
 * other lists stay whole, for look-ups such as "the sentence holding this
 * quote"); the whole draft once for a check that walks nothing.
 */
function* windows(draft: Draft, walks: Walked, size: number): Generator<Draft> {
  if (walks === null || draft[walks].length <= size) {
    yield draft;
    return;
  }
  const list = draft[walks];
  for (let at = 0; at < list.length; at += size) yield { ...draft, [walks]: list.slice(at, at + size) };
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
