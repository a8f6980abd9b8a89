import assert from 'node:assert/strict';
import { layoutProse, splitChunks } from '../../../server/src/core/draft/prose';

describe('layoutProse (chunked)', () => {
  it('does not cut a fenced code block or a comment at its blank lines', () => {
    const text = 'Intro [@a].\n\n```\ncode\n\n"not a quote" [@x]\n```\n\n<!--\nhidden [@h]\n\nstill hidden\n-->\n\nAfter [@b].\n';
    const layout = layoutProse(text);
    assert.ok(!layout.masked.includes('@x') && !layout.masked.includes('@h') && !layout.masked.includes('still'));
    assert.ok(layout.masked.includes('After [@b].'));
    assert.equal(layout.masked.length, text.length);
  });

  it('keeps an indented paragraph with the list item it continues', () => {
    const text = '- first item\n\n  its second paragraph [@a].\n\nNext.\n';
    assert.equal(splitChunks(text).length, 2);
    assert.ok(layoutProse(text).masked.includes('its second paragraph [@a].'));
  });

  it('resolves a footnote defined in another paragraph, as the whole draft would', () => {
    const text = 'A claim[^1] here [@a].\n\n[^1]: The note.\n';
    const masked = layoutProse(text).masked;
    assert.equal(masked.slice(7, 11), '    ');
    assert.ok(masked.includes('The note.'));
  });

  it('reads front matter with blank lines as one block', () => {
    const text = '---\ntitle: "x"\n\nnote: "[@y]"\n---\n\nBody [@b].\n';
    const layout = layoutProse(text);
    assert.ok(!layout.masked.includes('@y'));
    assert.deepEqual(layout.blocks.map((b) => text.slice(b.start, b.end)), ['Body [@b].']);
  });

  it('gives the same layout to an unchanged paragraph after another one is edited', () => {
    const text = 'One "quoted words here" said Wang [@a].\n\n> Block quote [@b].\n\nThree.\n';
    const edited = text.replace('Three.', 'Three and more.');
    const a = layoutProse(text);
    const b = layoutProse(edited);
    assert.deepEqual(b.blocks.slice(0, 2), a.blocks.slice(0, 2));
    assert.deepEqual(b.blockQuotes, a.blockQuotes);
  });
});
