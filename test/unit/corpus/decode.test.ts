import assert from 'node:assert/strict';
import { decodeSource, decodeWindows1252 } from '../../../server/src/core/corpus/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('decodes UTF-8 with curly quotes and accents', () => {
    const r = decodeSource(utf8('Perdigão said “yes” – £5'));
    assert.deepEqual(r, { text: 'Perdigão said “yes” – £5', encoding: 'utf-8' });
  });

  it('falls back to windows-1252 for Latin-1 bytes (0xA3 is £, 0x93/0x94 curly quotes)', () => {
    const bytes = Uint8Array.from([0x43, 0x6f, 0x73, 0x74, 0x20, 0xa3, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0xe9]);
    const r = decodeSource(bytes);
    assert.deepEqual(r, { text: 'Cost £5 “ok” é', encoding: 'windows-1252' });
  });

  it('maps every windows-1252 byte to one character', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    assert.equal(text.length, 256);
    assert.equal(text[0x80], '€');
    assert.equal(text[0x96], '–');
    assert.equal(text[0xff], 'ÿ');
  });

  it('strips a BOM and normalises CRLF and CR to LF', () => {
    const r = decodeSource(utf8('\uFEFFHeadline\r\n\r\nBody one.\rBody two.\n'));
    assert.ok(!('skipped' in r));
    assert.equal(r.text, 'Headline\n\nBody one.\nBody two.\n');
  });

  it('skips binary files with a NUL byte', () => {
    const r = decodeSource(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    assert.ok('skipped' in r);
    assert.match(r.skipped, /binary.*NUL byte at offset 4/);
  });

  it('skips files that are mostly control characters', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const r = decodeSource(bytes);
    assert.ok('skipped' in r);
    assert.match(r.skipped, /binary.*control characters/);
  });

  it('keeps text with a few control characters, and Windows-1252 bytes that decode to C1 controls', () => {
    // 2 control bytes in 100: under the 10% limit, so the text is kept with them.
    const few = decodeSource(utf8(`${'a'.repeat(49)}\u0001${'b'.repeat(49)}\u0007`));
    assert.ok(!('skipped' in few));
    assert.equal(few.text.length, 100);
    // 0x81 is undefined in Windows-1252 and decodes to U+0081: not one of the control bytes counted.
    const c1 = decodeSource(Uint8Array.from([0x41, 0x81, 0x42, 0xa3, 0x35]));
    assert.ok(!('skipped' in c1));
    assert.equal(c1.encoding, 'windows-1252');
    assert.equal(c1.text, 'A\u0081B£5');
  });

  it('finds a NUL byte after the first 8 KB and a control-heavy start before it', () => {
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    const r = decodeSource(late);
    assert.ok('skipped' in r);
    assert.match(r.skipped, /NUL byte at offset 8500/);
  });

  it('keeps text with tabs and form feeds', () => {
    const r = decodeSource(utf8('a\tb\fc\n'.repeat(50)));
    assert.ok(!('skipped' in r));
  });

  it('skips files over the size limit and says which limit', () => {
    const big = new Uint8Array(3 * 1024 + 1).fill(0x61);
    const r = decodeSource(big, { maxFileSizeKB: 3 });
    assert.ok('skipped' in r);
    assert.match(r.skipped, /4 KB, larger than the 3 KB limit/);
    assert.ok(!('skipped' in decodeSource(big.subarray(0, 3 * 1024), { maxFileSizeKB: 3 })));
  });
});
