/**
 * Claim-citation diagnostics on examples/newsroom/draft.md, as VS Code shows
 * them, and the quick fixes that repair them. The draft's README lists which
 * paragraph triggers which code; lines are found by a phrase, not a number,
 * so editing the draft's prose elsewhere does not break the suite.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, dossier, lineOf, openDraft, poll } from './helpers';

/** One diagnostic the draft must get: its code and a phrase of its line. */
const EXPECTED: Array<{ code: string; phrase: string }> = [
  { code: 'unknown-source', phrase: '[@berg-inspecton]' },
  { code: 'quote-not-found', phrase: 'the best we have seen in a decade' },
  { code: 'quote-altered', phrase: 'in twelve months what other cities' },
  { code: 'number-mismatch', phrase: 'delegation of five observers' },
  { code: 'role-mismatch', phrase: 'IHC president Anna Berg' },
  { code: 'quote-wrong-source', phrase: 'Nandakumar said [@berg-inspection]' },
  { code: 'claim-unsupported', phrase: 'sale of harbour land [@council-vote]' },
  { code: 'quote-misattributed', phrase: 'said Reyes [@dock-strike]' },
  { code: 'uncited-quote', phrase: 'nobody asked for,” Osei said.' },
  { code: 'uncited-claim', phrase: 'six ships had been diverted' },
  { code: 'malformed-citation', phrase: 'our live blog [@]' },
];

/** Lines that are right and must get no diagnostic at all. */
const CORRECT = [
  'three-day visit to Port Aldren on Tuesday',
  'led the delegation of four observers',
  'found a finished foundation',
  'by 31 votes to 12',
];

function describeAll(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`).join('\n') || '(none)';
}

/** Waits until the draft has a diagnostic of every expected code. */
async function expectedDiagnostics(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
  let last: readonly vscode.Diagnostic[] = [];
  try {
    return await poll('a diagnostic of every code on draft.md', () => {
      last = vscode.languages.getDiagnostics(uri);
      const codes = new Set(last.map(codeOf));
      return EXPECTED.every((e) => codes.has(e.code)) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\nDiagnostics so far:\n${describeAll(last)}`);
  }
}

describe('Diagnostics on the example draft', function () {
  let document: vscode.TextDocument;
  let diagnostics: readonly vscode.Diagnostic[];

  before(async function () {
    await dossier();
    document = (await openDraft()).document;
    diagnostics = await expectedDiagnostics(document.uri);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const { code, phrase } of EXPECTED) {
    it(`reports ${code} on the line with "${phrase}"`, () => {
      const line = lineOf(document, phrase);
      const onLine = diagnostics.filter((d) => d.range.start.line === line);
      assert.ok(
        onLine.some((d) => codeOf(d) === code),
        `expected ${code} on line ${line + 1}; got:\n${describeAll(diagnostics)}`,
      );
    });
  }

  it('reports nothing on the sentences that are right', () => {
    for (const phrase of CORRECT) {
      const line = lineOf(document, phrase);
      const onLine = diagnostics.filter((d) => d.range.start.line === line);
      assert.deepEqual(onLine.map(codeOf), [], `line ${line + 1} ("${phrase}") should be clean`);
    }
  });

  it('reports no diagnostic besides the expected ones', () => {
    const expected = new Set(EXPECTED.map((e) => `${lineOf(document, e.phrase)}:${e.code}`));
    const extra = diagnostics.filter((d) => !expected.has(`${d.range.start.line}:${codeOf(d)}`));
    assert.equal(extra.length, 0, `unexpected diagnostics:\n${describeAll(extra)}`);
  });

  it('points quote-wrong-source at the source that has the quote', () => {
    const diagnostic = diagnostics.find((d) => codeOf(d) === 'quote-wrong-source');
    assert.ok(diagnostic, 'no quote-wrong-source diagnostic');
    const related = diagnostic.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.path.endsWith('/sources/council-vote.md')),
      `related information should name council-vote.md, got ${related.map((r) => r.location.uri.path).join(', ') || 'none'}`,
    );
  });

  it('uses the configured severity per code (default error for unknown-source, hint for uncited-claim)', () => {
    const severityOf = (code: string) => diagnostics.find((d) => codeOf(d) === code)?.severity;
    assert.equal(severityOf('unknown-source'), vscode.DiagnosticSeverity.Error);
    assert.equal(severityOf('uncited-claim'), vscode.DiagnosticSeverity.Hint);
  });
});

describe('Quick fixes on the example draft', function () {
  let editor: vscode.TextEditor;

  beforeEach(async () => {
    await dossier();
    editor = await openDraft();
    await expectedDiagnostics(editor.document.uri);
  });

  afterEach(async () => {
    // Undo the fix: the next test (and the browser test) need the draft as written.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  /** Applies the preferred (else the first) quick fix offered for the diagnostic with this code. */
  async function applyFix(code: string): Promise<vscode.Diagnostic> {
    const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((d) => codeOf(d) === code);
    assert.ok(diagnostic, `no ${code} diagnostic`);
    let offered = '(none)';
    const actions = await poll(`quick fixes for ${code}`, async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      offered = (all ?? []).map((a) => `"${a.title}" (${a.kind?.value}, edit: ${a.edit ? 'yes' : 'no'})`).join('; ') || '(none)';
      // The API command does not return an action's diagnostics: keep the fixes that edit the diagnostic's line.
      const fixes = (all ?? []).filter((a) =>
        a.edit?.get(editor.document.uri).some((e) => e.range.start.line <= diagnostic.range.end.line && e.range.end.line >= diagnostic.range.start.line),
      );
      return fixes.length > 0 ? fixes : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; actions offered: ${offered}`);
    });
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), `could not apply "${fix.title}"`);
    return diagnostic;
  }

  it('replaces an unknown key with the closest existing one, and the diagnostic goes away', async () => {
    const line = lineOf(editor.document, '[@berg-inspecton]');
    await applyFix('unknown-source');
    assert.match(editor.document.lineAt(line).text, /\[@berg-inspection\]/);
    await poll('unknown-source to disappear', () =>
      vscode.languages.getDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'unknown-source') ? undefined : true,
    );
  });

  it("restores the source's exact words in an altered quote", async () => {
    const line = lineOf(editor.document, 'in twelve months what other cities');
    await applyFix('quote-altered');
    assert.match(editor.document.lineAt(line).text, /The council has done in eighteen months what other cities take three years to do/);
  });

  it("uses the source's figure for a mismatched number", async () => {
    const line = lineOf(editor.document, 'delegation of five observers');
    await applyFix('number-mismatch');
    assert.match(editor.document.lineAt(line).text, /delegation of four observers/);
  });
});
