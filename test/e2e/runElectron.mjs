// `npm run test:vscode`: the extension-host suite (test/e2e/suite) in desktop VS Code,
// downloaded by @vscode/test-electron. Needs network access to update.code.visualstudio.com
// and a display (or xvfb-run); on this project's CI machine use `npm run test:e2e`
// (code-server) instead, which runs the same suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundleSuite.mjs';
import { assertBuilt, repoRoot } from './codeServer.mjs';

async function main() {
  assertBuilt();
  const extensionTestsPath = await bundleSuite();
  // A scratch copy: the suite applies quick fixes and writes a source file.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
  fs.cpSync(path.join(repoRoot, 'examples/newsroom'), workspace, { recursive: true, filter: (s) => !s.includes('.dossier-cache') });
  const settingsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-user-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${settingsDir}`,
      ],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(settingsDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`test:vscode: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
