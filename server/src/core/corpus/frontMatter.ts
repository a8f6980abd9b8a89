/**
 * Optional YAML front matter at the top of a source:
 *
 * ```
 * ---
 * id: cism-moscow
 * title: CISM holds its General Assembly in Moscow
 * date: 2023-05-22
 * ---
 * ```
 *
 * The block stays in the text (offsets are into the whole file); the article body
 * starts after the closing line. Broken YAML is reported but never stops the
 * article from being indexed.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Problem, SourceMeta, Span } from '../model';

/** The result of {@link parseFrontMatter}. */
export interface FrontMatter {
  meta: SourceMeta;
  /** Offset where the article body starts: after the closing `---`, or 0 without front matter. */
  bodyStart: number;
  /** Span of the YAML between the fences, or null without front matter. */
  yamlSpan: Span | null;
  /** Where each field's value is written in the text (a plain scalar's characters), for fields read into `meta`. */
  valueSpans: Partial<Record<keyof SourceMeta, Span>>;
  problems: Problem[];
}

const META_FIELDS: ReadonlyArray<keyof SourceMeta> = ['id', 'title', 'date', 'url', 'outlet', 'author'];

/** An opening fence: `---` alone on the first line. */
const OPEN_RE = /^---[ \t]*\n/;
/** A closing fence: `---` or `...` alone on a line. */
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*$/gm;

/**
 * Finds and parses front matter at the very start of `text` (already decoded,
 * LF line ends). `path` is only used to label problems.
 */
export function parseFrontMatter(text: string, path: string): FrontMatter {
  const none: FrontMatter = { meta: {}, bodyStart: 0, yamlSpan: null, valueSpans: {}, problems: [] };
  const open = OPEN_RE.exec(text);
  if (!open) return none;
  const yamlStart = open[0].length;
  CLOSE_RE.lastIndex = yamlStart;
  const close = CLOSE_RE.exec(text);
  if (!close) {
    // A lone `---` first line can be a markdown rule; only complain when what follows reads as YAML.
    if (/^[A-Za-z_][\w-]*:/.test(text.slice(yamlStart, yamlStart + 80))) {
      return {
        ...none,
        problems: [{ path, severity: 'warning', span: { start: 0, end: 3 }, message: 'Front matter opened with "---" on line 1 is never closed: add a "---" line after it. The whole file was read as the article.' }],
      };
    }
    return none;
  }
  const yamlEnd = close.index;
  let bodyStart = close.index + close[0].length;
  if (text[bodyStart] === '\n') bodyStart++;
  const yamlSpan: Span = { start: yamlStart, end: yamlEnd };
  const result: FrontMatter = { meta: {}, bodyStart, yamlSpan, valueSpans: {}, problems: [] };

  const doc = parseDocument(text.slice(yamlStart, yamlEnd), { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    result.problems.push({
      path,
      severity: 'warning',
      span: errorSpan(text, yamlSpan, err.pos),
      message: `Front matter is not valid YAML (${firstLine(err.message)}); its fields were ignored, the article was indexed.`,
    });
    return result;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    result.problems.push({ path, severity: 'warning', span: yamlSpan, message: `Front matter could not be read: ${firstLine(String((e as Error)?.message ?? e))}` });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.problems.push({ path, severity: 'warning', span: yamlSpan, message: 'Front matter should be a list of "field: value" lines; it was ignored.' });
    return result;
  }
  const record = data as Record<string, unknown>;
  for (const field of META_FIELDS) {
    if (!(field in record)) continue;
    const value = scalarToString(record[field], field === 'date');
    if (value === undefined) {
      result.problems.push({ path, severity: 'warning', span: yamlSpan, message: `Front matter field "${field}" should be a single value; it was ignored.` });
    } else if (value !== '') {
      result.meta[field] = value;
      const span = valueSpan(doc.contents, field, yamlStart);
      if (span) result.valueSpans[field] = span;
    }
  }
  return result;
}

/**
 * Where the value of `field` is written, in the coordinates of the whole text
 * (YAML ranges are into the block): a plain scalar's characters, or a quoted
 * one's without its quote marks. Block scalars (`>`, `|`) span several lines
 * and are not pointed at.
 */
function valueSpan(contents: unknown, field: string, yamlStart: number): Span | undefined {
  if (!isMap(contents)) return undefined;
  // The last pair wins, as in `toJS` (duplicate keys are allowed above).
  for (let i = contents.items.length - 1; i >= 0; i--) {
    const { key, value } = contents.items[i];
    if (!isScalar(key) || key.value !== field || !isScalar(value) || !value.range) continue;
    const [start, end] = value.range;
    if (value.type === 'PLAIN') return end > start ? { start: yamlStart + start, end: yamlStart + end } : undefined;
    if (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE') return end - start > 2 ? { start: yamlStart + start + 1, end: yamlStart + end - 1 } : undefined;
    return undefined;
  }
  return undefined;
}

/**
 * Where to show a YAML error: the parser's range when it has one; the rest of
 * the line when it points at a position; the whole block when it points at the
 * end (an unterminated quote or bracket, whose cause could be anywhere).
 */
function errorSpan(text: string, yaml: Span, pos: [number, number]): Span {
  const clip = (n: number) => yaml.start + Math.max(0, Math.min(n, yaml.end - yaml.start));
  const start = clip(pos[0]);
  const end = clip(pos[1]);
  if (end > start) return { start, end };
  if (start >= yaml.end) return { ...yaml };
  const lineEnd = text.indexOf('\n', start);
  return { start, end: lineEnd < 0 || lineEnd > yaml.end ? yaml.end : Math.max(lineEnd, start + 1) };
}

/** Strings as they are, numbers and booleans as written, dates as YYYY-MM-DD; undefined for lists and maps. */
function scalarToString(value: unknown, isDate: boolean): string | undefined {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    // "2023-05-22T10:00:00Z" → the day, so dates compare the same however they were written.
    if (isDate && /^\d{4}-\d{2}-\d{2}[T ]/.test(trimmed)) return trimmed.slice(0, 10);
    return trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
