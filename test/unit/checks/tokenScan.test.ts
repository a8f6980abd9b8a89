/**
 * The checks read words with forEachToken and find known words with
 * isWholeToken (server/src/core/text/normalize.ts) instead of tokenize: both
 * must agree with tokenize exactly, or a diagnostic could change.
 */
import assert from 'node:assert/strict';
import { forEachToken, isWholeToken, tokenize } from '../../../server/src/core/text/normalize';

function scanned(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachToken(text, from, to, (start, end) => {
    out.push([start, end]);
  });
  return out;
}

function tokenized(text: string, from: number, to: number): Array<[number, number]> {
  return tokenize(text.slice(from, to), from).map((t) => [t.start, t.end]);
}

/** Pieces random strings are made of: joiners, marks, surrogate pairs and lone halves, other scripts' letters and digits. */
const PIECES = ['a', 'B', '7', ' ', "'", '’', '.', '-', '&', 'é', 'e\u0301', '\u0301', '😀', '𝐀', '\ud835', '\udc00', '½', '²', ',', '\n', 'Ⅻ', '中', '٣', '"'];

function randomStrings(count: number, maxPieces: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const n = Math.floor(next() * (maxPieces + 1));
    for (let j = 0; j < n; j++) s += PIECES[Math.floor(next() * PIECES.length)];
    out.push(s);
  }
  return out;
}

describe('token scan for the checks', () => {
  const news = 'ROC secretary general Rodion Plitukhin’s “vice-president” won 1.28p in the U.S. (AT&T) — Perdigão said: \'it’s over.\' ©Getty Images';

  it('finds the tokens tokenize finds, with offsets into the whole text', () => {
    assert.deepEqual(scanned(news, 0, news.length), tokenized(news, 0, news.length));
    assert.deepEqual(scanned(news, 0, news.length).slice(0, 4).map(([s, e]) => news.slice(s, e)), ['ROC', 'secretary', 'general', 'Rodion']);
    // A range cutting words: the cut pieces are tokens of the slice, as tokenize sees it.
    assert.deepEqual(scanned(news, 25, 90), tokenized(news, 25, 90));
  });

  it('agrees with tokenize on random text with surrogates, marks and joiners, over any range', () => {
    for (const s of randomStrings(20000, 12)) {
      for (const [from, to] of [[0, s.length], [1, s.length], [0, s.length - 1], [2, Math.max(2, s.length - 2)]]) {
        if (from > to || to > s.length) continue;
        assert.deepEqual(scanned(s, from, to), tokenized(s, from, to), JSON.stringify([s, from, to]));
      }
    }
  });

  it('stops when the visitor says so', () => {
    const seen: string[] = [];
    forEachToken(news, 0, news.length, (s, e) => {
      seen.push(news.slice(s, e));
      return seen.length < 3;
    });
    assert.deepEqual(seen, ['ROC', 'secretary', 'general']);
  });

  it('tells a whole token of a passage from a word inside a longer one', () => {
    const text = 'The news of a new vice-president, newly named.';
    const at = (word: string, from = 0) => text.indexOf(word, from);
    assert.equal(isWholeToken(text, at('new '), at('new ') + 3, 0, text.length), true);
    assert.equal(isWholeToken(text, at('news'), at('news') + 3, 0, text.length), false); // "new" in "news"
    assert.equal(isWholeToken(text, at('newly'), at('newly') + 3, 0, text.length), false);
    assert.equal(isWholeToken(text, at('vice'), at('vice') + 4, 0, text.length), false); // joined by the hyphen
    assert.equal(isWholeToken(text, at('vice'), at('president') + 9, 0, text.length), true);
    // At the edge of the passage the word may be cut from a longer one: it is a token of the passage.
    assert.equal(isWholeToken(text, at('news'), at('news') + 3, 0, at('news') + 3), true);
  });

  it('agrees with tokenize on every span of random text that is a token on its own', () => {
    for (const s of randomStrings(3000, 8)) {
      const from = s.length > 2 ? 1 : 0;
      const to = s.length;
      const tokens = new Set(tokenized(s, from, to).map(([a, b]) => `${a},${b}`));
      for (let a = from; a < to; a++) {
        for (let b = a + 1; b <= to; b++) {
          const alone = tokenize(s.slice(a, b));
          if (alone.length !== 1 || alone[0].start !== 0 || alone[0].end !== b - a) continue;
          assert.equal(isWholeToken(s, a, b, from, to), tokens.has(`${a},${b}`), JSON.stringify([s, from, to, a, b]));
        }
      }
    }
  });
});
