import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractNumbers, numberWordTable, readNumbers, singular } from '../../../server/src/core/extract/numbers';
import type { NumberFact } from '../../../server/src/core/model';
import { splitStructure } from '../../../server/src/core/text/structure';

interface Expected {
  /** The sentence to read. */
  input: string;
  /** The span text of the expected fact. */
  text: string;
  value: number;
  kind: NumberFact['kind'];
  unit?: string;
  counted?: string;
  qualifier?: string;
  rangeEnd?: number;
}

const POSITIVES: Expected[] = [
  { input: 'Officials said more than 170 representatives from 50 counties took part.', text: 'more than 170', value: 170, kind: 'cardinal', counted: 'representative', qualifier: 'more than' },
  { input: 'Officials said more than 170 representatives from 50 counties took part.', text: '50', value: 50, kind: 'cardinal', counted: 'county' },
  { input: 'They joined over 25 nations via a video link.', text: 'over 25', value: 25, kind: 'cardinal', counted: 'nation', qualifier: 'over' },
  { input: 'Iran is one of three observers, along with Mongolia.', text: 'one of three', value: 3, kind: 'cardinal', counted: 'observer', qualifier: 'one of' },
  { input: 'An additional nine countries are partners.', text: 'An additional nine', value: 9, kind: 'cardinal', counted: 'country', qualifier: 'an additional' },
  { input: 'Profit jumped to $1.13bn (£600m) last year.', text: '$1.13bn', value: 1.13e9, kind: 'money', unit: 'USD' },
  { input: 'Profit jumped to $1.13bn (£600m) last year.', text: '£600m', value: 6e8, kind: 'money', unit: 'GBP' },
  { input: 'It was down from $639m a year earlier.', text: '$639m', value: 6.39e8, kind: 'money', unit: 'USD' },
  { input: 'Sales rose 76% in the spring.', text: '76%', value: 76, kind: 'percent', unit: '%' },
  { input: 'Fuel duty goes up by 1.28p per litre.', text: '1.28p', value: 1.28, kind: 'money', unit: 'p', counted: 'litre' },
  { input: 'It was the eighth consecutive rise.', text: 'eighth', value: 8, kind: 'ordinal', counted: 'rise' },
  { input: 'The club has 140 members in total.', text: '140', value: 140, kind: 'cardinal', counted: 'member' },
  { input: 'The bill came to 1,400 in the end.', text: '1,400', value: 1400, kind: 'cardinal' },
  { input: 'A ticket costs £1.4k now.', text: '£1.4k', value: 1400, kind: 'money', unit: 'GBP' },
  { input: 'The service lost 464,000 subscribers last quarter.', text: '464,000', value: 464000, kind: 'cardinal', counted: 'subscriber' },
  { input: 'Shares fell 27% on Monday.', text: '27%', value: 27, kind: 'percent', unit: '%' },
  { input: 'Meanwhile a group of 30 nations asked for clarity.', text: '30', value: 30, kind: 'cardinal', counted: 'nation' },
  { input: 'The forum opens in Moscow on June 1.', text: 'June 1', value: 601, kind: 'date' },
  { input: 'The forum is scheduled for July 26 to 29 in the city.', text: 'July 26 to 29', value: 726, kind: 'date', rangeEnd: 729 },
  { input: 'The vote is on 16 March, officials said.', text: '16 March', value: 316, kind: 'date' },
  { input: 'Talks resume on 3 October 2004 in Rome.', text: '3 October 2004', value: 20041003, kind: 'date' },
  { input: 'The race is on 5-6 March.', text: '5-6 March', value: 305, kind: 'date', rangeEnd: 306 },
  { input: 'The council was founded in 1948, in Nice.', text: '1948', value: 1948, kind: 'year' },
  { input: 'The civil war began in 2011 after protests.', text: '2011', value: 2011, kind: 'year' },
  { input: 'Results for the 2004-05 season were mixed.', text: '2004-05', value: 2004, kind: 'year', rangeEnd: 2005 },
  { input: 'Profits rose for the three months to December.', text: 'three', value: 3, kind: 'cardinal', counted: 'month' },
  { input: 'About two-thirds of voters agreed.', text: 'About two-thirds', value: 0.666667, kind: 'cardinal', unit: 'fraction', qualifier: 'about' },
  { input: 'He counted twenty-five boats.', text: 'twenty-five', value: 25, kind: 'cardinal', counted: 'boat' },
  { input: 'Some two million people watched.', text: 'Some two million', value: 2e6, kind: 'cardinal', counted: 'person', qualifier: 'some' },
  { input: 'The IOC withdrew the order from three Russian Government officials including him.', text: 'three', value: 3, kind: 'cardinal', counted: 'official' },
  { input: 'The seven women and 12 children were freed.', text: '12', value: 12, kind: 'cardinal', counted: 'child' },
  { input: 'He was banned for a three-month period.', text: 'three', value: 3, kind: 'cardinal', counted: 'month' },
  { input: 'The 25-year-old won again.', text: '25', value: 25, kind: 'cardinal', counted: 'year' },
  { input: 'Between 10-12 people were hurt.', text: '10-12', value: 10, kind: 'cardinal', counted: 'person', rangeEnd: 12 },
  { input: 'Growth of around 5% is expected.', text: 'around 5%', value: 5, kind: 'percent', unit: '%', qualifier: 'around' },
  { input: 'Inflation fell to 3 per cent.', text: '3 per cent', value: 3, kind: 'percent', unit: '%' },
  { input: 'The firm is valued at 7.5bn euros.', text: '7.5bn euros', value: 7.5e9, kind: 'money', unit: 'EUR' },
  { input: 'Oil traded at $50 a barrel.', text: '$50', value: 50, kind: 'money', unit: 'USD', counted: 'barrel' },
  { input: 'She won the 100m final.', text: '100m', value: 100, kind: 'measure', unit: 'm' },
  { input: 'He cleared 4.88m at the meeting.', text: '4.88m', value: 4.88, kind: 'measure', unit: 'm' },
  { input: 'About 60m people use it.', text: 'About 60m', value: 6e7, kind: 'cardinal', counted: 'person', qualifier: 'about' },
  { input: 'The village is 80 kilometres north of the city.', text: '80 kilometres', value: 80, kind: 'measure', unit: 'km' },
  { input: 'She finished in her 21st race of the year.', text: '21st', value: 21, kind: 'ordinal', counted: 'race' },
  { input: 'It was his fourth World Championship crown since 2001.', text: 'fourth', value: 4, kind: 'ordinal', counted: 'crown' },
  { input: 'The party held up to eight rallies.', text: 'up to eight', value: 8, kind: 'cardinal', counted: 'rally', qualifier: 'up to' },
  { input: 'Shares closed up four pence.', text: 'four pence', value: 4, kind: 'money', unit: 'p' },
  // Placings: a bare ordinal after "finished", "came", "ranked" counts places, like "eighth place".
  { input: 'Radcliffe finished eighth.', text: 'eighth', value: 8, kind: 'ordinal', counted: 'place' },
  { input: 'She finished eighth in the final in Paris.', text: 'eighth', value: 8, kind: 'ordinal', counted: 'place' },
  { input: 'He took eighth place in Athens.', text: 'eighth', value: 8, kind: 'ordinal', counted: 'place' },
  { input: 'Britain came 3rd in the medal table.', text: '3rd', value: 3, kind: 'ordinal', counted: 'place' },
  { input: 'He is ranked twentieth in the world.', text: 'twentieth', value: 20, kind: 'ordinal', counted: 'place' },
  { input: 'Henman finished second behind Federer.', text: 'second', value: 2, kind: 'ordinal', counted: 'place' },
  { input: 'She was 21st at the halfway mark.', text: '21st', value: 21, kind: 'ordinal' },
  { input: 'It is the eighth edition of the games.', text: 'eighth', value: 8, kind: 'ordinal', counted: 'edition' },
  { input: 'They won for the eighth time.', text: 'eighth', value: 8, kind: 'ordinal', counted: 'time' },
  { input: 'The show returns for a twelfth series.', text: 'twelfth', value: 12, kind: 'ordinal', counted: 'series' },
  // Ranges written with words read as one fact, like "10-12 people".
  { input: 'Between 10 and 12 people were hurt.', text: '10 and 12', value: 10, kind: 'cardinal', counted: 'person', rangeEnd: 12 },
  { input: 'Police said 10 to 12 people were hurt.', text: '10 to 12', value: 10, kind: 'cardinal', counted: 'person', rangeEnd: 12 },
  { input: 'The work takes two to three weeks.', text: 'two to three', value: 2, kind: 'cardinal', counted: 'week', rangeEnd: 3 },
  { input: 'About 1.5 to 2 million people watched.', text: 'About 1.5 to 2 million', value: 1.5e6, kind: 'cardinal', counted: 'person', qualifier: 'about', rangeEnd: 2e6 },
  // A change from one figure to another is not a range.
  { input: 'Membership rose from 10 to 12 nations.', text: '12', value: 12, kind: 'cardinal', counted: 'nation' },
  { input: 'The index fell 20 to 4,800 points.', text: '4,800', value: 4800, kind: 'cardinal', counted: 'point' },
];

