/**
 * role-mismatch: the draft gives a person a title the sources contradict
 * ("ROC President Rodion Plitukhin" when the sources call him the ROC's
 * secretary general). Only titles made of known office words are compared, and
 * only against people the sources give a comparable role; a title that leaves
 * out a rank ("Defence Minister" for a deputy) counts as a mismatch, one that
 * leaves out a portfolio ("Minister" for "Defence Minister") does not.
 *
 * A role the sources mark `former` is no current title: a draft giving it
 * without "former" is reported only when the sources state a different
 * current title; with "former" in front, the title is the draft's business.
 */
import type { SourcedRole } from '../index/api';
import type { Span } from '../model';
import type { DraftName } from '../draft/model';
import { foldText, isLetterOrDigit } from '../text/normalize';
import { DiagnosticCode, type DossierDiagnostic } from './diagnostics';
import { bySentence, diagnostic, relatedPassage, type CheckContext } from './context';
import { spellingFold } from './quoteCompare';
import { wordMemo } from '../text/wordMemo';

/** Words that name an office; a title must contain one to be compared. */
const OFFICE_WORDS = new Set([
  'president', 'secretary', 'minister', 'chancellor', 'chairman', 'chairwoman', 'chair', 'chairperson', 'director',
  'ambassador', 'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'head', 'leader', 'coach', 'manager', 'captain',
  'governor', 'mayor', 'senator', 'commissioner', 'treasurer', 'ceo', 'officer', 'adviser', 'advisor', 'envoy',
  'executive', 'founder', 'chief', 'premier', 'general', 'deputy', 'vice', 'acting', 'interim', 'assistant',
  'prime', 'foreign', 'defence', 'interior', 'finance', 'sports', 'sport', 'culture', 'health', 'education',
  'presidential', 'under', 'associate', 'honorary', 'first', 'producer', 'editor', 'presenter', 'publisher',
  'conductor', 'composer', 'curator', 'principal', 'dean', 'rector', 'bishop', 'archbishop', 'general-secretary',
]);
/** Words that change the rank of an office: leaving one out (or adding one) changes the title. */
const RANK_WORDS = new Set(['deputy', 'vice', 'assistant', 'under', 'associate', 'acting', 'interim', 'honorary', 'first', 'prime', 'general', 'chief', 'presidential']);
/** Rank words whose omission changes who the person is (a deputy written as the minister). */
const LOWER_RANK_WORDS = new Set(['deputy', 'vice', 'assistant', 'under', 'associate', 'acting', 'interim']);
/** Words that name an office's head noun. */
const HEAD_WORDS = new Set([...OFFICE_WORDS].filter((w) => !RANK_WORDS.has(w) && !['foreign', 'defence', 'interior', 'finance', 'sports', 'sport', 'culture', 'health', 'education'].includes(w)));

/**
 * Reports titles in the draft that the sources contradict. Sentence by
 * sentence, remembered per corpus state: an edit re-reads only the sentences
 * it changed.
 */
export function checkRoles(ctx: CheckContext): DossierDiagnostic[] {
  return bySentence(ctx, 'roles', (sentence, names) => {
    const out: DossierDiagnostic[] = [];
    for (const name of names) {
      if (sentence.quotes.some((q) => q.kind !== 'reported' && name.start >= q.inner.start && name.start < q.inner.end)) continue;
      const found = checkName(ctx, name, sentence);
      if (found) out.push(found);
    }
    return out;
  });
}

function checkName(ctx: CheckContext, name: DraftName, sentence: Span): DossierDiagnostic | null {
  const personal = personalName(name);
  if (!personal) return null;
  // The title first: it is a cheap look at the text, the entity lookup is not.
  const title = titleBefore(ctx.draft.text, sentence.start, personal.start) ?? titleAfter(ctx.draft.text, name.end, sentence.end);
  if (!title) return null;
  const entity = ctx.corpus.entities.lookup(personal.text).find((e) => e.type === 'person');
  if (!entity) return null;
  const person = { entity };
  if (/\bformer|ex-\w*$/i.test(ctx.draft.text.slice(Math.max(sentence.start, title.start - 12), title.start))) return null;
  // A former role is no current title: only the current ones can confirm the draft's or correct it.
  const current = person.entity.roles.filter((r) => !r.former);
  const comparable = current.filter((r) => officeWords(r.text).length > 0);
  if (comparable.length === 0) return null;
  const matches = (r: SourcedRole) => roleReadings(ctx, r).some((words) => compatible(title.words, words));
  if (current.some(matches)) return null;
  const wasFormer = person.entity.roles.some((r) => r.former && matches(r));
  const best = pickRole(comparable, title.org);
  const shown = best.org ? `${best.org} ${best.text}` : best.text;
  const written = ctx.draft.text.slice(title.start, title.end);
  return diagnostic(DiagnosticCode.RoleMismatch, title,
    wasFormer
      ? `The sources call ${person.entity.name} ${shown} now; ${written} is a former title (write "former ${written}").`
      : `The sources call ${person.entity.name} ${shown}, not ${written}.`,
    [relatedPassage(ctx, best.key, best, `@${best.key}: ${shown}`)],
    [{ title: `Use "${best.text}"`, edits: [{ start: title.start, end: title.end, newText: best.text }], isPreferred: true }]);
}

