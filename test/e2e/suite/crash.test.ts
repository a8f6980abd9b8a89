/**
 * The client restarts a crashed server and says so: the real server process
 * is killed (found through /proc as this extension host's child running
 * dist/server.js), then the test waits for a new process, a working hover
 * and the message in the "Dossier" output. Runs last: it restarts the server.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { dossier, hoverText, openDraft, poll, positionOf } from './helpers';

/** The test-only command of client/src/e2eHook.ts that answers the text of the "Dossier" output. */
const OUTPUT_TEXT_COMMAND = 'dossier.e2e.outputText';

/** Pids of the processes started by this extension host that run Dossier's server. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, ...
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').some((arg) => arg.endsWith('dist/server.js'))) pids.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return pids;
}

describe('Server crash', function () {
  it('restarts the killed server with a message, and hover works again', async function () {
    // The server process is found through /proc.
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    const api = await dossier();
    const document = (await openDraft()).document;
    const berg = positionOf(document, 'Berg said [@berg-inspection].', 1);
    const hoverMatches = (expectation: RegExp) => async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, berg);
      return expectation.test(hoverText(hovers ?? [])) ? true : undefined;
    };
    await poll('a hover on "Berg" before the crash', hoverMatches(/Anna Berg/));

    const [crashed, ...others] = serverPids();
    assert.ok(crashed, 'no dist/server.js process among the extension host children');
    assert.deepEqual(others, [], 'one server process');
    process.kill(crashed, 'SIGKILL');

    const restarted = await poll('a new server process', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== crashed ? pids[0] : undefined;
    }, 30_000);
    assert.notEqual(restarted, crashed);
    await poll('a hover on "Berg" from the restarted server', hoverMatches(/Anna Berg/), 60_000);
    await poll('the restarted server to report a ready index', () => (api.status()?.state === 'ready' && api.status()?.indexed === 3 ? true : undefined));

    const output = await vscode.commands.executeCommand<string>(OUTPUT_TEXT_COMMAND);
    assert.match(output, /Server process exited with signal SIGKILL/);
    assert.match(output, /\[client\] the language server stopped unexpectedly; restarting/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
