import assert from 'node:assert/strict';
import { extractEntities } from '../../../server/src/core/extract/entities';
import { splitStructure } from '../../../server/src/core/text/structure';

/** Each fixture: a sentence, a person, and the roles (as written, with org) the text states for them. */
const FIXTURES: Array<{ text: string; person: string; roles: Array<{ text: string; org?: string; former?: boolean }>; affiliation?: string }> = [
  { text: 'ROC secretary general Rodion Plitukhin met his counterpart.', person: 'Rodion Plitukhin', roles: [{ text: 'secretary general', org: 'ROC' }] },
  { text: 'CISM vice-president Yijang Wang of China stressed the rules.', person: 'Yijang Wang', roles: [{ text: 'vice-president', org: 'CISM' }], affiliation: 'China' },
  { text: "Russia's Deputy Defence Minister Nikolai Pankov spoke at the assembly.", person: 'Nikolai Pankov', roles: [{ text: 'Deputy Defence Minister', org: 'Russia' }] },
  { text: 'Russian President Vladimir Putin has celebrated the ties.', person: 'Vladimir Putin', roles: [{ text: 'President', org: 'Russia' }], affiliation: 'Russia' },
  { text: 'Russian Presidential aide Igor Levitin attended.', person: 'Igor Levitin', roles: [{ text: 'Presidential aide', org: 'Russia' }] },
  { text: 'A presentation by ANOC Culture and Education Commission chair Pozdnyakov prompted a walk out.', person: 'Pozdnyakov', roles: [{ text: 'chair', org: 'ANOC Culture and Education Commission' }] },
  {
    text: 'Plitukhin has also met with National Olympic and Sports Committee of Mali (CNOSM) secretary general Mohamed Oumar Traore.',
    person: 'Mohamed Oumar Traore', roles: [{ text: 'secretary general', org: 'CNOSM' }],
  },
  { text: 'Germany’s Dirk Schwede is the Acting President of the CISM after the vote.', person: 'Dirk Schwede', roles: [{ text: 'Acting President', org: 'CISM' }], affiliation: 'Germany' },
  { text: 'Traore, secretary general of the Malian Olympic Committee, said little.', person: 'Traore', roles: [{ text: 'secretary general', org: 'Malian Olympic Committee' }] },
  {
    text: 'Hans Natorp walked out from National Olympic Committee and Sports Confederation of Denmark President Hans Natorp.',
    person: 'Hans Natorp', roles: [{ text: 'President', org: 'National Olympic Committee and Sports Confederation of Denmark' }],
  },
  { text: "The Russian Foreign Ministry's Ambassador-at-Large Bakhtiyor Khakimov has claimed work is underway.", person: 'Bakhtiyor Khakimov', roles: [{ text: 'Ambassador-at-Large', org: 'Russian Foreign Ministry' }] },
  { text: 'Gordon Brown met the press in London on Monday.', person: 'Gordon Brown', roles: [] },
  { text: 'Former Prime Minister John Major spoke in London.', person: 'John Major', roles: [{ text: 'Former Prime Minister', former: true }] },
  { text: 'Critics included ex-Home Secretary David Blunkett.', person: 'David Blunkett', roles: [{ text: 'ex-Home Secretary', former: true }] },
  { text: 'Tony Blair, the former prime minister, agreed.', person: 'Tony Blair', roles: [{ text: 'former prime minister', former: true }] },
  {
    text: 'Germany’s Dirk Schwede is the Acting President of the CISM after Frenchman Hervé Piccirillo’s term as leader was not renewed last year.',
    person: 'Hervé Piccirillo', roles: [{ text: 'leader', former: true }], affiliation: 'France',
  },
  { text: 'The minister, Ann Lee, said the plan worked.', person: 'Ann Lee', roles: [{ text: 'minister' }] },
  { text: 'Its chief executive, Richard Parsons, agreed.', person: 'Richard Parsons', roles: [{ text: 'chief executive' }] },
  { text: 'He met the minister, Bob Jones and Tim Ray.', person: 'Bob Jones', roles: [] },
  { text: "Bob Smith's term as chairman ended in May.", person: 'Bob Smith', roles: [{ text: 'chairman', former: true }] },
  { text: "Bob Smith's term as chairman was extended in May.", person: 'Bob Smith', roles: [] },
  { text: 'Gordon Brown, who was in London, spoke.', person: 'Gordon Brown', roles: [] },
];

describe('roles', () => {
  for (const f of FIXTURES) {
    it(f.text, () => {
      const entities = extractEntities(f.text, splitStructure(f.text).paragraphs);
      const e = entities.find((x) => x.name === f.person);
      assert.ok(e, `no entity "${f.person}" among ${entities.map((x) => x.name).join(', ')}`);
      assert.equal(e.type, 'person');
      assert.deepEqual(e.roles.map((r) => ({ text: r.text, ...(r.org ? { org: r.org } : {}), ...(r.former ? { former: true } : {}) })), f.roles);
      for (const r of e.roles) assert.equal(f.text.slice(r.start, r.end), r.text, 'role span slices to the role words');
      if (f.affiliation) assert.equal(e.affiliation, f.affiliation);
    });
  }

  it('succession gives the role to both people, the predecessor as a former role', () => {
    const text = 'Plitukhin, who succeeded Anastasia Davydova as ROC secretary general last year, spoke.';
    const entities = extractEntities(text, splitStructure(text).paragraphs);
    for (const [name, former] of [['Plitukhin', false], ['Anastasia Davydova', true]] as const) {
      const e = entities.find((x) => x.name === name);
      assert.ok(e, name);
      assert.deepEqual(e.roles.map((r) => [r.text, r.org, r.former === true]), [['secretary general', 'ROC', former]]);
    }
  });

  it('takes a body role\'s missing organisation from a caption stating the same title', () => {
    const text = "Russia's Deputy Defence Minister Nikolai Pankov spoke ©Getty Images\n\nDeputy Defence Minister Nikolai Pankov was there. Pankov left.";
    const entities = extractEntities(text, splitStructure(text).paragraphs);
    const pankov = entities.find((x) => x.name === 'Nikolai Pankov');
    assert.deepEqual(pankov?.roles.map((r) => [r.text, r.org, text.slice(r.start, r.end)]), [['Deputy Defence Minister', 'Russia', 'Deputy Defence Minister']]);
    assert.ok(pankov.roles[0].start > text.indexOf('\n'), 'the span is the body\'s');
  });

  it('uses a caption role only when the body states none', () => {
    const text = 'ROC President Stanislav Pozdnyakov spoke ©Getty Images\n\nPozdnyakov was there. Russian Presidential aide Igor Levitin came.\n\nRussia\'s envoy Igor Levitin left ©Getty Images';
    const entities = extractEntities(text, splitStructure(text).paragraphs);
    const pozdnyakov = entities.find((x) => x.name === 'Stanislav Pozdnyakov');
    assert.deepEqual(pozdnyakov?.roles.map((r) => r.text), ['President']);
    const levitin = entities.find((x) => x.name === 'Igor Levitin');
    assert.deepEqual(levitin?.roles.map((r) => r.text), ['Presidential aide']);
  });
});
