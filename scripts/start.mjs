// `npm start` (after `npm run build`): opens the example workspace in a real VS Code
// with Dossier installed. Serves code-server on 127.0.0.1 and prints its URL; when a
// desktop VS Code (`code`) is on PATH, also opens it with --extensionDevelopmentPath.
// Stops code-server on Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { assertBuilt, ensureCodeServer, freePort, prepareProfile, repoRoot, startCodeServer } from '../test/e2e/codeServer.mjs';

const workspace = path.join(repoRoot, 'examples/newsroom');

function desktopCode() {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const codePath = found.status === 0 ? found.stdout.trim() : '';
  // code-server's own terminal puts a remote `code` on PATH; that one cannot load a development extension.
  return codePath && !codePath.includes('remote-cli') ? codePath : undefined;
}

async function main() {
  assertBuilt();
  const code = desktopCode();
  if (code) {
    console.log(`Opening ${workspace} in desktop VS Code (${code}) with Dossier from ${repoRoot}`);
    spawn(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'ignore', detached: true }).unref();
  }

  const entry = ensureCodeServer();
  // A profile of its own, kept between runs (window layout, settings), never the user's.
  const { extensionsDir, userDataDir } = prepareProfile(path.join(repoRoot, 'test/.cache/start'));
  const port = Number(process.env.PORT) || (await freePort());
  const server = await startCodeServer({ entry, port, extensionsDir, userDataDir, folder: workspace });

  console.log('\nDossier is running in code-server with the example workspace:');
  console.log(`\n    ${server.url}\n`);
  console.log('Open that URL in a browser, then open draft.md. Press Ctrl+C to stop.');

  const stop = () => server.child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { code: exitCode, signal } = await server.exited;
  process.exit(signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : (exitCode ?? 0));
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
