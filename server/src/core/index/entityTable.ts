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
import { isGivenNameSpelling, mayBeSamePerson, saintKey } from '../extract/nameTokens';
import type { EntityTable, GlobalEntity, SourcedRole, SourceSpan } from './api';

/** A local entity with the source it comes from. */
interface Member {
  source: ExtractedSource;
  entity: LocalEntity;
  /** Folded canonical name. */
  key: string;
  /** The entity is named by an acronym alone ("CISM"); undefined until asked (see {@link isAcronymMember}). */
  acronymOnly: boolean | undefined;
}

/** What the lazy merge produces. */
interface MergedState {
  byId: Map<string, GlobalEntity>;
  /** Folded name → entities with the rank of the match (0 name, 1 alias, 2 name tail, 3 acronym or part of a name). */
  names: Map<string, Array<{ id: string; rank: number }>>;
  /** Sorted folded names and aliases, for prefix completion: made on the first completion (nothing else needs it). */
  sortedNames: Array<{ name: string; id: string }> | null;
  all: GlobalEntity[];
}

const HONORIFIC_RE = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof)\.?\s+/;
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'di', 'du', 'del', 'der', 'den', 'van', 'von', 'le', 'la', 'bin', 'ibn', 'al', 'el']);
const MAX_PARTICLE = Math.max(...[...PARTICLES].map((p) => p.length));

/**
 * Folds a name for matching: case and diacritics removed, apostrophes straight, white space collapsed,
 * "Saint"/"St." written "st" ("Saint Petersburg" = "St Petersburg").
 */
function nameKey(name: string): string {
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

/**
 * True when every word and every tail of words of this key is its own key, so the lookup index takes
 * them as they are (tens of thousands of name parts not folded again): a plain ASCII key without
 * capitals is only lower-cased by {@link nameKey} (a no-op), and "Saint" was already written "st"
 * wherever it is followed by a space, which a part keeps.
 */
function partsAreKeys(key: string): boolean {
  if (!isPlainAsciiName(key)) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 65 && c <= 90) return false;
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
            .sort((a, b) => a.rank - b.rank || totalMentions(s, b.id) - totalMentions(s, a.id))
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
      const sorted = (s.sortedNames ??= completionIndex(s.all));
      const found = new Set<string>();
      for (let i = lowerBound(sorted, p); i < sorted.length && sorted[i].name.startsWith(p); i++) found.add(sorted[i].id);
      return [...found]
        .map((id) => s.byId.get(id))
        .filter((e): e is GlobalEntity => e !== undefined)
        .sort((a, b) => totalMentions(s, b.id) - totalMentions(s, a.id) || a.name.localeCompare(b.name))
        .slice(0, limit);
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function totalMentions(s: MergedState, id: string): number {
  return mentionCount(s.byId.get(id));
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

/**
 * The global entities of all sources. One small function per step: the merge
 * runs once per corpus state, and an engine optimises small functions far
 * more cheaply than one big one.
 */
function merge(sources: ExtractedSource[]): MergedState {
  const clusters = clusterByName(sources);
  const target = new Map<string, string>();
  joinAcronymsToExpansions(clusters, target);
  joinFullerNames(clusters, target);
  joinSurnamesToPeople(clusters, target);
  followTargets(target);
  const byId = globalEntities(mergeClusters(clusters, target));
  const all = byMentionsThenName(byId);
  return { byId, names: lookupIndex(all), sortedNames: null, all };
}

/** A cluster of local entities with the same folded name; its mention count and type are worked out once. */
interface Cluster {
  /** The folded name. */
  key: string;
  members: Member[];
  mentions: number;
  type: EntityType | null;
}

/**
 * The clusters by folded name, and in the order they were made: the rules walk the list with an index
 * (walking the map with `for...of` and destructuring made an iterator step and an entry array per
 * cluster, which a first merge in a process, its code not yet optimised, paid several times over).
 */
interface ClusterSet {
  byKey: Map<string, Cluster>;
  list: Cluster[];
}

/** 1. Same folded name. */
function clusterByName(sources: ExtractedSource[]): ClusterSet {
  const clusters = new Map<string, Cluster>();
  const list: Cluster[] = [];
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s];
    const entities = source.entities;
    for (let e = 0; e < entities.length; e++) {
      const entity = entities[e];
      const key = nameKey(entity.name);
      if (!key) continue;
      const m: Member = { source, entity, key, acronymOnly: undefined };
      const cluster = clusters.get(key);
      if (cluster) {
        cluster.members.push(m);
        cluster.mentions += entity.mentions.length;
      } else {
        const made: Cluster = { key, members: [m], mentions: entity.mentions.length, type: null };
        clusters.set(key, made);
        list.push(made);
      }
    }
  }
  return { byKey: clusters, list };
}

