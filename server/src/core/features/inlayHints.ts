/**
 * Inlay hints: the source title after each citation key (off by default, it is
 * noisy in long drafts).
 */
import type { Draft } from '../draft/model';
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import { sourceTitle, truncate } from './markdown';

/** An inlay hint in editor-neutral terms. */
export interface InlayHintEntry {
  /** Offset the hint is shown at (right after the key). */
  offset: number;
  label: string;
  tooltip: string;
}

/** Longest hint label; longer titles are cut. */
const MAX_LABEL = 40;

/** A hint after each known citation key inside `range`. */
export function inlayHints(corpus: Corpus, draft: Draft, range: Span): InlayHintEntry[] {
  const hints: InlayHintEntry[] = [];
  for (const citation of draft.citations) {
    if (citation.end < range.start || citation.start > range.end) continue;
    for (const item of citation.items) {
      const source = corpus.get(item.key);
      if (!source) continue;
      const title = sourceTitle(source);
      hints.push({ offset: item.keySpan.end, label: ` ${truncate(title, MAX_LABEL)}`, tooltip: [title, source.meta.outlet, source.meta.date].filter(Boolean).join(' — ') });
    }
  }
  return hints;
}
