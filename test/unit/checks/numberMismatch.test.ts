import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { corpusFromTexts } from '../../../server/src/core/index/corpus';
import { applyFix, only } from './fixtures';

const PARTNERS = `Security bloc grows

The bloc consists of Russia, China, India and Pakistan.

An additional nine countries are dialogue partners.

On July 26 the bloc met for the first time in Samarkand, five years after it was founded.

It was the bloc's third summit, and more than 25 nations attended.
`;

/** Number mismatches of a draft against the PARTNERS article, cited as @bloc. */
function partnerMismatches(draft: string) {
  return only(draft, DiagnosticCode.NumberMismatch, corpusFromTexts({ 'bloc.txt': PARTNERS }));
}

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

  it('writes figures that open a sentence in lower case mid-message, names and months keep their capital', () => {
    const [d] = partnerMismatches('An additional eight countries are dialogue partners [@bloc].');
    assert.ok(d);
    assert.equal(d.message, '@bloc gives an additional nine (country), not an additional eight.');
    const [month] = partnerMismatches('On July 27 the bloc met for the first time in Samarkand [@bloc].');
    assert.ok(month, 'July 27 vs July 26');
    assert.match(month.message, /gives July 26\b.*not July 27/);
  });

  it('compares ordinals only with ordinals: a rank is not a count', () => {
    assert.deepEqual(partnerMismatches('In its first year the bloc met in Samarkand, five years after it was founded [@bloc].'), []);
    assert.deepEqual(partnerMismatches('In its third year the bloc met in Samarkand [@bloc].'), [], '"third year" vs "five years"');
    const [d] = partnerMismatches("It was the bloc's fourth summit [@bloc].");
    assert.ok(d, 'fourth summit vs third summit');
    assert.match(d.message, /gives third .*not fourth/);
  });

  it('accepts a weaker bound the source satisfies ("over 20" for "more than 25"), not a stronger one', () => {
    assert.deepEqual(partnerMismatches("At the bloc's third summit, over 20 nations attended [@bloc]."), []);
    const [d] = partnerMismatches("At the bloc's third summit, over 30 nations attended [@bloc].");
    assert.ok(d, 'over 30 vs more than 25');
    assert.match(d.message, /gives more than 25 .*not over 30/);
  });
});
