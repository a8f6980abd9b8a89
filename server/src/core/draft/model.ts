/**
 * What Dossier understands of a markdown draft. Offsets are string indices into
 * the draft text as the editor holds it (half-open spans).
 */
import type { Span } from '../model';

/** One `@key` inside a Pandoc citation. */
export interface CitationItem extends Span {
  /** The key without `@` (case-sensitive). */
  key: string;
  /** Span of the key itself, without `@` (what a rename or quick fix replaces). */
  keySpan: Span;
  /** Locator as written ("para 4", "p. 3"), if any. */
  locator?: string;
  /** Paragraph number when the locator is "para N" / "paragraph N" / "¶ N". */
  paragraph?: number;
  /** Prefix as written ("see"), if any. */
  prefix?: string;
  /** `[-@key]`: author suppressed. */
  suppressAuthor: boolean;
}

/** A Pandoc citation: bracketed `[@a; @b, p. 3]` or in-text `@key says`. */
export interface Citation extends Span {
  items: CitationItem[];
  /** True for an in-text citation (`@key says ...`). */
  inText: boolean;
  /** The text the citation vouches for: the sentence it closes, or the clause it follows. */
  covers: Span;
}

/** How the draft attributes a quotation or reported speech ("said Wang", "according to Wang"). */
export interface DraftAttribution {
  /** The name as written. */
  name: string;
  span: Span;
}

/** A quotation in the draft (inline quote marks or a `>` block quote). */
export interface DraftQuote extends Span {
  /** The quoted words without the marks (for block quotes, without the `>` markers). */
  text: string;
  /** Span of the quoted words without the marks. */
  inner: Span;
  /** Reported speech ("Wang said that ...") rather than words in quote marks. */
  kind: 'direct' | 'block' | 'reported';
  /** The citation covering this quote, if any. */
  citation: Citation | null;
  attribution: DraftAttribution | null;
}

/** A number in the draft (same reading as in sources). */
export interface DraftNumber extends Span {
  text: string;
  value: number;
  kind: 'cardinal' | 'ordinal' | 'money' | 'percent' | 'date' | 'year' | 'measure';
  unit?: string;
  counted?: string;
  qualifier?: string;
  /** Upper bound of a range ("10-12 people"), as in sources. */
  rangeEnd?: number;
}

/** A sentence of prose in the draft (never inside code, front matter or headings). */
export interface DraftSentence extends Span {
  /** Citations inside or closing this sentence. */
  citations: Citation[];
  quotes: DraftQuote[];
  numbers: DraftNumber[];
}

/** A capitalised name written in the draft, for hover and references. */
export interface DraftName extends Span {
  text: string;
}

/** A parsed draft. */
export interface Draft {
  text: string;
  sentences: DraftSentence[];
  citations: Citation[];
  quotes: DraftQuote[];
  names: DraftName[];
  /** Spans the checks must ignore (code blocks, inline code, front matter, HTML). */
  ignored: Span[];
}
