/**
 * The per-source pipeline: bytes → decoded text → front matter → citation key →
 * structure (title, captions, paragraphs) → entities → quotes → numbers.
 *
 * Each step after decoding is guarded: a failure in one extractor on an odd
 * article is reported as a problem of that file and the rest of the article is
 * still indexed, so one bad file never takes the corpus down.
 */
import type { ExtractedSource, LocalEntity, NumberFact, Problem, Quote } from '../model';
import { extractEntities } from '../extract/entities';
import { extractNumbers } from '../extract/numbers';
import { extractQuotes } from '../extract/quotes';
import { splitStructure } from '../text/structure';
import { contentHash } from './contentHash';
import { decodeSource, DEFAULT_MAX_FILE_SIZE_KB } from './decode';
import { parseFrontMatter } from './frontMatter';
import { sourceKey } from './sourceKey';

/** One source file to extract. */
export interface SourceInput {
  /** URI of the file (opaque to the core). */
  uri: string;
  /** Path relative to the sources root, `/`-separated, with extension; the key derives from it. */
  path: string;
  bytes: Uint8Array;
  /** Path shown in problems (relative to the workspace folder); defaults to `path`. */
  displayPath?: string;
  /** Hash of `bytes` when the caller already computed it with {@link contentHash}. */
  hash?: string;
  /** Files larger than this are skipped. Default 1024. */
  maxFileSizeKB?: number;
}

/** Extracts everything Dossier knows about one source, or says why the file was skipped. Never throws. */
export function extractSource(input: SourceInput): ExtractedSource | { skipped: Problem } {
  const shownPath = input.displayPath ?? input.path;
  const decoded = decodeSource(input.bytes, { maxFileSizeKB: input.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB });
  if ('skipped' in decoded) {
    return { skipped: { path: shownPath, uri: input.uri, severity: 'warning', message: `Skipped: ${decoded.skipped}.` } };
  }
  const { text, encoding } = decoded;
  const problems: Problem[] = [];

  const front = parseFrontMatter(text, shownPath);
  problems.push(...front.problems.map((p) => ({ ...p, uri: input.uri })));
  const { key, invalid } = sourceKey(front.meta.id, input.path);
  if (invalid) {
    problems.push({
      path: shownPath,
      uri: input.uri,
      severity: 'warning',
      span: front.meta.id !== undefined && front.yamlSpan ? front.yamlSpan : undefined,
      message: `${invalid}, so a draft cannot cite it as [@${key}]. ${front.meta.id !== undefined ? 'Change the id' : 'Rename the file or give it an "id:" in front matter'}.`,
    });
  }

  const markdown = /\.(md|markdown)$/i.test(input.path);
  const structure = splitStructure(text, { bodyStart: front.bodyStart, markdown });
  const paragraphs = structure.paragraphs;
  let title: ExtractedSource['title'] = null;
  if (front.meta.title) title = { text: front.meta.title, span: front.valueSpans.title ?? null };
  else if (structure.titleSpan) title = { text: text.slice(structure.titleSpan.start, structure.titleSpan.end), span: structure.titleSpan };

  const guarded = <T>(what: string, run: () => T[]): T[] => {
    try {
      return run();
    } catch (e) {
      problems.push({ path: shownPath, uri: input.uri, severity: 'error', message: `Could not extract ${what} (internal error: ${errorMessage(e)}); the rest of the article is indexed.` });
      return [];
    }
  };
  const entities = guarded<LocalEntity>('names', () => extractEntities(text, paragraphs));
  const quotes = guarded<Quote>('quotes', () => extractQuotes(text, paragraphs, entities));
  const numbers = guarded<NumberFact>('numbers', () => extractNumbers(text, paragraphs));

  return {
    key,
    uri: input.uri,
    path: input.path,
    hash: input.hash ?? contentHash(input.bytes),
    text,
    encoding,
    meta: front.meta,
    title,
    paragraphs,
    entities,
    quotes,
    numbers,
    problems,
  };
}

const utf8 = new TextEncoder();

/**
 * A source from a string, for tests and fixtures: `path` decides the key and
 * whether it is markdown; the URI is `mem:///<path>`. Throws when the text would
 * be skipped (e.g. it contains NUL characters), since a fixture should never be.
 */
export function extractFromText(text: string, path = 'source.txt'): ExtractedSource {
  const result = extractSource({ uri: `mem:///${path}`, path, bytes: utf8.encode(text), maxFileSizeKB: Number.POSITIVE_INFINITY });
  if ('skipped' in result) throw new Error(`${path}: ${result.skipped.message}`);
  return result;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
