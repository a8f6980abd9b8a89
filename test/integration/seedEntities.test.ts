import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../../server/src/core/corpus/extractSource';
import { createEntityTable } from '../../server/src/core/index/entityTable';
import type { EntityTable } from '../../server/src/core/index/api';

const SEEDS = join(__dirname, '../../../shared/seeds');

/** Every person the seeds name, with a role the text states for them (null: none required). */
const PEOPLE: Array<{ name: string; role: string | null; org?: string }> = [
  { name: 'Vladimir Putin', role: 'President', org: 'Russia' },
  { name: 'Nikolai Pankov', role: 'Deputy Defence Minister', org: 'Russia' },
  { name: 'Igor Levitin', role: 'Presidential aide' },
  { name: 'Sergei Shoigu', role: 'Defence Minister', org: 'Russia' },
  { name: 'Yijang Wang', role: 'vice-president', org: 'CISM' },
  { name: 'Leonardo Perdigao de Oliveira', role: 'vice-president', org: 'CISM' },
  { name: 'Dirk Schwede', role: 'Acting President', org: 'CISM' },
  { name: 'Hervé Piccirillo', role: null },
  { name: 'Bakhtiyor Khakimov', role: 'Ambassador-at-Large' },
  { name: 'Rodion Plitukhin', role: 'secretary general', org: 'ROC' },
  { name: 'Nasser Alsaied', role: null },
  { name: 'Mohamed Oumar Traore', role: 'secretary general', org: 'CNOSM' },
  { name: 'Stanislav Pozdnyakov', role: 'President', org: 'ROC' },
  { name: 'Hans Natorp', role: 'President' },
  { name: 'Anastasia Davydova', role: 'secretary general', org: 'ROC' },
  { name: 'Bashar al-Assad', role: null },
];

const ACRONYMS: Array<[string, string]> = [
  ['CISM', 'International Military Sports Council'],
  ['ROC', 'Russian Olympic Committee'],
  ['IOC', 'International Olympic Committee'],
  ['SCO', 'Shanghai Cooperation Organisation'],
  ['CNOSM', 'National Olympic and Sports Committee of Mali'],
  ['ANOC', 'Association of NOCs'],
  ['NOCs', 'National Olympic Committees'],
];

describe('entities of the seed articles', function () {
  let table: EntityTable;
  before(function () {
    if (!existsSync(SEEDS)) this.skip();
    table = createEntityTable();
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
      table.add(extractFromText(readFileSync(join(SEEDS, f), 'utf8'), f));
    }
  });

  for (const p of PEOPLE) {
    it(`${p.name}: a person${p.role ? `, ${p.role}` : ''}`, () => {
      const [e] = table.lookup(p.name);
      assert.ok(e, `${p.name} not found`);
      assert.equal(e.id, table.lookup(p.name.split(' ').pop() ?? '')[0]?.id, 'the surname finds the same person');
      assert.equal(e.type, 'person');
      if (p.role) {
        const role = e.roles.find((r) => r.text === p.role && (!p.org || r.org === p.org));
        assert.ok(role, `${p.name} roles: ${JSON.stringify(e.roles.map((r) => [r.text, r.org]))}`);
      }
    });
  }

  it('a role stated in two seeds is listed with both sources', () => {
    const [putin] = table.lookup('Putin');
    const president = putin.roles.filter((r) => r.text === 'President' && r.org === 'Russia').map((r) => r.key);
    assert.deepEqual(president, ['000_4d86c12eede1f53f', '001_14f296bd1ecfc421']);
  });

  it('former roles: Davydova was ROC secretary general before Plitukhin; Piccirillo led the CISM until last year', () => {
    const current = (name: string) => table.lookup(name)[0]?.roles.filter((r) => !r.former).map((r) => r.text) ?? [];
    const former = (name: string) => table.lookup(name)[0]?.roles.filter((r) => r.former).map((r) => r.text) ?? [];
    assert.deepEqual(current('Anastasia Davydova'), []);
    assert.deepEqual(former('Anastasia Davydova'), ['secretary general']);
    assert.deepEqual(former('Rodion Plitukhin'), []);
    assert.ok(current('Rodion Plitukhin').includes('secretary general'));
    assert.deepEqual(current('Hervé Piccirillo'), []);
    assert.deepEqual(former('Hervé Piccirillo'), ['leader']);
  });

  it('every capitalised two-word name preceded by a title is a known person', () => {
    // Guards against people slipping through: any "<title> First Last" in the seeds must resolve to a person.
    const titled = /(?:President|Minister|aide|general|vice-president|chair|Ambassador-at-Large|counterpart) ((?:\p{Lu}[\p{L}-]+ ){1,2}\p{Lu}[\p{L}-]+)/gu;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) {
      for (const m of readFileSync(join(SEEDS, f), 'utf8').matchAll(titled)) {
        const [e] = table.lookup(m[1]);
        assert.equal(e?.type, 'person', `${m[1]} in ${f}`);
      }
    }
  });

  for (const [acronym, expansion] of ACRONYMS) {
    it(`${acronym} ↔ ${expansion}`, () => {
      const [byAcronym] = table.lookup(acronym);
      const [byName] = table.lookup(expansion);
      assert.ok(byAcronym && byName, `${acronym} / ${expansion}`);
      assert.equal(byAcronym.id, byName.id);
      assert.equal(byName.name, expansion);
      assert.equal(byName.type, 'organization');
    });
  }

  it('CISM is mentioned in its own article and in no other', () => {
    const [cism] = table.lookup('CISM');
    assert.deepEqual(cism.mentionCounts.map((c) => c.key), ['000_4d86c12eede1f53f']);
    assert.ok(cism.mentionCounts[0].count >= 15);
  });

  it('"St Petersburg" and "Saint Petersburg" are one place across the seeds', () => {
    const [byShort] = table.lookup('St Petersburg');
    const [byLong] = table.lookup('Saint Petersburg');
    assert.ok(byShort && byLong);
    assert.equal(byShort.id, byLong.id);
    assert.equal(byLong.type, 'place');
    assert.deepEqual(byLong.mentionCounts.map((c) => c.key).sort(), ['000_4d86c12eede1f53f', '002_8de11f6548f7c0fb']);
    assert.ok(!table.all().some((e) => e !== byLong && /petersburg/i.test(e.name)), 'no second Petersburg');
  });

  it('meetings are not organisations: the CISM and ANOC assemblies, the CISM congress; the UN General Assembly is a body', () => {
    for (const meeting of ['General Assembly', 'CISM General Assembly', 'ANOC General Assembly', 'Congress']) assert.equal(table.lookup(meeting)[0]?.type, 'other', meeting);
    assert.equal(table.lookup('United Nations General Assembly')[0]?.type, 'organization');
  });

  it('places and nationality adjectives', () => {
    for (const place of ['Moscow', 'Ukraine', 'Mali', 'Seoul', 'Saint Petersburg', 'South Korea']) assert.equal(table.lookup(place)[0]?.type, 'place', place);
    for (const adjective of ['Russian', 'Syrian', 'Belarusian']) assert.deepEqual(table.lookup(adjective), [], adjective);
  });
});
