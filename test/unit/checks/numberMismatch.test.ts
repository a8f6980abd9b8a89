import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { applyFix, only } from './fixtures';

describe('number-mismatch', () => {
  it('reports a count that differs for the same counted noun, fix in the draft\'s format', () => {
    const draft = 'Founded in 1948, the council has 150 members [@council].';
    const [d] = only(draft, DiagnosticCode.NumberMismatch);
    assert.ok(d);
    assert.equal(draft.slice(d.start, d.end), '150');
    assert.equal(applyFix(draft, d), 'Founded in 1948, the council has 140 members [@council].');
    assert.deepEqual(only('Founded in 1948, the council has 140 members [@council].', DiagnosticCode.NumberMismatch), []);
  });

  it('compares number words with figures ("four observers" vs "one of three observers")', () => {
    const draft = 'Iran is one of four observers at the forum [@forum].';
    const [d] = only(draft, DiagnosticCode.NumberMismatch);
    assert.ok(d);
    assert.equal(applyFix(draft, d), 'Iran is one of three observers at the forum [@forum].');
    assert.deepEqual(only('Iran is one of 3 observers at the forum [@forum].', DiagnosticCode.NumberMismatch), []);
  });

  it('matches money by the words around it, not by any number', () => {
    const draft = 'The sponsor offered to pay $500m to settle charges [@council].';
    const [d] = only(draft, DiagnosticCode.NumberMismatch);
    assert.ok(d, '$500m to settle vs $300m to settle');
    assert.equal(applyFix(draft, d), 'The sponsor offered to pay $300m to settle charges [@council].');
    assert.deepEqual(only('The sponsor set aside $500m for legal reserves [@council].', DiagnosticCode.NumberMismatch), []);
  });

  it('says nothing for uncited sentences or numbers the source does not give', () => {
    assert.deepEqual(only('The council has 150 members.', DiagnosticCode.NumberMismatch), []);
    assert.deepEqual(only('The war has lasted 400 days [@council].', DiagnosticCode.NumberMismatch), []);
  });
});
