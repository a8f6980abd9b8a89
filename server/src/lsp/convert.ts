/**
 * Conversions between the core's offsets and LSP positions, and from core
 * results to LSP types. Nothing here decides anything: it only translates.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DossierDiagnostic, Fix, Severity } from '../core/checks/diagnostics';
import type { CodeActionEntry } from '../core/features/codeActions';
import type { CompletionEntry } from '../core/features/completion';
import type { SymbolEntry } from '../core/features/symbols';
import type { Span } from '../core/model';

/** Anything that maps offsets to positions and back (a TextDocument). */
export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** An LSP range for a span of `doc`. */
export function toRange(doc: PositionMapper, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** A span of `doc` for an LSP range. */
export function toSpan(doc: PositionMapper, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

/**
 * Position mappers for texts that are not open in the editor (sources), kept
 * for the few most recently used so repeated hovers do not rescan lines.
 */
export class TextMappers {
  private readonly cache = new Map<string, { text: string; doc: TextDocument }>();
  constructor(private readonly capacity = 64) {}

  /** A mapper for `text` at `uri`. */
  get(uri: string, text: string): PositionMapper {
    const hit = this.cache.get(uri);
    if (hit && hit.text === text) {
      // Re-insert so the map's order is least recently used first.
      this.cache.delete(uri);
      this.cache.set(uri, hit);
      return hit.doc;
    }
    const doc = TextDocument.create(uri, 'plaintext', 0, text);
    this.cache.set(uri, { text, doc });
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    return doc;
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The data Dossier stores in an LSP diagnostic: its quick fixes, in core terms. */
export interface DiagnosticData {
  fixes: Fix[];
}

/**
 * A core diagnostic as an LSP diagnostic: code, severity, related source
 * passages (converted with `mapperFor(uri)`, dropped when the source is
 * unknown), and the fixes as `data` for code actions.
 */
export function toDiagnostic(doc: PositionMapper, d: DossierDiagnostic, mapperFor: (uri: string) => PositionMapper | undefined): Diagnostic {
  const related = d.related.flatMap((r) => {
    const mapper = mapperFor(r.uri);
    return mapper ? [{ location: { uri: r.uri, range: toRange(mapper, r) }, message: r.message }] : [];
  });
  const data: DiagnosticData = { fixes: d.fixes };
  return {
    range: toRange(doc, d),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'dossier',
    message: d.message,
    relatedInformation: related.length > 0 ? related : undefined,
    data,
  };
}

/** The fixes stored in an LSP diagnostic's `data` (empty when absent or malformed). */
export function fixesOf(diagnostic: Diagnostic): Fix[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter((f) => typeof f?.title === 'string' && Array.isArray(f.edits));
}

/** A core code action as an LSP code action editing `uri`. */
export function toCodeAction(doc: PositionMapper, uri: string, action: CodeActionEntry, diagnostics: Diagnostic[]): CodeAction {
  const edits: LspTextEdit[] = action.edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    diagnostics: action.diagnostic !== undefined ? [diagnostics[action.diagnostic]] : undefined,
    isPreferred: action.isPreferred,
    edit: { changes: { [uri]: edits } },
  };
}

/** A core completion entry as an LSP completion item. */
export function toCompletionItem(doc: PositionMapper, entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: entry.kind === 'source' ? CompletionItemKind.Reference : CompletionItemKind.Text,
    detail: entry.detail,
    labelDetails: { description: entry.detail },
    sortText: entry.sortText,
    filterText: entry.filterText,
    textEdit: { range: toRange(doc, entry.replace), newText: entry.insertText },
  };
}

/** The LSP symbol kind for an entity type or a source. */
export function symbolKind(kind: SymbolEntry['kind']): SymbolKind {
  switch (kind) {
    case 'person': return SymbolKind.Object;
    case 'organization': return SymbolKind.Namespace;
    case 'place': return SymbolKind.Package;
    case 'source': return SymbolKind.File;
    default: return SymbolKind.Constant;
  }
}
