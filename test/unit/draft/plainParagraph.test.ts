import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { layoutMarkdown, layoutPlainParagraph, splitChunks } from '../../../server/src/core/draft/prose';

const REPO = resolve(__dirname, '../../..');

/** Markdown files of the repository (docs, fixtures, drafts), without dependencies and build output. */
function repoMarkdown(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.') || entry === 'dist' || entry === 'out') continue;
      const path = join(dir, entry);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (/\.md$/i.test(entry)) out.push(path);
    }
  };
  walk(REPO);
  return out;
}

/**
 * Compares the plain-paragraph reading with the parser's on every chunk of
 * `text` the fast path accepts; returns how many it accepted.
 */
function compareChunks(text: string, label: string): number {
  let accepted = 0;
  for (const c of splitChunks(text)) {
    const chunk = text.slice(c.start, c.end);
    const plain = layoutPlainParagraph(chunk);
    if (!plain) continue;
    accepted++;
    assert.deepEqual(plain, layoutMarkdown(chunk, c.start === 0, ''), `${label}: ${JSON.stringify(chunk)}`);
  }
  return accepted;
}

/** A deterministic pseudo-random generator. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Pieces a random draft is made of: prose, citations, emphasis and every kind of markup the fast path must refuse. */
const PIECES = [
  'Wang', 'said', 'the', 'council', 'would', 'meet', '2005', '10.5', 'per', 'cent', '£3m', 'Mr', 'Smith', 'O’Neill', 'e-mail',
  '[@bbc-001]', '[see @a, p. 3]', '[@a; @b, para 4]', '[-@x]', '@key', '[x]', '[^1]', '[a](b)', '![i](j)', ']', '[',
  '*', '**', '***', '_', '__', '*word*', '**two words**', '_it_', 'snake_case', '2*3*4', '*a _b* c_',
  '"', '“', '”', '‘', '’', "'", '(', ')', '.', ',', ';', ':', '!', '?', '—', '-', '–', '&', '&amp;', '&#39;', '<b>', '<',
  '>', '`code`', '~~x~~', '|', '\\', '\\*', '#', '1.', '2)', '+', '=', '\u00A0', ' ', '  ', '\n', '\n', '  \n', '\r\n', '\n ', '\n\t',
  '\n# ', '\n> ', '\n- ', '\n* ', '\n1. ', '\n===', '\n---', '\n[x]: y', '\n```',
];

describe('plain paragraphs without the markdown parser', () => {
  it('reads every plain chunk of the repository\'s markdown as the parser does', function () {
    const files = repoMarkdown();
    if (files.length === 0) this.skip();
    let accepted = 0;
    for (const file of files) accepted += compareChunks(readFileSync(file, 'utf8'), file);
    // The fast path must actually be taken on real prose, or this test compares nothing.
    assert.ok(accepted > 20, `only ${accepted} plain chunks`);
  });

  it('reads the seed articles as markdown drafts as the parser does', function () {
    const seeds = resolve(REPO, '../shared/seeds');
    if (!existsSync(seeds)) this.skip();
    for (const f of readdirSync(seeds)) compareChunks(readFileSync(join(seeds, f), 'utf8'), f);
  });

  it('reads randomised drafts mixing prose, citations, emphasis and markup as the parser does', () => {
    const next = random(7);
    let accepted = 0;
    let refused = 0;
    for (let d = 0; d < 3000; d++) {
      const length = 3 + Math.floor(next() * 25);
      const parts: string[] = [];
      for (let k = 0; k < length; k++) {
        // Mostly words and spaces, as in prose; markup now and then.
        const piece = next() < 0.85 ? PIECES[Math.floor(next() * 15)] : PIECES[Math.floor(next() * PIECES.length)];
        parts.push(piece, next() < 0.7 ? ' ' : '');
      }
      const text = `${parts.join('')}\n`;
      const before = accepted;
      accepted += compareChunks(text, `draft ${d}`);
      if (accepted === before) refused++;
    }
    assert.ok(accepted > 300, `only ${accepted} plain chunks`);
    assert.ok(refused > 300, `only ${refused} refused drafts`);
  });

  it('blanks simple emphasis markers and keeps citations as prose', () => {
    const chunk = 'He was *very* clear, said __Wang__ [@bbc-001].\n';
    const plain = layoutPlainParagraph(chunk);
    assert.ok(plain);
    assert.equal(plain.masked, 'He was  very  clear, said   Wang   [@bbc-001].\n');
    assert.deepEqual(plain.blocks, [{ start: 0, end: chunk.length - 1, kind: 'paragraph', blockQuote: -1 }]);
  });

  it('leaves markup that changes prose boundaries to the parser', () => {
    for (const chunk of ['# Heading\n', '> quoted\n', '- item\n', '1. item\n', 'Text\n===\n', 'A `code` span\n', 'A [link](x)\n', 'A note[^1]\n', 'a | b\n', 'x *a _b* c_\n', '<!-- c -->\n', 'Tab\there\n']) {
      assert.equal(layoutPlainParagraph(chunk), null, chunk);
    }
  });
});
