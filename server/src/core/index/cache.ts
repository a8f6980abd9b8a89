/**
 * The persisted corpus cache: the extracted sources, so a restart does not
 * re-extract thousands of unchanged files. The host stores the string
 * wherever it likes (see node/nodeFileSystem.ts); after loading, an indexing
 * pass re-extracts only the files whose content hash changed.
 *
 * A cache written by another version of the extractors, or a corrupt one, is
 * ignored (with a reason) and the corpus is simply rebuilt.
 */
import type { ExtractedSource, LocalEntity, NumberFact, Paragraph, Problem, Quote, Role, Span } from '../model';
import type { Corpus, DeferredSource } from './corpus';
import type { SerializedSearchIndex } from './searchIndex';

/**
 * Version of the cache format *and* of what extraction produces: bump it whenever
 * the extractors change their output, so stale extractions are not reused.
 */
export const CACHE_VERSION = 7;

/*
 * Layout: a JSON array whose first line holds a small header, `[<header>\n`,
 * followed by `,<segment>` for the search index and then, per source, for its
 * text and paragraphs and for the rest of it, and the closing `]` (so the file
 * stays one valid JSON document for anyone inspecting it). The header holds,
 * per source, what the corpus keys and reports by (key, URI, path, hash,
 * problems) and the lengths of its two segments. A start parses only the
 * header: a source's text and paragraphs are parsed when the stored search
 * index is checked against them (first search) or the source is first asked
 * for, the rest (entities, quotes, numbers, title, meta, encoding) only then.
 * Parsing and expanding thousands of sources is most of what loading the whole
 * cache costs, and a start needs none of it. JSON.stringify never writes a raw
 * line break, so the first one ends the header; lengths count string characters.
 */

/** A cache document as read back: sources whose records are parsed on first use. */
export interface CacheFile {
  version: number;
  sources: DeferredSource[];
  /** How problems name each file (relative to its workspace folder), by URI. */
  displayPaths?: Record<string, string>;
  /** Size and modification time of each file when it was read, by URI (lets the next pass skip reading it). */
  stamps?: Record<string, string>;
  /**
   * Decodes the persisted search index (see `serializeSearchIndex`); undefined
   * when it is unusable. Checked against the sources when adopted.
   */
  search?: () => SerializedSearchIndex | undefined;
}

/** What the header holds per source. */
interface StoredHeader extends Pick<ExtractedSource, 'key' | 'uri' | 'path' | 'hash' | 'problems'> {
  /** Lengths of the source's two segments: text and paragraphs ({@link StoredCore}), then its {@link StoredRecord}. */
  sizes: [number, number];
}

/**
 * A source's text and paragraphs; per paragraph: start, end, number, kind
 * (index into {@link KINDS}), sentence count, then start and end of each sentence.
 */
type StoredCore = [text: string, paragraphs: number[]];

/** The fields of a source that the header and its first segment hold. */
type SourceBase = Pick<ExtractedSource, 'key' | 'uri' | 'path' | 'hash' | 'text' | 'paragraphs' | 'problems'>;

/**
 * A source's record: what is cheap to recompute is left out. Mentions are flat
 * number arrays, and the `text` of mentions, roles, quotes and numbers is
 * dropped when it is just the source's text at the item's span (it always is
 * today; the check keeps the cache right if an extractor ever normalises one).
 */
interface StoredRecord extends Omit<ExtractedSource, keyof SourceBase | 'entities' | 'quotes' | 'numbers' | 'title'> {
  entities: StoredEntity[];
  quotes: Array<WithOptionalText<Quote>>;
  numbers: Array<WithOptionalText<NumberFact>>;
  title: { text?: string; span: Span | null } | null;
}

interface StoredEntity extends Omit<LocalEntity, 'mentions' | 'roles'> {
  /** Start and end of each mention, flat. */
  mentions: number[];
  roles: Array<WithOptionalText<Role>>;
}

type WithOptionalText<T extends { text: string }> = Omit<T, 'text'> & { text?: string };

const KINDS: ReadonlyArray<Paragraph['kind']> = ['body', 'caption', 'title', 'heading'];

/** Serialises the corpus's sources (and its search index) for the cache. */
export function serializeCorpus(corpus: Corpus): string {
  const sources = corpus.sources();
  const displayPaths: Record<string, string> = {};
  const stamps: Record<string, string> = {};
  const headers: StoredHeader[] = [];
  const segments: string[] = [JSON.stringify(storeSearch(corpus.serializedSearch()))];
  for (const s of sources) {
    const shown = corpus.displayPath(s.uri);
    if (shown !== undefined && shown !== s.path) displayPaths[s.uri] = shown;
    const stamp = corpus.fileStamp(s.uri);
    if (stamp !== undefined) stamps[s.uri] = stamp;
    const core = JSON.stringify([s.text, storeParagraphs(s.paragraphs)] satisfies StoredCore);
    const record = JSON.stringify(storeRecord(s));
    segments.push(core, record);
    headers.push({ key: s.key, uri: s.uri, path: s.path, hash: s.hash, problems: s.problems, sizes: [core.length, record.length] });
  }
  const header = JSON.stringify({ version: CACHE_VERSION, sources: headers, displayPaths, stamps, searchSize: segments[0].length });
  return `[${header}\n${segments.map((r) => `,${r}`).join('')}]`;
}

