import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { applyFix, check, fixtureCorpus, only } from './fixtures';

const MALFORMED = DiagnosticCode.MalformedCitation;

describe('malformed-citation', () => {
  it('reports what was meant as a citation but is printed as text', () => {
    for (const [draft, message] of [
      ['The council met in Moscow [@].', /Empty citation key/],
      ['The council met in Moscow [@;@;].', /Empty citation key/],
      ['The council met in Moscow [@council; @].', /Empty citation key/],
      ['The council met in Moscow [@ council].', /Space after "@"/],
      ['The council met in Moscow @@council.', /doubled "@"/],
      ['The council met in Moscow [@@council].', /doubled "@"/],
      ['The council met in Moscow [@council and more.', /not closed/],
    ] as const) {
      const found = only(draft, MALFORMED);
      assert.equal(found.length, 1, draft);
      assert.match(found[0].message, message, draft);
      assert.equal(found[0].severity, 'warning');
    }
  });

  it('repairs the obvious ones', () => {
    for (const [draft, fixed] of [
      ['The council met in Moscow [@ council].', 'The council met in Moscow [@council].'],
      ['The council met in Moscow [@@council].', 'The council met in Moscow [@council].'],
      ['The council met in Moscow @@council says.', 'The council met in Moscow @council says.'],
      ['The council met in Moscow [@council and more.', 'The council met in Moscow [@council] and more.'],
    ]) {
      const [d] = only(draft, MALFORMED);
      assert.equal(applyFix(draft, d), fixed);
      assert.deepEqual(only(fixed, MALFORMED), [], fixed);
    }
  });

  it('leaves well-formed citations, brackets and addresses alone', () => {
    for (const draft of [
      'The council met in Moscow [@council; @forum, para 2] and [-@council].',
      'The council met [see @council, p. 3] [sic] [mail me @ home].',
      'Write to editor@@example.com or editor@example.com, or see [1].',
      'A trailing separator is harmless [@council;].',
      'In code `[@]` and `@@x` nothing is said.',
    ]) assert.deepEqual(only(draft, MALFORMED), [], draft);
  });

  it('reports a paragraph locator past the source\'s last body paragraph; the fix removes it', () => {
    const bodyParagraphs = fixtureCorpus().get('council')?.paragraphs.filter((p) => p.kind === 'body').length;
    assert.equal(bodyParagraphs, 5);
    const draft = 'The council has 140 members [@council, para 99].';
    const [d] = only(draft, MALFORMED);
    assert.ok(d);
    assert.equal(d.message, '@council has 5 body paragraphs; there is no paragraph 99.');
    assert.equal(draft.slice(d.start, d.end), 'para 99');
    assert.equal(applyFix(draft, d), 'The council has 140 members [@council].');
    const inText = '@council [para 6] says the council has 140 members.';
    const [t] = only(inText, MALFORMED);
    assert.ok(t);
    assert.equal(applyFix(inText, t), '@council says the council has 140 members.');
    assert.deepEqual(only('The council has 140 members [@council, para 3].', MALFORMED), []);
    assert.deepEqual(only('The council has 140 members [@nokey, para 99].', MALFORMED), [], 'unknown keys are unknown-source\'s business');
  });

  it('adds nothing but its own code to the other checks', () => {
    assert.deepEqual(check('The council met in Moscow [@].').map((d) => d.code), [MALFORMED]);
  });
});
