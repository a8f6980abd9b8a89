import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { applyFix, only } from './fixtures';

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
});
