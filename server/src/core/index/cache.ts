/**
 * The persisted corpus cache: the extracted sources as JSON, so a restart does
 * not re-extract thousands of unchanged files. The host stores the string
 * wherever it likes (see node/nodeFileSystem.ts); after loading, an indexing
 * pass re-extracts only the files whose content hash changed.
 *
 * A cache written by another version of the extractors, or a corrupt one, is
 * ignored (with a reason) and the corpus is simply rebuilt.
 */
import type { ExtractedSource, LocalEntity, NumberFact, Paragraph, Quote, Role, Span } from '../model';
import type { Corpus } from './corpus';
import type { SerializedSearchIndex } from './searchIndex';

/**
 * Version of the cache format *and* of what extraction produces: bump it whenever
 * the extractors change their output, so stale extractions are not reused.
 */
export const CACHE_VERSION = 3;

/** A cache document as read back: the sources in their usual shape. */
export interface CacheFile {
  version: number;
  sources: ExtractedSource[];
  /** How problems name each file (relative to its workspace folder), by URI. */
  displayPaths?: Record<string, string>;
  /** Size and modification time of each file when it was read, by URI (lets the next pass skip reading it). */
  stamps?: Record<string, string>;
  /** The persisted search index (see `serializeSearchIndex`); checked against the sources when restored. */
  search?: unknown;
}

/**
 * A source as stored: what is cheap to recompute is left out, because parsing
 * a big JSON document costs more than rebuilding a few strings and the file is
 * read on every start. Paragraphs and mentions are flat number arrays, and the
 * `text` of mentions, roles, quotes and numbers is dropped when it is just the
 * source's text at the item's span (it always is today; the check keeps the
 * cache right if an extractor ever normalises one).
 */
interface StoredSource extends Omit<ExtractedSource, 'paragraphs' | 'entities' | 'quotes' | 'numbers' | 'title'> {
  /** Per paragraph: start, end, number, kind (index into {@link KINDS}), sentence count, then start and end of each sentence. */
  paragraphs: number[];
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
  for (const s of sources) {
    const shown = corpus.displayPath(s.uri);
    if (shown !== undefined && shown !== s.path) displayPaths[s.uri] = shown;
    const stamp = corpus.fileStamp(s.uri);
    if (stamp !== undefined) stamps[s.uri] = stamp;
  }
  return JSON.stringify({ version: CACHE_VERSION, sources: sources.map(storeSource), displayPaths, stamps, search: storeSearch(corpus.serializedSearch()) });
}