/** 2. Acronym-only names join their expansion, from whichever source defines it. */
function joinAcronymsToExpansions(clusters: ClusterSet, target: Map<string, string>): void {
  const expansionByAcronym = new Map<string, string>();
  for (let c = 0; c < clusters.list.length; c++) {
    const { key, members } = clusters.list[c];
    for (let i = 0; i < members.length; i++) {
      const acronym = members[i].entity.acronym;
      if (!acronym) continue;
      const acronymKey = nameKey(acronym);
      if (acronymKey !== key && !expansionByAcronym.has(acronymKey)) expansionByAcronym.set(acronymKey, key);
    }
  }
  if (expansionByAcronym.size === 0) return;
  for (let c = 0; c < clusters.list.length; c++) {
    const cluster = clusters.list[c];
    const key = cluster.key;
    const expansion = expansionByAcronym.get(key);
    if (expansion && expansion !== key && isAcronymCluster(cluster.members)) target.set(key, expansion);
  }
}

/**
 * 3. A person's name joins the most mentioned fuller form of it: "Keith Scott" is "Keith Lamont Scott",
 * "George Bush" is "George W. Bush"; "Donald Trump" and "Ivanka Trump" stay two people. With no fuller
 * form, a name joins a more mentioned one of as many words with its given name spelt another way
 * ("Victor Makarov" and "Viktor Makarov"; ties go to the key first in order, so no two join each other).
 * Not a diminutive: two sources' "Andy Scott" and "Andrew Scott" are often two people.
 */
function joinFullerNames(clusters: ClusterSet, target: Map<string, string>): void {
  const bySurname = new Map<string, string[]>();
  for (let c = 0; c < clusters.list.length; c++) {
    const cluster = clusters.list[c];
    const key = cluster.key;
    const space = key.lastIndexOf(' ');
    if (space < 0 || target.has(key) || clusterType(cluster) !== 'person') continue;
    const surname = key.slice(space + 1);
    const same = bySurname.get(surname);
    if (same) same.push(key);
    else bySurname.set(surname, [key]);
  }
  for (const keys of bySurname.values()) {
    if (keys.length < 2) continue;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const words = wordsOfKey(key);
      let best: string | undefined;
      let variant: string | undefined;
      for (let j = 0; j < keys.length; j++) {
        const other = keys[j];
        const otherWords = wordsOfKey(other);
        // Across sources a diminutive is no evidence ("Andy Scott" the footballer, "Andrew Scott" the actor); a spelling is.
        if (otherWords < words || other === key || !mayBeSamePerson(key, other, isGivenNameSpelling)) continue;
        if (otherWords === words) {
          // Only another spelling: "g. bush" is as likely any other G. Bush as George.
          if (isGivenNameSpelling(firstWord(key), firstWord(other)) && isMoreMentioned(clusters, other, key) && (variant === undefined || isMoreMentioned(clusters, other, variant))) variant = other;
        } else if (best === undefined || mentionsOf(clusters, other) > mentionsOf(clusters, best)) best = other;
      }
      best ??= variant;
      if (best !== undefined) target.set(key, best);
    }
  }
}

/** True when cluster `a` has more mentions than `b`, or as many and a key first in order: a strict order, so joins by it make no cycle. */
function isMoreMentioned(clusters: ClusterSet, a: string, b: string): boolean {
  const ma = mentionsOf(clusters, a);
  const mb = mentionsOf(clusters, b);
  return ma > mb || (ma === mb && a < b);
}

