import assert from 'node:assert/strict';
import { splitStructure } from '../../../server/src/core/text/structure';

/** Paragraph kinds with their text, for compact expectations. */
function outline(text: string, markdown = false): Array<[string, string]> {
  return splitStructure(text, { markdown }).paragraphs.map((p) => [p.kind, text.slice(p.start, p.end)]);
}

describe('splitStructure', () => {
  it('takes a short first line without a full stop as the headline', () => {
    const text = 'Council backs new stadium\n\nThe city council voted on Monday.\n\nWork starts in May.';
    const s = splitStructure(text);
    assert.equal(text.slice(s.titleSpan!.start, s.titleSpan!.end), 'Council backs new stadium');
    assert.deepEqual(s.paragraphs.map((p) => [p.kind, p.number]), [['title', 0], ['body', 1], ['body', 2]]);
  });

  it('recognises photo captions, their truncated copies and repeats', () => {
    const text = [
      'The mayor spoke at the opening ©Getty Images',
      '',
      'The mayor opened the bridge.',
      '',
      'The mayor waved at',
      'The mayor waved at the crowd ©Reuters',
      '',
      'Traffic resumed.',
    ].join('\n');
    assert.deepEqual(outline(text), [
      ['caption', 'The mayor spoke at the opening ©Getty Images'],
      ['body', 'The mayor opened the bridge.'],
      ['caption', 'The mayor waved at'],
      ['caption', 'The mayor waved at the crowd ©Reuters'],
      ['body', 'Traffic resumed.'],
    ]);
  });

  it('numbers body paragraphs from 1 for Pandoc "para N" locators', () => {
    const text = 'Headline here\n\nOne.\n\nCaption ©AFP\n\nTwo.';
    const body = splitStructure(text).paragraphs.filter((p) => p.kind === 'body');
    assert.deepEqual(body.map((p) => [p.number, text.slice(p.start, p.end)]), [[1, 'One.'], [2, 'Two.']]);
  });

  it('treats markdown headings as title and headings', () => {
    const text = '# Big news\n\nFirst paragraph.\n\n## Background\n\nSecond paragraph.';
    assert.deepEqual(outline(text, true), [
      ['title', 'Big news'],
      ['body', 'First paragraph.'],
      ['heading', 'Background'],
      ['body', 'Second paragraph.'],
    ]);
  });

  it('handles CRLF-free text with trailing spaces and empty input', () => {
    assert.deepEqual(outline(''), []);
    assert.deepEqual(outline('Only a sentence here.  \n\n  '), [['body', 'Only a sentence here.']]);
  });
});
