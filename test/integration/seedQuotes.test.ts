import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractFromText } from '../../server/src/core/corpus/extractSource';
import type { ExtractedSource, Quote } from '../../server/src/core/model';

const SEEDS = resolve(__dirname, '../..', '../shared/seeds');

/** Expected quote: its first words, kind, speaker's surname and the words naming the speaker there. */
type Row = [start: string, kind: 'direct' | 'reported', surname: string | null, speakerWords: string | RegExp | null];

/** Every quote of the three seed articles, in text order. */
const EXPECTED: Record<string, Row[]> = {
  '000': [
    ['long-standing and strong', 'direct', 'Putin', /^(?:Vladimir )?Putin$/],
    ['constructive interaction', 'direct', 'Putin', 'he'],
    ['trust', 'direct', 'Putin', 'he'],
    ['Russia cherishes the long-standing', 'direct', 'Putin', 'Putin'],
    ['We highly appreciate the principled', 'direct', 'Putin', 'Putin'],
    ['We are aimed at further mutually', 'direct', 'Putin', 'Putin'],
    ['the CISM had "done a lot', 'reported', 'Pankov', 'Pankov'],
    ['done a lot to strengthen world peace', 'direct', 'Pankov', 'Pankov'],
    ['maintain impartiality in the field of sports', 'direct', 'Pankov', 'Pankov'],
    ['promote the principle of solidarity', 'direct', 'Pankov', 'Pankov'],
    ['I am sure that the potential', 'direct', 'Pankov', 'Pankov'],
    ['the organisation would be guided', 'reported', 'Wang', /^(?:Yijang )?Wang$/],
    ['CISM is not a political organisation', 'direct', 'Wang', 'Wang'],
    ['This is one of the basic principles', 'direct', 'Wang', 'Wang'],
    ['Since the beginning of last year', 'direct', 'Wang', 'Wang'],
    ['Voices have also been heard', 'direct', 'Wang', 'Wang'],
    ['This issue was discussed', 'direct', 'Wang', 'Wang'],
    ['CISM is an independent organization', 'direct', 'Wang', 'Wang'],
    ['Saint Petersburg staged', 'reported', 'TASS', 'TASS'],
    ['apolitical', 'direct', 'Oliveira', /de Oliveira$/],
    ['We are very pleased', 'direct', 'Oliveira', 'de Oliveira'],
    ['As you may know', 'direct', 'Oliveira', 'de Oliveira'],
    ['I would like to note', 'direct', 'Oliveira', 'de Oliveira'],
    ['During the General Assembly', 'direct', 'Oliveira', 'de Oliveira'],
    // "Founded in 1948, the CISM has ... and has stated that it looks to "...": the sentence's subject.
    ['use sport for deconfliction', 'direct', 'CISM', 'CISM'],
  ],
  '001': [
    ['underway', 'direct', 'Khakimov', /^(?:Bakhtiyor )?Khakimov$/],
    ['the SCO could create an Association', 'reported', 'Putin', /^(?:Vladimir )?Putin$/],
    ['major sporting events', 'direct', 'Putin', /^(?:Vladimir )?Putin$/],
    ['explore a pathway', 'direct', 'IOC', 'it'],
    ['work remained ongoing', 'reported', 'Khakimov', 'Khakimov'],
    ['the SCO members opposed', 'reported', 'Khakimov', 'Khakimov'],
    ['Now work is underway', 'direct', 'Khakimov', 'he'],
    ['In principle, the reaction', 'direct', 'Khakimov', 'he'],
    ['Member states oppose', 'direct', 'Khakimov', 'he'],
    ['At the same time, partners', 'direct', 'Khakimov', 'he'],
    ['All these nuances', 'direct', 'Khakimov', 'he'],
  ],
  '002': [
    ['the Russian Olympic movement', 'direct', 'Alsaied', 'Alsaied'],
    ['the "level of relations', 'reported', 'Plitukhin', 'Plitukhin'],
    ['level of relations', 'direct', 'Plitukhin', 'Plitukhin'],
    ['inappropriate propaganda', 'direct', 'Natorp', 'Natorp'],
    ['The ROC plans to hold', 'direct', 'Plitukhin', 'he'],
    ['become a convenient platform', 'direct', 'Plitukhin', 'Plitukhin'],
    ['an MoU between the ROC and CNOSM', 'reported', 'Plitukhin', 'He'],
    ['Mali\'s ties with the ROC will', 'reported', 'Traore', 'Traore'],
    ['open up new opportunities', 'direct', 'Traore', 'Traore'],
    ['there should be no place', 'reported', 'critics', 'critics'],
  ],
};

const EXPANSIONS: Record<string, string> = { IOC: 'International Olympic Committee', CISM: 'International Military Sports Council' };

/** The surname as the last word of a canonical name, or an organisation by acronym or expansion. */
function namesSpeaker(name: string, surname: string): boolean {
  if (EXPANSIONS[surname] === name) return true;
  return name === surname || name.endsWith(` ${surname}`);
}

describe('seed articles: every quote and its speaker', () => {
  const sources = new Map<string, ExtractedSource>();

  before(function () {
    if (!existsSync(SEEDS)) this.skip();
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      sources.set(file.slice(0, 3), extractFromText(readFileSync(resolve(SEEDS, file), 'utf8'), file));
    }
  });

  for (const [seed, rows] of Object.entries(EXPECTED)) {
    it(`seed ${seed}: ${rows.length} quotes with the right speakers`, () => {
      const source = sources.get(seed);
      assert.ok(source, `seed ${seed} missing`);
      const { text, quotes } = source;
      const listing = quotes.map((q) => `${q.kind} ${q.speaker?.name ?? '-'}: ${q.text.slice(0, 50)}`).join('\n');
      assert.equal(quotes.length, rows.length, `quotes found:\n${listing}`);
      rows.forEach(([start, kind, surname, speakerWords], i) => {
        const q: Quote = quotes[i];
        assert.ok(q.text.startsWith(start) && q.kind === kind, `quote ${i}: expected ${kind} "${start}...", got ${q.kind} "${q.text.slice(0, 60)}"`);
        assert.equal(text.slice(q.start, q.end), q.text);
        if (surname === null || speakerWords === null) {
          assert.equal(q.speaker, null, `"${start}" has no speaker`);
          return;
        }
        assert.ok(q.speaker, `no speaker for "${start}"`);
        assert.ok(namesSpeaker(q.speaker.name, surname), `"${start}": speaker ${q.speaker.name}, expected ${surname}`);
        const words = text.slice(q.speaker.start, q.speaker.end);
        if (typeof speakerWords === 'string') assert.equal(words, speakerWords, `"${start}": speaker words`);
        else assert.match(words, speakerWords, `"${start}": speaker words`);
      });
    });
  }

  it('never takes a quote from a caption', () => {
    for (const source of sources.values()) {
      for (const q of source.quotes) assert.equal(source.paragraphs[q.paragraph].kind, 'body');
    }
    const seed000 = sources.get('000');
    assert.ok(seed000 && !seed000.quotes.some((q) => q.text === 'principled and firm position'));
  });

  it('keeps each quote inside its paragraph, without the quotation marks', () => {
    for (const source of sources.values()) {
      for (const q of source.quotes.filter((x) => x.kind === 'direct')) {
        const p = source.paragraphs[q.paragraph];
        assert.ok(q.start >= p.start && q.end <= p.end, q.text);
        assert.doesNotMatch(q.text, /^["“”]|["“”]$/, q.text);
      }
    }
  });
});
