import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { corpusFromTexts } from '../../../server/src/core/index/corpus';
import { applyFix, only } from './fixtures';

const FORMER = `Security council meets

Former Prime Minister Dmitry Medvedev spoke on Monday.

Security Council deputy chairman Dmitry Medvedev said the talks were over.

Former Prime Minister John Major also spoke.
`;

/** Role mismatches of a draft against the FORMER article, cited as @kremlin. */
function formerMismatches(draft: string) {
  return only(draft, DiagnosticCode.RoleMismatch, corpusFromTexts({ 'kremlin.txt': FORMER }));
}

describe('role-mismatch', () => {
  it('reports a title the sources contradict, fix uses the sources\' title', () => {
    const draft = 'CISM President Anna Berg opened the meeting [@council].';
    const [d] = only(draft, DiagnosticCode.RoleMismatch);
    assert.ok(d);
    assert.equal(draft.slice(d.start, d.end), 'President');
    assert.equal(applyFix(draft, d), 'CISM secretary general Anna Berg opened the meeting [@council].');
  });

  it('accepts the sources\' title, with other case or hyphenation', () => {
    assert.deepEqual(only('CISM Secretary-General Anna Berg opened the meeting [@council].', DiagnosticCode.RoleMismatch), []);
    assert.deepEqual(only('CISM vice-president Yijang Wang spoke [@council].', DiagnosticCode.RoleMismatch), []);
  });

  it('says nothing about people the sources give no title, or former titles', () => {
    assert.deepEqual(only('President John Smith spoke [@council].', DiagnosticCode.RoleMismatch), []);
    assert.deepEqual(only('Former president Anna Berg spoke [@council].', DiagnosticCode.RoleMismatch), []);
  });

  it('reads a title in apposition after the name ("Berg, the CISM president, ...")', () => {
    const draft = 'Berg, the CISM president, opened the meeting [@council].';
    const [d] = only(draft, DiagnosticCode.RoleMismatch);
    assert.ok(d);
    assert.equal(draft.slice(d.start, d.end), 'president');
    assert.match(d.message, /call Anna Berg CISM secretary general, not president/);
    assert.equal(applyFix(draft, d), 'Berg, the CISM secretary general, opened the meeting [@council].');
    const [who] = only('Anna Berg, who is the president of CISM, opened the meeting [@council].', DiagnosticCode.RoleMismatch);
    assert.ok(who, '"who is the president of CISM"');
    assert.equal(only('Wang, the CISM secretary general, spoke [@council].', DiagnosticCode.RoleMismatch).length, 1, 'Wang is vice-president');
  });

  it('accepts the sources\' title in apposition, and reads nothing else as one', () => {
    for (const draft of [
      'Berg, the CISM secretary general, opened the meeting [@council].',
      'Wang, CISM vice-president, spoke [@council].',
      'Berg, secretary general of CISM, opened the meeting [@council].',
      'Berg, the first to speak, opened the meeting [@council].',
      'Berg, who was the president of CISM, opened the meeting [@council].',
      'Berg, the former president, opened the meeting [@council].',
      'Wang, President Smith and Berg met [@council].',
      'Smith, the CISM president, opened the meeting [@council].',
      'Berg, the president said, opened the meeting [@council].',
    ]) assert.deepEqual(only(draft, DiagnosticCode.RoleMismatch), [], draft);
  });

  it('a former role is no current title: reported without "former" only when the sources state a different current one', () => {
    const [d] = formerMismatches('Prime Minister Dmitry Medvedev spoke [@kremlin].');
    assert.ok(d, 'former title given as current');
    assert.match(d.message, /deputy chairman now; Prime Minister is a former title/);
    assert.equal(formerMismatches('Medvedev, the prime minister, spoke [@kremlin].').length, 1, 'in apposition too');
    for (const draft of [
      'Former Prime Minister Dmitry Medvedev spoke [@kremlin].',
      'Security Council deputy chairman Dmitry Medvedev spoke [@kremlin].',
      'Prime Minister John Major spoke [@kremlin].',
    ]) assert.deepEqual(formerMismatches(draft), [], draft);
  });
});
