import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionRequest, HoverRequest, type Hover, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
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
});
