import assert from 'node:assert/strict';
import { splitSentences } from '../../../server/src/core/text/sentences';

/** Splits `text` and returns the sentences as strings. */
function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  const cases: Array<{ name: string; text: string; expected: string[] }> = [
    { name: 'plain full stops', text: 'The council met. It voted twice.', expected: ['The council met.', 'It voted twice.'] },
    { name: 'titles are not sentence ends', text: 'Mr. Brown met Dr. Green. They spoke.', expected: ['Mr. Brown met Dr. Green.', 'They spoke.'] },
    { name: 'initials', text: 'J. K. Rowling wrote it. Fans cheered.', expected: ['J. K. Rowling wrote it.', 'Fans cheered.'] },
    { name: 'decimal numbers', text: 'Fuel rose 1.28p per litre. Drivers complained.', expected: ['Fuel rose 1.28p per litre.', 'Drivers complained.'] },
    { name: 'dotted acronym mid-sentence', text: 'The U.S. Senate voted. It passed.', expected: ['The U.S. Senate voted.', 'It passed.'] },
    { name: 'dotted acronym ending a sentence', text: 'He moved to the U.S. The move was quick.', expected: ['He moved to the U.S.', 'The move was quick.'] },
    { name: 'closing quote after the stop', text: '"We will win." He smiled.', expected: ['"We will win."', 'He smiled.'] },
    { name: 'curly quotes', text: '“We will win,” said Wang. “Always.”', expected: ['“We will win,” said Wang.', '“Always.”'] },
    { name: 'question and exclamation', text: 'Why now? Nobody knows! Fine.', expected: ['Why now?', 'Nobody knows!', 'Fine.'] },
    { name: 'lower-case continuation is not a new sentence', text: 'He said no. and left.', expected: ['He said no. and left.'] },
    { name: 'month abbreviation', text: 'It opened on Jan. 5 in Paris. Crowds came.', expected: ['It opened on Jan. 5 in Paris.', 'Crowds came.'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(sentences(c.text), c.expected));
  }

  it('keeps offsets relative to the whole text', () => {
    const text = 'Intro.\n\nFirst one. Second one.';
    const spans = splitSentences(text, 8, text.length);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['First one.', 'Second one.']);
  });
});
