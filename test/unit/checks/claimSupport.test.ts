import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import { corpusFromTexts } from '../../../server/src/core/index/corpus';
import { applyFix, COUNCIL, FORUM, only } from './fixtures';

describe('claim support', () => {
  it('claim-unsupported: the cited source does not say it, another does; fix cites it', () => {
    const draft = 'The forum will be held in Saint Petersburg, where delegates from twelve countries will discuss cooperation in sport [@council].';
    const [d] = only(draft, DiagnosticCode.ClaimUnsupported);
    assert.ok(d);
    assert.equal(applyFix(draft, d), draft.replace('@council', '@forum'));
    assert.deepEqual(only(draft.replace('@council', '@forum'), DiagnosticCode.ClaimUnsupported), []);
  });

  it('says nothing about a claim no source supports (paraphrase, background)', () => {
    assert.deepEqual(only('Military sport has a long history of diplomacy between rival armies [@council].', DiagnosticCode.ClaimUnsupported), []);
  });

  it('uncited-claim: an uncited sentence copying a source passage', () => {
    const draft = 'The Council opened. CISM secretary general Anna Berg opened the meeting with a minute of silence for the victims of the flood.';
    const [d] = only(draft, DiagnosticCode.UncitedClaim);
    assert.ok(d);
    assert.equal(d.severity, 'hint');
    assert.ok(applyFix(draft, d).endsWith('flood [@council].'));
  });

  it('a citation at the end of a paragraph does not vouch for its other sentences', () => {
    const draft = 'CISM secretary general Anna Berg opened the meeting with a minute of silence for the victims of the flood. The council met in Moscow [@council].';
    assert.equal(only(draft, DiagnosticCode.UncitedClaim).length, 1);
    const cited = 'CISM secretary general Anna Berg opened the meeting with a minute of silence for the victims of the flood [@council].';
    assert.deepEqual(only(cited, DiagnosticCode.UncitedClaim), []);
  });

  it('a cited paragraph that supports the claim in other word forms counts, though few words are written alike', () => {
    // @wires writes "aide", "flood", "bridge", "province" where the claim writes plurals: 4 of 9 words alike, 8 of 9 as
    // words. @agency has the claim word for word, so reading @wires by its written words alone would call the citation wrong.
    const corpus = corpusFromTexts({
      'wires.txt': 'Storm report\n\nThe regional aide confirmed that flood waters destroyed a bridge across the northern province.\n',
      'agency.txt': 'Storm damage\n\nRegional aides confirm floods destroyed bridges across northern provinces, the agency said.\n',
    });
    const claim = 'Regional aides confirm floods destroyed bridges across northern provinces';
    assert.deepEqual(only(`${claim} [@wires].`, DiagnosticCode.ClaimUnsupported, corpus), []);
    // A source that holds none of it is still called out, with the one that does.
    const other = corpusFromTexts({
      'wires.txt': 'Storm report\n\nThe weather service expects a dry and sunny weekend in the south.\n',
      'agency.txt': 'Storm damage\n\nRegional aides confirm floods destroyed bridges across northern provinces, the agency said.\n',
    });
    const [d] = only(`${claim} [@wires].`, DiagnosticCode.ClaimUnsupported, other);
    assert.ok(d);
    assert.match(d.message, /@agency does/);
  });

  it('uncited-claim: a copy with words in other forms is a copy; the same words in another order are not', () => {
    const changedForms = 'CISM secretary general Anna Berg opened the meeting with a minute of silence for the victim of the floods.';
    assert.equal(only(changedForms, DiagnosticCode.UncitedClaim).length, 1);
    // Ten of its eleven content words are in the passage, but no six in a row.
    const reordered = 'The flood victims got a minute of silence when CISM secretary general Berg opened the meeting.';
    assert.deepEqual(only(reordered, DiagnosticCode.UncitedClaim), []);
  });

  it('an edit elsewhere keeps the finding at its new place; a corpus change is seen at once', () => {
    // A corpus of its own: this test changes it.
    const corpus = corpusFromTexts({ 'council.txt': COUNCIL, 'forum.txt': FORUM });
    const sentence = 'CISM secretary general Anna Berg opened the meeting with a minute of silence for the victims of the flood.';
    const uncited = (text: string) => only(text, DiagnosticCode.UncitedClaim, corpus);
    const [first] = uncited(`Intro.\n\n${sentence}\n`);
    const [moved] = uncited(`A longer intro.\n\n${sentence}\n`);
    assert.equal(moved.start - first.start, 'A longer intro.'.length - 'Intro.'.length);
    assert.equal(moved.fixes[0].edits[0].start - first.fixes[0].edits[0].start, moved.start - first.start);
    corpus.removeUri(corpus.get('council')?.uri ?? '');
    corpus.upsert(extractFromText('Nothing about a meeting here at all.', 'council.txt'));
    assert.deepEqual(uncited(`Intro.\n\n${sentence}\n`), []);
  });
});
