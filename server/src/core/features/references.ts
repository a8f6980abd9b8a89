/**
 * Find references: every mention of the entity under the cursor, in the
 * sources and in the drafts open in the editor.
 */
import type { Draft } from '../draft/model';
import type { Corpus } from '../index/corpus';
import type { Location } from './definition';
import { resolveName, targetAt, withParticles } from './target';

/** An open draft, parsed. */
export interface OpenDraft {
  uri: string;
  draft: Draft;
}

/**
 * Mentions of the entity named at `offset`: sources first (by URI and position),
 * then the open drafts. For a citation, every citation of the same key in the
 * open drafts.
 */
export function references(corpus: Corpus, draft: Draft, offset: number, openDrafts: OpenDraft[]): Location[] {
  const target = targetAt(draft, offset);
  if (!target) return [];
  if (target.kind === 'citation') {
    const key = target.item.key;
    return openDrafts.flatMap(({ uri, draft: d }) =>
      d.citations.flatMap((c) => c.items.filter((i) => i.key === key).map((i) => ({ uri, span: i.keySpan }))),
    );
  }
  if (target.kind !== 'name') return [];
  const entity = resolveName(corpus, target.text)[0];
  if (!entity) return [];
  const result: Location[] = [];
  for (const mention of entity.mentions) {
    const source = corpus.get(mention.key);
    if (source) result.push({ uri: source.uri, span: { start: mention.start, end: mention.end } });
  }
  // Stable order for the editor's list: by file, then by position.
  result.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start));
  for (const { uri, draft: d } of openDrafts) {
    for (const listed of d.names) {
      const name = withParticles(d.text, listed);
      if (resolveName(corpus, name.text)[0]?.id === entity.id) result.push({ uri, span: { start: name.start, end: name.end } });
    }
  }
  return result;
}
