/**
 * Roles, titles and affiliations stated for a person in one sentence:
 *
 * - before the name: "ROC secretary general Rodion Plitukhin", "Russia's Deputy
 *   Defence Minister Nikolai Pankov", "Russian President Vladimir Putin",
 *   "National Olympic and Sports Committee of Mali (CNOSM) secretary general
 *   Mohamed Oumar Traore";
 * - after it: "Dirk Schwede is the Acting President of the CISM", "Traore,
 *   secretary general of the CNOSM, ...";
 * - succession: "Plitukhin, who succeeded Anastasia Davydova as ROC secretary
 *   general" gives the role to both, the predecessor's marked `former`;
 * - former roles: "former Prime Minister John Major", "ex-chairman", "Hervé
 *   Piccirillo’s term as leader was not renewed" are marked `former`;
 * - affiliation: "Germany’s Dirk Schwede", "Yijang Wang of China", "Russian ...".
 *
 * A role is a run of title words (see `TITLE_HEADS`/`TITLE_MODIFIERS`) with at
 * least one head word; its span covers those words only, and the organisation
 * in front of it (or after "of") is reported as `org`.
 */
import type { Role } from '../model';
import { LEX, PLACES, MULTIWORD_PLACES, nationalityCountry } from './lexicon';
import { lexOf, tokenAt, type NameToken } from './nameTokens';

/** A recognised name inside a sentence's tokens. */
export interface NameRef {
  /** Index of the name's first token. */
  first: number;
  /** Index of its last token (inclusive). */
  last: number;
  /** The name as written. */
  text: string;
  /** Folded name, white space collapsed. */
  norm: string;
  /** True when the name is known not to be a person (an organisation or a place). */
  notPerson: boolean;
}

/** What {@link findRoles} found for one name. */
export interface RoleFinding {
  /** Index into the `names` given. */
  name: number;
  role: Role | undefined;
  affiliation: string | undefined;
}

/**
 * The index of the name starting at token `k`, if one does. A sentence has a few names: a scan is
 * cheaper than making maps for each sentence.
 */
function nameStartingAt(names: NameRef[], k: number): number | undefined {
  for (let i = names.length - 1; i >= 0; i--) if (names[i].first === k) return i;
  return undefined;
}

/** The index of the name ending at token `k`, if one does (see {@link nameStartingAt}). */
function nameEndingAt(names: NameRef[], k: number): number | undefined {
  for (let i = names.length - 1; i >= 0; i--) if (names[i].last === k) return i;
  return undefined;
}

/**
 * Finds the roles and affiliations the sentence states for its person names.
 * `names` must be in token order and not overlap.
 */
export function findRoles(text: string, toks: NameToken[], names: NameRef[]): RoleFinding[] {
  // Every finding and every partial finding has all its fields, so the code reading them sees one shape.
  const out: RoleFinding[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name.notPerson) continue;
    const before = roleBefore(text, toks, names, name.first) ?? appositiveBefore(text, toks, names, name.first, name.last);
    if (before) out.push({ name: i, role: before.role, affiliation: before.affiliation });
    const after = roleAfter(text, toks, names, name.last);
    if (after) out.push({ name: i, role: after.role, affiliation: after.affiliation });
    const affiliation = affiliationAfter(toks, names, name.last);
    if (affiliation) out.push({ name: i, role: undefined, affiliation });
    const succession = successionRole(text, toks, names, name.last);
    if (succession) {
      out.push({ name: i, role: succession.role, affiliation: undefined });
      out.push({ name: succession.predecessor, role: { ...succession.role, former: true }, affiliation: undefined });
    }
    const ended = endedTermRole(text, toks, names, name.last);
    if (ended) out.push({ name: i, role: ended, affiliation: undefined });
  }
  return out;
}

/** True for words that can be part of a title ("Deputy", "Defence", "Minister", "vice-president"). */
function isTitleWord(t: NameToken | undefined): boolean {
  return t !== undefined && (lexOf(t) & LEX.titleWord) !== 0;
}

/** True for words that make a run of title words a role ("Minister", "aide", "ambassador-at-large"). */
function isTitleHead(t: NameToken): boolean {
  return (lexOf(t) & LEX.titleHead) !== 0;
}

/** The country of a nationality adjective ("Russian" → "Russia"), if the token is one. */
function nationality(t: NameToken | undefined): string | undefined {
  return t !== undefined && (lexOf(t) & LEX.nationality) !== 0 ? nationalityCountry(t.norm) : undefined;
}

/** Marks a role `former` when its own words say so ("former Prime Minister", "ex-chairman"). */
function withTense(role: Role): Role {
  if (/(?:^|\s)(?:former|ex-)/i.test(role.text)) role.former = true;
  return role;
}

