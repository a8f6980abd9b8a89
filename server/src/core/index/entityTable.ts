/**
 * The corpus-wide entity table: entities of every source resolved into one
 * list ("Putin" in one article = "Russian President Vladimir Putin" in another).
 *
 * Sources are added and removed in O(1); the global merge is recomputed lazily
 * on the next query. It is cheap (linear in the number of local entities) and
 * never re-extracts text, so a bulk index of thousands of files pays for it once.
 *
 * Resolution across sources:
 * - the same folded canonical name (case and diacritics ignored: "Perdigão" =
 *   "Perdigao") is the same entity;
 * - an entity named only by an acronym joins the entity whose acronym it is,
 *   wherever the acronym was defined ("CISM" in one article, "International
 *   Military Sports Council (CISM)" in another);
 * - a person named by one word joins the most mentioned person whose name ends
 *   with it ("Putin" → "Vladimir Putin", "de Oliveira").
 */
import type { EntityType, ExtractedSource, LocalEntity, Mention } from '../model';
import { foldText } from '../text/normalize';
import { saintKey } from '../extract/nameTokens';
import type { EntityTable, GlobalEntity, SourcedRole, SourceSpan } from './api';

/** A local entity with the source it comes from. */
interface Member {
  source: ExtractedSource;
  entity: LocalEntity;
  /** Folded canonical name. */
  key: string;
  /** The entity is named by an acronym alone ("CISM"). */
  acronymOnly: boolean;
}

/** What the lazy merge produces. */
interface MergedState {
  byId: Map<string, GlobalEntity>;
  /** Folded name → entities with the rank of the match (0 name, 1 alias, 2 name tail, 3 acronym or part of a name). */
  names: Map<string, Array<{ id: string; rank: number }>>;
  /** Sorted folded names and aliases, for prefix completion. */
  sortedNames: Array<{ name: string; id: string }>;
  all: GlobalEntity[];
}

const HONORIFIC_RE = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof)\.?\s+/;
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'di', 'du', 'del', 'der', 'den', 'van', 'von', 'le', 'la', 'bin', 'ibn', 'al', 'el']);

/**
 * Folds a name for matching: case and diacritics removed, apostrophes straight, white space collapsed,
 * "Saint"/"St." written "st" ("Saint Petersburg" = "St Petersburg").
 */
export function nameKey(name: string): string {
  // The merge asks for the keys of the same few thousand names again and again.
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= 100_000) nameKeys.clear();
    key = saintKey(isPlainAsciiName(name) ? name.toLowerCase() : foldText(name).replace(/\s+/g, ' ').trim());
    nameKeys.set(name, key);
  }
  return key;
}

const nameKeys = new Map<string, string>();

/** ASCII letters, digits and single inner spaces only: lower-casing alone gives the key (most names). */
function isPlainAsciiName(name: string): boolean {
  if (name.length === 0 || name.charCodeAt(0) === 32 || name.charCodeAt(name.length - 1) === 32) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (name.charCodeAt(i + 1) === 32) return false;
    } else if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 39 || c === 38)) return false;
  }
  return true;
}

