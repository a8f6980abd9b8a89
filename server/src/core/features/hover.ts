/**
 * Hover: a fact card for a name, the supporting passage for a citation, the
 * origin of a quotation.
 */
import type { Citation, CitationItem, Draft, DraftQuote } from '../draft/model';
import type { GlobalEntity } from '../index/api';
import type { Corpus } from '../index/corpus';
import type { Quote, Span } from '../model';
import { escapeMarkdown, linkTo, placeLabel, sourceTitle, truncate, type SourceLinker } from './markdown';
import { claimText, supportingPassage } from './support';
import { resolveName, targetAt } from './target';

/** A hover result: markdown and the span of the draft it describes. */
export interface HoverResult {
  span: Span;
  markdown: string;
}

/** Options of {@link hover}. */
export interface HoverOptions {
  /** Turns a source passage into a link target; no links without it. */
  link?: SourceLinker;
}

const MAX_QUOTES = 3;
const MAX_ROLES = 5;
/** Source keys cited per role; a title stated in dozens of sources ends with "and N more". */
const MAX_ROLE_KEYS = 8;
const MAX_SOURCES = 5;
/** Sources read for quotations, the ones mentioning the entity most first. */
const MAX_QUOTE_SOURCES = 25;
/** Candidates gathered per quotation shown, to pick the most informative (longest). */
const QUOTE_CANDIDATES_PER_QUOTE = 4;

/** The hover card for whatever is at `offset` in the draft, or null. */
export function hover(corpus: Corpus, draft: Draft, offset: number, options: HoverOptions = {}): HoverResult | null {
  const target = targetAt(draft, offset);
  if (!target) return null;
  switch (target.kind) {
    case 'citation':
      return { span: target.span, markdown: citationCard(corpus, draft, target.citation, target.item, options.link) };
    case 'name': {
      const entity = resolveName(corpus, target.text)[0];
      return entity ? { span: target.span, markdown: entityCard(corpus, entity, options.link) } : null;
    }
    case 'quote':
      return { span: target.span, markdown: quoteCard(corpus, target.quote, options.link) };
  }
}

/**
 * The fact card of an entity: name and type, roles with their citation keys,
 * aliases and acronym, up to three quotes, the sources mentioning it.
 */
