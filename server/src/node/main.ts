/**
 * Entry point of the language server: `node dist/server.js --stdio` (or
 * `--node-ipc` when VS Code's client starts it; createConnection reads the
 * transport from the command line).
 */
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { createParallelExtractor } from './parallelExtractor';
import { cacheFilePath, NodeFileSystem, readCacheFile, writeCacheFile, yieldToEventLoop } from './nodeFileSystem';
import { applyV8Tuning } from './v8Tuning';

applyV8Tuning();
const connection = createConnection(ProposedFeatures.all);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (() => void) | undefined;

/** The local path of a folder URI, or undefined for other schemes (no cache there). */
function localPath(folderUri: string): string | undefined {
  try {
    return folderUri.startsWith('file:') ? fileURLToPath(folderUri) : undefined;
  } catch {
    return undefined;
  }
}

// Extraction runs in worker threads so that a full index never stalls requests.
const extractor = createParallelExtractor();

startServer(connection, {
  fileSystem: new NodeFileSystem(),
  extract: extractor?.extract,
  yieldNow: yieldToEventLoop,
  afterIndex: () => collectGarbage?.(),
  async readCache(folderUri, cacheDir) {
    const path = localPath(folderUri);
    return path ? (await readCacheFile(cacheFilePath(path, cacheDir))) ?? undefined : undefined;
  },
  async writeCache(folderUri, cacheDir, data) {
    const path = localPath(folderUri);
    if (path) await writeCacheFile(cacheFilePath(path, cacheDir), data);
  },
});

// A bug must not kill the server mid-session: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
