/**
 * `dossier search`: full-text search over the sources from the command line,
 * printing ranked passages as `key:line: snippet` (or JSON).
 */
import type { Corpus } from '../../core/index/corpus';
import { lineOf } from './inspect';
import { COMMON_OPTIONS_USAGE, parseCommand, usageError } from './args';
import { EXIT_USAGE, type CliIO } from './io';
import { cachePath, loadCorpus, locateSources } from './sources';

/** Usage of `dossier search`. */
export const SEARCH_USAGE = `Usage: dossier search [--sources <dir>] [--limit N] [--format text|json] [--cache <file>] [--max-file-size <KB>] "<query>"

Searches the source articles; prints the best passages as key:line: snippet.
Query syntax: words (all ranked), "exact phrase", prefix*.
  --sources <dir>        folder of source articles; default: sources/ under the current folder
  --limit N              number of passages (default 10)
  --format <fmt>         text (default) or json
  --cache <file>         keep the extracted index in <file> and reuse it next time
${COMMON_OPTIONS_USAGE}`;

/** One result line. */
export interface SearchResult {
  key: string;
  path: string;
  /** 1-based line of the passage start. */
  line: number;
  /** 1-based body paragraph number (for `[@key, para N]`), 0 for titles and captions. */
  para: number;
  score: number;
  snippet: string;
}

/** Runs `dossier search` with the arguments after the subcommand; returns the exit code. */
export async function runSearch(argv: string[], io: CliIO): Promise<number> {
  const spec = {
    name: 'search', usage: SEARCH_USAGE, positionals: true, formats: ['text', 'json'] as const,
    options: { sources: { type: 'string' }, cache: { type: 'string' }, limit: { type: 'string' } } as const,
  };
  const parsed = parseCommand(spec, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values, positionals, format, maxFileSizeKB } = parsed;
  const query = positionals.join(' ').trim();
  if (query === '') return usageError(io, spec, 'no query given').exitCode;
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usageError(io, spec, `--limit must be a positive whole number, not "${values.limit}"`).exitCode;
  const location = locateSources(io, values.sources);
  if ('error' in location) {
    io.stderr(`dossier search: ${location.error}\n`);
    return EXIT_USAGE;
  }
  const { corpus } = await loadCorpus(location, { cachePath: cachePath(io, values.cache), maxFileSizeKB, warn: (m) => io.stderr(`dossier search: ${m}\n`) });
  const results = searchCorpus(corpus, query, limit);
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ version: 1, query, results }, null, 2)}\n`);
  } else if (results.length === 0) {
    io.stdout(`No passage matches ${JSON.stringify(query)}.\n`);
  } else {
    io.stdout(results.map((r) => `${r.key}:${r.line}: ${r.snippet.replace(/\s+/g, ' ')}`).join('\n') + '\n');
  }
  return 0;
}

/** Ranked passages for a query, with the line each starts on. */
export function searchCorpus(corpus: Corpus, query: string, limit: number): SearchResult[] {
  const out: SearchResult[] = [];
  for (const hit of corpus.search.search(query, { limit })) {
    const source = corpus.get(hit.key);
    if (!source) continue;
    out.push({ key: hit.key, path: source.path, line: lineOf(source, hit.start), para: source.paragraphs[hit.paragraph]?.number ?? 0, score: hit.score, snippet: hit.snippet });
  }
  return out;
}
