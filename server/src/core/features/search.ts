/**
 * The `dossier/search` request: full-text search over the sources' paragraphs.
 */
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import { sourceTitle } from './markdown';

/** One search hit, ready to show in a list. */
export interface SearchResultEntry {
  key: string;
  title: string;
  uri: string;
  /** The paragraph's span in the source. */
  span: Span;
  snippet: string;
  /** Match ranges inside `snippet`. */
  highlights: Span[];
  /** 1-based body paragraph number (the Pandoc locator `para N`); absent for captions and headlines. */
  paragraph?: number;
  score: number;
}

/** Paragraphs matching `query` (BM25, phrases in quotes, `prefix*`), best first. */
export function searchCorpus(corpus: Corpus, query: string, limit: number): SearchResultEntry[] {
  if (!query.trim()) return [];
  const hits = corpus.search.search(query, { limit });
  const results: SearchResultEntry[] = [];
  for (const hit of hits) {
    const source = corpus.get(hit.key);
    if (!source) continue;
    const paragraph = source.paragraphs[hit.paragraph];
    results.push({
      key: hit.key,
      title: sourceTitle(source),
      uri: source.uri,
      span: { start: hit.start, end: hit.end },
      snippet: hit.snippet,
      highlights: hit.highlights,
      paragraph: paragraph?.kind === 'body' ? paragraph.number : undefined,
      score: hit.score,
    });
  }
  return results;
}
