/**
 * What a `dossier` subcommand may touch: the working folder and the two output
 * streams. Subcommands take it as a parameter (and return an exit code) so they
 * run in tests without spawning a process.
 */

/** Output streams and working folder of a command-line run. */
export interface CliIO {
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** Writes to standard output (the caller adds newlines). */
  stdout: (s: string) => void;
  /** Writes to standard error (the caller adds newlines). */
  stderr: (s: string) => void;
}

/** Exit code for a command line that could not be understood or a folder that does not exist. */
export const EXIT_USAGE = 2;
