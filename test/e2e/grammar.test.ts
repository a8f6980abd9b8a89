/**
 * Tokenises markdown with VS Code's own TextMate engine, the markdown grammar
 * VS Code ships and our Pandoc-citation injection, and checks the scopes a
 * theme would see. The engine comes from the code-server install the
 * end-to-end runner makes (test/.cache); without it the suite skips.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const vscodeDir = path.join(repoRoot, 'test/.cache/code-server/node_modules/code-server/lib/vscode');
const injectionPath = path.join(repoRoot, 'syntaxes/pandoc-citations.tmLanguage.json');
const markdownGrammarPath = path.join(vscodeDir, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');

interface Token {
  text: string;
  scopes: string[];
}

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
async function loadTokenizer(): Promise<(markdown: string) => Token[][]> {
  const textmate = require(path.join(vscodeDir, 'node_modules/vscode-textmate')) as any;
  const oniguruma = require(path.join(vscodeDir, 'node_modules/vscode-oniguruma')) as any;
  const wasm = fs.readFileSync(path.join(vscodeDir, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const injection = JSON.parse(fs.readFileSync(injectionPath, 'utf8'));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(fs.readFileSync(markdownGrammarPath, 'utf8'), markdownGrammarPath);
      if (scopeName === injection.scopeName) return textmate.parseRawGrammar(fs.readFileSync(injectionPath, 'utf8'), injectionPath);
      return null;
    },
    // What VS Code does with `injectTo` in package.json.
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : []),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  return (markdown: string) => {
    let state = textmate.INITIAL;
    return markdown.split('\n').map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t: any) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes as string[] }));
    });
  };
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

/** The texts of the tokens on a line carrying a scope starting with `prefix`. */
function scoped(line: Token[], prefix: string): string[] {
  return line.filter((t) => t.scopes.some((s) => s.startsWith(prefix))).map((t) => t.text);
}

describe('Pandoc citation grammar (injection into markdown)', function () {
  let tokenize: (markdown: string) => Token[][];

  before(async function () {
    if (!fs.existsSync(markdownGrammarPath)) this.skip();
    tokenize = await loadTokenizer();
  });

  it('scopes a bracketed citation with a locator', () => {
    const [line] = tokenize('Berg named four observers [@fifa-berg, para 3].');
    assert.deepEqual(scoped(line, 'entity.name.label.citation-key'), ['fifa-berg']);
    assert.deepEqual(scoped(line, 'meta.locator.pandoc'), ['para 3']);
    assert.deepEqual(scoped(line, 'punctuation.definition.citation.begin'), ['[']);
    assert.deepEqual(scoped(line, 'punctuation.definition.citation.end'), [']']);
    assert.equal(scoped(line, 'meta.citation.pandoc').join(''), '[@fifa-berg, para 3]');
  });

  it('scopes several items with a prefix, and a suppressed author', () => {
    const [several, suppressed] = tokenize('The vote was close [see @lisbon-vote, p. 2; @sources/wire_01].\nBerg [-@fifa-berg] disagreed.');
    assert.deepEqual(scoped(several, 'entity.name.label.citation-key'), ['lisbon-vote', 'sources/wire_01']);
    assert.deepEqual(scoped(several, 'punctuation.separator.citation-item'), [';']);
    assert.deepEqual(scoped(several, 'meta.locator.pandoc'), ['p. 2']);
    assert.deepEqual(scoped(suppressed, 'punctuation.definition.suppress-author'), ['-']);
    assert.deepEqual(scoped(suppressed, 'entity.name.label.citation-key'), ['fifa-berg']);
  });

  it('scopes an in-text citation but not an e-mail address', () => {
    const [line] = tokenize('@fifa-berg says the press office (press@fifa.org) confirmed it.');
    assert.deepEqual(scoped(line, 'entity.name.label.citation-key'), ['fifa-berg']);
    assert.equal(scoped(line, 'meta.citation.in-text').join(''), '@fifa-berg');
  });

  it('leaves citations alone inside inline code and fenced code', () => {
    const lines = tokenize('Write `[@key]` to cite.\n\n```\n[@fifa-berg] in a code block\n```');
    for (const line of lines) assert.deepEqual(scoped(line, 'entity.name.label.citation-key'), []);
  });

  it('does not take a markdown link or a footnote for a citation', () => {
    const [link, footnote] = tokenize('See [the report](https://example.org/@x) here.\nA note[^1] here.');
    assert.deepEqual(scoped(link, 'meta.citation'), []);
    assert.deepEqual(scoped(footnote, 'meta.citation'), []);
  });
});
