/**
 * The `dossier/facts` request: a markdown sheet of what Dossier extracted from
 * one source (entities with roles, quotations with speakers, numbers), so a
 * user can see why a hover or a diagnostic says what it says.
 */
import type { Corpus } from '../index/corpus';
import { escapeMarkdown, placeLabel, sourceTitle, truncate } from './markdown';

/** Most entities, quotes and numbers listed per section. */
const MAX_ROWS = 60;

/** The fact sheet of the source with `key`, or null when no source has it. */
export function sourceFacts(corpus: Corpus, key: string): string | null {
  const source = corpus.get(key);
  if (!source) return null;
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(sourceTitle(source))}`, '');
  const meta = [
    ['Key', `\`${source.key}\``],
    ['File', escapeMarkdown(source.path)],
    ['Outlet', source.meta.outlet],
    ['Date', source.meta.date],
    ['Author', source.meta.author],
    ['URL', source.meta.url],
    ['Encoding', source.encoding],
  ].filter((row): row is [string, string] => !!row[1]);
  for (const [label, value] of meta) lines.push(`- **${label}:** ${value}`);
  const body = source.paragraphs.filter((p) => p.kind === 'body').length;
  const captions = source.paragraphs.filter((p) => p.kind === 'caption').length;
  lines.push(`- **Paragraphs:** ${body} body, ${captions} caption${captions === 1 ? '' : 's'}`);

  const entities = [...source.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  lines.push('', `## Entities (${entities.length})`, '');
  if (entities.length === 0) lines.push('_None found._');
  for (const e of entities.slice(0, MAX_ROWS)) {
    const extra = [
      e.acronym ? `acronym ${escapeMarkdown(e.acronym)}` : '',
      e.affiliation ? escapeMarkdown(e.affiliation) : '',
      ...e.roles.map((r) => escapeMarkdown(`${r.former ? 'former ' : ''}${r.org ? `${r.text}, ${r.org}` : r.text}`)),
    ].filter(Boolean);
    const aliases = e.aliases.filter((a) => a !== e.name);
    lines.push(`- **${escapeMarkdown(e.name)}** (${e.type}, ${e.mentions.length}×)${extra.length ? ` — ${extra.join('; ')}` : ''}${aliases.length ? ` · also ${aliases.map(escapeMarkdown).join(', ')}` : ''}`);
  }

  lines.push('', `## Quotations (${source.quotes.length})`, '');
  if (source.quotes.length === 0) lines.push('_None found._');
  for (const q of source.quotes.slice(0, MAX_ROWS)) {
    const who = q.speaker ? escapeMarkdown(q.speaker.name) : '_unattributed_';
    lines.push(`- ${who} (${q.kind}, ${placeLabel(source, q.start)}): “${escapeMarkdown(truncate(q.text, 200))}”`);
  }

  lines.push('', `## Numbers (${source.numbers.length})`, '');
  if (source.numbers.length === 0) lines.push('_None found._');
  for (const n of source.numbers.slice(0, MAX_ROWS)) {
    const counted = n.counted ? ` ${escapeMarkdown(n.counted)}` : '';
    lines.push(`- ${escapeMarkdown(n.text)} → ${n.kind} ${n.value}${n.unit ? ` ${n.unit}` : ''}${counted} (${placeLabel(source, n.start)})`);
  }

  if (source.problems.length > 0) {
    lines.push('', '## Problems', '');
    for (const p of source.problems) lines.push(`- ${p.severity}: ${escapeMarkdown(p.message)}`);
  }
  return lines.join('\n');
}
