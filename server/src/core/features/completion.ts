/**
 * Completion: citation keys after `[@` or `@` (fuzzy on key and title), entity
 * names while typing a capitalised word.
 */
import type { Corpus } from '../index/corpus';
import type { Span } from '../model';
import { foldText } from '../text/normalize';
import { sourceTitle } from './markdown';

/** One completion proposal, in editor-neutral terms. */
export interface CompletionEntry {
  label: string;
  kind: 'source' | 'entity';
  /** Short description shown beside the label (title, or type and role). */
  detail: string;
  /** What replaces `replace`. */
  insertText: string;
  replace: Span;
  /** Text the editor filters on as the user keeps typing (key and title, so title words match too). */
  filterText: string;
  /** Rank as a sortable string ("0000" first). */
  sortText: string;
}

/** The result of {@link completion}. */
export interface CompletionResult {
  items: CompletionEntry[];
  /** True when more items matched than were returned: the editor must ask again as the user types. */
  isIncomplete: boolean;
}

/** Maximum number of proposals returned. */
export const COMPLETION_LIMIT = 50;

/** Characters Pandoc allows inside a citation key. */
const KEY_CHAR = /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u;

interface KeyEntry {
  key: string;
  title: string;
  foldedKey: string;
  foldedTitle: string;
  /** Title words, folded, for word-start matches. */
  titleWords: string[];
}

const keyLists = new WeakMap<Corpus, { version: number; entries: KeyEntry[] }>();

/** The folded key+title list of a corpus, rebuilt only when the corpus changes. */
function keyList(corpus: Corpus): KeyEntry[] {
  const cached = keyLists.get(corpus);
  if (cached && cached.version === corpus.version) return cached.entries;
  const entries = corpus.sources().map((s) => {
    const title = sourceTitle(s);
    const foldedTitle = foldText(title);
    return { key: s.key, title, foldedKey: foldText(s.key), foldedTitle, titleWords: foldedTitle.split(/[^\p{L}\p{N}]+/u).filter(Boolean) };
  });
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  keyLists.set(corpus, { version: corpus.version, entries });
  return entries;
}

/** Proposals at `offset` of `text`; empty when the cursor is neither after `@` nor in a capitalised word. */
export function completion(corpus: Corpus, text: string, offset: number): CompletionResult {
  const keyContext = citationKeyContext(text, offset);
  if (keyContext) return completeKeys(corpus, keyContext.prefix, keyContext.replace);
  const nameContext = typedNameContext(text, offset);
  if (nameContext) return completeNames(corpus, nameContext);
  return { items: [], isIncomplete: false };
}

/** When the cursor is in a citation key (`@` at a word start), the typed prefix and the whole key's span. */
export function citationKeyContext(text: string, offset: number): { prefix: string; replace: Span } | null {
  let start = offset;
  while (start > 0 && KEY_CHAR.test(text[start - 1])) start--;
  if (text[start - 1] !== '@') return null;
  const before = start >= 2 ? text[start - 2] : '';
  // "@" inside an e-mail address or a word is not a citation.
  if (before !== '' && !/[\s[;\-(]/.test(before)) return null;
  let end = offset;
  while (end < text.length && KEY_CHAR.test(text[end])) end++;
  // Trailing punctuation belongs to the sentence, not the key (Pandoc rule).
  while (end > offset && /[.:#$%&\-+?<>~/]/.test(text[end - 1])) end--;
  return { prefix: text.slice(start, offset), replace: { start, end } };
}

/** Ranks source keys against the typed prefix: key prefix, key substring, title words, subsequence. */
function completeKeys(corpus: Corpus, prefix: string, replace: Span): CompletionResult {
  const entries = keyList(corpus);
  const query = foldText(prefix);
  const terms = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const scored: Array<{ entry: KeyEntry; score: number }> = [];
  for (const entry of entries) {
    const score = query === '' ? 1 : scoreKey(entry, query, terms);
    if (score > 0) scored.push({ entry, score });
  }
  // Stable sort keeps key order among equal scores.
  scored.sort((a, b) => b.score - a.score);
  const items = scored.slice(0, COMPLETION_LIMIT).map(({ entry }, rank) => ({
    label: entry.key,
    kind: 'source' as const,
    detail: entry.title,
    insertText: entry.key,
    replace,
    filterText: `${entry.key} ${entry.title}`,
    sortText: String(rank).padStart(4, '0'),
  }));
  return { items, isIncomplete: scored.length > COMPLETION_LIMIT };
}

function scoreKey(entry: KeyEntry, query: string, terms: string[]): number {
  const { foldedKey } = entry;
  if (foldedKey === query) return 1000;
  if (foldedKey.startsWith(query)) return 900 - Math.min(foldedKey.length - query.length, 99);
  const at = foldedKey.indexOf(query);
  if (at >= 0) return 700 - Math.min(at, 99);
  // Every typed term starts a title word (or, failing that, occurs in the title).
  if (terms.length > 0) {
    let wordStarts = 0;
    let inTitle = 0;
    for (const term of terms) {
      if (entry.titleWords.some((w) => w.startsWith(term))) wordStarts++;
      else if (entry.foldedTitle.includes(term)) inTitle++;
      else break;
    }
    if (wordStarts + inTitle === terms.length) return 500 + wordStarts * 10 - Math.min(entry.title.length, 200) / 100;
  }
  if (isSubsequence(query, foldedKey)) return 100 - Math.min(foldedKey.length, 99);
  return 0;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}

/** The capitalised word (with a capitalised word before it, if any) being typed at `offset`. */
function typedNameContext(text: string, offset: number): { prefixes: string[]; spans: Span[] } | null {
  let start = offset;
  while (start > 0 && /[\p{L}\p{N}'’-]/u.test(text[start - 1])) start--;
  const word = text.slice(start, offset);
  if (word.length < 2 || !/^\p{Lu}/u.test(word)) return null;
  const prefixes = [word];
  const spans: Span[] = [{ start, end: offset }];
  // "Vladimir Pu|" completes as a two-word name first.
  const before = /(\p{Lu}[\p{L}'’-]+) $/u.exec(text.slice(Math.max(0, start - 40), start));
  if (before) {
    prefixes.unshift(`${before[1]} ${word}`);
    spans.unshift({ start: start - before[0].length, end: offset });
  }
  return { prefixes, spans };
}

function completeNames(corpus: Corpus, context: { prefixes: string[]; spans: Span[] }): CompletionResult {
  for (let i = 0; i < context.prefixes.length; i++) {
    const found = corpus.entities.complete(context.prefixes[i], COMPLETION_LIMIT + 1);
    if (found.length === 0) continue;
    const items = found.slice(0, COMPLETION_LIMIT).map((entity, rank) => {
      // A former title is no description of who someone is now.
      const role = entity.roles.find((r) => !r.former);
      return {
        label: entity.name,
        kind: 'entity' as const,
        detail: role ? `${entity.type} · ${role.text}${role.org ? `, ${role.org}` : ''}` : entity.type,
        insertText: entity.name,
        replace: context.spans[i],
        filterText: [entity.name, ...entity.aliases].join(' '),
        sortText: String(rank).padStart(4, '0'),
      };
    });
    return { items, isIncomplete: found.length > COMPLETION_LIMIT };
  }
  return { items: [], isIncomplete: false };
}