export function entityCard(corpus: Corpus, entity: GlobalEntity, link?: SourceLinker): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** — ${entity.type}${entity.affiliation ? ` (${escapeMarkdown(entity.affiliation)})` : ''}`);
  if (entity.acronym && entity.expansion) {
    lines.push('', `${escapeMarkdown(entity.acronym)} = ${escapeMarkdown(entity.expansion)}`);
  }
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length > 0) lines.push('', `Also: ${aliases.slice(0, 6).map(escapeMarkdown).join(', ')}`);

  const roles = distinctRoles(entity);
  if (roles.length > 0) {
    lines.push('', '**Roles**');
    for (const stated of roles.slice(0, MAX_ROLES)) {
      const [role] = stated;
      const cites = stated.slice(0, MAX_ROLE_KEYS).map((r) => {
        const source = corpus.get(r.key);
        return source ? linkTo(`[@${r.key}]`, link, source, r) : `[@${r.key}]`;
      });
      if (stated.length > MAX_ROLE_KEYS) cites.push(`and ${stated.length - MAX_ROLE_KEYS} more`);
      // A former role reads "Prime Minister (former)", whether or not the source's words include "former".
      const title = role.former ? role.text.replace(/^(?:former\s+|ex-)/i, '') : role.text;
      lines.push(`- ${escapeMarkdown(title)}${role.org ? `, ${escapeMarkdown(role.org)}` : ''}${role.former ? ' (former)' : ''} ${cites.join(' ')}`);
    }
  }

  const quotes = quotesBy(corpus, entity, MAX_QUOTES);
  if (quotes.length > 0) {
    lines.push('', '**Quotes**');
    for (const quote of quotes) {
      const source = corpus.get(quote.key);
      const cite = source ? linkTo(`[@${quote.key}]`, link, source, quote) : `[@${quote.key}]`;
      lines.push(`> “${escapeMarkdown(truncate(quote.text, 160))}” ${cite}`, '');
    }
    lines.pop();
  }

  if (entity.mentionCounts.length > 0) {
    const total = entity.mentionCounts.reduce((n, m) => n + m.count, 0);
    const n = entity.mentionCounts.length;
    lines.push('', `**Mentioned** ${total} time${total === 1 ? '' : 's'} in ${n} source${n === 1 ? '' : 's'}:`);
    for (const { key, count } of entity.mentionCounts.slice(0, MAX_SOURCES)) {
      const source = corpus.get(key);
      const first = entity.mentions.find((m) => m.key === key);
      const label = `[@${key}]`;
      const cite = source && first ? linkTo(label, link, source, first) : label;
      lines.push(`- ${cite}${source ? ` ${escapeMarkdown(truncate(sourceTitle(source), 70))}` : ''} — ${count}×`);
    }
    if (n > MAX_SOURCES) lines.push(`- … and ${n - MAX_SOURCES} more`);
  }
  return lines.join('\n');
}

/**
 * Up to `limit` direct quotations whose speaker is the entity, from the sources
 * that mention it most first. Reads only those sources and stops early, so a
 * hover stays fast on a large corpus (a corpus-wide speaker scan does not).
 * Speakers are resolved through the entity table, so "Putin" in one source and
 * "Vladimir Putin" in another both count.
 */
function quotesBy(corpus: Corpus, entity: GlobalEntity, limit: number): Array<Quote & { key: string }> {
  const out: Array<Quote & { key: string }> = [];
  // Places do not speak; and a name in hundreds of sources ("UK") must not make the hover scan them all.
  if (entity.type === 'place') return out;
  const resolved = new Map<string, boolean>();
  for (const { key } of entity.mentionCounts.slice(0, MAX_QUOTE_SOURCES)) {
    const source = corpus.get(key);
    if (!source) continue;
    for (const quote of source.quotes) {
      if (quote.kind !== 'direct' || !quote.speaker) continue;
      const name = quote.speaker.name;
      let same = resolved.get(name);
      if (same === undefined) {
        same = name === entity.name || corpus.entities.lookup(name)[0]?.id === entity.id;
        resolved.set(name, same);
      }
      if (same) out.push({ ...quote, key });
      if (out.length >= limit * QUOTE_CANDIDATES_PER_QUOTE) return longestInOrder(out, limit);
    }
  }
  return longestInOrder(out, limit);
}

/** The `limit` longest quotations, kept in their original order (a fragment like “trust” says little). */
function longestInOrder<T extends { text: string }>(quotes: T[], limit: number): T[] {
  const keep = new Set([...quotes].sort((a, b) => b.text.length - a.text.length).slice(0, limit));
  return quotes.filter((q) => keep.has(q));
}

/**
 * The entity's roles, one entry per distinct title (same words, organisation
 * and former-ness), each with every statement of it: one per source key, in
 * the table's order, so the card can cite all the sources that state it.
 */
function distinctRoles(entity: GlobalEntity): Array<GlobalEntity['roles']> {
  const groups = new Map<string, GlobalEntity['roles']>();
  for (const r of entity.roles) {
    const k = `${r.text.toLowerCase()}|${(r.org ?? '').toLowerCase()}|${r.former ? 'former' : ''}`;
    const group = groups.get(k);
    if (!group) groups.set(k, [r]);
    else if (!group.some((g) => g.key === r.key)) group.push(r);
  }
  return [...groups.values()];
}

/** What a citation points to: the source's title, date, outlet and the passage backing the sentence. */
export function citationCard(corpus: Corpus, draft: Draft, citation: Citation, item: CitationItem, link?: SourceLinker): string {
  const source = corpus.get(item.key);
  if (!source) return `No source has the key \`${item.key}\`.`;
  const lines: string[] = [];
  const meta = [source.meta.outlet, source.meta.date, source.meta.author].filter((x): x is string => !!x).map(escapeMarkdown);
  lines.push(`**${escapeMarkdown(sourceTitle(source))}**${meta.length ? ` — ${meta.join(', ')}` : ''}`);
  lines.push('', `\`@${source.key}\` · ${linkTo(escapeMarkdown(source.path), link, source, { start: 0, end: 0 })}`);
  const passage = supportingPassage(corpus, item.key, claimText(draft, citation), item.paragraph);
  const where = passage ? linkTo(placeLabel(source, passage.span.start), link, source, passage.span) : '';
  if (passage && passage.supports) {
    lines.push('', `Supporting passage (${where}):`, '', `> ${escapeMarkdown(truncate(source.text.slice(passage.span.start, passage.span.end), 400))}`);
  } else if (item.paragraph !== undefined && passage) {
    lines.push('', `_The cited paragraph (${where}) does not appear to support this sentence:_`, '', `> ${escapeMarkdown(truncate(source.text.slice(passage.span.start, passage.span.end), 300))}`);
  } else {
    lines.push('', '_No passage of this source appears to support this sentence._');
  }
  return lines.join('\n');
}

/** Where a quotation comes from and who said it there. */
export function quoteCard(corpus: Corpus, quote: DraftQuote, link?: SourceLinker): string {
  const keys = quote.citation?.items.map((i) => i.key);
  const matches = corpus.quotes.find(quote.text, { limit: 3 });
  if (matches.length === 0) return '_This quotation was not found in any source._';
  const best = (keys && matches.find((m) => m.exact && keys.includes(m.key))) ?? matches[0];
  const source = corpus.get(best.key);
  if (!source) return '_This quotation was not found in any source._';
  const where = linkTo(`[@${best.key}], ${placeLabel(source, best.start)}`, link, source, best);
  const lines: string[] = [];
  lines.push(best.exact ? `**Quoted verbatim** from ${where}` : `**Close to** ${where} (${Math.round(best.similarity * 100)}% similar) — not verbatim`);
  lines.push('', `_${escapeMarkdown(truncate(sourceTitle(source), 90))}_`);
  const speaker = best.quote?.speaker?.name;
  lines.push('', speaker ? `Said by **${escapeMarkdown(speaker)}**` : 'No speaker is stated for these words in the source.');
  // The whole quotation reads better than the aligned stretch, which may stop short of a changed last word.
  if (!best.exact) lines.push('', 'Source words:', '', `> ${escapeMarkdown(truncate(best.quote?.text ?? best.sourceText, 400))}`);
  const others = matches.filter((m) => m !== best && m.exact).map((m) => `[@${m.key}]`);
  if (others.length > 0) lines.push('', `Also in ${others.join(', ')}`);
  return lines.join('\n');
}
