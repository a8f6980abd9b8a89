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
