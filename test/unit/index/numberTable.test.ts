import assert from 'node:assert/strict';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import { createNumberTable } from '../../../server/src/core/index/numberTable';
import type { ExtractedSource } from '../../../server/src/core/model';

const MEETING = `Council meets in Moscow

More than 170 representatives from 50 countries are taking part, including over 25 nations by video link.

The council, founded in 1948, has 140 members. Another 12 nations have applied.`;

const BUDGET = `Budget rises

The budget rose 8% to $1.2bn, and 30 nations signed up.`;

function table(...sources: ExtractedSource[]) {
  const t = createNumberTable();
  for (const s of sources) t.add(s);
  return t;
}

function texts(source: ExtractedSource, found: Array<{ index: number; start: number; end: number }>): string[] {
  return found.map((n) => {
    assert.equal(source.text.slice(n.start, n.end), source.numbers[n.index].text);
    return source.numbers[n.index].text;
  });
}

describe('number table', () => {
  const meeting = extractFromText(MEETING, 'meeting.txt');
  const budget = extractFromText(BUDGET, 'budget.txt');

  it('finds a source\'s figures by counted noun, in text order', () => {
    const t = table(meeting, budget);
    assert.deepEqual(texts(meeting, t.byCounted('meeting', 'nation')), ['over 25', 'Another 12']);
    assert.deepEqual(texts(meeting, t.byCounted('meeting', 'representative')), ['More than 170']);
    assert.deepEqual(texts(meeting, t.byCounted('meeting', 'member')), ['140']);
    assert.ok(t.byCounted('meeting', 'nation').every((n) => n.key === 'meeting'));
  });

  it('accepts plural and capitalised nouns', () => {
    const t = table(meeting);
    assert.deepEqual(texts(meeting, t.byCounted('meeting', 'Nations')), ['over 25', 'Another 12']);
    assert.deepEqual(texts(meeting, t.byCounted('meeting', 'countries')), ['50']);
  });

  it('keeps sources apart', () => {
    const t = table(meeting, budget);
    assert.deepEqual(texts(budget, t.byCounted('budget', 'nation')), ['30']);
    assert.deepEqual(t.byCounted('budget', 'representative'), []);
    assert.deepEqual(t.byCounted('unknown', 'nation'), []);
  });

  it('finds the figures inside a span (a paragraph or sentence)', () => {
    const t = table(meeting);
    const para = meeting.paragraphs.find((p) => p.kind === 'body' && p.number === 2);
    assert.ok(para);
    assert.deepEqual(texts(meeting, t.inSpan('meeting', para)), ['1948', '140', 'Another 12']);
    // A span cutting through a figure does not return it.
    const at = MEETING.indexOf('140');
    assert.deepEqual(texts(meeting, t.inSpan('meeting', { start: at + 1, end: at + 10 })), []);
    assert.deepEqual(t.inSpan('meeting', { start: 0, end: 0 }), []);
  });

  it('forgets a removed source and takes its new version', () => {
    const t = table(meeting, budget);
    t.remove('meeting');
    assert.deepEqual(t.byCounted('meeting', 'nation'), []);
    assert.deepEqual(t.inSpan('meeting', { start: 0, end: MEETING.length }), []);
    const changed = extractFromText(MEETING.replace('over 25 nations', 'over 27 nations'), 'meeting.txt');
    t.add(changed);
    assert.deepEqual(texts(changed, t.byCounted('meeting', 'nation')), ['over 27', 'Another 12']);
    assert.deepEqual(texts(budget, t.byCounted('budget', 'nation')), ['30']);
    t.remove('never-added');
  });

  it('returns copies that callers may change freely', () => {
    const t = table(meeting);
    const [first] = t.byCounted('meeting', 'member');
    first.start = -1;
    assert.notEqual(t.byCounted('meeting', 'member')[0].start, -1);
  });
});