/** The personal name a draft name ends with ("ROC President Rodion Plitukhin" → "Rodion Plitukhin"). */
function personalName(name: DraftName): { text: string; start: number } | null {
  const offset = personalNameStartOf(name.text);
  return offset < 0 ? null : { text: name.text.slice(offset), start: name.start + offset };
}

/** {@link personalNameStart} remembered by name as written: the same names come back in many sentences. */
const personalNameStartOf = wordMemo(personalNameStart, 20000);

/** Where the personal name starts in a name as written, -1 when the name is only a title or acronym. */
function personalNameStart(name: string): number {
  const words = [...name.matchAll(/\S+/g)];
  // The personal name starts after the last office word or acronym of the run.
  let first = 0;
  words.forEach((w, i) => {
    if (officeOrAcronym(w[0])) first = i + 1;
  });
  if (first >= words.length) return -1;
  return words[first].index ?? 0;
}

/** Whether a word as written in a name is an office word (or holds one: "vice-president") or an acronym; remembered per word. */
const officeOrAcronym = wordMemo((word: string): boolean =>
  word.toLowerCase().split('-').map(normalizeWord).some((p) => OFFICE_WORDS.has(p)) || /^\p{Lu}{2,}$/u.test(word), 20000);

/** The office words right before a name ("ROC secretary general", "Deputy Defence Minister"), with the organisation word before them. */
function titleBefore(text: string, floor: number, nameStart: number): (Span & { words: string[]; org?: string }) | null {
  const from = Math.max(floor, nameStart - 80);
  if (!officeWordJustBefore(text, from, nameStart)) return null;
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  const tokens: Array<{ text: string; start: number; end: number }> = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < nameStart; m = re.exec(text)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  let i = tokens.length;
  const words: string[] = [];
  while (i > 0) {
    const t = tokens[i - 1];
    const gap = text.slice(t.end, i < tokens.length ? tokens[i].start : nameStart);
    if (!/^[ \t]+$/.test(gap)) break;
    const parts = t.text.toLowerCase().split(/-/).map(normalizeWord);
    if (!parts.some((p) => OFFICE_WORDS.has(p))) break;
    words.unshift(...parts.filter((p) => OFFICE_WORDS.has(p)));
    i--;
  }
  if (i === tokens.length || !words.some((w) => HEAD_WORDS.has(w))) return null;
  const start = tokens[i].start;
  const end = tokens[tokens.length - 1].end;
  const orgToken = i > 0 && /^[ \t]+$/.test(text.slice(tokens[i - 1].end, start)) && /^\p{Lu}/u.test(tokens[i - 1].text) ? tokens[i - 1].text.replace(/['’]s$/, '') : undefined;
  return { start, end, words, ...(orgToken ? { org: orgToken } : {}) };
}

/**
 * False when the word right before the name (spaces or tabs between) is no
 * office word, so {@link titleBefore} finds nothing: most names have no
 * title, and this looks at one word instead of splitting 80 characters into
 * words. The word is the run of letters, digits, apostrophes and hyphens
 * ending there, from its first letter or digit, as titleBefore's words are.
 */
function officeWordJustBefore(text: string, from: number, nameStart: number): boolean {
  let end = nameStart;
  while (end > from && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  if (end === nameStart || end === from) return false;
  let start = end;
  for (; start > from; start--) {
    const c = text.charCodeAt(start - 1);
    // A surrogate pair may be a letter: the word scan decides.
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (!isLetterOrDigit(c) && c !== 0x27 && c !== 0x2019 && c !== 0x2d) break;
  }
  while (start < end && (text.charCodeAt(start) === 0x27 || text.charCodeAt(start) === 0x2019 || text.charCodeAt(start) === 0x2d)) start++;
  if (start === end) return false;
  return text.slice(start, end).toLowerCase().split(/-/).map(normalizeWord).some((p) => OFFICE_WORDS.has(p));
}

/** Words between a name and an appositive title that carry no meaning for the title. */
const APPOSITIVE_LEAD = /^,[ \t]+(?:who(?:['’]s|[ \t]+is)[ \t]+(?:now[ \t]+)?)?(?:the[ \t]+)?/iu;
/** An organisation after the title: "of the ROC", "of Russia's Olympic Committee". */
const OF_ORG = /^[ \t]+of[ \t]+(?:the[ \t]+)?((?:\p{Lu}[\p{L}\p{N}'’-]*)(?:[ \t]+(?:of[ \t]+|and[ \t]+)?\p{Lu}[\p{L}\p{N}'’-]*){0,5})/u;

/**
 * An appositive title right after a name: "Pozdnyakov, the ROC secretary
 * general, spoke", "Berg, secretary general of CISM, said", "Berg, who is
 * the president of the council's board, ...". Only a title of office words
 * closed by a clause break counts, so "Berg, the first to speak," or "Berg,
 * president Wang and ..." (a list) are not read as titles. "who was" is the
 * past, not a title.
 */
function titleAfter(text: string, nameEnd: number, sentenceEnd: number): (Span & { words: string[]; org?: string }) | null {
  // An appositive opens with a comma right after the name.
  if (nameEnd >= sentenceEnd || text.charCodeAt(nameEnd) !== 0x2c) return null;
  const rest = text.slice(nameEnd, Math.min(sentenceEnd, nameEnd + 160));
  const lead = APPOSITIVE_LEAD.exec(rest);
  if (!lead) return null;
  let pos = lead[0].length;
  // "the ROC secretary general", "Russia's Deputy Defence Minister", "the council's president".
  let org: string | undefined;
  const orgMatch = /^((?:\p{Lu}[\p{L}\p{N}'’-]*[ \t]+){1,4}|[\p{L}]+['’]s[ \t]+)/u.exec(rest.slice(pos));
  if (orgMatch) {
    const words = orgMatch[1].trim().split(/[ \t]+/);
    if (words.every((w) => !w.toLowerCase().split('-').map(normalizeWord).some((p) => OFFICE_WORDS.has(p)))) {
      org = words.join(' ').replace(/['’]s$/, '');
      pos += orgMatch[0].length;
    }
  }
  const start = nameEnd + pos;
  const words: string[] = [];
  const re = /[\p{L}][\p{L}'’-]*/uy;
  let end = start;
  while (true) {
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) break;
    const parts = m[0].toLowerCase().split('-').map(normalizeWord);
    if (!parts.every((p) => OFFICE_WORDS.has(p))) break;
    words.push(...parts);
    end = nameEnd + pos + m[0].length;
    pos += m[0].length;
    const gap = /^[ \t]+/.exec(rest.slice(pos));
    if (!gap) break;
    pos += gap[0].length;
  }
  if (!words.some((w) => HEAD_WORDS.has(w))) return null;
  pos = end - nameEnd;
  const of = OF_ORG.exec(rest.slice(pos));
  if (of) {
    org ??= of[1].replace(/['’]s$/, '');
    pos += of[0].length;
  }
  // The title must close its clause: "Berg, the president, said" yes; "Berg, the president said to be ..." no.
  if (!/^\s*(?:[,;.!?)\u2014\u2013]|$)/.test(rest.slice(pos))) return null;
  return { start, end, words, ...(org ? { org } : {}) };
}

/**
 * The office words of a role, plus those of a title joined to it by "and" in
 * the source ("chairman and chief executive Richard Parsons": both offices).
 */
function roleReadings(ctx: CheckContext, role: SourcedRole): string[][] {
  const readings = [officeWords(role.text)];
  const text = ctx.corpus.get(role.key)?.text;
  if (text) {
    const joined = /([\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:and|&)\s+$/u.exec(text.slice(Math.max(0, role.start - 40), role.start));
    const words = joined ? officeWords(joined[1]) : [];
    if (words.length > 0) readings.push(words);
  }
  return readings;
}

/** Office words of a role as the sources wrote it. */
function officeWords(role: string): string[] {
  return role.toLowerCase().split(/[\s-]+/).map(normalizeWord).filter((w) => OFFICE_WORDS.has(w));
}

/**
 * Same office: the same words, or one leaves out only portfolio words
 * ("Minister" vs "Defence Minister"); leaving out or adding a rank word
 * ("Defence Minister" vs "Deputy Defence Minister") is a different office.
 */
function compatible(draft: string[], role: string[]): boolean {
  const d = new Set(draft);
  const r = new Set(role);
  const missing = [...r].filter((w) => !d.has(w));
  const extra = [...d].filter((w) => !r.has(w));
  if (![...d].some((w) => HEAD_WORDS.has(w) && r.has(w))) return false;
  // Leaving out "chief" or "general" shortens a title; leaving out "deputy" or "vice" promotes the person.
  return !missing.some((w) => LOWER_RANK_WORDS.has(w)) && !extra.some((w) => RANK_WORDS.has(w)) && extra.every((w) => !HEAD_WORDS.has(w));
}

function pickRole(roles: SourcedRole[], org: string | undefined): SourcedRole {
  if (org) {
    const folded = foldText(org);
    const same = roles.find((r) => r.org && foldText(r.org) === folded);
    if (same) return same;
  }
  return roles[0];
}

/** 'defence' as spelling-folded, worked out once (every word of every title is compared with it). */
const DEFENCE_FOLDED = spellingFold('defence');

/** A word folded, possessive off, "defense" spelt "defence"; remembered: the same words come back in every sentence and title. */
const normalizeWord = wordMemo((w: string): string => {
  const lower = foldText(w).replace(/['’]s$/, '');
  return spellingFold(lower) === DEFENCE_FOLDED ? 'defence' : lower;
});