/** Sentences in which no number may be read. */
const NEGATIVES = [
  'Russia is one of the few allies of the regime.',
  'Syria is one of the only countries that voted against.',
  'Profits were buoyed by one-off gains.',
  'He lives at No. 10 Downing Street.',
  'The meeting starts at 10.30am and ends at 5pm.',
  'Kick-off is at 15:00.',
  'Call the desk on 020 7946 0958 today.',
  'The home side won 2-1.',
  'The G7 met after the Covid-19 outbreak.',
  'Music of the 1990s returned.',
  'At first nobody came. A second later it was over.',
  'The Second World War ended.',
  'The Group of Eight met in Scotland.',
  'No one was hurt and everyone went home.',
  'It happened in September.',
  'The debt is close to half a trillion dollars.',
  'He boarded Flight 370 at night.',
  // "first" and "second" as words are order or idiom, not counts (only placings are read).
  'It was the first time they had met.',
  'He scored early in the second half.',
  'Ministers want a second referendum.',
  'For the club, safety comes first.',
  // "and" makes a range only after "between"; a bare range needs its noun.
  'Children aged 10 to 12.',
];

function find(facts: NumberFact[], text: string): NumberFact | undefined {
  return facts.find((f) => f.text === text);
}

describe('readNumbers', () => {
  for (const c of POSITIVES) {
    it(`reads "${c.text}" in "${c.input}"`, () => {
      const facts = readNumbers(c.input);
      const f = find(facts, c.text);
      assert.ok(f, `no fact "${c.text}"; got ${JSON.stringify(facts.map((x) => x.text))}`);
      assert.equal(c.input.slice(f.start, f.end), c.text);
      assert.equal(f.value, c.value);
      assert.equal(f.kind, c.kind);
      assert.equal(f.unit, c.unit);
      assert.equal(f.counted, c.counted);
      assert.equal(f.qualifier, c.qualifier);
      assert.equal(f.rangeEnd, c.rangeEnd);
    });
  }

  for (const sentence of NEGATIVES) {
    it(`reads no number in "${sentence}"`, () => {
      assert.deepEqual(readNumbers(sentence).map((f) => f.text), []);
    });
  }

  it('keeps offsets in the coordinates of the whole text when given a range', () => {
    const text = 'Intro: 5 cats. Then 3 dogs arrived.';
    const start = text.indexOf('Then');
    const facts = readNumbers(text, start, text.length);
    assert.equal(facts.length, 1);
    assert.equal(text.slice(facts[0].start, facts[0].end), '3');
    assert.equal(facts[0].counted, 'dog');
  });

  it('does not take inherited object names such as "constructor" for number words', () => {
    const [crews] = readNumbers('They hired two constructor crews.');
    assert.equal(crews.value, 2);
    assert.equal(crews.counted, 'crew');
    const [teams] = readNumbers('The 3 constructor teams met.');
    assert.equal(teams.counted, 'team');
  });

  it('gives singular("constructor") as the word itself, not an inherited object property', () => {
    assert.equal(singular('constructor'), 'constructor');
  });

  it('refuses a number word listed in two tables (the Map keeps one kind per word)', () => {
    assert.throws(() => numberWordTable([[{ one: 1, two: 2 }, 'unit'], [{ first: 1, one: 1 }, 'ordinal']]), /"one" is in two tables \(unit and ordinal\)/);
    const words = numberWordTable([[{ one: 1 }, 'unit'], [{ hundred: 2 }, 'scale']]);
    assert.deepEqual([...words], [['one', { kind: 'unit', value: 1 }], ['hundred', { kind: 'scale', value: 2 }]]);
  });

  it('reads the two currencies of "$900m (£479m)" as two facts', () => {
    const facts = readNumbers('It must pay back a $900m (£479m) loan.');
    assert.deepEqual(facts.map((f) => [f.unit, f.value]), [['USD', 9e8], ['GBP', 4.79e8]]);
  });
});