/** A key joined to one that joins another ("scott" → "keith scott" → "keith lamont scott") joins the last. */
function followTargets(target: Map<string, string>): void {
  for (const [key, to] of target) {
    let end = to;
    // Every join goes to a name of more words, to a more mentioned spelling of as many words, or from an acronym
    // to its expansion, so there is no cycle;
    // the visited set only guarantees the walk ends should a later rule ever make one.
    const seen = new Set([key, end]);
    for (let next = target.get(end); next !== undefined && !seen.has(next); next = target.get(end)) {
      seen.add(next);
      end = next;
    }
    if (end !== to) target.set(key, end);
  }
}

/** 4. One-word people join the most mentioned person whose name ends with that word. */
function joinSurnamesToPeople(clusters: ClusterSet, target: Map<string, string>): void {
  const bySurname = new Map<string, string>();
  for (let c = 0; c < clusters.list.length; c++) {
    const cluster = clusters.list[c];
    const key = cluster.key;
    if (!key.includes(' ') || clusterType(cluster) !== 'person') continue;
    const tails = nameTails(key);
    for (let i = 0; i < tails.length; i++) {
      const prev = bySurname.get(tails[i]);
      if (prev === undefined || cluster.mentions > mentionsOf(clusters, prev)) bySurname.set(tails[i], key);
    }
  }
  if (bySurname.size === 0) return;
  for (let c = 0; c < clusters.list.length; c++) {
    const cluster = clusters.list[c];
    const key = cluster.key;
    if (target.has(key) || (key.includes(' ') && !PARTICLES.has(firstWord(key)))) continue;
    const type = clusterType(cluster);
    if (type !== 'person' && type !== 'other') continue;
    const owner = bySurname.get(key);
    if (owner && owner !== key) target.set(key, owner);
  }
}

function mentionsOf(clusters: ClusterSet, key: string): number {
  return clusters.byKey.get(key)?.mentions ?? 0;
}

function clusterType(cluster: Cluster): EntityType {
  return (cluster.type ??= dominantType(cluster.members));
}

function firstWord(key: string): string {
  const space = key.indexOf(' ');
  return space < 0 ? key : key.slice(0, space);
}

/**
 * Each cluster's members under the key it joins (itself when it joins none), in cluster order.
 * Reuses (and so changes) the clusters of `clusters`, which is not to be read afterwards.
 * Returns the merged clusters in the order their keys were first met.
 */
function mergeClusters(clusters: ClusterSet, target: Map<string, string>): Cluster[] {
  const merged = new Map<string, Cluster>();
  const list: Cluster[] = [];
  for (let c = 0; c < clusters.list.length; c++) {
    const cluster = clusters.list[c];
    const key = cluster.key;
    const to = target.get(key) ?? key;
    const into = merged.get(to);
    if (into) {
      for (let i = 0; i < cluster.members.length; i++) into.members.push(cluster.members[i]);
      into.mentions += cluster.mentions;
      into.type = null; // to be decided over the joined members
    } else {
      // The cluster itself carries the merged members: the clusters by name are not read after this.
      if (to !== key) {
        cluster.key = to;
        cluster.type = null;
      }
      merged.set(to, cluster);
      list.push(cluster);
    }
  }
  return list;
}

/** The clusters of one final name (the name is decided again when several joined). */
interface FinalName {
  id: string;
  cluster: Cluster;
  /** The member whose name is the entity's; null when clusters joined here (decided again over all of them). */
  named: Member | null;
}

/**
 * One global entity per final name: two clusters may end up with the same fullest name (one joined via a surname).
 * Records the cluster of each entity in {@link clusterOfEntity}.
 */
function globalEntities(merged: Cluster[]): Map<string, GlobalEntity> {
  const byFinalName = new Map<string, FinalName>();
  const finals: FinalName[] = [];
  for (let c = 0; c < merged.length; c++) {
    const cluster = merged[c];
    // The member named in full; its folded name is the entity's id.
    const named = fullestNamed(cluster.members);
    const id = named.key;
    const found = byFinalName.get(id);
    if (found) {
      for (let i = 0; i < cluster.members.length; i++) found.cluster.members.push(cluster.members[i]);
      found.cluster.mentions += cluster.mentions;
      found.cluster.type = null;
      found.named = null; // to be decided again over the joined members
    } else {
      const final = { id, cluster, named };
      byFinalName.set(id, final);
      finals.push(final);
    }
  }
  const byId = new Map<string, GlobalEntity>();
  for (let i = 0; i < finals.length; i++) {
    const { id, cluster, named } = finals[i];
    const g = named !== null ? toGlobal(cluster.members, named.entity.name, id, clusterType(cluster)) : redecided(cluster);
    byId.set(g.id, g);
    clusterOfEntity.set(g, cluster);
  }
  return byId;
}

