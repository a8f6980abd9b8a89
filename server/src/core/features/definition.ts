/**
 * Go to definition: from a name to the passage that introduces the entity, from
 * a citation to the passage backing the sentence, from a quotation to the place
 * it was said.
 */
import type { Draft } from '../draft/model';
import type { GlobalEntity, SourceSpan } from '../index/api';
import type { Corpus } from '../index/corpus';
import type { ExtractedSource, Span } from '../model';
import { foldText } from '../text/normalize';
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
      if (!entity) return [];
      const place = titledIntroduction(corpus, entity) ?? entity.introduction;
      const source = corpus.get(place.key);
      return source ? [{ uri: source.uri, span: { start: place.start, end: place.end } }] : [];
    }
    case 'citation': {
      const source = corpus.get(target.item.key);
      if (!source) return [];
      const passage = supportingPassage(corpus, target.item.key, claimText(draft, target.citation), target.item.paragraph);
      const span = passage?.supports || target.item.paragraph !== undefined ? passage?.span : undefined;
      return [{ uri: source.uri, span: span ?? articleStart(source) }];
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

/**
 * Without a supporting passage: the lede (first body paragraph), where a news
 * article states what it is about; else the headline; else the top.
 */
function articleStart(source: ExtractedSource): Span {
  const lede = source.paragraphs.find((p) => p.kind === 'body');
  if (lede) return { start: lede.start, end: lede.end };
  return source.title?.span ?? { start: 0, end: 0 };
}

/** Most characters between a title and the name it precedes ("Russian President  Vladimir Putin"). */
const MAX_TITLE_GAP = 2;

/**
 * The mention that introduces the entity with its title, title included:
 * "Russian President Vladimir Putin" rather than a bare "Vladimir Putin". The
 * fullest such mention wins, the table's introduction source first, then the
 * earliest. Null when no source puts a title right before a mention.
 */
function titledIntroduction(corpus: Corpus, entity: GlobalEntity): SourceSpan | null {
  let best: (SourceSpan & { nameLength: number }) | null = null;
  for (const role of entity.roles) {
    if (role.former) continue;
    const source = corpus.get(role.key);
    if (!source) continue;
    const mention = entity.mentions.find((m) => m.key === role.key && m.start >= role.end && m.start - role.end <= MAX_TITLE_GAP && /^\s*$/.test(source.text.slice(role.end, m.start)));
    if (!mention) continue;
    const start = withOrganisationWord(source.text, role.start, role.org);
    const candidate = { key: role.key, start, end: mention.end, nameLength: mention.end - mention.start };
    const better = !best
      || candidate.nameLength > best.nameLength
      || candidate.nameLength === best.nameLength && rank(entity, candidate) < rank(entity, best);
    if (better) best = candidate;
  }
  return best && { key: best.key, start: best.start, end: best.end };
}

/** Sort rank among equally full titled mentions: the introduction's source first, then position. */
function rank(entity: GlobalEntity, place: SourceSpan): number {
  return (place.key === entity.introduction.key ? 0 : 1e12) + place.start;
}

/**
 * Moves a title's start back over the word naming its organisation or country
 * ("Russian" President for org Russia, "ROC" secretary general), and only that
 * word: "Yesterday President ..." keeps "Yesterday" out.
 */
function withOrganisationWord(text: string, start: number, org: string | undefined): number {
  if (!org) return start;
  const before = /(\p{Lu}[\p{L}\p{N}'’-]*)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (!before) return start;
  const word = foldText(before[1]).replace(/['’]s$/, '');
  const folded = foldText(org);
  return word.startsWith(folded.slice(0, Math.max(3, folded.length - 1))) ? start - before[0].length : start;
}