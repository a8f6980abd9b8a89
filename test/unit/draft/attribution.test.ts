import assert from 'node:assert/strict';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';

function speaker(text: string, i = 0): string | undefined {
  return parseDraft(text).quotes[i]?.attribution?.name;
}

describe('draft attribution', () => {
  it('reads "said Wang" and "Wang said" after the quote', () => {
    assert.equal(speaker('"We do not resolve political issues," said Wang.'), 'Wang');
    assert.equal(speaker('"We do not resolve political issues," Wang said [@cism].'), 'Wang');
    assert.equal(speaker('"We do not resolve issues," said CISM vice-president Yijang Wang of China.'), 'Yijang Wang');
    assert.equal(speaker('"Our performance was strong," chairman and chief executive Richard Parsons said.'), 'Richard Parsons');
    assert.equal(speaker('"I think so," Mr Balls told Today.'), 'Balls');
    assert.equal(speaker('"We are pleased," said de Oliveira.'), 'de Oliveira');
  });

  it('reads a speaker before the quote', () => {
    assert.equal(speaker('Pankov claimed that the CISM had "done a lot to strengthen world peace".'), 'Pankov');
    assert.equal(speaker('According to Khakimov, work is "underway" now.'), 'Khakimov');
    assert.equal(speaker('Sir Digby Jones added: "I don\'t think he will."'), 'Digby Jones');
  });

  it('resolves "he said" to the nearest earlier name outside quotes', () => {
    const text = 'Deputy Defence Minister Nikolai Pankov attended.\n\n"The CISM Board of Directors is pleased," he said.';
    assert.equal(speaker(text), 'Deputy Defence Minister Nikolai Pankov');
    const text2 = '"We are guided by our rules," said Wang.\n\n"The Executive Committee decided," he said.';
    assert.equal(speaker(text2, 1), 'Wang');
  });

  it('does not guess behind an apposition or a preposition', () => {
    assert.equal(parseDraft('Stephen Toulouse, a manager at Microsoft, said the malicious program was called Bankash.').quotes[0]?.attribution ?? null, null);
  });

  it('reads reported speech with its clause', () => {
    const d = parseDraft('CISM vice-president Yijang Wang of China said the organisation would be guided by its own rules [@cism].');
    const q = d.quotes[0];
    assert.equal(q.kind, 'reported');
    assert.equal(q.attribution?.name, 'Yijang Wang');
    assert.equal(q.text, 'the organisation would be guided by its own rules');
    assert.equal(q.citation?.items[0].key, 'cism');
  });

  it('does not take a quote without a speaker for attributed', () => {
    assert.equal(speaker('The motto is "Friendship through sports" for all.'), undefined);
  });
});