/** The entity of clusters joined by their fullest name, named again over all their members. */
function redecided(cluster: Cluster): GlobalEntity {
  const named = fullestNamed(cluster.members);
  return toGlobal(cluster.members, named.entity.name, named.key, clusterType(cluster));
}

/**
 * The entities, most mentioned first, then by name in code-unit order (`localeCompare` over tens of thousands
 * of names dominated the merge). Sorted without a comparator: the engine compares names itself instead of
 * calling back into script for each of a few hundred thousand comparisons, which a first merge in a process
 * (script not yet optimised) paid dearly. Names are unique: an entity's id is its folded name.
 */
function byMentionsThenName(byId: Map<string, GlobalEntity>): GlobalEntity[] {
  const byCount = new Map<number, GlobalEntity[]>();
  for (const e of byId.values()) {
    const n = mentionCount(e);
    const list = byCount.get(n);
    if (list) list.push(e);
    else byCount.set(n, [e]);
  }
  const counts = [...byCount.keys()].sort((a, b) => b - a);
  const all: GlobalEntity[] = [];
  for (let c = 0; c < counts.length; c++) {
    const list = byCount.get(counts[c]) ?? [];
    if (list.length === 1) {
      all.push(list[0]);
      continue;
    }
    const byName = new Map<string, GlobalEntity>();
    const names: string[] = [];
    for (let i = 0; i < list.length; i++) {
      byName.set(list[i].name, list[i]);
      names.push(list[i].name);
    }
    names.sort();
    for (let i = 0; i < names.length; i++) all.push(byName.get(names[i]) as GlobalEntity);
  }
  return all;
}

/** The lookup index: folded name → entities with the rank of the match. */
function lookupIndex(all: GlobalEntity[]): MergedState['names'] {
  const names = new Map<string, Array<{ id: string; rank: number }>>();
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    // An entity's id is its folded name.
    addKey(names, e.id, e.id, 0);
    for (let a = 0; a < e.aliases.length; a++) addName(names, e.aliases[a], e.id, 1);
    if (e.type === 'person') {
      const own = partsAreKeys(e.id);
      const tails = nameTails(e.id);
      for (let t = 0; t < tails.length; t++) {
        if (own) addKey(names, tails[t], e.id, 2);
        else addName(names, tails[t], e.id, 2);
      }
      // Any part of a person's name finds them ("Perdigao"), after full names and surnames.
      for (const word of e.id.split(' ')) {
        if (PARTICLES.has(word)) continue;
        if (own) addKey(names, word, e.id, 3);
        else addName(names, word, e.id, 3);
      }
    }
    if (e.acronym) addName(names, e.acronym, e.id, 3);
  }
  return names;
}

/** Folded names, aliases and (for people) name tails, sorted, for prefix completion. */
function completionIndex(all: GlobalEntity[]): Array<{ name: string; id: string }> {
  const entries: Array<{ name: string; id: string }> = [];
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    const keys = [e.id];
    for (let a = 0; a < e.aliases.length; a++) {
      const k = nameKey(e.aliases[a]);
      if (!keys.includes(k)) keys.push(k);
    }
    for (let k = 0; k < keys.length; k++) entries.push({ name: keys[k], id: e.id });
    if (e.type === 'person') {
      const tails = nameTails(e.id);
      for (let t = 0; t < tails.length; t++) entries.push({ name: tails[t], id: e.id });
    }
  }
  return sortedByName(entries);
}

