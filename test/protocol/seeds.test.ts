import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, DefinitionRequest, HoverRequest, LSPErrorCodes, ReferencesRequest, ResponseError, type Hover, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { buildOnce, fileUri, positionOf, REPO, ServerSession, tempWorkspace } from './harness';

const SEEDS = join(REPO, '../shared/seeds');
const CISM = '000_4d86c12eede1f53f';
const SCO = '001_14f296bd1ecfc421';
const ROC = '002_8de11f6548f7c0fb';

const DRAFT = `# Russia's sporting friends

Russian President Vladimir Putin praised the military sports council [@${CISM}].

"CISM is not a political organisation, we do not resolve political issues," said Wang [@${CISM}].

Putin suggested the SCO could create an Association of Sports Organisations [@${SCO}].

Mr Plitukhin met his Syrian counterpart virtually [@${ROC}].
`;

describe('language server over stdio (seed articles)', function () {
  let session: ServerSession;
  const draftUri = () => fileUri(join(session.root, 'draft.md'));

  before(async function () {
    if (!existsSync(SEEDS)) this.skip();
    this.timeout(120000);
    buildOnce();
    const root = tempWorkspace();
    mkdirSync(join(root, 'sources'));
    cpSync(SEEDS, join(root, 'sources'), { recursive: true });
    session = new ServerSession(root);
    await session.initialize();
    await session.ready(3);
    await session.open(draftUri(), DRAFT);
  });

  after(async () => {
    await session?.close();
  });

  const hoverAt = async (needle: string, delta = 1): Promise<string> => {
    const result = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri() }, position: positionOf(DRAFT, needle, delta) }) as Hover | null;
    return result ? (result.contents as MarkupContent).value : '';
  };

  it('hovers "Putin" with the canonical name and the sources mentioning him', async () => {
    const md = await hoverAt('Putin suggested');
    assert.match(md, /\*\*Vladimir Putin\*\* — person/);
    assert.match(md, /President/);
    assert.match(md, /in 3 sources/);
  });

  it('expands the acronym CISM', async () => {
    const md = await hoverAt('CISM is not', 1);
    assert.match(md, /International Military Sports Council/);
  });

  it('hovers "Mr Plitukhin" as Rodion Plitukhin with his role', async () => {
    const md = await hoverAt('Plitukhin met', 2);
    assert.match(md, /\*\*Rodion Plitukhin\*\*/);
    assert.match(md, /secretary general/i);
    assert.match(md, new RegExp(`\\[@${ROC}\\]`));
  });

  it('says where a quotation comes from and who said it', async () => {
    const md = await hoverAt('we do not resolve', 3);
    assert.match(md, /Quoted verbatim/);
    assert.match(md, new RegExp(`\\[@${CISM}\\]`));
    assert.match(md, /Wang/);
  });

  it('goes from a quotation to the exact place in the source', async () => {
    const result = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: draftUri() }, position: positionOf(DRAFT, 'political issues', 2) }) as Location[];
    assert.equal(result[0].uri, fileUri(join(session.root, `sources/${CISM}.txt`)));
  });

  it('answers cancelled searches and references with RequestCancelled or a whole result, and keeps serving', async () => {
    const search = (token?: CancellationTokenSource) =>
      session.connection.sendRequest('dossier/search', { query: 'Putin sports council association', limit: 50 }, ...(token ? [token.token] : [])) as Promise<unknown>;
    const referencesOfPutin = (token?: CancellationTokenSource) =>
      session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: draftUri() }, position: positionOf(DRAFT, 'Putin suggested', 1), context: { includeDeclaration: true } }, token?.token) as Promise<unknown>;
    const wholeSearch = await search();
    const wholeReferences = await referencesOfPutin();
    assert.ok(Array.isArray(wholeSearch) && wholeSearch.length > 0 && Array.isArray(wholeReferences) && wholeReferences.length > 0);
    // Cancelled at once: the server either never ran them (RequestCancelled, or the empty answer of a
    // cancelled handler) or had already answered in full; never a failure or half an answer.
    const cancelled = [search, referencesOfPutin, search, referencesOfPutin].map((request) => {
      const token = new CancellationTokenSource();
      const pending = request(token).then((result) => result, (error: unknown) => error);
      token.cancel();
      return pending;
    });
    const outcomes = await Promise.all(cancelled);
    outcomes.forEach((outcome, i) => {
      if (outcome instanceof ResponseError) return assert.equal(outcome.code, LSPErrorCodes.RequestCancelled, outcome.message);
      assert.ok(Array.isArray(outcome), `answer ${i}: ${JSON.stringify(outcome)}`);
      if (outcome.length > 0) assert.deepEqual(outcome, i % 2 === 0 ? wholeSearch : wholeReferences);
    });
    assert.match(await hoverAt('Putin suggested'), /\*\*Vladimir Putin\*\*/);
    assert.deepEqual(await search(), wholeSearch);
    assert.deepEqual(session.failures(), []);
  });
});
