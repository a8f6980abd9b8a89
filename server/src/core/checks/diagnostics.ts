/**
 * Diagnostics produced by the claim-citation checks, in core terms (offsets into
 * the draft). The LSP layer converts them; the CLI prints them.
 */
import type { Span } from '../model';

/**
 * Every diagnostic code Dossier emits. Values are stable: they appear in
 * settings (`dossier.severity.<code>`), in `dossier check --format json|sarif`
 * output and in `diagnostic.code`.
 */
export enum DiagnosticCode {
  /** A citation key that no source has. Fix: the closest existing key. */
  UnknownSource = 'unknown-source',
  /**
   * A citation Pandoc would print as text (`[@]`, `[@ key]`, `@@key`, `[@key`
   * never closed) or whose paragraph locator is past the source's last body
   * paragraph. Fix: the obvious repair, or dropping the locator.
   */
  MalformedCitation = 'malformed-citation',
  /** A quotation found in no source, neither verbatim nor nearly. */
  QuoteNotFound = 'quote-not-found',
  /** Close to a source passage but not verbatim. Fix: the source's exact words. */
  QuoteAltered = 'quote-altered',
  /** Verbatim in a source other than the one cited. Fix: cite the right source. */
  QuoteWrongSource = 'quote-wrong-source',
  /** The draft gives a quote or reported speech to someone other than the source's speaker. Fix: the source's speaker. */
  QuoteMisattributed = 'quote-misattributed',
  /** A number in a cited sentence differs from the source's figure for the same thing. Fix: the source's figure. */
  NumberMismatch = 'number-mismatch',
  /** The cited source does not support the sentence (another source may). Fix: cite the better source. */
  ClaimUnsupported = 'claim-unsupported',
  /** A quotation without citation that is found in a source. Fix: add the citation. */
  UncitedQuote = 'uncited-quote',
  /** An uncited sentence that closely matches a source passage. Fix: add the citation. */
  UncitedClaim = 'uncited-claim',
  /** The draft gives a person a title the sources contradict. Fix: the sources' title. */
  RoleMismatch = 'role-mismatch',
  /** A source file problem: duplicate key, broken front matter, unreadable file (reported on sources). */
  SourceProblem = 'source-problem',
}

/** Severity of a diagnostic (LSP's four levels). */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Default severity per code; overridable per code by settings. */
export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  [DiagnosticCode.UnknownSource]: 'error',
  [DiagnosticCode.MalformedCitation]: 'warning',
  [DiagnosticCode.QuoteNotFound]: 'warning',
  [DiagnosticCode.QuoteAltered]: 'warning',
  [DiagnosticCode.QuoteWrongSource]: 'warning',
  [DiagnosticCode.QuoteMisattributed]: 'error',
  [DiagnosticCode.NumberMismatch]: 'error',
  [DiagnosticCode.ClaimUnsupported]: 'warning',
  [DiagnosticCode.UncitedQuote]: 'warning',
  [DiagnosticCode.UncitedClaim]: 'hint',
  [DiagnosticCode.RoleMismatch]: 'warning',
  [DiagnosticCode.SourceProblem]: 'warning',
};

/** A text replacement in the draft. */
export interface TextEdit extends Span {
  newText: string;
}

/** A quick fix: a titled set of edits to the draft. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (VS Code applies it with "Auto Fix"). */
  isPreferred?: boolean;
}

/** A place in a source that explains a diagnostic. */
export interface RelatedPassage extends Span {
  key: string;
  uri: string;
  message: string;
}

/** One finding of the checks. */
export interface DossierDiagnostic extends Span {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  related: RelatedPassage[];
  /** Quick fixes, carried as the LSP diagnostic's `data`. */
  fixes: Fix[];
}