/** The entries in code-unit order of their names, equal names in their order: sorted like {@link byMentionsThenName}. */
function sortedByName(entries: Array<{ name: string; id: string }>): Array<{ name: string; id: string }> {
  const byName = new Map<string, Array<{ name: string; id: string }>>();
  for (let i = 0; i < entries.length; i++) {
    const list = byName.get(entries[i].name);
    if (list) list.push(entries[i]);
    else byName.set(entries[i].name, [entries[i]]);
  }
  const names = [...byName.keys()].sort();
  const out: Array<{ name: string; id: string }> = [];
  for (let n = 0; n < names.length; n++) {
    const list = byName.get(names[n]) ?? [];
    for (let i = 0; i < list.length; i++) out.push(list[i]);
  }
  return out;
}

function addName(names: MergedState['names'], name: string, id: string, rank: number): void {
  addKey(names, nameKey(name), id, rank);
}

function addKey(names: MergedState['names'], k: string, id: string, rank: number): void {
  if (!k) return;
  const list = names.get(k);
  if (!list) names.set(k, [{ id, rank }]);
  else {
    // One entity's names are added together, so its earlier entries sit at the end of the list:
    // scanning only those keeps common words ("john", a rank-3 part of hundreds of names) linear.
    for (let i = list.length - 1; i >= 0 && list[i].id === id; i--) if (list[i].rank <= rank) return;
    list.push({ id, rank });
  }
}

function isAcronymCluster(members: Member[]): boolean {
  return members.every(isAcronymMember);
}

/** Whether the member is named by an acronym alone, worked out once and only when asked: most never are. */
function isAcronymMember(m: Member): boolean {
  return (m.acronymOnly ??= isAcronymName(m.entity.name));
}

function isAcronymName(name: string): boolean {
  return !name.includes(' ') && /^[\p{Lu}\d]+s?$|^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}/u.test(name);
}

/** "leonardo perdigao de oliveira" → "oliveira", "de oliveira", "perdigao de oliveira". */
function nameTails(key: string): string[] {
  // Word i starts after the i-th space, and the words from i on are the key from there on.
  const starts = [0];
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) starts.push(i + 1);
  const out: string[] = [];
  for (let i = starts.length - 1; i >= 1; i--) {
    if (isParticleAt(key, starts, i)) continue;
    out.push(key.slice(starts[i]));
    if (i - 1 >= 1 && isParticleAt(key, starts, i - 1)) out.push(key.slice(starts[i - 1]));
  }
  return out;
}

/** True when word `i` of the key (see {@link nameTails}) is a name particle; particles are short, so most words are not cut out to ask. */
function isParticleAt(key: string, starts: number[], i: number): boolean {
  const end = i + 1 < starts.length ? starts[i + 1] - 1 : key.length;
  return end - starts[i] <= MAX_PARTICLE && PARTICLES.has(key.slice(starts[i], end));
}

function dominantType(members: Member[]): EntityType {
  if (members.length === 1) return members[0].entity.type;
  // Votes per type in the order the types first appear: a tie goes to the type seen first.
  const types: EntityType[] = [];
  const votes: number[] = [];
  for (let i = 0; i < members.length; i++) {
    const entity = members[i].entity;
    // A stated role makes a person whatever the other sources guessed.
    const weight = entity.mentions.length + (entity.roles.length > 0 ? 100 : 0);
    const t = types.indexOf(entity.type);
    if (t >= 0) votes[t] += weight;
    else {
      types.push(entity.type);
      votes.push(weight);
    }
  }
  let best = 0;
  for (let t = 1; t < types.length; t++) if (votes[t] > votes[best]) best = t;
  return types[best];
}

/** The member with the fullest form of the name: most words, then most frequent, then first seen. */
function fullestNamed(members: Member[]): Member {
  if (members.length === 1) return members[0];
  const counts = new Map<string, { member: Member; n: number; words: number }>();
  // Decided once per member: testing every pair made big clusters ("Blair" in hundreds of sources) quadratic.
  const anyName = !isAcronymCluster(members);
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (anyName && isAcronymMember(m)) continue;
    const c = counts.get(m.key);
    if (c) c.n += m.entity.mentions.length;
    else counts.set(m.key, { member: m, n: m.entity.mentions.length, words: wordsOfKey(m.key) });
  }
  let best: { member: Member; n: number; words: number } | undefined;
  for (const c of counts.values()) if (!best || c.words > best.words || (c.words === best.words && c.n > best.n)) best = c;
  return best ? best.member : members[0];
}

