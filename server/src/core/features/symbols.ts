/**
 * Workspace symbols: entities and sources by name, for "Go to Symbol in Workspace".
 */
import type { EntityType, Span } from '../model';
import type { Corpus } from '../index/corpus';
import { foldText } from '../text/normalize';
import { sourceTitle } from './markdown';

/** A workspace symbol in editor-neutral terms. */
export interface SymbolEntry {
  name: string;
  kind: EntityType | 'source';
  /** Where the symbol is shown as living (the source key, or the source's path). */
  container: string;
  uri: string;
  span: Span;
}

/** How many symbols one query returns at most. */
export const SYMBOL_LIMIT = 200;

/**
 * Entities (name or alias containing the query) and sources (key or title
 * containing it), diacritics- and case-insensitive. An empty query lists the
 * most mentioned entities.
 */
export function workspaceSymbols(corpus: Corpus, query: string, limit = SYMBOL_LIMIT): SymbolEntry[] {
  const q = foldText(query.trim());
  const result: SymbolEntry[] = [];
  for (const entity of corpus.entities.all()) {
    if (result.length >= limit) return result;
    if (q && ![entity.name, ...entity.aliases].some((n) => foldText(n).includes(q))) continue;
    const source = corpus.get(entity.introduction.key);
    if (!source) continue;
    result.push({
      name: entity.name,
      kind: entity.type,
      container: entity.introduction.key,
      uri: source.uri,
      span: { start: entity.introduction.start, end: entity.introduction.end },
    });
  }
  for (const source of corpus.sources()) {
    if (result.length >= limit) break;
    const title = sourceTitle(source);
    if (q && !foldText(source.key).includes(q) && !foldText(title).includes(q)) continue;
    result.push({ name: `@${source.key} — ${title}`, kind: 'source', container: source.path, uri: source.uri, span: source.title?.span ?? { start: 0, end: 0 } });
  }
  return result;
}
