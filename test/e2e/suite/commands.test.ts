/**
 * Dossier's own requests and commands in the extension host: search (what
 * "Dossier: Search Sources" shows), extracted facts, live settings and
 * source-file watching.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, dossier, lineOf, openDraft, poll, workspaceUri } from './helpers';

describe('Dossier requests and commands', function () {
  it('reports the index state for the status bar', async () => {
    const api = await dossier();
    const status = await poll('a "ready" index status', () => (api.status()?.state === 'ready' ? api.status() : undefined));
    assert.equal(status?.indexed, 3);
  });

  it('finds the passage for a search query, with the match highlighted', async () => {
    const api = await dossier();
    const results = await poll('search results for "cranes"', async () => {
      const found = await api.search('cranes');
      return found.length > 0 ? found : undefined;
    });
    const top = results[0];
    assert.equal(top.key, 'dock-strike');
    const source = await vscode.workspace.openTextDocument(workspaceUri('sources/dock-strike.txt'));
    assert.equal(top.range.start.line, lineOf(source, 'When the cranes go'));
    assert.ok(top.highlights.length > 0, 'no highlight in the snippet');
    assert.equal(top.snippet.slice(top.highlights[0].start, top.highlights[0].end).toLowerCase(), 'cranes');
    assert.equal(top.paragraph, 3);
  });

  it('registers every command of the manifest', async () => {
    await dossier();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['dossier.searchSources', 'dossier.insertCitation', 'dossier.reindex', 'dossier.showFacts', 'dossier.checkAllDrafts', 'dossier.restartServer']) {
      assert.ok(commands.has(id), `${id} is not registered`);
    }
  });

  it('summarises the facts extracted from a source', async () => {
    const api = await dossier();
    const facts = await poll('facts of dock-strike', async () => (await api.facts('dock-strike')) ?? undefined);
    assert.match(facts, /Malik Osei/);
    assert.match(facts, /regional secretary/i);
    assert.match(facts, /When the cranes go/);
  });

  it('"Show Extracted Facts" opens the summary of the source under the cursor', async () => {
    await dossier();
    const editor = await openDraft();
    const cursor = editor.document.getText().indexOf('@dock-strike') + 3;
    editor.selection = new vscode.Selection(editor.document.positionAt(cursor), editor.document.positionAt(cursor));
    await vscode.commands.executeCommand('dossier.showFacts');
    const facts = await poll('a dossier-facts document for dock-strike', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'dossier-facts' && d.uri.path === '/dock-strike.md'),
    );
    assert.match(facts.getText(), /Malik Osei/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('applies a severity setting live ("off" hides the code)', async () => {
    await dossier();
    const uri = (await openDraft()).document.uri;
    const has = (code: string) => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === code);
    await poll('quote-not-found on the draft', () => (has('quote-not-found') ? true : undefined));
    const config = vscode.workspace.getConfiguration('dossier');
    await config.update('severity.quote-not-found', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      await poll('quote-not-found to be switched off', () => (has('quote-not-found') ? undefined : true));
    } finally {
      await config.update('severity.quote-not-found', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await poll('quote-not-found to come back', () => (has('quote-not-found') ? true : undefined));
  });

  it('indexes a new source file and forgets a deleted one', async () => {
    const api = await dossier();
    const uri = workspaceUri('sources/harbour-ferry.md');
    const article = [
      '---',
      'id: harbour-ferry',
      'title: Ferry timetable changes for arena works',
      '---',
      'The harbour ferry will stop at the Quillmarsh pier from April while the arena works close the old landing.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(article, 'utf8'));
    try {
      await poll('the new source in search results', async () =>
        (await api.search('Quillmarsh')).some((r) => r.key === 'harbour-ferry') ? true : undefined,
      );
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await poll('the deleted source to leave the index', async () => ((await api.search('Quillmarsh')).length === 0 ? true : undefined));
  });

  it('checks all drafts on request and fills the Problems panel', async () => {
    await dossier();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('dossier.checkAllDrafts');
    const uri = workspaceUri('draft.md');
    await poll('diagnostics of the closed draft', () => (vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'unknown-source') ? true : undefined));
  });
});
