// Bundles the extension-host suite (test/e2e/suite/*.ts) into one CommonJS file.
// `vscode` is provided by the extension host; mocha is resolved from the
// repository's node_modules at run time (the bundle lives inside the repository).
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

/** Builds test/.cache/e2e-suite.js and returns its absolute path. */
export async function bundleSuite() {
  const outfile = path.join(repoRoot, 'test/.cache/e2e-suite.js');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test/e2e/suite/index.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outfile;
}
