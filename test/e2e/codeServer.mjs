// Shared by `npm start` (scripts/start.mjs) and `npm run test:e2e` (test/e2e/run.mjs):
// install code-server once (setup-code-server.sh), give it an extensions folder
// holding this repository as the Dossier extension, and start it on loopback.
/* global fetch -- Node 20's built-in */
import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository (the extension's folder). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Installs code-server if needed and returns the path of its Node entry point. */
export function ensureCodeServer() {
  const script = path.join(repoRoot, 'test/e2e/setup-code-server.sh');
  let stdout;
  try {
    stdout = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (error) {
    throw new Error(`installing code-server failed (${script} exited with ${error.status}); see the messages above`);
  }
  const entry = stdout.trim().split('\n').pop();
  if (!entry || !fs.existsSync(entry)) throw new Error(`setup-code-server.sh printed no usable entry point (${entry})`);
  return entry;
}

/** Checks that `npm run build` produced what the extension loads. */
export function assertBuilt() {
  for (const file of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(repoRoot, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
}

/**
 * Prepares an extensions folder with this repository linked as
 * `publisher.name-version` (how VS Code finds an installed extension) and a
 * user-data folder whose settings turn off workspace trust (or the workspace
 * opens in restricted mode) and the first-run screens.
 */
export function prepareProfile(baseDir, extraSettings = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const extensionsDir = path.join(baseDir, 'extensions');
  const userDataDir = path.join(baseDir, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const link = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(repoRoot, link, 'dir');
  // A stale index of installed extensions would hide a newly linked version.
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    ...extraSettings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));
  return { extensionsDir, userDataDir };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server serving `folder` and resolves once it answers HTTP.
 * `env` is added to its environment (the extension host inherits it).
 * Returns the child process and the URL that opens the folder.
 */
export async function startCodeServer({ entry, port, extensionsDir, userDataDir, folder, env = {}, logFile }) {
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    folder,
  ];
  const log = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const outcome = await Promise.race([exited, healthy(port).then((ok) => (ok ? 'up' : undefined))]);
    if (outcome === 'up') break;
    if (outcome && typeof outcome === 'object') {
      throw new Error(`code-server exited early (code ${outcome.code}, signal ${outcome.signal})${logFile ? `; see ${logFile}` : ''}`);
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`code-server did not answer on port ${port} within 60 s${logFile ? `; see ${logFile}` : ''}`);
    }
    await sleep(200);
  }
  return { child, url, exited };
}

async function healthy(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok;
  } catch {
    return false;
  }
}
