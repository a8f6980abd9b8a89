/**
 * Where the benchmarks find the repository and the shared corpora, whether they
 * run from bench/ under tsx or bundled into out/bench/ (`npm run bench`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder above this script holding esbuild.js. */
export const REPO = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'esbuild.js'))) return dir;
    if (dirname(dir) === dir) return resolve(__dirname, '..');
  }
})();

/** The BBC corpus in ../shared beside the repository. */
export const BBC = resolve(REPO, '../shared/corpora/bbc');

/** The built worker script the server and the CLI extract with (dist/, from `npm run build`). */
export const BUILT_WORKER = join(REPO, 'dist/extractWorker.js');

/** The built language server. */
export const BUILT_SERVER = join(REPO, 'dist/server.js');
