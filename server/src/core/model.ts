/**
 * The data model of Dossier's core: what is extracted from one source article.
 *
 * Invariants (see ARCHITECTURE.md):
 * - Every offset is a JavaScript string index into the source's *decoded* text
 *   (after BOM stripping and CRLF→LF normalisation; the front matter block stays
 *   in the text, so offsets map 1:1 to the file as the editor shows it).
 * - Spans are half-open: `text.slice(start, end)`.
 * - Everything here is plain JSON data (no classes, no Maps) so it can be
 *   persisted in the cache file and sent over the wire unchanged.
 */

/** A half-open range `[start, end)` of string indices into a source's decoded text. */
export interface Span {
  start: number;
  end: number;
}

/** Kind of entity recognised in the text. */
export type EntityType = 'person' | 'organization' | 'place' | 'other';

/** Optional YAML front matter of a source. Unknown fields are ignored. */
export interface SourceMeta {
  id?: string;
  title?: string;
  date?: string;
  url?: string;
  outlet?: string;
  author?: string;
}

/** A sentence inside a paragraph. */
export type Sentence = Span;

/**
 * A block of running text separated from its neighbours by a blank line
 * (or a line break for headlines and captions).
 */
export interface Paragraph extends Span {
  /**
   * 1-based number of the paragraph among the article's *body* paragraphs, as
   * used by Pandoc locators `[@key, para 4]`. Captions, the title and headings
   * have `number: 0`.
   */
  number: number;
  /**
   * `body`: running text; `caption`: a photo caption (ends with a credit such as
   * `©Getty Images`), searchable but never a source of quotes, roles or numbers;
   * `title`: the headline; `heading`: a markdown heading inside the article.
   */
  kind: 'body' | 'caption' | 'title' | 'heading';
  /** Sentences of the paragraph, in order, covering its text. */
  sentences: Sentence[];
}

/** A title, office or description stated for a person in a source. */
export interface Role extends Span {
  /** The role as written, e.g. "secretary general", "Deputy Defence Minister". */
  text: string;
  /** Organisation or country the role belongs to, when stated ("ROC", "CISM", "Russia"). */
  org?: string;
  /**
   * True when the source says the person no longer holds it: "former Prime
   * Minister", "ex-chairman", the predecessor in "succeeded X as Y", "X's term
   * as Y was not renewed". Such a role is no current title.
   */
  former?: boolean;
}

/** One occurrence of an entity's name in a source. */
export interface Mention extends Span {
  /** The words as written ("Putin", "Russian President Vladimir Putin" minus the title → "Vladimir Putin"). */
  text: string;
}

/** An entity as found in one source, before cross-source resolution. */
export interface LocalEntity {
  /** Canonical name: the fullest form of the name in this source ("Vladimir Putin"). */
  name: string;
  type: EntityType;
  /** Other forms found for it in this source: surname alone, acronym, expansion. */
  aliases: string[];
  mentions: Mention[];
  roles: Role[];
  /** Acronym stated for this entity ("CISM"), if any. */
  acronym?: string;
  /** Nationality or affiliation stated ("China", "Brazil", "Germany"), if any. */
  affiliation?: string;
}

/** Who a quote is attributed to in the source. */
export interface Speaker extends Span {
  /** The resolved canonical name (the entity's `name`), or the words themselves if unresolved. */
  name: string;
}

/** A quotation, direct or reported, with its speaker. */
export interface Quote extends Span {
  /** The quoted words (for direct quotes, without the quote marks), exactly as in the source. */
  text: string;
  /** `direct`: words inside quote marks; `reported`: "X claimed that ...". */
  kind: 'direct' | 'reported';
  /** Index into `ExtractedSource.paragraphs` of the paragraph holding the quote's start. */
  paragraph: number;
  speaker: Speaker | null;
}

/** What a number expresses. */
export type NumberKind = 'cardinal' | 'ordinal' | 'money' | 'percent' | 'date' | 'year' | 'measure';

/** A number with what it counts. */
export interface NumberFact extends Span {
  /** The number as written, with its unit or currency ("$1.13bn", "76%", "more than 170"). */
  text: string;
  /** Numeric value in base units (1.13e9 for "$1.13bn", 8 for "eighth", 76 for "76%"). Dates: YYYYMMDD or MMDD. */
  value: number;
  kind: NumberKind;
  /** Currency or unit: "USD", "GBP", "EUR", "%", "p", "km", ... */
  unit?: string;
  /** The noun it counts, lower-cased and singular ("representative", "nation", "observer"), if found. */
  counted?: string;
  /** Qualifier as written: "more than", "over", "about", "one of", "up to", ... */
  qualifier?: string;
  /** Upper bound of a range ("July 26 to 29", "10-12 people"). */
  rangeEnd?: number;
}

/** A reason a file was skipped or only partly understood. */
export interface Problem {
  /** Path relative to the workspace folder, `/`-separated. */
  path: string;
  /** URI of the file, when the problem is about one file (lets a host show it on that file). */
  uri?: string;
  message: string;
  /** Where in the file, when known (e.g. broken front matter). */
  span?: Span;
  severity: 'error' | 'warning';
}

/** Everything extracted from one source article. Plain JSON. */
export interface ExtractedSource {
  /** Citation key: front matter `id`, else the path under the sources root without extension. */
  key: string;
  /** URI of the file (opaque to the core; the host decides the scheme). */
  uri: string;
  /** Path relative to the sources root, `/`-separated, with extension. */
  path: string;
  /** Hash of the raw bytes, used to skip re-extraction of unchanged files. */
  hash: string;
  /** Decoded text: BOM stripped, CRLF normalised to LF. */
  text: string;
  /** Encoding the bytes were decoded with. */
  encoding: 'utf-8' | 'windows-1252';
  meta: SourceMeta;
  /** The article's title with its span in the text (for a front-matter title, the value as written there; null when it cannot be pointed at). */
  title: { text: string; span: Span | null } | null;
  paragraphs: Paragraph[];
  entities: LocalEntity[];
  quotes: Quote[];
  numbers: NumberFact[];
  /** Non-fatal problems with this file (broken front matter, ...). */
  problems: Problem[];
}