/** Words of a folded name (single spaces between them). */
function wordsOfKey(key: string): number {
  let n = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n++;
  return n;
}

/** An alias of a global entity and how many mentions use it. */
interface AliasCount {
  text: string;
  n: number;
}

/**
 * The global entity of some members. Names, type, aliases, acronym, affiliation and roles are decided
 * at once (lookups and completion read them for every entity); the mentions, the count per source and
 * the introduction are worked out when first read (see {@link LAZY_FIELDS}): a hover or a go-to reads
 * them for a handful of entities, and building them for every entity was a third of the merge, paid
 * by every indexing pass.
 */
function toGlobal(members: Member[], name: string, id: string, type: EntityType): GlobalEntity {
  // Most entities have no alias: the map is made for the first.
  let aliasCounts: Map<string, AliasCount> | null = null;
  let acronym: string | undefined;
  let affiliations: Map<string, number> | null = null;
  const roles: SourcedRole[] = [];
  let seenRoles: Set<string> | null = null;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const entity = m.entity;
    aliasCounts = countAlias(aliasCounts, id, m.key, entity.name, entity.mentions.length);
    if (entity.aliases.length > 0) {
      const perForm = mentionsPerForm(entity.mentions);
      for (const a of entity.aliases) {
        const k = nameKey(a);
        aliasCounts = countAlias(aliasCounts, id, k, a, perForm.get(k) ?? 0);
      }
    }
    if (entity.acronym && !acronym) acronym = entity.acronym;
    if (entity.affiliation) {
      affiliations ??= new Map();
      affiliations.set(entity.affiliation, (affiliations.get(entity.affiliation) ?? 0) + 1);
    }
    if (entity.roles.length > 0) addRoles(roles, (seenRoles ??= new Set()), m);
  }
  if (acronym) aliasCounts = countAlias(aliasCounts, id, nameKey(acronym), acronym, 0);
  // Current titles first: readers of `roles[0]` (completion, a check's suggested title) must not get a former one.
  if (roles.some(isFormer)) roles.sort((a, b) => Number(a.former === true) - Number(b.former === true));
  let affiliation: string | undefined;
  if (affiliations) {
    let affN = 0;
    for (const [a, n] of affiliations) if (n > affN) [affiliation, affN] = [a, n];
  }
  // Cast: the three lazy fields are defined just below, as accessors.
  const g = { id, name, type, aliases: aliasTexts(aliasCounts), roles } as GlobalEntity;
  Object.defineProperty(g, 'mentions', LAZY_FIELDS.mentions);
  Object.defineProperty(g, 'mentionCounts', LAZY_FIELDS.mentionCounts);
  Object.defineProperty(g, 'introduction', LAZY_FIELDS.introduction);
  if (acronym) {
    g.acronym = acronym;
    if (nameKey(acronym) !== id) g.expansion = name;
  }
  if (affiliation) g.affiliation = affiliation;
  return g;
}

type LazyField = 'mentions' | 'mentionCounts' | 'introduction';

/**
 * The cluster each global entity was made from: its mention count ranks lookups
 * (an entity's mentions are only listed when first read), its members give the
 * fields worked out on first read. Keyed by the entity object (its `id` is
 * writable), and held only as long as the entity: a kept entity holds its own
 * members, not its merge.
 */
const clusterOfEntity = new WeakMap<GlobalEntity, Cluster>();

/** Number of mentions of an entity of a merge (0 for none). */
function mentionCount(e: GlobalEntity | undefined): number {
  return (e && clusterOfEntity.get(e)?.mentions) ?? 0;
}

/**
 * The fields of global entities worked out on first read: each is made from
 * the entity's members ({@link clusterOfEntity}) when first read, then kept as a plain
 * (writable, enumerable) data property in its place, so copies, JSON and later
 * reads see an ordinary value. The descriptors are shared by all entities: an
 * object literal with getters makes a closure per getter and a slow-mode
 * object, which cost more than building the fields did.
 */
