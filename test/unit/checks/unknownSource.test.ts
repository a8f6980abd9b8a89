import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/core/checks/diagnostics';
import { closestKeys } from '../../../server/src/core/checks/unknownSource';
import { applyFix, only } from './fixtures';

describe('unknown-source', () => {
  it('reports a misspelt key and offers the closest existing key', () => {
    const draft = 'The council met in Moscow [@counsil].';
    const [d] = only(draft, DiagnosticCode.UnknownSource);
    assert.ok(d);
    assert.equal(draft.slice(d.start, d.end), 'counsil');
    assert.equal(d.severity, 'error');
    assert.equal(applyFix(draft, d), 'The council met in Moscow [@council].');
  });

  it('says nothing about known keys, e-mail addresses or social-media handles', () => {
    assert.deepEqual(only('The council met [@council; @forum]. Mail press@council.org or follow @MilitarySportsNews.', DiagnosticCode.UnknownSource), []);
  });

  it('reports an in-text key only when it looks like a typo of a real key', () => {
    assert.equal(only('As @forun reports, Iran observes.', DiagnosticCode.UnknownSource).length, 1);
  });

  it('ranks prefixes and typos', () => {
    assert.deepEqual(closestKeys('business/01', ['business/001', 'business/010', 'sport/001']).slice(0, 2), ['business/001', 'business/010']);
    assert.deepEqual(closestKeys('zzz', ['council', 'forum']), []);
  });
});