/** Creates an empty corpus-wide entity table. */
export function createEntityTable(): EntityTable {
  const sources = new Map<string, ExtractedSource>();
  let state: MergedState | null = null;
  const current = (): MergedState => (state ??= merge([...sources.values()]));

  return {
    add(source) {
      sources.set(source.key, source);
      state = null;
    },
    remove(key) {
      if (sources.delete(key)) state = null;
    },
    lookup(name) {
      const s = current();
      for (const query of queryForms(name)) {
        const hits = s.names.get(query);
        if (hits && hits.length > 0) {
          return [...hits]
            .sort((a, b) => a.rank - b.rank || totalMentions(s.byId.get(b.id)) - totalMentions(s.byId.get(a.id)))
            .map((h) => s.byId.get(h.id))
            .filter((e): e is GlobalEntity => e !== undefined)
            .filter((e, i, list) => list.indexOf(e) === i);
        }
      }
      return [];
    },
    get(id) {
      return current().byId.get(id);
    },
    all() {
      return current().all;
    },
    complete(prefix, limit) {
      const s = current();
      const p = nameKey(prefix);
      if (p.length === 0) return s.all.slice(0, limit);
      const found = new Set<string>();
      for (let i = lowerBound(s.sortedNames, p); i < s.sortedNames.length && s.sortedNames[i].name.startsWith(p); i++) found.add(s.sortedNames[i].id);
      return [...found]
        .map((id) => s.byId.get(id))
        .filter((e): e is GlobalEntity => e !== undefined)
        .sort((a, b) => totalMentions(b) - totalMentions(a) || a.name.localeCompare(b.name))
        .slice(0, limit);
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function totalMentions(e: GlobalEntity | undefined): number {
  return e ? e.mentions.length : 0;
}

/** The query as given, then without possessive, honorific, article and leading title words ("President Putin" → "putin"). */
function queryForms(name: string): string[] {
  let q = nameKey(name).replace(/[.,;:!?"]+$/, '').replace(/'s$/, '').replace(/^the\s+/, '');
  const forms = [q];
  const noHonorific = q.replace(HONORIFIC_RE, '');
  if (noHonorific !== q) forms.push((q = noHonorific));
  const words = q.split(' ');
  for (let i = 1; i < words.length; i++) forms.push(words.slice(i).join(' '));
  return forms;
}

function lowerBound(list: Array<{ name: string }>, p: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].name < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------- merge

function merge(sources: ExtractedSource[]): MergedState {
  // 1. Same folded name.
  const clusters = new Map<string, Member[]>();
  for (const source of sources) {
    for (const entity of source.entities) {
      const key = nameKey(entity.name);
      if (!key) continue;
      const list = clusters.get(key);
      const m = { source, entity, key, acronymOnly: isAcronymName(entity.name) };
      if (list) list.push(m);
      else clusters.set(key, [m]);
    }
  }

  // 2. Acronym-only names join their expansion, from whichever source defines it.
  const expansionByAcronym = new Map<string, string>();
  for (const [key, members] of clusters) {
    for (const m of members) {
      if (m.entity.acronym && nameKey(m.entity.acronym) !== key && !expansionByAcronym.has(nameKey(m.entity.acronym))) expansionByAcronym.set(nameKey(m.entity.acronym), key);
    }
  }
  const target = new Map<string, string>();
  for (const key of clusters.keys()) {
    const expansion = expansionByAcronym.get(key);
    if (expansion && expansion !== key && isAcronymCluster(clusters.get(key) ?? [])) target.set(key, expansion);
  }

  // 3. One-word people join the most mentioned person whose name ends with that word.
  const bySurname = new Map<string, string>();
  const counts = new Map<string, number>();
  const types = new Map<string, EntityType>();
  for (const [key, members] of clusters) {
    counts.set(key, members.reduce((n, m) => n + m.entity.mentions.length, 0));
    types.set(key, dominantType(members));
  }
  const mentionCount = (key: string) => counts.get(key) ?? 0;
  for (const [key] of clusters) {
    if (!key.includes(' ') || types.get(key) !== 'person') continue;
    for (const tail of nameTails(key)) {
      const prev = bySurname.get(tail);
      if (!prev || mentionCount(key) > mentionCount(prev)) bySurname.set(tail, key);
    }
  }
  for (const key of clusters.keys()) {
    if (target.has(key) || key.includes(' ') && !PARTICLES.has(key.split(' ')[0])) continue;
    const type = types.get(key);
    if (type !== 'person' && type !== 'other') continue;
    const owner = bySurname.get(key);
    if (owner && owner !== key) target.set(key, owner);
  }

  const merged = new Map<string, Member[]>();
  for (const [key, members] of clusters) {
    const to = target.get(key) ?? key;
    const list = merged.get(to);
    if (list) list.push(...members);
    else merged.set(to, [...members]);
  }

  // Two clusters may end up with the same fullest name (one joined via a surname): they are one entity.
  const byFinalName = new Map<string, { members: Member[]; name: string | null }>();
  for (const members of merged.values()) {
    const name = fullestName(members);
    const id = nameKey(name);
    const found = byFinalName.get(id);
    if (found) {
      found.members.push(...members);
      found.name = null; // to be decided again over the joined members
    } else byFinalName.set(id, { members, name });
  }
  const byId = new Map<string, GlobalEntity>();
  for (const { members, name } of byFinalName.values()) {
    const g = toGlobal(members, name ?? fullestName(members));
    byId.set(g.id, g);
  }
  // Ties in code-unit order: `localeCompare` over tens of thousands of names dominated the merge.
  const all = [...byId.values()].sort((a, b) => b.mentions.length - a.mentions.length || compareText(a.name, b.name));

  const names = new Map<string, Array<{ id: string; rank: number }>>();
  const addName = (name: string, id: string, rank: number) => {
    const k = nameKey(name);
    if (!k) return;
    const list = names.get(k);
    if (!list) names.set(k, [{ id, rank }]);
    else {
      // One entity's names are added together, so its earlier entries sit at the end of the list:
      // scanning only those keeps common words ("john", a rank-3 part of hundreds of names) linear.
      for (let i = list.length - 1; i >= 0 && list[i].id === id; i--) if (list[i].rank <= rank) return;
      list.push({ id, rank });
    }
  };
  const sortedNames: Array<{ name: string; id: string }> = [];
  for (const e of all) {
    addName(e.name, e.id, 0);
    for (const a of e.aliases) addName(a, e.id, 1);
    if (e.type === 'person') {
      for (const tail of nameTails(e.id)) addName(tail, e.id, 2);
      // Any part of a person's name finds them ("Perdigao"), after full names and surnames.
      for (const word of e.id.split(' ')) if (!PARTICLES.has(word)) addName(word, e.id, 3);
    }
    if (e.acronym) addName(e.acronym, e.id, 3);
    for (const n of new Set([e.name, ...e.aliases].map(nameKey))) sortedNames.push({ name: n, id: e.id });
    if (e.type === 'person') for (const tail of nameTails(e.id)) sortedNames.push({ name: tail, id: e.id });
  }
  sortedNames.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { byId, names, sortedNames, all };
}

function isAcronymCluster(members: Member[]): boolean {
  return members.every((m) => m.acronymOnly);
}

function isAcronymName(name: string): boolean {
  return !name.includes(' ') && /^[\p{Lu}\d]+s?$|^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}/u.test(name);
}

/** "leonardo perdigao de oliveira" → "oliveira", "de oliveira", "perdigao de oliveira". */
function nameTails(key: string): string[] {
  const words = key.split(' ');
  const out: string[] = [];
  for (let i = words.length - 1; i >= 1; i--) {
    if (PARTICLES.has(words[i])) continue;
    out.push(words.slice(i).join(' '));
    if (PARTICLES.has(words[i - 1]) && i - 1 >= 1) out.push(words.slice(i - 1).join(' '));
  }
  return out;
}

function dominantType(members: Member[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of members) {
    // A stated role makes a person whatever the other sources guessed.
    const weight = m.entity.mentions.length + (m.entity.roles.length > 0 ? 100 : 0);
    votes.set(m.entity.type, (votes.get(m.entity.type) ?? 0) + weight);
  }
  let best: EntityType = members[0].entity.type;
  let bestVotes = -1;
  for (const [type, n] of votes) {
    if (n > bestVotes) {
      best = type;
      bestVotes = n;
    }
  }
  return best;
}

/** The fullest form of the name: most words, then most frequent, then first seen. */
function fullestName(members: Member[]): string {
  const counts = new Map<string, { name: string; n: number; words: number }>();
  // Decided once per member: testing every pair made big clusters ("Blair" in hundreds of sources) quadratic.
  const anyName = members.some((m) => !m.acronymOnly);
  for (const m of members) {
    if (m.acronymOnly && anyName) continue;
    const k = nameKey(m.entity.name);
    const c = counts.get(k);
    if (c) c.n += m.entity.mentions.length;
    else counts.set(k, { name: m.entity.name, n: m.entity.mentions.length, words: k.split(' ').length });
  }
  let best: { name: string; n: number; words: number } | undefined;
  for (const c of counts.values()) if (!best || c.words > best.words || (c.words === best.words && c.n > best.n)) best = c;
  return best ? best.name : members[0].entity.name;
}

function toGlobal(members: Member[], name: string): GlobalEntity {
  const id = nameKey(name);
  const type = dominantType(members);
  const aliasCounts = new Map<string, { text: string; n: number }>();
  const bump = (text: string, n: number) => {
    const k = nameKey(text);
    if (k === id) return;
    const c = aliasCounts.get(k);
    if (c) c.n += n;
    else aliasCounts.set(k, { text, n });
  };
  let acronym: string | undefined;
  const affiliations = new Map<string, number>();
  const roles: SourcedRole[] = [];
  const seenRoles = new Set<string>();
  const mentions: SourceSpan[] = [];
  const counts = new Map<string, number>();
  for (const m of members) {
    bump(m.entity.name, m.entity.mentions.length);
    if (m.entity.aliases.length > 0) {
      // Counted once per member: filtering the mentions for every alias was quadratic in big clusters.
      const perForm = new Map<string, number>();
      for (const x of m.entity.mentions) {
        const k = nameKey(x.text);
        perForm.set(k, (perForm.get(k) ?? 0) + 1);
      }
      for (const a of m.entity.aliases) bump(a, perForm.get(nameKey(a)) ?? 0);
    }
    if (m.entity.acronym && !acronym) acronym = m.entity.acronym;
    if (m.entity.affiliation) affiliations.set(m.entity.affiliation, (affiliations.get(m.entity.affiliation) ?? 0) + 1);
    addRoles(roles, seenRoles, m);
    for (const x of m.entity.mentions) mentions.push({ key: m.source.key, start: x.start, end: x.end });
    counts.set(m.source.key, (counts.get(m.source.key) ?? 0) + m.entity.mentions.length);
  }
  if (acronym) bump(acronym, 0);
  // Current titles first: readers of `roles[0]` (completion, a check's suggested title) must not get a former one.
  if (roles.some((r) => r.former)) roles.sort((a, b) => Number(a.former === true) - Number(b.former === true));
  const aliases = [...aliasCounts.values()].sort((a, b) => b.n - a.n).map((a) => a.text);
  let affiliation: string | undefined;
  let affN = 0;
  for (const [a, n] of affiliations) if (n > affN) [affiliation, affN] = [a, n];
  const g: GlobalEntity = {
    id,
    name,
    type,
    aliases,
    roles,
    mentions,
    mentionCounts: [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || compareText(a.key, b.key)),
    introduction: introduction(members),
  };
  if (acronym) {
    g.acronym = acronym;
    if (nameKey(acronym) !== id) g.expansion = name;
  }
  if (affiliation) g.affiliation = affiliation;
  return g;
}

/**
 * Adds a member's roles, one per title in its source: a source restating "ROC
 * secretary general" twice says it once, while the same title in another source
 * is kept with that source's key (a hover cites every source that states it).
 */
function addRoles(roles: SourcedRole[], seen: Set<string>, m: Member): void {
  const key = m.source.key;
  for (const r of m.entity.roles) {
    const id = `${key}\u0000${nameKey(r.text)}\u0000${nameKey(r.org ?? '')}\u0000${r.former === true}`;
    if (seen.has(id)) continue;
    seen.add(id);
    roles.push({ ...r, key });
  }
}

/** The fullest mention, preferring one right after a title, then one in the body over a caption, then the first. */
function introduction(members: Member[]): SourceSpan {
  // The word count outweighs every other criterion, so only the mentions with the most words are scored in full.
  let most = 0;
  for (const m of members) for (const x of m.entity.mentions) most = Math.max(most, wordCount(x.text));
  let best: SourceSpan | null = null;
  let bestScore = -Infinity;
  for (const m of members) {
    for (const x of m.entity.mentions) {
      if (wordCount(x.text) < most) continue;
      const score = mentionScore(m, x);
      if (score > bestScore) {
        best = { key: m.source.key, start: x.start, end: x.end };
        bestScore = score;
      }
    }
  }
  return best ?? { key: members[0].source.key, start: 0, end: 0 };
}

function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 32 || c === 10 || c === 9) && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p !== 32 && p !== 10 && p !== 9) n++;
    }
  }
  return n;
}

function mentionScore(m: Member, x: Mention): number {
  const titled = m.entity.roles.some((r) => r.end <= x.start && x.start - r.end <= 2);
  const inBody = paragraphKindAt(m.source.paragraphs, x) === 'body';
  // Earlier is better, but only as a tie-breaker.
  return (titled ? 50 : 0) + (inBody ? 20 : 0) - x.start / (m.source.text.length + 1);
}

/** Kind of the paragraph holding the span (paragraphs are in text order), by binary search. */
function paragraphKindAt(paragraphs: ExtractedSource['paragraphs'], x: Mention): string | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid];
    if (x.start < p.start) hi = mid - 1;
    else if (x.start >= p.end) lo = mid + 1;
    else return x.end <= p.end ? p.kind : undefined;
  }
  return undefined;
}
