import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';
import type { Draft } from '../../../server/src/core/draft/model';

const REPO = resolve(__dirname, '../../..');

/** The draft's findings as plain data, offsets moved by `shift`, from offset `from` on. */
function findings(draft: Draft, shift: number, from = 0) {
  const move = (s: { start: number; end: number }) => [s.start + shift, s.end + shift];
  return {
    sentences: draft.sentences.filter((s) => s.start >= from).map((s) => ({
      span: move(s), citations: s.citations.map((c) => move(c)), quotes: s.quotes.map((q) => move(q)),
      numbers: s.numbers.map((n) => [...move(n), n.text, n.value, n.kind, n.unit, n.counted, n.rangeEnd]),
    })),
    citations: draft.citations.filter((c) => c.start >= from).map((c) => ({
      span: move(c), covers: move(c.covers), inText: c.inText,
      items: c.items.map((i) => [...move(i), ...move(i.keySpan), i.key, i.locator, i.paragraph, i.prefix, i.suppressAuthor]),
    })),
    quotes: draft.quotes.filter((q) => q.start >= from).map((q) => ({
      span: move(q), inner: move(q.inner), text: q.text, kind: q.kind,
      citation: q.citation ? move(q.citation) : null,
      attribution: q.attribution ? [q.attribution.name, ...move(q.attribution.span)] : null,
    })),
    names: draft.names.filter((n) => n.start >= from).map((n) => [...move(n), n.text]),
  };
}

/** Drafts to read: the repository's labelled drafts and examples, and the seed articles. */
function drafts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of [join(REPO, 'test/eval'), join(REPO, 'examples/newsroom'), join(REPO, 'test/fixtures/workspace'), resolve(REPO, '../shared/seeds')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/\.(md|txt)$/.test(f) && f !== 'README.md') out.push({ name: f, text: readFileSync(join(dir, f), 'utf8') });
  }
  return out;
}

describe('parseDraft, block by block', () => {
  it('reads remembered blocks at a new place exactly as when it first read them', () => {
    const all = drafts();
    assert.ok(all.length > 0);
    all.forEach(({ name, text }, i) => {
      // A marker no earlier test wrote: every block of `first` is read for the first time.
      const unique = `${text}\n\nclosing words ${Date.now()}x${i}.\n`;
      const first = parseDraft(unique);
      // The same blocks after a paragraph without names: each is taken from memory and moved.
      const prefix = 'some opening words here.\n\n';
      const moved = parseDraft(prefix + unique);
      assert.deepEqual(findings(moved, -prefix.length, prefix.length), findings(first, 0), name);
    });
  });

  it('resolves "he said" to the name in the paragraph before, after that paragraph is edited', () => {
    const quote = '"We will build the new stadium by the end of next year," he said [@a].\n';
    const before = parseDraft(`Yijang Wang spoke in Beijing on Monday.\n\n${quote}`);
    assert.equal(before.quotes[0].attribution?.name, 'Yijang Wang');
    const after = parseDraft(`Rodion Plitukhin spoke in Moscow on Monday.\n\n${quote}`);
    assert.equal(after.quotes[0].attribution?.name, 'Rodion Plitukhin');
  });

  it('continues a quote into the next paragraph only while that one opens with a quote mark', () => {
    const opening = '"The council will meet again in the spring and decide then,\n\n';
    const continued = parseDraft(`${opening}"and nobody can stop it," said Wang [@a].\n`);
    assert.equal(continued.quotes.length, 2);
    assert.equal(continued.quotes[0].attribution?.name, 'Wang');
    const plain = parseDraft(`${opening}and nobody can stop it, said Wang [@a].\n`);
    assert.ok(!plain.quotes.some((q) => q.kind === 'direct' && q.start === 0));
  });

  it('gives fresh objects for a remembered block, so one parse never changes another', () => {
    const text = '> Block quote words that stand alone here.\n\nAnother "quoted phrase of several words" said Wang [@a].\n';
    const a = parseDraft(text);
    const b = parseDraft(`${text}\nmore.\n`);
    assert.notEqual(a.citations[0], b.citations[0]);
    assert.notEqual(a.quotes[a.quotes.length - 1], b.quotes[b.quotes.length - 1]);
    assert.deepEqual(findings(b, 0).citations, findings(a, 0).citations);
  });
});
