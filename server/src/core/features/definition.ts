/**
 * Go to definition: from a name to the passage that introduces the entity, from
 * a citation to the passage backing the sentence, from a quotation to the place
 * it was said.
 */
import type { Draft } from '../draft/model';
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import { claimText, supportingPassage } from './support';
import { resolveName, targetAt } from './target';

/** A place in a document: a source of the corpus or an open draft. */
export interface Location {
  uri: string;
  span: Span;
}

/** Where the thing at `offset` is defined in the sources; empty when nowhere. */
export function definition(corpus: Corpus, draft: Draft, offset: number): Location[] {
  const target = targetAt(draft, offset);
  if (!target) return [];
  switch (target.kind) {
    case 'name': {
      const entity = resolveName(corpus, target.text)[0];
      const source = entity && corpus.get(entity.introduction.key);
      return source ? [{ uri: source.uri, span: { start: entity.introduction.start, end: entity.introduction.end } }] : [];
    }
    case 'citation': {
      const source = corpus.get(target.item.key);
      if (!source) return [];
      const passage = supportingPassage(corpus, target.item.key, claimText(draft, target.citation), target.item.paragraph);
      // Without a supporting passage, the top of the source is still the right place to go.
      const span = passage?.supports || target.item.paragraph !== undefined ? passage?.span : undefined;
      return [{ uri: source.uri, span: span ?? source.title?.span ?? { start: 0, end: 0 } }];
    }
    case 'quote': {
      const keys = target.quote.citation?.items.map((i) => i.key);
      const matches = corpus.quotes.find(target.quote.text, { limit: 5 });
      const best = (keys && matches.find((m) => keys.includes(m.key))) ?? matches[0];
      const source = best && corpus.get(best.key);
      return source ? [{ uri: source.uri, span: { start: best.start, end: best.end } }] : [];
    }
  }
}
