/**
 * The `dossier` command line (bundled to dist/cli.js):
 *   dossier inspect  — what was extracted from each source
 *   dossier search   — full-text search over the sources
 *   dossier check    — claim-citation checks of drafts, for CI
 */
import { runCheck } from './cli/check';
import { runInspect } from './cli/inspect';
import { EXIT_USAGE, type CliIO } from './cli/io';
import { runSearch } from './cli/search';
import { applyV8Tuning } from './v8Tuning';

/** Top-level usage. */
export const USAGE = `Usage: dossier <command> [options]

Commands:
  inspect [--sources <dir>] [--format text|json]     what was extracted from each source
  search  [--sources <dir>] [--limit N] "<query>"    search the sources
  check   [options] [drafts...]                      check drafts' citations (for CI)

Run "dossier <command> --help" for a command's options (all take --max-file-size <KB>).
Without --sources, sources are read from sources/ under the current folder.
`;

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  inspect: runInspect,
  search: runSearch,
  check: runCheck,
};

/** Runs the command line `argv` (without node and script); returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`dossier: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    io.stderr(`dossier ${command}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  applyV8Tuning();
  const io: CliIO = {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  };
  // exitCode rather than exit(): lets buffered output to a pipe drain first.
  runCli(process.argv.slice(2), io).then((code) => { process.exitCode = code; });
}
