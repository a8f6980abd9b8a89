/**
 * `dossier inspect`: what Dossier extracted from each source — title, names with
 * roles and mentions, quotes with speakers, numbers — as text for people or as
 * JSON for tools and tests.
 */
import type { Corpus } from '../../core/index/corpus';
import type { IndexReport } from '../../core/index/indexer';
import type { ExtractedSource, Problem } from '../../core/model';
import { COMMON_OPTIONS_USAGE, parseCommand } from './args';
import { EXIT_USAGE, type CliIO } from './io';
import { cachePath, loadCorpus, locateSources } from './sources';

/** Usage of `dossier inspect`. */
export const INSPECT_USAGE = `Usage: dossier inspect [--sources <dir>] [--format text|json] [--cache <file>] [--max-file-size <KB>]

Shows what Dossier extracted from each source article.
  --sources <dir>        folder of source articles (*.md, *.txt, any depth);
                         default: sources/ under the current folder
  --format <fmt>         text (default) or json
  --cache <file>         keep the extracted index in <file> and reuse it next time
${COMMON_OPTIONS_USAGE}`;

/** The JSON document printed by `inspect --format json`. */
export interface InspectJson {
  version: 1;
  sources: Array<{
    key: string;
    path: string;
    title: string | null;
    entities: Array<{
      name: string;
      type: string;
      aliases: string[];
      /** `org`: the organisation or country the role belongs to, when the source states it. */
      roles: Array<{ text: string; start: number; end: number; org?: string }>;
      mentions: Array<{ start: number; end: number }>;
      /** The acronym stated for the entity ("CISM"), when there is one. */
      acronym?: string;
      /** Nationality or affiliation stated for the entity ("China"), when there is one. */
      affiliation?: string;
    }>;
    quotes: Array<{ text: string; start: number; end: number; speaker: { name: string; start: number; end: number } | null }>;
    numbers: Array<{ text: string; value: number; start: number; end: number }>;
  }>;
  problems: Array<{ path: string; message: string }>;
}

/** Runs `dossier inspect` with the arguments after the subcommand; returns the exit code. */
export async function runInspect(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand({
    name: 'inspect', usage: INSPECT_USAGE, positionals: false, formats: ['text', 'json'],
    options: { sources: { type: 'string' }, cache: { type: 'string' } },
  }, argv, io);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values, format, maxFileSizeKB } = parsed;
  const location = locateSources(io, values.sources);
  if ('error' in location) {
    io.stderr(`dossier inspect: ${location.error}\n`);
    return EXIT_USAGE;
  }
  const { corpus, report } = await loadCorpus(location, { cachePath: cachePath(io, values.cache), maxFileSizeKB, warn: (m) => io.stderr(`dossier inspect: ${m}\n`) });
  io.stdout(format === 'json' ? `${JSON.stringify(inspectJson(corpus, report), null, 2)}\n` : inspectText(corpus, report));
  return 0;
}

/** The JSON view of a corpus: exactly the fields of {@link InspectJson}, optional ones only when known. */
export function inspectJson(corpus: Corpus, report?: IndexReport): InspectJson {
  return {
    version: 1,
    sources: corpus.sources().map((s) => ({
      key: s.key,
      path: s.path,
      title: s.title?.text ?? null,
      entities: s.entities.map((e) => ({
        name: e.name,
        type: e.type,
        aliases: [...e.aliases],
        roles: e.roles.map((r) => ({ text: r.text, start: r.start, end: r.end, ...(r.org ? { org: r.org } : {}) })),
        mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
        // Optional fields come last and only when known, so tools reading the documented shape are unaffected.
        ...(e.acronym ? { acronym: e.acronym } : {}),
        ...(e.affiliation ? { affiliation: e.affiliation } : {}),
      })),
      quotes: s.quotes.map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker ? { name: q.speaker.name, start: q.speaker.start, end: q.speaker.end } : null })),
      numbers: s.numbers.map((n) => ({ text: n.text, value: n.value, start: n.start, end: n.end })),
    })),
    problems: allProblems(corpus, report).map((p) => ({ path: p.path, message: p.message })),
  };
}

/** A readable summary per source. */
export function inspectText(corpus: Corpus, report?: IndexReport): string {
  const lines: string[] = [];
  for (const s of corpus.sources()) {
    lines.push(`${s.key}  (${s.path}${s.encoding === 'utf-8' ? '' : `, ${s.encoding}`})`);
    lines.push(`  title: ${s.title ? s.title.text : '(none)'}`);
    const body = s.paragraphs.filter((p) => p.kind === 'body').length;
    const captions = s.paragraphs.filter((p) => p.kind === 'caption').length;
    lines.push(`  paragraphs: ${body}${captions ? `, captions: ${captions}` : ''}`);
    if (s.entities.length > 0) {
      lines.push(`  names (${s.entities.length}):`);
      for (const e of [...s.entities].sort((a, b) => b.mentions.length - a.mentions.length)) {
        const extra = [e.aliases.length ? `also ${e.aliases.join(', ')}` : '', e.roles.length ? `roles: ${[...new Set(e.roles.map((r) => r.text))].join('; ')}` : ''].filter(Boolean).join(' — ');
        lines.push(`    ${e.name} [${e.type}] ×${e.mentions.length}${extra ? ` — ${extra}` : ''}`);
      }
    }
    if (s.quotes.length > 0) {
      lines.push(`  quotes (${s.quotes.length}):`);
      for (const q of s.quotes) lines.push(`    ${lineOf(s, q.start)}: ${q.speaker ? q.speaker.name : '(unattributed)'}: “${clip(q.text, 100)}”`);
    }
    if (s.numbers.length > 0) {
      lines.push(`  numbers (${s.numbers.length}): ${s.numbers.map((n) => n.text).join(', ')}`);
    }
    lines.push('');
  }
  const problems = allProblems(corpus, report);
  lines.push(`${corpus.sources().length} source(s), ${problems.length} problem(s)`);
  for (const p of problems) lines.push(`  ${p.path}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}

function allProblems(corpus: Corpus, report?: IndexReport): Problem[] {
  return [...corpus.problems(), ...(report?.problems ?? [])];
}

/** 1-based line number of an offset. */
export function lineOf(source: ExtractedSource, offset: number): number {
  let line = 1;
  for (let i = source.text.indexOf('\n'); i >= 0 && i < offset; i = source.text.indexOf('\n', i + 1)) line++;
  return line;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