/** Reads a cache document; says why it cannot be used instead of throwing. */
export function parseCache(json: string): CacheFile | { ignored: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ignored: `the cache file is not valid JSON (${e instanceof Error ? e.message : String(e)}); rebuilding the index` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  const file = data as Record<string, unknown>;
  if (file.version !== CACHE_VERSION) {
    return { ignored: `the cache was written by another version of Dossier (cache version ${String(file.version)}, expected ${CACHE_VERSION}); rebuilding the index` };
  }
  const sources = Array.isArray(file.sources) ? loadSources(file.sources) : null;
  if (!sources) return { ignored: 'the cache file has an unexpected shape; rebuilding the index' };
  return { version: CACHE_VERSION, sources, displayPaths: stringRecord(file.displayPaths), stamps: stringRecord(file.stamps), search: loadSearch(file.search) };
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Fills `corpus` from a cache document (the JSON, or what {@link parseCache}
 * made of it). Returns how many sources were restored, or why the cache was
 * ignored (the corpus is then left unchanged). The search index is taken as
 * stored when it fits the sources; the other tables are built on first use.
 */
export function restoreCorpus(corpus: Corpus, cache: string | CacheFile): { restored: number } | { ignored: string } {
  const file = typeof cache === 'string' ? parseCache(cache) : cache;
  if ('ignored' in file) return file;
  for (const source of file.sources) {
    corpus.upsert(source, file.displayPaths?.[source.uri] ?? source.path);
    const stamp = file.stamps?.[source.uri];
    if (stamp !== undefined) corpus.setFileStamp(source.uri, stamp);
  }
  if (file.search !== undefined) corpus.adoptSearch(file.search);
  return { restored: file.sources.length };
}

// ---------------------------------------------------------------- compact sources

function storeSource(s: ExtractedSource): StoredSource {
  const paragraphs: number[] = [];
  for (const p of s.paragraphs) {
    paragraphs.push(p.start, p.end, p.number, KINDS.indexOf(p.kind), p.sentences.length);
    for (const x of p.sentences) paragraphs.push(x.start, x.end);
  }
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
  return { ...s, paragraphs, entities, quotes: s.quotes.map((q) => dropText(s.text, q)), numbers: s.numbers.map((n) => dropText(s.text, n)), title };
}

function dropText<T extends Span & { text: string }>(text: string, item: T): WithOptionalText<T> {
  if (item.text !== text.slice(item.start, item.end)) return item;
  const copy: WithOptionalText<T> = { ...item };
  delete copy.text;
  return copy;
}

/** The stored sources in their usual shape, or null when any does not have the expected shape. */
function loadSources(stored: unknown[]): ExtractedSource[] | null {
  const out: ExtractedSource[] = [];
  try {
    for (const value of stored) {
      const source = loadSource(value);
      if (!source) return null;
      out.push(source);
    }
  } catch {
    // A hand-edited or truncated cache can break the shape anywhere: it is just not used.
    return null;
  }
  return out;
}

/** Restores one stored source in place (the parsed JSON is ours, and copying it would cost as much as parsing). */
function loadSource(value: unknown): ExtractedSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (!(typeof s.key === 'string' && typeof s.uri === 'string' && typeof s.path === 'string' && typeof s.hash === 'string'
    && typeof s.text === 'string' && (s.encoding === 'utf-8' || s.encoding === 'windows-1252')
    && typeof s.meta === 'object' && s.meta !== null
    && isNumberArray(s.paragraphs) && Array.isArray(s.entities) && Array.isArray(s.quotes) && Array.isArray(s.numbers) && Array.isArray(s.problems))) return null;
  const text = s.text;
  const paragraphs = loadParagraphs(s.paragraphs, text.length);
  if (!paragraphs) return null;
  s.paragraphs = paragraphs;
  for (const e of s.entities as Array<Record<string, unknown>>) {
    if (typeof e !== 'object' || e === null || typeof e.name !== 'string' || !Array.isArray(e.mentions) || !Array.isArray(e.roles)) return null;
    if (isNumberArray(e.mentions)) e.mentions = loadMentions(e.mentions, text);
    for (const r of e.roles as unknown[]) withText(text, r);
  }
  for (const q of s.quotes) withText(text, q);
  for (const n of s.numbers) withText(text, n);
  const title = s.title as StoredSource['title'] | undefined;
  if (title === undefined) s.title = null;
  else if (title !== null && typeof title.text !== 'string') {
    if (!title.span) return null;
    s.title = { text: text.slice(title.span.start, title.span.end), span: title.span };
  }
  return s as unknown as ExtractedSource;
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
 * string of characters, one or two per id, it parses at the speed of a string
 * copy. Ids are written in base 2^14, most significant digit first: the last
 * digit of an id is U+0100 + d, any earlier digit U+4100 + d. Both ranges are
 * below the surrogates and above the characters JSON escapes, so the string is
 * stored as it is.
 */
const DIGIT_BITS = 14;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const LAST_DIGIT = 0x100;
const EARLIER_DIGIT = LAST_DIGIT + (1 << DIGIT_BITS);

function storeSearch(index: SerializedSearchIndex): unknown {
  const { tokens, ...rest } = index;
  const chars: string[] = [];
  let chunk: number[] = [];
  const digits: number[] = [];
  for (const id of tokens) {
    let v = id;
    digits.length = 0;
    digits.push(LAST_DIGIT + (v & DIGIT_MASK));
    for (v >>>= DIGIT_BITS; v > 0; v >>>= DIGIT_BITS) digits.push(EARLIER_DIGIT + (v & DIGIT_MASK));
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
    if (c >= EARLIER_DIGIT && c < EARLIER_DIGIT + (1 << DIGIT_BITS)) v = (v << DIGIT_BITS) | (c - EARLIER_DIGIT);
    else if (c >= LAST_DIGIT && c < EARLIER_DIGIT) {
      tokens.push((v << DIGIT_BITS) | (c - LAST_DIGIT));
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