const LAZY_FIELDS: { [K in LazyField]: PropertyDescriptor } = {
  mentions: lazyField('mentions', allMentions),
  mentionCounts: lazyField('mentionCounts', mentionCountsOf),
  introduction: lazyField('introduction', introduction),
};

function lazyField<K extends LazyField>(field: K, make: (members: Member[]) => GlobalEntity[K]): PropertyDescriptor {
  // Reflect: an entity a caller froze keeps its getter (worked out again on each read) instead of throwing.
  const settle = (entity: GlobalEntity, value: GlobalEntity[K]) => Reflect.defineProperty(entity, field, { value, writable: true, enumerable: true, configurable: true });
  return {
    enumerable: true,
    configurable: true,
    get(this: GlobalEntity): GlobalEntity[K] {
      const value = make(clusterOfEntity.get(this)?.members ?? []);
      settle(this, value);
      return value;
    },
    set(this: GlobalEntity, value: GlobalEntity[K]): void {
      settle(this, value);
    },
  };
}

/** Every mention of the members, in member order. */
function allMentions(members: Member[]): SourceSpan[] {
  const mentions: SourceSpan[] = [];
  for (let i = 0; i < members.length; i++) {
    const key = members[i].source.key;
    for (const x of members[i].entity.mentions) mentions.push({ key, start: x.start, end: x.end });
  }
  return mentions;
}

/** Mentions of the members per source key, most first. */
function mentionCountsOf(members: Member[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (let i = 0; i < members.length; i++) {
    const key = members[i].source.key;
    counts.set(key, (counts.get(key) ?? 0) + members[i].entity.mentions.length);
  }
  return sortedCounts(counts);
}

/** Counts `n` uses of an alias (not the name itself); returns the counts, made on the first alias. */
function countAlias(aliasCounts: Map<string, AliasCount> | null, id: string, key: string, text: string, n: number): Map<string, AliasCount> | null {
  if (key === id) return aliasCounts;
  const counts = aliasCounts ?? new Map<string, AliasCount>();
  const c = counts.get(key);
  if (c) c.n += n;
  else counts.set(key, { text, n });
  return counts;
}

function isFormer(r: SourcedRole): boolean {
  return r.former === true;
}

/** The aliases, most used first (first seen first among equals). */
function aliasTexts(aliasCounts: Map<string, AliasCount> | null): string[] {
  if (aliasCounts === null || aliasCounts.size === 0) return [];
  const counted = [...aliasCounts.values()];
  if (counted.length > 1) counted.sort((a, b) => b.n - a.n);
  const out: string[] = [];
  for (let i = 0; i < counted.length; i++) out.push(counted[i].text);
  return out;
}

/** Mentions per source key, most first, then in key order. */
function sortedCounts(counts: Map<string, number>): Array<{ key: string; count: number }> {
  const out: Array<{ key: string; count: number }> = [];
  for (const [key, count] of counts) out.push({ key, count });
  if (out.length > 1) out.sort((a, b) => b.count - a.count || compareText(a.key, b.key));
  return out;
}

/**
 * Mentions per folded form. Counted once per member (filtering the mentions for every alias was quadratic
 * in big clusters), and each form as written is folded once: an entity's mentions repeat a few forms.
 */
function mentionsPerForm(mentions: Mention[]): Map<string, number> {
  const perForm = new Map<string, number>();
  let lastText = '';
  let lastKey = '';
  for (let i = 0; i < mentions.length; i++) {
    const text = mentions[i].text;
    if (i === 0 || text !== lastText) {
      lastText = text;
      lastKey = nameKey(text);
    }
    perForm.set(lastKey, (perForm.get(lastKey) ?? 0) + 1);
  }
  return perForm;
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
  // Counted once per form as written in a row: an entity's mentions repeat a few forms.
  const words: number[] = [];
  let most = 0;
  for (const m of members) {
    let text: string | undefined;
    let n = 0;
    for (const x of m.entity.mentions) {
      if (x.text !== text) {
        text = x.text;
        n = wordCount(text);
      }
      words.push(n);
      if (n > most) most = n;
    }
  }
  let best: SourceSpan | null = null;
  let bestScore = -Infinity;
  let j = 0;
  for (const m of members) {
    for (const x of m.entity.mentions) {
      if (words[j++] < most) continue;
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
