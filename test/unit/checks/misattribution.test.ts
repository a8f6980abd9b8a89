import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { applyFix, only } from './fixtures';

const QUOTE = 'Now work is underway to implement this idea of a sports association';

describe('quote-misattributed', () => {
  it('reports a quote given to another person, with the source speaker as fix', () => {
    const draft = `"${QUOTE}," said Wang [@forum].`;
    const [d] = only(draft, DiagnosticCode.QuoteMisattributed);
    assert.ok(d);
    assert.equal(draft.slice(d.start, d.end), 'Wang');
    assert.equal(applyFix(draft, d), `"${QUOTE}," said Khakimov [@forum].`);
  });

  it('accepts the right speaker by surname, full name or with a title', () => {
    for (const name of ['Khakimov', 'Bakhtiyor Khakimov', 'ambassador Bakhtiyor Khakimov']) {
      assert.deepEqual(only(`"${QUOTE}," said ${name} [@forum].`, DiagnosticCode.QuoteMisattributed), [], name);
    }
  });

  it('resolves "he said" to the nearest name before judging', () => {
    const wrong = `Yijang Wang spoke next [@council].\n\n"${QUOTE}," he said [@forum].`;
    assert.equal(only(wrong, DiagnosticCode.QuoteMisattributed).length, 1);
    const right = `Bakhtiyor Khakimov spoke next [@forum].\n\n"${QUOTE}," he said [@forum].`;
    assert.deepEqual(only(right, DiagnosticCode.QuoteMisattributed), []);
  });

  it('says nothing when the quote has no speaker in the draft', () => {
    assert.deepEqual(only(`The plan: "${QUOTE}" [@forum].`, DiagnosticCode.QuoteMisattributed), []);
  });
});
