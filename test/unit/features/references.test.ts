import assert from 'node:assert/strict';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';
import { references } from '../../../server/src/core/features/references';
import { draftAt, fixtureCorpus, talksCorpus } from './fixture';

const OTHER_DRAFT = { uri: 'mem:///notes.md', draft: parseDraft('Ionescu was re-elected. WPA staff were told [@harbour-ferry].') };

/** Finds references at `|` (the draft is open as mem:///draft.md, beside another open draft) and checks them by URI with the text of each span. */
function check(marked: string, expected: Array<[uri: string, text: string]>): void {
  const corpus = fixtureCorpus();
  const { draft, offset } = draftAt(marked);
  const open = [{ uri: 'mem:///draft.md', draft }, OTHER_DRAFT];
  const textOf = (uri: string) => corpus.byUri(uri)?.text ?? open.find((d) => d.uri === uri)!.draft.text;
  const actual = references(corpus, draft, offset, open).map((l) => [l.uri, textOf(l.uri).slice(l.span.start, l.span.end)]);
  assert.deepEqual(actual, expected);
}

describe('references', () => {
  it('lists every mention of the entity in the sources and in the open drafts', () => {
    check('Maria Ione|scu said so.', [
      ['mem:///ferry-objections.txt', 'Maria Ionescu'],
      ['mem:///harbour-ferry.md', 'Maria Ionescu'],
      ['mem:///harbour-ferry.md', 'Ionescu'],
      ['mem:///draft.md', 'Maria Ionescu'],
      ['mem:///notes.md', 'Ionescu'],
    ]);
  });

  it('lists the citations of the same key in the open drafts', () => {
    check('The WPA runs it [@harbour-fe|rry].', [
      ['mem:///draft.md', 'harbour-ferry'],
      ['mem:///notes.md', 'harbour-ferry'],
    ]);
  });

  it('finds names with lower-case particles as typed, in the sources and the open drafts', () => {
    const corpus = talksCorpus();
    const { draft, offset } = draftAt('Bashar al-Ass|ad spoke.');
    const open = [{ uri: 'mem:///draft.md', draft }, { uri: 'mem:///notes.md', draft: parseDraft('Later Bashar al-Assad left.') }];
    const textOf = (uri: string) => corpus.byUri(uri)?.text ?? open.find((d) => d.uri === uri)!.draft.text;
    const actual = references(corpus, draft, offset, open).map((l) => [l.uri, textOf(l.uri).slice(l.span.start, l.span.end)]);
    assert.deepEqual(actual, [
      ['mem:///kremlin.txt', 'Bashar al-Assad'],
      ['mem:///syria.txt', 'Bashar al-Assad'],
      ['mem:///draft.md', 'Bashar al-Assad'],
      ['mem:///notes.md', 'Bashar al-Assad'],
    ]);
  });

  it('lists nothing on plain prose', () => {
    check('the terminal is | big.', []);
  });
});
