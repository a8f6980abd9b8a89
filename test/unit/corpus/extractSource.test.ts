import assert from 'node:assert/strict';
import { extractFromText, extractSource } from '../../../server/src/core/corpus/extractSource';

const BBC_STYLE = 'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.\n\nThe firm said sales rose 2%.\n';

describe('extractSource', () => {
  it('takes the headline line as title and numbers body paragraphs from 1', () => {
    const s = extractFromText(BBC_STYLE, 'business/001.txt');
    assert.equal(s.key, 'business/001');
    assert.equal(s.uri, 'mem:///business/001.txt');
    assert.deepEqual(s.title, { text: 'Ad sales boost Time Warner profit', span: { start: 0, end: 33 } });
    const body = s.paragraphs.filter((p) => p.kind === 'body');
    assert.deepEqual(body.map((p) => p.number), [1, 2]);
    assert.ok(s.text.slice(body[1].start, body[1].end).startsWith('The firm said'));
    assert.equal(s.encoding, 'utf-8');
    assert.deepEqual(s.problems, []);
  });

  it('uses front matter id and title; offsets stay relative to the whole file', () => {
    const text = '---\nid: cism2023\ntitle: CISM meets in Moscow\n---\n# A heading title\n\nPutin praised the council.\n';
    const s = extractFromText(text, 'sources/cism.md');
    assert.equal(s.key, 'cism2023');
    // The title's span is its value in the front matter, so "go to source" lands on it.
    assert.deepEqual(s.title, { text: 'CISM meets in Moscow', span: { start: text.indexOf('CISM meets'), end: text.indexOf('CISM meets') + 'CISM meets in Moscow'.length } });
    const body = s.paragraphs.find((p) => p.kind === 'body');
    assert.ok(body);
    assert.equal(text.slice(body.start, body.end), 'Putin praised the council.');
    // Nothing of the front matter is a paragraph.
    assert.ok(s.paragraphs.every((p) => p.start >= text.indexOf('# A heading')));
  });

  it('takes a markdown level-1 heading as title when front matter has none', () => {
    const text = '# Shanghai Cooperation Organisation plans sports body\n\nThe SCO is working on it.\n';
    const s = extractFromText(text, 'sco.md');
    assert.deepEqual(s.title, { text: 'Shanghai Cooperation Organisation plans sports body', span: { start: 2, end: 53 } });
  });

  it('has no title when the article opens with a photo caption', () => {
    const s = extractFromText('The council is meeting in Moscow ©CISM\n\nRussian President Vladimir Putin has celebrated the ties.\n', '000_4d86c12eede1f53f.txt');
    assert.equal(s.title, null);
    assert.equal(s.paragraphs[0].kind, 'caption');
    assert.equal(s.key, '000_4d86c12eede1f53f');
  });

  it('indexes an article with broken front matter and reports it with a span', () => {
    const text = '---\ntitle: "oops\n---\nBody paragraph here.\n';
    const s = extractFromText(text, 'broken.md');
    assert.equal(s.key, 'broken');
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0].message, /not valid YAML/);
    assert.ok(s.paragraphs.some((p) => p.kind === 'body' && text.slice(p.start, p.end) === 'Body paragraph here.'));
  });

  it('reports a key a draft could not cite', () => {
    const s = extractFromText('Some text.\n', 'my notes.txt');
    assert.equal(s.key, 'my notes');
    assert.match(s.problems[0].message, /contains white space, so a draft cannot cite it as \[@my notes\]\. Rename the file/);
  });

  it('decodes Latin-1 bytes and normalises CRLF, keeping the hash of the raw bytes', () => {
    const bytes = Uint8Array.from([...Buffer.from('Price rise\r\n\r\nIt costs '), 0xa3, ...Buffer.from('5 now.\r\n')]);
    const s = extractSource({ uri: 'file:///x/a.txt', path: 'a.txt', bytes });
    assert.ok(!('skipped' in s));
    assert.equal(s.encoding, 'windows-1252');
    assert.equal(s.text, 'Price rise\n\nIt costs £5 now.\n');
    assert.match(s.hash, /^[0-9a-z]+-[0-9a-f]{16}$/);
  });

  it('skips binary and oversized files with a problem naming the display path', () => {
    const bin = extractSource({ uri: 'file:///x/img.txt', path: 'img.txt', displayPath: 'sources/img.txt', bytes: Uint8Array.from([0x89, 0x50, 0x00, 0x01]) });
    assert.ok('skipped' in bin);
    assert.equal(bin.skipped.path, 'sources/img.txt');
    assert.match(bin.skipped.message, /^Skipped: binary file/);
    const big = extractSource({ uri: 'file:///x/big.txt', path: 'big.txt', bytes: new Uint8Array(2048).fill(0x61), maxFileSizeKB: 1 });
    assert.ok('skipped' in big);
    assert.match(big.skipped.message, /larger than the 1 KB limit/);
  });
});
