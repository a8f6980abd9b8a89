import assert from 'node:assert/strict';
import { codeActions } from '../../../server/src/core/features/codeActions';
import { draftAt, fixtureCorpus } from './fixture';

/** Code actions at `|` with the given diagnostics; checks titles and the draft after applying each action. */
function check(marked: string, diagnostics: Parameters<typeof codeActions>[3], expected: Array<[title: RegExp, after: string]>): void {
  const { draft, offset } = draftAt(marked);
  const actions = codeActions(fixtureCorpus(), draft, { start: offset, end: offset }, diagnostics);
  assert.equal(actions.length, expected.length, `got ${JSON.stringify(actions.map((a) => a.title))}`);
  actions.forEach((action, i) => {
    assert.match(action.title, expected[i][0]);
    let text = draft.text;
    for (const e of [...action.edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    assert.equal(text, expected[i][1]);
  });
}

describe('code actions', () => {
  it('offers the fixes a diagnostic carries, in order, keeping isPreferred', () => {
    const draft = 'Ionescu said it was "a great day" [@harbor-ferry].';
    const keyAt = draft.indexOf('harbor-ferry');
    const fix = { title: 'Change to [@harbour-ferry]', isPreferred: true, edits: [{ start: keyAt, end: keyAt + 12, newText: 'harbour-ferry' }] };
    const { draft: parsed } = draftAt(draft.replace('harbor', 'har|bor'));
    const actions = codeActions(fixtureCorpus(), parsed, { start: keyAt + 3, end: keyAt + 3 }, [{ start: keyAt, end: keyAt + 12, fixes: [fix] }]);
    assert.equal(actions[0].title, fix.title);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].diagnostic, 0);
  });

  it('offers "Add citation" for an uncited sentence a source supports, before the full stop', () => {
    check('Jose Nunez warned that fuel prices remained the greatest r|isk to the plan.', [], [
      [/^Add citation \[@port-finances\]/, 'Jose Nunez warned that fuel prices remained the greatest risk to the plan [@port-finances].'],
    ]);
  });

  it('cites after a quotation that ends the sentence', () => {
    check('Ionescu said the terminal would "bring the islands closer to the mainland than they have ever been."|', [], [
      [/^Add citation \[@harbour-ferry\]/, 'Ionescu said the terminal would "bring the islands closer to the mainland than they have ever been." [@harbour-ferry]'],
    ]);
  });

  it('offers nothing for a sentence already cited or that no source supports', () => {
    check('Jose Nunez warned that fuel prices remained the greatest r|isk [@port-finances].', [], []);
    check('The moon is made of green ch|eese and nobody minds.', [], []);
  });
});
