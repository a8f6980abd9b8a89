/**
 * `dossier check`: runs the claim-citation checks on markdown drafts against
 * the sources, for CI. Prints the findings as text, JSON or SARIF 2.1.0 and
 * exits 0 (no error-severity finding), 1 (at least one) or 2 (bad usage or
 * unreadable input).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDraft } from '../../core/checks/checkDraft';
import { DEFAULT_SEVERITY, DiagnosticCode, type DossierDiagnostic, type Severity } from '../../core/checks/diagnostics';
import { parseDraft } from '../../core/draft/parseDraft';
import { Corpus } from '../../core/index/corpus';
import { indexSources } from '../../core/index/indexer';
import { NodeFileSystem, yieldToEventLoop } from '../nodeFileSystem';
import { COMMON_OPTIONS_USAGE, parseCommand, usageError } from './args';
import { EXIT_USAGE, type CliIO } from './io';
import { SOURCES_DIR_GLOBS, locateSources } from './sources';

/** Usage of `dossier check`. */
export const CHECK_USAGE = `Usage: dossier check [--sources <dir>]... [--format text|json|sarif] [--max-file-size <KB>] <draft.md>...

Checks the citations, quotations and figures of markdown drafts against the sources.
  --sources <dir>        folder of source articles (*.md, *.txt, any depth); may be repeated;
                         default: sources/ under the current folder
  --format <fmt>         text (default), json or sarif
${COMMON_OPTIONS_USAGE}Exit status: 0 no errors, 1 at least one error-severity finding, 2 bad usage or unreadable input.
`;

/** One line per code for SARIF rules and help. */
const CODE_DESCRIPTIONS: Record<DiagnosticCode, string> = {
  [DiagnosticCode.UnknownSource]: 'A citation key that no source has.',
  [DiagnosticCode.MalformedCitation]: 'A citation that is not one (empty key, space after @, doubled @, no closing bracket) or a paragraph locator past the source\'s end.',
  [DiagnosticCode.QuoteNotFound]: 'A quotation found in no source, neither verbatim nor nearly.',
  [DiagnosticCode.QuoteAltered]: 'A quotation close to a source passage but not verbatim.',
  [DiagnosticCode.QuoteWrongSource]: 'A quotation that is verbatim in a source other than the one cited.',
  [DiagnosticCode.QuoteMisattributed]: 'A quotation given to someone other than the speaker in the source.',
  [DiagnosticCode.NumberMismatch]: 'A figure that differs from the cited source\'s figure for the same thing.',
  [DiagnosticCode.ClaimUnsupported]: 'A claim the cited source does not support (another source does).',
  [DiagnosticCode.UncitedQuote]: 'A quotation without citation that is found in a source.',
  [DiagnosticCode.UncitedClaim]: 'An uncited sentence that closely follows a source passage.',
  [DiagnosticCode.RoleMismatch]: 'A title for a person that the sources contradict.',
  [DiagnosticCode.SourceProblem]: 'A problem with a source file (duplicate key, broken front matter, unreadable file).',
};

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }

/** The JSON document printed by `check --format json` (0-based lines and UTF-16 characters). */
export interface CheckJson {
  version: 1;
  diagnostics: Array<{
    file: string;
    range: Range;
    severity: Severity;
    code: DiagnosticCode;
    message: string;
    related: Array<{ file: string; range: Range; message: string }>;
  }>;
}

interface Located {
  file: string;
  range: Range;
  diagnostic: DossierDiagnostic;
  related: Array<{ file: string; range: Range; message: string }>;
}

