import assert from 'node:assert/strict';
import { createEntityTable } from '../../../server/src/core/index/entityTable';
import { extractFromText } from '../../../server/src/core/corpus/extractSource';
import type { EntityTable } from '../../../server/src/core/index/api';

const SOURCES: Record<string, string> = {
  'cism.txt': 'The athletes met at the International Military Sports Council (CISM) in Moscow.\n\nCISM vice-president Leonardo Perdigão de Oliveira of Brazil spoke. "We are pleased," said de Oliveira.',
  'putin.txt': 'Russian President Vladimir Putin praised the CISM.\n\nPutin said the ties were strong.',
  'later.txt': 'Putin met the council again. The CISM thanked Putin.\n\nChancellor Gordon Brown stayed away. Mr Brown said nothing.',
  'ioc.txt': 'The IOC has recommended that athletes return.\n\nThe International Olympic Committee (IOC) said it would decide.',
};

function table(keys = Object.keys(SOURCES)): EntityTable {
  const t = createEntityTable();
  for (const path of keys) t.add(extractFromText(SOURCES[path], path));
  return t;
}

describe('entity table', () => {
  it('resolves a person across sources: full name, surname, title', () => {
    const t = table();
    const [putin] = t.lookup('putin');
    assert.ok(putin);
    assert.equal(putin.name, 'Vladimir Putin');
    assert.equal(putin.type, 'person');
    assert.deepEqual(putin.mentionCounts, [{ key: 'later', count: 2 }, { key: 'putin', count: 2 }]);
    assert.deepEqual(putin.roles.map((r) => [r.key, r.text, r.org]), [['putin', 'President', 'Russia']]);
    assert.equal(t.lookup('Vladimir Putin')[0], putin);
    assert.equal(t.lookup('Russian President Vladimir Putin')[0], putin);
    assert.equal(t.lookup("Putin's")[0], putin);
  });

  it('introduces an entity by its fullest mention after a title', () => {
    const t = table();
    const putin = t.lookup('Putin')[0];
    assert.equal(putin.introduction.key, 'putin');
    assert.equal(SOURCES['putin.txt'].slice(putin.introduction.start, putin.introduction.end), 'Vladimir Putin');
  });

  it('gives the fields worked out on first read as plain values to copies, JSON and clones, in field order', () => {
    const putin = table().lookup('Putin')[0];
    const copy = { ...putin };
    const viaJson = JSON.parse(JSON.stringify(putin));
    assert.deepEqual(Object.keys(putin), ['id', 'name', 'type', 'aliases', 'roles', 'mentions', 'mentionCounts', 'introduction', 'affiliation']);
    assert.equal(putin.mentions.length, 4);
    assert.deepEqual(putin.mentions.map((m) => m.key).sort(), ['later', 'later', 'putin', 'putin']);
    assert.deepEqual(copy.mentions, putin.mentions);
    assert.deepEqual(viaJson.mentionCounts, putin.mentionCounts);
    assert.deepEqual(structuredClone(putin).introduction, putin.introduction);
    // Read once, kept: the same array on every read, and writable like any other field.
    assert.equal(putin.mentions, putin.mentions);
    putin.mentions = [];
    assert.deepEqual(putin.mentions, []);
    // A frozen entity still answers.
    const frozen = Object.freeze(table().lookup('Putin')[0]);
    assert.equal(frozen.mentions.length, 4);
    assert.deepEqual(frozen.introduction, putin.introduction);
    // The fields belong to the entity object, whatever a caller does to its id.
    const renamed = table().lookup('Putin')[0];
    renamed.id = 'someone else';
    assert.equal(renamed.mentions.length, 4);
    assert.deepEqual(renamed.introduction, putin.introduction);
  });

  it('links an acronym used alone in one source to its expansion stated in another', () => {
    const t = table();
    const [cism] = t.lookup('CISM');
    assert.equal(cism.name, 'International Military Sports Council');
    assert.equal(cism.acronym, 'CISM');
    assert.equal(cism.expansion, 'International Military Sports Council');
    assert.deepEqual(cism.mentionCounts.map((c) => c.key).sort(), ['cism', 'later', 'putin']);
    assert.equal(t.lookup('international military sports council')[0], cism);
    const [ioc] = t.lookup('ioc');
    assert.equal(ioc.name, 'International Olympic Committee');
    assert.equal(ioc.mentions.length, 3);
  });

  it('looks names up without case or diacritics, by surname and with honorifics', () => {
    const t = table();
    const [oliveira] = t.lookup('Perdigao');
    assert.equal(oliveira?.name, 'Leonardo Perdigão de Oliveira');
    assert.equal(t.lookup('de oliveira')[0], oliveira);
    assert.equal(t.lookup('LEONARDO PERDIGAO DE OLIVEIRA')[0], oliveira);
    assert.equal(t.lookup('Mr Brown')[0]?.name, 'Gordon Brown');
    assert.deepEqual(t.lookup('nobody at all'), []);
  });

  it('gets entities by id and lists them most mentioned first', () => {
    const t = table();
    const all = t.all();
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].mentions.length >= all[i].mentions.length);
    for (const e of all) assert.equal(t.get(e.id), e);
    for (const e of all) {
      for (const m of e.mentions) {
        const path = Object.keys(SOURCES).find((p) => p.replace(/\.txt$/, '') === m.key);
        assert.ok(path, m.key);
        assert.ok(SOURCES[path].slice(m.start, m.end).length > 0);
      }
    }
  });

  it('completes prefixes of names and aliases', () => {
    const t = table();
    assert.deepEqual(t.complete('put', 5).map((e) => e.name), ['Vladimir Putin']);
    assert.deepEqual(t.complete('Vlad', 5).map((e) => e.name), ['Vladimir Putin']);
    assert.ok(t.complete('ci', 5).some((e) => e.name === 'International Military Sports Council'));
    assert.equal(t.complete('', 2).length, 2);
    assert.deepEqual(t.complete('zzz', 5), []);
  });

  it('merges "St Petersburg" and "Saint Petersburg" from different sources', () => {
    const t = createEntityTable();
    t.add(extractFromText('The Games were held in St Petersburg.\n\nDelegates came to St Petersburg.', 'a.txt'));
    t.add(extractFromText('Saint Petersburg staged the forum.', 'b.txt'));
    const [place] = t.lookup('st. petersburg');
    assert.equal(place?.name, 'St Petersburg', 'the more frequent form names it');
    assert.equal(place.type, 'place');
    assert.deepEqual(place.mentionCounts, [{ key: 'a', count: 2 }, { key: 'b', count: 1 }]);
    assert.equal(t.all().length, 1);
  });

  it('keeps one role per title and source, and every source that states it', () => {
    const t = createEntityTable();
    t.add(extractFromText('ROC secretary general Rodion Plitukhin spoke.\n\nLater ROC secretary general Rodion Plitukhin left.', 'a.txt'));
    t.add(extractFromText('ROC secretary general Rodion Plitukhin came back.', 'b.txt'));
    const [plitukhin] = t.lookup('Plitukhin');
    assert.deepEqual(plitukhin.roles.map((r) => [r.key, r.text, r.org]), [['a', 'secretary general', 'ROC'], ['b', 'secretary general', 'ROC']]);
  });

  it('resolves a surname in one source to a name with initials in another', () => {
    const t = createEntityTable();
    t.add(extractFromText('Mr. J. R. Smith met J. R. R. Tolkien in Oxford.', 'a.txt'));
    t.add(extractFromText('Smith said Tolkien was late.', 'b.txt'));
    assert.equal(t.lookup('Smith')[0]?.name, 'J. R. Smith');
    assert.equal(t.lookup('Tolkien')[0]?.name, 'J. R. R. Tolkien');
    assert.deepEqual(t.lookup('Tolkien')[0].mentionCounts.map((c) => c.key).sort(), ['a', 'b']);
  });

  it('lists current roles before former ones', () => {
    const t = createEntityTable();
    t.add(extractFromText('Former Prime Minister John Major spoke.', 'old.txt'));
    t.add(extractFromText('Chairman John Major opened the meeting.', 'new.txt'));
    const [major] = t.lookup('John Major');
    assert.deepEqual(major.roles.map((r) => [r.key, r.text, r.former === true]), [['new', 'Chairman', false], ['old', 'Former Prime Minister', true]]);
  });

  it('removes and re-adds sources incrementally', () => {
    const t = table();
    assert.equal(t.lookup('CISM')[0].name, 'International Military Sports Council');
    t.remove('cism');
    // Without the defining source, "CISM" is an acronym of its own.
    assert.equal(t.lookup('CISM')[0].name, 'CISM');
    assert.deepEqual(t.lookup('Perdigao'), []);
    t.add(extractFromText(SOURCES['cism.txt'], 'cism.txt'));
    assert.equal(t.lookup('CISM')[0].name, 'International Military Sports Council');
    t.remove('missing-key');
    t.remove('putin');
    const putin = t.lookup('Putin')[0];
    assert.equal(putin.name, 'Putin');
    assert.deepEqual(putin.mentionCounts, [{ key: 'later', count: 2 }]);
  });

  /** Sources naming people who share a surname, and what each name looked up must find (name, mentions). */
  const SHARED_SURNAMES: Record<string, string> = {
    'ivanka.txt': 'Ivanka Trump spoke.\n\nIvanka Trump said she was proud.',
    'donald.txt': 'Donald Trump spoke in Ohio.\n\nTrump said the campaign was strong.',
    'keith.txt': 'Keith Scott was shot. Mr Scott was 43.',
    'lamont.txt': 'Keith Lamont Scott was shot by police.',
    'rakeyia.txt': 'Rakeyia Scott filmed the encounter.',
    'bush.txt': 'George Bush met the press.',
    'w.txt': 'President George W. Bush spoke.',
    'bill.txt': 'Bill Clinton spoke.',
    'hillary.txt': 'Hillary Clinton spoke.',
    'family.txt': 'Trump family grows\n\nDonald Trump spoke in Ohio on Monday. His daughter Ivanka Trump said she was proud. "We are winning," Ivanka Trump said.',
  };
  const LOOKUPS: Array<[query: string, name: string, mentions: number]> = [
    ['Ivanka Trump', 'Ivanka Trump', 4],
    ['Donald Trump', 'Donald Trump', 4],
    ['Keith Scott', 'Keith Lamont Scott', 3],
    ['Keith Lamont Scott', 'Keith Lamont Scott', 3],
    ['Rakeyia Scott', 'Rakeyia Scott', 1],
    ['George Bush', 'George W. Bush', 2],
    ['Bill Clinton', 'Bill Clinton', 1],
    ['Hillary Clinton', 'Hillary Clinton', 1],
  ];

  it('keeps people sharing a surname apart across sources, and joins a name to its fuller form', () => {
    const t = createEntityTable();
    for (const [path, text] of Object.entries(SHARED_SURNAMES)) t.add(extractFromText(text, path));
    for (const [query, name, mentions] of LOOKUPS) {
      const [e] = t.lookup(query);
      assert.equal(e?.name, name, query);
      assert.equal(e.mentions.length, mentions, `mentions of ${query}`);
    }
  });

  it('joins a given name spelt another way across sources to the more mentioned spelling, but no diminutive and no other given name', () => {
    const t = createEntityTable();
    t.add(extractFromText('Spy freed\n\nViktor Makarov was freed in 1992. Makarov thanked the Queen.', 'a.txt'));
    t.add(extractFromText('Spy speaks\n\nVictor Makarov said he was happy.', 'b.txt'));
    t.add(extractFromText('Sprint\n\nCarl Lewis won. Karl Lewis came fourth. Ivanka Trump met Donald Trump.', 'c.txt'));
    t.add(extractFromText('Awards\n\nThe actor Andrew Scott won for A Girl in a Car.', 'd.txt'));
    t.add(extractFromText('Mansfield lose\n\nA late goal from Andy Scott beat Mansfield.', 'e.txt'));
    const [makarov] = t.lookup('Victor Makarov');
    assert.equal(makarov?.name, 'Viktor Makarov');
    assert.deepEqual(makarov.mentionCounts.map((c) => c.key).sort(), ['a', 'b']);
    assert.equal(t.lookup('Viktor Makarov')[0], makarov);
    assert.equal(t.lookup('Carl Lewis')[0]?.name, 'Carl Lewis');
    assert.equal(t.lookup('Karl Lewis')[0]?.name, 'Karl Lewis');
    assert.equal(t.lookup('Ivanka Trump')[0]?.name, 'Ivanka Trump');
    assert.equal(t.lookup('Donald Trump')[0]?.name, 'Donald Trump');
    assert.equal(t.lookup('Andrew Scott')[0]?.name, 'Andrew Scott');
    assert.equal(t.lookup('Andy Scott')[0]?.name, 'Andy Scott');
  });
});