describe('extractNumbers', () => {
  it('reads body and title paragraphs but not captions', () => {
    const text = 'Five ministers resign\n\nThe minister spoke to 40 reporters ©Getty Images\n\nThe minister spoke to 30 reporters on Monday.';
    const { paragraphs } = splitStructure(text);
    assert.deepEqual(paragraphs.map((p) => p.kind), ['title', 'caption', 'body']);
    const facts = extractNumbers(text, paragraphs);
    assert.deepEqual(facts.map((f) => [f.text, f.counted]), [['Five', 'minister'], ['30', 'reporter']]);
  });

  it('reads the seed articles (skips without ../shared)', function () {
    const seeds = path.resolve(__dirname, '../../../../shared/seeds');
    if (!fs.existsSync(seeds)) this.skip();
    const file = fs.readdirSync(seeds).find((f) => f.startsWith('000_'));
    if (!file) this.skip();
    const text = fs.readFileSync(path.join(seeds, file), 'utf8');
    const facts = extractNumbers(text, splitStructure(text).paragraphs);
    const byText = new Map(facts.map((f) => [f.text, f]));
    assert.equal(byText.get('more than 170')?.counted, 'representative');
    assert.equal(byText.get('over 25')?.counted, 'nation');
    assert.equal(byText.get('1948')?.kind, 'year');
    assert.equal(byText.get('140')?.counted, 'member');
    // Nothing is read from the captions (they mention no figures) nor invented from "one of".
    assert.ok(!facts.some((f) => f.value === 1 && f.kind === 'cardinal'));
  });
});

describe('singular', () => {
  const cases: Array<[string, string]> = [
    ['countries', 'country'], ['nations', 'nation'], ['people', 'person'], ['women', 'woman'], ['children', 'child'],
    ['matches', 'match'], ['taxes', 'tax'], ['classes', 'class'], ['cases', 'case'], ['series', 'series'],
    ['status', 'status'], ['Olympians', 'olympian'], ['NOCs', 'noc'], ['days', 'day'], ['Países', 'paise'], ['lives', 'life'],
  ];
  for (const [plural, expected] of cases) {
    it(`${plural} → ${expected}`, () => assert.equal(singular(plural), expected));
  }
});
