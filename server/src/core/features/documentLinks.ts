/**
 * Document links: each citation key in a draft links to its source file.
 */
import type { Draft } from '../draft/model';
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import { sourceTitle } from './markdown';

/** A link from a span of the draft to a source. */
export interface DocumentLinkEntry {
  span: Span;
  key: string;
  uri: string;
  tooltip: string;
}

/** Links for every citation key that a source has; unknown keys get none (a diagnostic reports them). */
export function documentLinks(corpus: Corpus, draft: Draft): DocumentLinkEntry[] {
  const links: DocumentLinkEntry[] = [];
  for (const citation of draft.citations) {
    for (const item of citation.items) {
      const source = corpus.get(item.key);
      if (source) links.push({ span: item.keySpan, key: item.key, uri: source.uri, tooltip: `Open ${sourceTitle(source)}` });
    }
  }
  return links;
}
