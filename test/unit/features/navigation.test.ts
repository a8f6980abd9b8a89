import assert from 'node:assert/strict';
import { documentLinks } from '../../../server/src/core/features/documentLinks';
import { inlayHints } from '../../../server/src/core/features/inlayHints';
import { workspaceSymbols } from '../../../server/src/core/features/symbols';
import { draftAt, fixtureCorpus } from './fixture';

describe('document links', () => {
  /** Links of the draft as [linked text, target]. */
  function check(text: string, expected: Array<[string, string]>): void {
    const { draft } = draftAt(`|${text}`);
    assert.deepEqual(documentLinks(fixtureCorpus(), draft).map((l) => [text.slice(l.span.start, l.span.end), l.uri]), expected);
  }

  it('links each known key to its source and skips unknown keys', () => {
    check('It opens in 2026 [@harbour-ferry; @port-finances, para 2]. Or not [@unknown]. @ferry-objections says so.', [
      ['harbour-ferry', 'mem:///harbour-ferry.md'],
      ['port-finances', 'mem:///business/port-finances-2024.md'],
      ['ferry-objections', 'mem:///ferry-objections.txt'],
    ]);
  });
});

describe('inlay hints', () => {
  it('shows the source title after each known key inside the range', () => {
    const text = 'It opens in 2026 [@harbour-ferry]. Loans [@port-finances]. Never [@nope].';
    const { draft } = draftAt(`|${text}`);
    const hints = inlayHints(fixtureCorpus(), draft, { start: 0, end: text.length });
    assert.deepEqual(hints.map((h) => [h.offset, h.label]), [
      [text.indexOf('harbour-ferry') + 13, ' Westhaven council backs new ferry…'],
      [text.indexOf('port-finances') + 13, ' Port authority borrows to fund terminal'],
    ]);
    assert.deepEqual(inlayHints(fixtureCorpus(), draft, { start: text.indexOf('Loans'), end: text.length }).length, 1);
  });
});

describe('workspace symbols', () => {
  /** Symbol names for a query. */
  function check(query: string, expected: string[]): void {
    assert.deepEqual(workspaceSymbols(fixtureCorpus(), query).map((s) => s.name), expected);
  }

  it('finds entities by name or alias, ignoring case and diacritics', () => {
    check('nunez', ['José Núñez']);
    check('wpa', ['Westhaven Port Authority']);
  });

  it('finds sources by key and title', () => {
    check('borrows', ['@port-finances — Port authority borrows to fund terminal']);
    check('objections', ['@ferry-objections — Islanders split over ferry terminal plan']);
  });
});