/**
 * Reads a cache document; says why it cannot be used instead of throwing.
 * Only the header is checked here: a source whose record turns out broken when
 * it is built is dropped then (see `DeferredSource`) and extracted again.
 */
export function parseCache(json: string): CacheFile | { ignored: string } {
  // Anything else (an older cache, garbage) is parsed whole, to say what it is.
  const layered = json.startsWith('[');
  const newline = layered ? json.indexOf('\n') : -1;
  const headerEnd = newline < 0 ? json.length : newline;
  let data: unknown;
  try {
    data = JSON.parse(layered ? json.slice(1, headerEnd) : json);
  } catch (e) {
    return { ignored: `the cache file is not valid JSON (${e instanceof Error ? e.message : String(e)}); rebuilding the index` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  const file = data as Record<string, unknown>;
  if (file.version !== CACHE_VERSION) {
    return { ignored: `the cache was written by another version of Dossier (cache version ${String(file.version)}, expected ${CACHE_VERSION}); rebuilding the index` };
  }
  const searchSize = file.searchSize;
  if (!Array.isArray(file.sources) || newline < 0 || !isSize(searchSize)) return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  const searchEnd = newline + 2 + searchSize;
  if (searchEnd > json.length || json[newline + 1] !== ',') return { ignored: 'the cache file is truncated; rebuilding the index' };
  const sources = deferSources(file.sources, json, searchEnd);
  if (sources === 'truncated') return { ignored: 'the cache file is truncated; rebuilding the index' };
  if (!sources) return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  const search = () => loadSearch(parseOrUndefined(json.slice(newline + 2, searchEnd)));
  return { version: CACHE_VERSION, sources, displayPaths: stringRecord(file.displayPaths), stamps: stringRecord(file.stamps), search };
}

function isSize(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Fills `corpus` from a cache document (the text, or what {@link parseCache}
 * made of it). Returns how many sources were restored, or why the cache was
 * ignored (the corpus is then left unchanged). Sources are built on first use;
 * the search index is taken as stored when it fits the sources at its first
 * use; the other tables are built on first use.
 */
export function restoreCorpus(corpus: Corpus, cache: string | CacheFile): { restored: number } | { ignored: string } {
  const file = typeof cache === 'string' ? parseCache(cache) : cache;
  if ('ignored' in file) return file;
  for (const source of file.sources) {
    corpus.upsert(source, file.displayPaths?.[source.uri] ?? source.path);
    const stamp = file.stamps?.[source.uri];
    if (stamp !== undefined) corpus.setFileStamp(source.uri, stamp);
  }
  // Decoded and checked when the search table is first used (a start does not need it).
  const search = file.search;
  if (search) corpus.adoptSearchLater(search);
  return { restored: file.sources.length };
}

// ---------------------------------------------------------------- compact sources

function storeParagraphs(paragraphs: Paragraph[]): number[] {
  const flat: number[] = [];
  for (const p of paragraphs) {
    flat.push(p.start, p.end, p.number, KINDS.indexOf(p.kind), p.sentences.length);
    for (const x of p.sentences) flat.push(x.start, x.end);
  }
  return flat;
}

function storeRecord(s: ExtractedSource): StoredRecord {
  const { key: _key, uri: _uri, path: _path, hash: _hash, text: _text, paragraphs: _paragraphs, problems: _problems, ...rest } = s;
  const entities = s.entities.map((e): StoredEntity => {
    const mentions: number[] = [];
    for (const m of e.mentions) {
      // A mention whose text is not its span could not be restored from numbers: keep such an entity whole.
      if (m.text !== s.text.slice(m.start, m.end)) return e as unknown as StoredEntity;
      mentions.push(m.start, m.end);
    }
    return { ...e, mentions, roles: e.roles.map((r) => dropText(s.text, r)) };
  });
  const title = s.title && s.title.span && s.title.text === s.text.slice(s.title.span.start, s.title.span.end) ? { span: s.title.span } : s.title;
  return { ...rest, entities, quotes: s.quotes.map((q) => dropText(s.text, q)), numbers: s.numbers.map((n) => dropText(s.text, n)), title };
}

function dropText<T extends Span & { text: string }>(text: string, item: T): WithOptionalText<T> {
  if (item.text !== text.slice(item.start, item.end)) return item;
  const copy: WithOptionalText<T> = { ...item };
  delete copy.text;
  return copy;
}

/**
 * The sources of a header, deferred; null when a header entry does not have
 * the expected shape, 'truncated' when the segments (from `bodyStart`, each
 * after a comma, then the closing bracket) do not add up to the rest of `json`.
 */
function deferSources(stored: unknown[], json: string, bodyStart: number): DeferredSource[] | null | 'truncated' {
  const out: DeferredSource[] = [];
  let offset = bodyStart;
  for (const value of stored) {
    if (typeof value !== 'object' || value === null) return null;
    const h = value as Record<string, unknown>;
    if (!(typeof h.key === 'string' && typeof h.uri === 'string' && typeof h.path === 'string' && typeof h.hash === 'string'
      && Array.isArray(h.problems) && Array.isArray(h.sizes) && h.sizes.length === 2 && isSize(h.sizes[0]) && isSize(h.sizes[1]))) return null;
    const coreEnd = offset + 1 + (h.sizes[0] as number);
    const end = coreEnd + 1 + (h.sizes[1] as number);
    if (end >= json.length || json[offset] !== ',' || json[coreEnd] !== ',') return 'truncated';
    out.push(new StoredSource(h.key, h.uri, h.path, h.hash, h.problems as Problem[], json, offset + 1, coreEnd, end));
    offset = end;
  }
  return offset === json.length - 1 && json[offset] === ']' ? out : 'truncated';
}

/**
 * A source restored from the cache: its segments of the cache text are
 * parsed on first use, once (text and paragraphs, then the rest).
 */
class StoredSource implements DeferredSource {
  private core: { text: string; paragraphs: Paragraph[] } | { error: string } | undefined;
  private built: ExtractedSource | { error: string } | undefined;

  constructor(
    readonly key: string,
    readonly uri: string,
    readonly path: string,
    readonly hash: string,
    readonly problems: Problem[],
    private readonly json: string,
    private readonly coreStart: number,
    private readonly coreEnd: number,
    private readonly end: number,
  ) {}

  /** The source's text; empty when its stored segment is unusable (building it then reports why). */
  get text(): string {
    const core = this.loadCore();
    return 'error' in core ? '' : core.text;
  }

  /** The source's paragraphs; none when its stored segment is unusable. */
  get paragraphs(): Paragraph[] {
    const core = this.loadCore();
    return 'error' in core ? [] : core.paragraphs;
  }

  materialize(): ExtractedSource | { error: string } {
    if (!this.built) {
      const core = this.loadCore();
      const base = 'error' in core ? core : { key: this.key, uri: this.uri, path: this.path, hash: this.hash, problems: this.problems, ...core };
      this.built = 'error' in base ? base : buildSource(base, this.json.slice(this.coreEnd + 1, this.end));
    }
    return this.built;
  }

  private loadCore(): { text: string; paragraphs: Paragraph[] } | { error: string } {
    if (!this.core) {
      const value = parseOrUndefined(this.json.slice(this.coreStart, this.coreEnd));
      const [text, flat] = Array.isArray(value) ? (value as unknown[]) : [];
      const paragraphs = typeof text === 'string' && isNumberArray(flat) ? loadParagraphs(flat, text.length) : null;
      this.core = typeof text === 'string' && paragraphs ? { text, paragraphs } : { error: 'its text and paragraphs are unreadable' };
    }
    return this.core;
  }
}

/** The full source from its base fields and its record, or why the record is unusable. */
function buildSource(base: SourceBase, record: string): ExtractedSource | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(record);
  } catch (e) {
    return { error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    return loadRecord(base, value) ?? { error: 'unexpected shape' };
  } catch (e) {
    // A hand-edited record can break the shape anywhere.
    return { error: `unexpected shape: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Expands a parsed record in place (it is ours, and copying it would cost as much as parsing). */
function loadRecord(base: SourceBase, value: unknown): ExtractedSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (!((s.encoding === 'utf-8' || s.encoding === 'windows-1252') && typeof s.meta === 'object' && s.meta !== null
    && Array.isArray(s.entities) && Array.isArray(s.quotes) && Array.isArray(s.numbers))) return null;
  const text = base.text;
  for (const e of s.entities as Array<Record<string, unknown>>) {
    if (typeof e !== 'object' || e === null || typeof e.name !== 'string' || !Array.isArray(e.mentions) || !Array.isArray(e.roles)) return null;
    if (isNumberArray(e.mentions)) e.mentions = loadMentions(e.mentions, text);
    for (const r of e.roles as unknown[]) withText(text, r);
  }
  for (const q of s.quotes) withText(text, q);
  for (const n of s.numbers) withText(text, n);
  const title = s.title as StoredRecord['title'] | undefined;
  if (title === undefined) s.title = null;
  else if (title !== null && typeof title.text !== 'string') {
    if (!title.span) return null;
    s.title = { text: text.slice(title.span.start, title.span.end), span: title.span };
  }
  return Object.assign(s, base) as unknown as ExtractedSource;
}

function loadParagraphs(flat: number[], length: number): Paragraph[] | null {
  const out: Paragraph[] = [];
  let i = 0;
  while (i < flat.length) {
    const [start, end, number, kind, count] = [flat[i], flat[i + 1], flat[i + 2], KINDS[flat[i + 3]], flat[i + 4]];
    i += 5;
    if (kind === undefined || !(start <= end && end <= length) || i + 2 * count > flat.length) return null;
    const sentences: Span[] = new Array<Span>(count);
    for (let k = 0; k < count; k++, i += 2) sentences[k] = { start: flat[i], end: flat[i + 1] };
    out.push({ start, end, number, kind, sentences });
  }
  return out;
}

function loadMentions(flat: number[], text: string): LocalEntity['mentions'] {
  if (flat.length % 2 !== 0) throw new Error('odd mention list');
  const out: LocalEntity['mentions'] = new Array(flat.length / 2);
  for (let i = 0; i < flat.length; i += 2) out[i / 2] = { start: flat[i], end: flat[i + 1], text: text.slice(flat[i], flat[i + 1]) };
  return out;
}

/** Puts back, in place, the `text` of an item stored without it (the source's text at its span). */
function withText(text: string, item: unknown): void {
  if (typeof item !== 'object' || item === null) throw new Error('not an object');
  const o = item as Record<string, unknown>;
  if (typeof o.text === 'string') return;
  if (typeof o.start !== 'number' || typeof o.end !== 'number') throw new Error('no span');
  o.text = text.slice(o.start, o.end);
}

// ---------------------------------------------------------------- search index

/*
 * The search index's word list (one term id per word of the corpus, about a
 * million numbers for 5 MB of text) is the bulk of its persisted form. As a
 * JSON array of numbers it is the slowest part of the file to parse; as a
 * string of characters, one to three per id, it parses at the speed of a
 * string copy. The characters are ASCII that JSON does not escape, so the
 * header stays a one-byte string when the texts are Latin-1 (a single wider
 * character makes V8 store, decode and parse the whole header as two-byte,
 * which costs more than the longer digit string). An id is written most
 * significant digit first: its last digit is '#' + (id mod 57) (up to '['),
 * each earlier one, base 34, ']' + d (up to '~'); neither range holds '"' or '\\'.
 */
const LAST_DIGIT = 0x23;
const LAST_BASE = 0x5b - LAST_DIGIT + 1;
const EARLIER_DIGIT = 0x5d;
const EARLIER_BASE = 0x7e - EARLIER_DIGIT + 1;

function storeSearch(index: SerializedSearchIndex): unknown {
  const { tokens, ...rest } = index;
  const chars: string[] = [];
  let chunk: number[] = [];
  const digits: number[] = [];
  for (const id of tokens) {
    digits.length = 0;
    digits.push(LAST_DIGIT + (id % LAST_BASE));
    for (let v = Math.floor(id / LAST_BASE); v > 0; v = Math.floor(v / EARLIER_BASE)) digits.push(EARLIER_DIGIT + (v % EARLIER_BASE));
    for (let k = digits.length - 1; k >= 0; k--) chunk.push(digits[k]);
    if (chunk.length >= 4096) {
      chars.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  chars.push(String.fromCharCode(...chunk));
  return { ...rest, tokensText: chars.join('') };
}

/** The search index as `deserializeSearchIndex` reads it, or undefined when the stored one is unusable. */
function loadSearch(value: unknown): SerializedSearchIndex | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { tokensText, ...rest } = value as Record<string, unknown>;
  if (typeof tokensText !== 'string') return undefined;
  const tokens: number[] = [];
  let v = 0;
  for (let i = 0; i < tokensText.length; i++) {
    const c = tokensText.charCodeAt(i);
    if (c >= EARLIER_DIGIT && c < EARLIER_DIGIT + EARLIER_BASE) v = v * EARLIER_BASE + (c - EARLIER_DIGIT);
    else if (c >= LAST_DIGIT && c < LAST_DIGIT + LAST_BASE) {
      tokens.push(v * LAST_BASE + (c - LAST_DIGIT));
      v = 0;
    } else return undefined;
  }
  // The rest is checked against the sources by deserializeSearchIndex.
  return { ...rest, tokens } as unknown as SerializedSearchIndex;
}

function isNumberArray(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const v of value) if (typeof v !== 'number') return false;
  return true;
}
