/** Hover and go-to-source from the example draft, through VS Code's own provider commands. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dossier, hoverText, lineOf, openDraft, poll, positionOf, targetOf, workspaceUri } from './helpers';

describe('Hover and go to source in the example draft', function () {
  let document: vscode.TextDocument;

  before(async function () {
    await dossier();
    document = (await openDraft()).document;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function hoverAt(position: vscode.Position, expectation: RegExp): Promise<string> {
    return poll(`a hover matching ${expectation}`, async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const text = hoverText(hovers ?? []);
      return expectation.test(text) ? text : undefined;
    });
  }

  it('shows the role and its source when hovering a surname', async () => {
    // "Berg" alone, in "… a finished foundation,” Berg said [@berg-inspection].
    const text = await hoverAt(positionOf(document, 'Berg said [@berg-inspection].', 1), /Anna Berg/);
    assert.match(text, /deputy secretary general/i);
    assert.match(text, /berg-inspection/);
  });

  it("expands an acronym on hover", async () => {
    const text = await hoverAt(positionOf(document, 'IHC deputy', 1), /International Handball Council/);
    assert.match(text, /IHC/);
  });

  it('goes from a name to the mention in the source that introduces it, with its title', async () => {
    const source = await vscode.workspace.openTextDocument(workspaceUri('sources/berg-inspection.md'));
    const introducing = lineOf(source, 'IHC deputy secretary general Anna Berg');
    const target = await poll('a definition for "Anna Berg"', async () => {
      const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
        'vscode.executeDefinitionProvider',
        document.uri,
        positionOf(document, 'Anna Berg led', 6),
      );
      return locations && locations.length > 0 ? targetOf(locations[0]) : undefined;
    });
    assert.ok(target.uri.path.endsWith('/sources/berg-inspection.md'), `definition went to ${target.uri.path}`);
    assert.equal(target.range.start.line, introducing, `definition line ${target.range.start.line + 1}, expected ${introducing + 1}`);
  });

  it('goes from a citation to the passage that supports the sentence', async () => {
    const source = await vscode.workspace.openTextDocument(workspaceUri('sources/council-vote.md'));
    const passage = lineOf(source, 'by 31 votes to 12');
    const target = await poll('a definition for "@council-vote"', async () => {
      const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
        'vscode.executeDefinitionProvider',
        document.uri,
        positionOf(document, '31 votes to 12 [@council-vote]', '31 votes to 12 [@'.length + 2),
      );
      return locations && locations.length > 0 ? targetOf(locations[0]) : undefined;
    });
    assert.ok(target.uri.path.endsWith('/sources/council-vote.md'), `definition went to ${target.uri.path}`);
    assert.equal(target.range.start.line, passage);
  });

  it('finds references of a person in the sources and the draft', async () => {
    const locations = await poll('references of "Osei"', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        document.uri,
        positionOf(document, 'Osei said.', 1),
      );
      return found && found.length > 0 ? found : undefined;
    });
    const files = new Set(locations.map((l) => l.uri.path.split('/').pop()));
    assert.ok(files.has('dock-strike.txt'), `references in ${[...files].join(', ')}`);
    assert.ok(locations.filter((l) => l.uri.path.endsWith('dock-strike.txt')).length >= 3, 'Osei is named at least three times in dock-strike.txt');
  });
});
