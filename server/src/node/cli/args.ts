/**
 * Argument parsing shared by the `dossier` subcommands: strict options, the
 * `--help` answer, `--format` and `--max-file-size` validation, and one way
 * of saying "bad usage" (message and usage on stderr, exit status 2), so the
 * subcommands only state what they accept.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../core/corpus/decode';
import { EXIT_USAGE, type CliIO } from './io';

/** Usage lines of the options every subcommand accepts. */
export const COMMON_OPTIONS_USAGE = `  --max-file-size <KB>   skip (and report) sources larger than this (default ${DEFAULT_MAX_FILE_SIZE_KB})
  -h, --help             show this help
`;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What a subcommand accepts. */
export interface CommandSpec<O extends OptionsConfig> {
  /** Subcommand name, used in messages ("dossier check: ..."). */
  name: string;
  /** Full usage text, printed for `--help` and after a usage error. */
  usage: string;
  /** The subcommand's own options; `--help`/`-h`, `--format` and `--max-file-size` are added here. */
  options: O;
  /** Whether words that are not options are accepted (drafts, the search query). */
  positionals: boolean;
  /** Accepted `--format` values, the first being the default. */
  formats: readonly [string, ...string[]];
}

/** Options every subcommand accepts, whatever its own. */
const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  'max-file-size': { type: 'string' },
} as const satisfies OptionsConfig;

/** Parsed values of a subcommand's own options (strings, booleans or repeated strings). */
export type OptionValues<O extends OptionsConfig> = {
  [K in keyof O]?: O[K] extends { multiple: true } ? string[] : O[K] extends { type: 'boolean' } ? boolean : string;
};

/** A command line understood: option values, positionals and the validated common options. */
export interface ParsedCommand<O extends OptionsConfig> {
  values: OptionValues<O>;
  positionals: string[];
  /** The `--format` value, one of the spec's formats. */
  format: string;
  /** `--max-file-size <KB>`: sources larger than this are skipped with a problem; the indexer's default when absent. */
  maxFileSizeKB: number | undefined;
}

/** The command line could not be used: what to exit with (usage or help has been printed). */
export interface CommandExit {
  exitCode: number;
}

/**
 * Parses a subcommand's arguments. `--help` prints the usage on stdout and
 * ends the run successfully; an unknown option, a missing value or a bad
 * `--format`/`--max-file-size` prints the reason and the usage on stderr and
 * ends it with exit status 2.
 */
export function parseCommand<O extends OptionsConfig>(spec: CommandSpec<O>, argv: string[], io: CliIO): ParsedCommand<O> | CommandExit {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...spec.options, ...COMMON_OPTIONS }, strict: true, allowPositionals: spec.positionals });
  } catch (e) {
    return usageError(io, spec, (e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(spec.usage);
    return { exitCode: 0 };
  }
  const format = typeof values.format === 'string' ? values.format : spec.formats[0];
  if (!spec.formats.includes(format)) {
    return usageError(io, spec, `unknown format "${format}" (use ${listWords(spec.formats)})`);
  }
  const sizeOption = values['max-file-size'];
  let maxFileSizeKB: number | undefined;
  if (typeof sizeOption === 'string') {
    maxFileSizeKB = Number(sizeOption);
    if (sizeOption.trim() === '' || !Number.isFinite(maxFileSizeKB) || maxFileSizeKB <= 0) {
      return usageError(io, spec, `--max-file-size must be a positive number of kilobytes, not "${sizeOption}"`);
    }
  }
  return { values: values as OptionValues<O>, positionals, format, maxFileSizeKB };
}

/** Prints `dossier <name>: <message>`, a blank line and the usage on stderr; exit status 2. */
export function usageError(io: CliIO, spec: { name: string; usage: string }, message: string): CommandExit {
  io.stderr(`dossier ${spec.name}: ${message}\n\n${spec.usage}`);
  return { exitCode: EXIT_USAGE };
}

/** "text or json", "text, json or sarif". */
function listWords(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
