import assert from 'node:assert/strict';
import { sourceFacts } from '../../../server/src/core/features/facts';
import { searchCorpus } from '../../../server/src/core/features/search';
import { fixtureCorpus } from './fixture';

describe('search', () => {
  it('returns passages with key, title, paragraph number and highlights inside the snippet', () => {
    const results = searchCorpus(fixtureCorpus(), 'fuel prices', 5);
    assert.equal(results[0].key, 'port-finances');
    assert.equal(results[0].title, 'Port authority borrows to fund terminal');
    assert.equal(results[0].paragraph, 4);
    const corpus = fixtureCorpus();
    assert.match(corpus.get('port-finances')!.text.slice(results[0].span.start, results[0].span.end), /^Finance director José Núñez/);
    assert.ok(results[0].highlights.length > 0);
    for (const h of results[0].highlights) assert.match(results[0].snippet.slice(h.start, h.end), /fuel|prices/i);
  });

  it('returns nothing for an empty query', () => {
    assert.deepEqual(searchCorpus(fixtureCorpus(), '   ', 5), []);
  });
});

describe('facts', () => {
  it('summarises one source: metadata, entities with roles, quotations with speakers', () => {
    const sheet = sourceFacts(fixtureCorpus(), 'port-finances')!;
    assert.match(sheet, /^# Port authority borrows to fund terminal/);
    assert.match(sheet, /\*\*Outlet:\*\* Harbour Business Weekly/);
    assert.match(sheet, /\*\*Helen Okafor\*\* \(person, \d+×\) — chief executive, WPA/);
    assert.match(sheet, /Helen Okafor \(direct, para 3\): “This is the biggest investment/);
    assert.match(sheet, /## Numbers/);
  });

  it('is null for an unknown key', () => {
    assert.equal(sourceFacts(fixtureCorpus(), 'nope'), null);
  });
});
