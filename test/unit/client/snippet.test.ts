import assert from 'node:assert/strict';
import { focusSnippet } from '../../../client/src/snippet';

describe('focusSnippet (search results on one line)', () => {
  const snippet = '“The council is selling the docks to build a stadium nobody asked for,” Osei said. “When the cranes go, the jobs go with them.”';

  it('cuts a long lead so the first match is in sight, at a word boundary', () => {
    const at = snippet.indexOf('cranes');
    const shown = focusSnippet(snippet, [{ start: at }]);
    assert.ok(shown.startsWith('…'), shown);
    assert.ok(shown.includes('When the cranes go'), shown);
    assert.ok(shown.length < snippet.length);
    assert.match(shown, /^…\S/);
    assert.ok(snippet.includes(shown.slice(1)), 'the kept text is a suffix of the snippet, whole words');
  });

  it('keeps a snippet whose match is near its start, on one line', () => {
    assert.equal(focusSnippet('Dock workers\nwalk out', [{ start: 0 }]), 'Dock workers walk out');
    assert.equal(focusSnippet('No match here', []), 'No match here');
  });
});
