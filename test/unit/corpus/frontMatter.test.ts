import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../../server/src/core/corpus/frontMatter';

describe('parseFrontMatter', () => {
  it('reads the known fields and starts the body after the closing fence', () => {
    const text = '---\nid: cism-moscow\ntitle: "CISM in Moscow"\ndate: 2023-05-22\nurl: https://example.org/a\noutlet: Inside the Games\nauthor: Jane Doe\ntags: [a, b]\n---\nBody starts here.\n';
    const fm = parseFrontMatter(text, 'sources/a.md');
    assert.deepEqual(fm.meta, { id: 'cism-moscow', title: 'CISM in Moscow', date: '2023-05-22', url: 'https://example.org/a', outlet: 'Inside the Games', author: 'Jane Doe' });
    assert.equal(text.slice(fm.bodyStart), 'Body starts here.\n');
    assert.deepEqual(fm.problems, []);
    assert.ok(fm.yamlSpan);
    assert.ok(text.slice(fm.yamlSpan.start, fm.yamlSpan.end).startsWith('id: cism-moscow'));
  });

  it('gives where each value is written, so a title can be pointed at', () => {
    const text = '---\nid: cism-moscow\ntitle: "CISM in Moscow"\noutlet: Inside the Games\ntitle: Second title\n---\nBody.\n';
    const fm = parseFrontMatter(text, 'sources/a.md');
    const at = (field: 'id' | 'title' | 'outlet') => {
      const span = fm.valueSpans[field];
      return span && text.slice(span.start, span.end);
    };
    assert.equal(at('id'), 'cism-moscow');
    assert.equal(at('outlet'), 'Inside the Games');
    // A repeated key: the value read (the last) is the one pointed at.
    assert.equal(fm.meta.title, 'Second title');
    assert.equal(at('title'), 'Second title');
    assert.deepEqual(parseFrontMatter('---\ntitle: [a, b]\n---\nBody\n', 'x.md').valueSpans, {});
    // Quote marks are not part of the value; a folded block scalar spans lines and is not pointed at.
    const quoted = '---\ntitle: "Quoted Title"\nid: \'key-1\'\n---\nBody\n';
    const q = parseFrontMatter(quoted, 'x.md').valueSpans;
    assert.equal(q.title && quoted.slice(q.title.start, q.title.end), 'Quoted Title');
    assert.equal(q.id && quoted.slice(q.id.start, q.id.end), 'key-1');
    assert.deepEqual(parseFrontMatter('---\ntitle: >\n  Folded\n  title\n---\nBody\n', 'x.md').valueSpans, {});
  });

  it('turns YAML timestamps (Date objects) and date-times into YYYY-MM-DD', () => {
    assert.equal(parseFrontMatter('---\ndate: !!timestamp 2023-05-22\n---\nText', 'x.md').meta.date, '2023-05-22');
    assert.equal(parseFrontMatter('---\ndate: 2023-05-22T10:30:00Z\n---\nText', 'x.md').meta.date, '2023-05-22');
    assert.equal(parseFrontMatter('---\ndate: May 2023\n---\nText', 'x.md').meta.date, 'May 2023');
  });

  it('turns numeric ids into strings', () => {
    assert.equal(parseFrontMatter('---\nid: 42\n---\n', 'x.md').meta.id, '42');
  });

  it('reports broken YAML with a span inside the block and still gives the body start', () => {
    const text = '---\ntitle: "unterminated\nid: [x\n---\nThe body.\n';
    const fm = parseFrontMatter(text, 'sources/b.md');
    assert.deepEqual(fm.meta, {});
    assert.equal(text.slice(fm.bodyStart), 'The body.\n');
    assert.equal(fm.problems.length, 1);
    const p = fm.problems[0];
    assert.equal(p.path, 'sources/b.md');
    assert.match(p.message, /not valid YAML/);
    assert.ok(p.span && p.span.start >= 4 && p.span.end <= text.indexOf('\n---\n') + 1 && p.span.end > p.span.start);
    const bad = parseFrontMatter('---\ntitle: ok\nid: : :\n---\nBody\n', 'g.md');
    assert.equal(bad.problems.length, 1);
    assert.ok(bad.problems[0].span && bad.problems[0].span.end > bad.problems[0].span.start);
  });

  it('reports a list-valued field and ignores it', () => {
    const fm = parseFrontMatter('---\ntitle: [a, b]\nid: k\n---\n', 'c.md');
    assert.deepEqual(fm.meta, { id: 'k' });
    assert.match(fm.problems[0].message, /"title" should be a single value/);
  });

  it('treats a file without a leading fence as having no front matter', () => {
    const fm = parseFrontMatter('Headline\n---\nid: x\n---\n', 'd.txt');
    assert.equal(fm.bodyStart, 0);
    assert.deepEqual(fm.meta, {});
  });

  it('warns when a fence that opens YAML is never closed, and reads the whole file', () => {
    const fm = parseFrontMatter('---\ntitle: Oops\n\nBody text.\n', 'e.md');
    assert.equal(fm.bodyStart, 0);
    assert.match(fm.problems[0].message, /never closed/);
  });

  it('does not take a markdown rule on line 1 for front matter', () => {
    const fm = parseFrontMatter('---\n\nJust a rule above.\n', 'f.md');
    assert.equal(fm.bodyStart, 0);
    assert.deepEqual(fm.problems, []);
  });
});