/** "ROC secretary general |Rodion Plitukhin": title words right before the name, then the organisation before them. */
function roleBefore(text: string, toks: NameToken[], names: NameRef[], first: number): Omit<RoleFinding, 'name'> | null {
  let k = first - 1;
  let hasHead = false;
  while (k >= 0 && toks[k].word && nameEndingAt(names, k) === undefined && isTitleWord(toks[k])) {
    if (isTitleHead(toks[k])) hasHead = true;
    if (toks[k].poss && k !== first - 1) break;
    k--;
  }
  const roleFirst = k + 1;
  if (roleFirst === first) {
    const aff = orgEndingAt(toks, names, k);
    // Only a country directly before the name is an affiliation ("Germany’s Dirk Schwede", "Russian ...").
    return aff?.affiliation ? { role: undefined, affiliation: aff.affiliation } : null;
  }
  if (!hasHead) return null;
  const role = withTense({ start: toks[roleFirst].start, end: toks[first - 1].end, text: text.slice(toks[roleFirst].start, toks[first - 1].end) });
  const org = orgEndingAt(toks, names, k);
  if (org?.org) role.org = org.org;
  return { role, affiliation: org?.affiliation };
}

/**
 * "The minister, |Ann Lee|, said", "Its chief executive, |Richard Parsons|, said": a
 * role phrase after a determiner, then the name set off by commas.
 */
function appositiveBefore(text: string, toks: NameToken[], names: NameRef[], first: number, last: number): Omit<RoleFinding, 'name'> | null {
  if (tokenAt(toks, first - 1)?.text !== ',' || (toks[last + 1] && toks[last + 1].text !== ',')) return null;
  let k = first - 2;
  let hasHead = false;
  while (k >= 0 && toks[k].word && nameEndingAt(names, k) === undefined && isTitleWord(toks[k])) {
    if (isTitleHead(toks[k])) hasHead = true;
    k--;
  }
  if (!hasHead || k === first - 2 || !/^(?:the|its|their|his|her|our)$/.test(tokenAt(toks, k)?.norm ?? '')) return null;
  // The phrase must open its clause: "The minister, Ann Lee," not "he met the minister, Ann Lee and ...".
  const opener = tokenAt(toks, k - 1);
  if (opener && opener.word && !/^(?:said|says|and|but|while|when|as)$/.test(opener.norm)) return null;
  const roleFirst = k + 1;
  const role = withTense({ start: toks[roleFirst].start, end: toks[first - 2].end, text: text.slice(toks[roleFirst].start, toks[first - 2].end) });
  return { role, affiliation: undefined };
}

/** "Dirk Schwede| is the Acting President of the CISM", "Traore|, secretary general of ...". */
function roleAfter(text: string, toks: NameToken[], names: NameRef[], last: number): Omit<RoleFinding, 'name'> | null {
  let j = last + 1;
  if (j >= toks.length) return null;
  let apposition = false;
  if (toks[j].text === ',') {
    apposition = true;
    j++;
    if (tokenAt(toks, j)?.norm === 'who' && /^(is|was)$/.test(tokenAt(toks, j + 1)?.norm ?? '')) j += 2;
  } else if (/^(is|was|became|becomes)$/.test(toks[j].norm)) {
    j++;
  } else {
    return null;
  }
  if (/^(the|a|an|now|also)$/.test(tokenAt(toks, j)?.norm ?? '')) j++;
  const phrase = parseRolePhrase(text, toks, names, j);
  if (!phrase) return null;
  // An apposition must end where the role phrase ends, or it was something else ("Putin, president and ...").
  if (apposition && !phrase.viaOf) {
    const next = toks[phrase.next];
    if (next && next.word && !/^(and|who|said|says|has|had|is|was)$/.test(next.norm)) return null;
  }
  return { role: phrase.role, affiliation: undefined };
}

/** "Plitukhin, who succeeded |Anastasia Davydova| as ROC secretary general": the role is both people's. */
function successionRole(text: string, toks: NameToken[], names: NameRef[], last: number): { role: Role; predecessor: number } | null {
  let j = last + 1;
  if (tokenAt(toks, j)?.text === ',' && tokenAt(toks, j + 1)?.norm === 'who') j += 2;
  if (!/^(succeeded|replaced|succeeds|replaces)$/.test(tokenAt(toks, j)?.norm ?? '')) return null;
  const predecessor = nameStartingAt(names, j + 1);
  if (predecessor === undefined) return null;
  const after = names[predecessor].last + 1;
  if (tokenAt(toks, after)?.norm !== 'as') return null;
  const phrase = parseRolePhrase(text, toks, names, after + 1);
  return phrase ? { role: phrase.role, predecessor } : null;
}

