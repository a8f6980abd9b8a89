/**
 * Contracts between the corpus and its tables. Each table is built incrementally
 * from {@link ExtractedSource}s: `add` when a source is indexed or changed
 * (after `remove` of its previous version), `remove` when it disappears.
 * Tables never read files and never mutate the sources they are given.
 */
import type { EntityType, ExtractedSource, Quote, Role, Span } from '../model';

/** A place in one source. */
export interface SourceSpan extends Span {
  /** Citation key of the source. */
  key: string;
}

/** What every table of the corpus implements. */
export interface CorpusTable {
  /** Indexes a source. Its key is not in the table (callers `remove` first). */
  add(source: ExtractedSource): void;
  /** Forgets everything the source with this key contributed. No-op when absent. */
  remove(key: string): void;
}

// ---------------------------------------------------------------- entities

/** A role of an entity, with the source that states it. */
export interface SourcedRole extends Role {
  key: string;
}

/** An entity resolved across all sources ("Putin" = "Vladimir Putin" = "Russian President Vladimir Putin"). */
export interface GlobalEntity {
  /** Stable id for this corpus state: the folded canonical name. */
  id: string;
  /** Canonical name: the fullest form found in any source. */
  name: string;
  type: EntityType;
  /** Other names: surname, acronym, expansion, variants, in order of frequency. */
  aliases: string[];
  /** The acronym ("CISM") and its expansion ("International Military Sports Council"), when known (from any source). */
  acronym?: string;
  expansion?: string;
  /** Nationality or affiliation stated for it, when any. */
  affiliation?: string;
  roles: SourcedRole[];
  /** Every mention in every source. */
  mentions: SourceSpan[];
  /** Mentions per source key, most first. */
  mentionCounts: Array<{ key: string; count: number }>;
  /** The mention that introduces the entity best (the fullest form, preferably with its title). */
  introduction: SourceSpan;
}

/** The corpus-wide entity table. */
export interface EntityTable extends CorpusTable {
  /**
   * Entities a name refers to, best first: exact canonical name, alias, surname
   * alone, acronym; diacritics- and case-insensitive ("Perdigao", "putin", "CISM").
   */
  lookup(name: string): GlobalEntity[];
  /** The entity with this id. */
  get(id: string): GlobalEntity | undefined;
  /** All entities, most mentioned first. */
  all(): GlobalEntity[];
  /** Entities whose name or an alias starts with `prefix` (folded), most mentioned first. */
  complete(prefix: string, limit: number): GlobalEntity[];
}

// ---------------------------------------------------------------- quotes

/** Where a draft's quotation was found in the sources. */
export interface QuoteMatch extends SourceSpan {
  /** The source's words at `[start, end)`. */
  sourceText: string;
  /** True when the words are the same (ignoring case, quote-mark style, whitespace and punctuation). */
  exact: boolean;
  /** 0..1 similarity of the words (1 for exact). */
  similarity: number;
  /** The extracted quote containing the match, with its speaker, when the match lies inside one. */
  quote: Quote | null;
}

/** The corpus-wide table of quotations and their speakers, also able to find any passage verbatim. */
export interface QuoteTable extends CorpusTable {
  /**
   * Finds where `text` occurs in the sources, verbatim first, then nearly
   * (a few words changed, dropped or added). `keys` restricts to some sources.
   * Ellipses (`...`, `…`) in `text` match any omitted words.
   */
  find(text: string, options?: { keys?: string[]; limit?: number; minSimilarity?: number }): QuoteMatch[];
  /** Quotes attributed to an entity (by canonical name), across sources. */
  bySpeaker(name: string): Array<Quote & { key: string }>;
}

// ---------------------------------------------------------------- search

/** A paragraph found by full-text search. */
export interface PassageHit extends SourceSpan {
  /** Index into the source's `paragraphs`. */
  paragraph: number;
  score: number;
  /** Short excerpt around the best match, with match ranges relative to `snippet`. */
  snippet: string;
  highlights: Span[];
}

/** Full-text search over paragraphs (BM25, phrase "..." and prefix* queries, diacritics-insensitive). */
export interface SearchIndex extends CorpusTable {
  search(query: string, options?: { limit?: number; keys?: string[] }): PassageHit[];
  /**
   * Paragraphs most similar to a sentence (bag of words, BM25), for "does the
   * cited source support this sentence" and "which source says this".
   */
  similar(text: string, options?: { limit?: number; keys?: string[] }): PassageHit[];
}

// ---------------------------------------------------------------- numbers

/** A number in a source, with the source key. */
export interface SourcedNumber extends SourceSpan {
  /** Index into the source's `numbers`. */
  index: number;
}

/** Numbers by what they count. */
export interface NumberTable extends CorpusTable {
  /** Numbers in the given source whose `counted` noun matches (singular, folded). */
  byCounted(key: string, counted: string): SourcedNumber[];
  /** Numbers in the given source inside the span. */
  inSpan(key: string, span: Span): SourcedNumber[];
}
