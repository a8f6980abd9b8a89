import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { applyFix, check, only } from './fixtures';

const WANG = 'We do not resolve political issues, we are guided by our own rules and our organisation is independent';

describe('quote checks', () => {
  it('accepts a verbatim quote, whatever the quote marks, case, spelling or omissions', () => {
    for (const draft of [
      `"${WANG}," said Wang [@council].`,
      `“${WANG.replace('organisation', 'organization')},” said Wang [@council].`,
      '"we do not resolve political issues ... our organisation is independent," said Wang [@council].',
      '"[The council] is independent," said Wang [@council].',
    ]) {
      const codes = check(draft).map((d) => d.code);
      assert.deepEqual(codes, [], draft);
    }
  });

  it('quote-altered: words changed or dropped without an ellipsis, with a fix to the exact words', () => {
    const draft = '"We never resolve political issues, we are guided by our own rules," said Wang [@council].';
    const [d] = only(draft, DiagnosticCode.QuoteAltered);
    assert.ok(d, 'altered quote reported');
    assert.match(d.message, /do not|never/);
    assert.equal(d.related[0].key, 'council');
    const fixed = applyFix(draft, d);
    assert.deepEqual(only(fixed, DiagnosticCode.QuoteAltered), []);
    const dropped = '"We do not resolve issues, we are guided by our own rules," said Wang [@council].';
    assert.equal(only(dropped, DiagnosticCode.QuoteAltered).length, 1);
  });

  it('quote-not-found: a cited quote no source has', () => {
    const [d] = only('"We will leave the council next year and never return," said Wang [@council].', DiagnosticCode.QuoteNotFound);
    assert.ok(d);
    assert.deepEqual(only('He called it "a success" [@council].', DiagnosticCode.QuoteNotFound), [], 'short quotes are not checked');
  });

  it('quote-wrong-source: verbatim in another source, fix cites it', () => {
    const draft = '"Now work is underway to implement this idea," said Khakimov [@council].';
    const [d] = only(draft, DiagnosticCode.QuoteWrongSource);
    assert.ok(d);
    assert.equal(applyFix(draft, d), draft.replace('@council', '@forum'));
    assert.deepEqual(only(draft.replace('@council', '@forum'), DiagnosticCode.QuoteWrongSource), []);
  });

  it('uncited-quote: a verbatim quote without citation, fix adds it before the full stop', () => {
    const draft = '"Now work is underway to implement this idea," said Khakimov.';
    const [d] = only(draft, DiagnosticCode.UncitedQuote);
    assert.ok(d);
    assert.equal(applyFix(draft, d), '"Now work is underway to implement this idea," said Khakimov [@forum].');
    assert.deepEqual(only('"We will build bridges between all our nations," he said.', DiagnosticCode.UncitedQuote), []);
  });

  it('never checks quotes inside code', () => {
    assert.deepEqual(check('`"We never resolve political issues, we are guided by rules," said Wang [@council].`\n'), []);
  });
});