/**
 * "Hervé Piccirillo’s| term as leader was not renewed", "Smith's term as chairman
 * ended": the role the person held until then, marked `former`.
 */
function endedTermRole(text: string, toks: NameToken[], names: NameRef[], last: number): Role | null {
  if (!toks[last].poss || !/^(?:term|tenure|mandate|reign|stint)$/.test(tokenAt(toks, last + 1)?.norm ?? '') || tokenAt(toks, last + 2)?.norm !== 'as') return null;
  const phrase = parseRolePhrase(text, toks, names, last + 3);
  if (!phrase) return null;
  let j = phrase.next;
  if (/^(?:was|has|had|is)$/.test(tokenAt(toks, j)?.norm ?? '')) j++;
  if (/^(?:been|not)$/.test(tokenAt(toks, j)?.norm ?? '')) j++;
  const verb = tokenAt(toks, j)?.norm ?? '';
  const wasNot = tokenAt(toks, j - 1)?.norm === 'not';
  if (wasNot ? !/^(?:renewed|extended)$/.test(verb) : !/^(?:ended|expired|ends|expires|finished|lapsed|over)$/.test(verb)) return null;
  return { ...phrase.role, former: true };
}

/** "Yijang Wang |of China": a country after "of" is the person's affiliation. */
function affiliationAfter(toks: NameToken[], names: NameRef[], last: number): string | undefined {
  if (tokenAt(toks, last + 1)?.norm !== 'of') return undefined;
  const n = nameStartingAt(names, last + 2);
  if (n === undefined) return undefined;
  const key = names[n].norm;
  return PLACES.has(key) || MULTIWORD_PLACES.has(key) ? names[n].text : undefined;
}

interface RolePhrase {
  role: Role;
  /** Token after the phrase. */
  next: number;
  /** True when the phrase ended with "of/at/for ORG". */
  viaOf: boolean;
}

/** "[ORG] title words [of|at|for [the] ORG]" starting at token `j`. */
function parseRolePhrase(text: string, toks: NameToken[], names: NameRef[], j: number): RolePhrase | null {
  let org: string | undefined;
  const orgName = nameStartingAt(names, j);
  const country = nationality(tokenAt(toks, j));
  if (orgName !== undefined && names[orgName].notPerson && isTitleWord(tokenAt(toks, names[orgName].last + 1))) {
    org = names[orgName].text;
    j = names[orgName].last + 1;
  } else if (country && isTitleWord(tokenAt(toks, j + 1))) {
    org = country;
    j++;
  }
  const roleFirst = j;
  let hasHead = false;
  while (j < toks.length && toks[j].word && nameStartingAt(names, j) === undefined && isTitleWord(toks[j])) {
    if (isTitleHead(toks[j])) hasHead = true;
    j++;
  }
  if (!hasHead) return null;
  const role = withTense({ start: toks[roleFirst].start, end: toks[j - 1].end, text: text.slice(toks[roleFirst].start, toks[j - 1].end) });
  let viaOf = false;
  if (/^(of|at|for)$/.test(tokenAt(toks, j)?.norm ?? '')) {
    let k = j + 1;
    if (tokenAt(toks, k)?.norm === 'the') k++;
    const n = nameStartingAt(names, k);
    if (n !== undefined && names[n].notPerson) {
      org = names[n].text;
      viaOf = true;
      j = names[n].last + 1;
    }
  }
  if (org) role.org = org;
  return { role, next: j, viaOf };
}

/** The organisation or country ending at token `k`: "Russia's", "ROC", "(CNOSM)", "Russian". */
function orgEndingAt(toks: NameToken[], names: NameRef[], k: number): { org: string | undefined; affiliation: string | undefined } | null {
  const t = tokenAt(toks, k);
  if (!t) return null;
  if (!t.word) {
    if (t.text === ')' && tokenAt(toks, k - 1)?.acronym && tokenAt(toks, k - 2)?.text === '(') return { org: toks[k - 1].text, affiliation: undefined };
    return null;
  }
  const n = nameEndingAt(names, k);
  if (n !== undefined) {
    const name = names[n];
    const key = name.norm;
    const isPlace = PLACES.has(key) || MULTIWORD_PLACES.has(key);
    if (isPlace) return { org: name.text, affiliation: name.text };
    return name.notPerson || t.poss ? { org: name.text, affiliation: undefined } : null;
  }
  const country = nationality(t);
  if (country && t.cap) return { org: country, affiliation: country };
  return null;
}