/** Runs `dossier check` with the arguments after the subcommand; returns the exit code. */
export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const spec = {
    name: 'check', usage: CHECK_USAGE, positionals: true, formats: ['text', 'json', 'sarif'] as const,
    options: { sources: { type: 'string', multiple: true } } as const,
  };
  const parsed = parseCommand(spec, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values, positionals, format, maxFileSizeKB } = parsed;
  if (positionals.length === 0) return usageError(io, spec, 'no draft given').exitCode;

  const drafts: Array<{ path: string; text: string }> = [];
  for (const p of positionals) {
    const read = readDraft(io, p);
    if ('error' in read) {
      io.stderr(`dossier check: ${read.error}\n`);
      return EXIT_USAGE;
    }
    drafts.push(read);
  }

  const roots: string[] = [];
  let globs: readonly string[] = SOURCES_DIR_GLOBS;
  for (const dir of values.sources ?? [undefined]) {
    const location = locateSources(io, dir);
    if ('error' in location) {
      io.stderr(`dossier check: ${location.error}\n`);
      return EXIT_USAGE;
    }
    roots.push(location.root);
    globs = location.globs;
  }
  const corpus = new Corpus();
  await indexSources(new NodeFileSystem(), corpus, { roots, globs, maxFileSizeKB, yieldNow: yieldToEventLoop, yieldEvery: 64 });
  for (const problem of corpus.problems()) io.stderr(`dossier check: ${problem.path}: ${problem.message}\n`);
  if (corpus.sources().length === 0) {
    io.stderr(`dossier check: no source articles (*.md, *.txt) found in ${roots.map((r) => fileURLToPath(r)).join(', ')}\n`);
    return EXIT_USAGE;
  }

  const located: Located[] = [];
  for (const draft of drafts) {
    const positions = new LineIndex(draft.text);
    for (const d of checkDraft(parseDraft(draft.text), corpus)) {
      located.push({
        file: draft.path,
        range: positions.range(d.start, d.end),
        diagnostic: d,
        related: d.related.map((r) => {
          const source = corpus.get(r.key);
          const file = r.uri.startsWith('file:') ? relative(io.cwd, fileURLToPath(r.uri)) : r.uri;
          return { file, range: source ? new LineIndex(source.text).range(r.start, r.end) : zeroRange(), message: r.message };
        }),
      });
    }
  }

  if (format === 'json') io.stdout(`${JSON.stringify(toJson(located), null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(located), null, 2)}\n`);
  else io.stdout(toText(located, drafts.length));
  return located.some((l) => l.diagnostic.severity === 'error') ? 1 : 0;
}

function readDraft(io: CliIO, path: string): { path: string; text: string } | { error: string } {
  const full = resolve(io.cwd, path);
  if (!/\.(?:md|markdown|mdown|mkd)$/i.test(path)) return { error: `${path}: not a markdown draft (expected a .md file)` };
  let bytes: Buffer;
  try {
    if (!statSync(full).isFile()) return { error: `${path}: not a file` };
    bytes = readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? (e as Error).message})` };
  }
  if (bytes.includes(0)) return { error: `${path}: binary file, not a markdown draft` };
  // Same normalisation as sources: BOM stripped, CRLF as LF (offsets then match what editors show per line).
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { path: relative(io.cwd, full) || path, text };
}

function toText(located: Located[], draftCount: number): string {
  let out = '';
  for (const l of located) {
    const { start } = l.range;
    out += `${l.file}:${start.line + 1}:${start.character + 1}: ${l.diagnostic.severity} ${l.diagnostic.code}: ${l.diagnostic.message}\n`;
    for (const r of l.related) out += `    ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}\n`;
  }
  const errors = located.filter((l) => l.diagnostic.severity === 'error').length;
  out += `${located.length} finding(s), ${errors} error(s) in ${draftCount} draft(s).\n`;
  return out;
}

function toJson(located: Located[]): CheckJson {
  return {
    version: 1,
    diagnostics: located.map((l) => ({
      file: l.file, range: l.range, severity: l.diagnostic.severity, code: l.diagnostic.code, message: l.diagnostic.message, related: l.related,
    })),
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function toSarif(located: Located[]): object {
  const codes = Object.values(DiagnosticCode);
  const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'dossier',
          rules: codes.map((code) => ({
            id: code,
            shortDescription: { text: CODE_DESCRIPTIONS[code] },
            defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[code]] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: located.map((l) => ({
        ruleId: l.diagnostic.code,
        ruleIndex: codes.indexOf(l.diagnostic.code),
        level: SARIF_LEVEL[l.diagnostic.severity],
        message: { text: l.diagnostic.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUriPath(l.file) }, region: region(l.range) } }],
        relatedLocations: l.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: toUriPath(r.file) }, region: region(r.range) },
        })),
      })),
    }],
  };
}

function toUriPath(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Offsets to 0-based line/character positions. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
