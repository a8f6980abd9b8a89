/**
 * quote-misattributed: the draft gives a quotation (or reported speech) to
 * someone other than the person the source quotes.
 *
 * Only reported when both sides are clear: the quote is found (word for word,
 * or nearly in the cited source), the source's quote has a named speaker, and
 * the draft's speaker is a name that is not that person (for "he said", only
 * when the name it stands for is known to be a person).
 */
import type { QuoteMatch } from '../index/api';
import type { DraftQuote } from '../draft/model';
import { foldText } from '../text/normalize';
import { DiagnosticCode, type DossierDiagnostic } from './diagnostics';
import { diagnostic, knownKeys, relatedPassage, type CheckContext } from './context';
import { lookupQuote } from './quoteLookup';

/** Least similarity for reported speech to count as the source's quote. */
const REPORTED_SIMILARITY = 0.8;
/** Least similarity of a near (altered) quote to trust its speaker. */
const NEAR_SPEAKER_SIMILARITY = 0.75;
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'al', 'bin', 'le', 'la', 'du', 'dos']);

/** Reports quotations given to the wrong speaker. */
export function checkMisattribution(ctx: CheckContext): DossierDiagnostic[] {
  const out: DossierDiagnostic[] = [];
  for (const quote of ctx.draft.quotes) {
    const attribution = quote.attribution;
    if (!attribution) continue;
    const match = sourceQuote(ctx, quote);
    const speaker = match?.quote?.speaker;
    if (!match || !speaker || !/^\p{Lu}/u.test(speaker.name)) continue;
    // A speaker the corpus does not know as a person ("Virgin Blue", "its chairman") is too unsure to contradict.
    if (!isKnownPerson(ctx, speaker.name)) continue;
    const pronoun = /^(?:he|she)$/i.test(ctx.draft.text.slice(attribution.span.start, attribution.span.end));
    if (pronoun && !isKnownPerson(ctx, attribution.name)) continue;
    if (samePerson(ctx, attribution.name, speaker.name)) continue;
    const replacement = pronoun ? speaker.name : nameLike(attribution.name, speaker.name);
    out.push(diagnostic(DiagnosticCode.QuoteMisattributed, attribution.span,
      `@${match.key} quotes ${speaker.name} saying this, not ${attribution.name}.`,
      [relatedPassage(ctx, match.key, speaker, `Speaker in @${match.key}: ${speaker.name}`)],
      [{ title: `Attribute to ${replacement}`, edits: [{ ...attribution.span, newText: replacement }], isPreferred: true }]));
  }
  return out;
}

/** The source quotation the draft's words come from, when it is clear. */
function sourceQuote(ctx: CheckContext, quote: DraftQuote): QuoteMatch | null {
  if (quote.kind === 'reported') {
    const keys = knownKeys(ctx, quote.citation);
    if (keys.length === 0) return null;
    const best = ctx.corpus.quotes.find(quote.text, { keys, limit: 1, minSimilarity: REPORTED_SIMILARITY })[0];
    return best?.quote ? best : null;
  }
  const look = lookupQuote(ctx, quote);
  if (look.words < 3) return null;
  if (look.verbatimInCited) return look.verbatimInCited;
  if (look.nearInCited && look.nearInCited.similarity >= NEAR_SPEAKER_SIMILARITY) return look.nearInCited;
  if (look.cited.length === 0 && look.verbatimElsewhere.length > 0) {
    // Uncited: trust the speaker only when every source that has the words agrees.
    const names = new Set(look.verbatimElsewhere.map((m) => m.quote?.speaker?.name ?? ''));
    return names.size === 1 ? look.verbatimElsewhere[0] : null;
  }
  return null;
}

/** True when the draft's name and the source's speaker are the same person. */
function samePerson(ctx: CheckContext, draftName: string, speakerName: string): boolean {
  const draftTokens = nameTokens(draftName);
  const speakerTokens = new Set(nameTokens(speakerName));
  if (draftTokens.some((t) => speakerTokens.has(t))) return true;
  const speakerFolded = foldText(speakerName);
  for (const entity of ctx.corpus.entities.lookup(draftName)) {
    const forms = [entity.name, ...entity.aliases].map(foldText);
    if (forms.includes(speakerFolded) || forms.some((f) => nameTokens(f).some((t) => speakerTokens.has(t)))) return true;
  }
  // A name the corpus knows as something other than a person (an organisation, a place) is not a rival speaker.
  const entities = ctx.corpus.entities.lookup(draftName);
  return entities.length > 0 && entities.every((e) => e.type !== 'person');
}

function isKnownPerson(ctx: CheckContext, name: string): boolean {
  return ctx.corpus.entities.lookup(name).some((e) => e.type === 'person');
}

/** Capitalised name words, folded ("Deputy Defence Minister Nikolai Pankov" keeps all; titles rarely collide with names). */
function nameTokens(name: string): string[] {
  return name.split(/[\s-]+/).filter((w) => w.length >= 2 && !NAME_PARTICLES.has(w.toLowerCase())).map((w) => foldText(w).replace(/['’]s$/, ''));
}

/** The speaker's name in the form the draft used: a surname alone when the draft wrote one. */
function nameLike(draftName: string, speakerName: string): string {
  if (/\s/.test(draftName)) return speakerName;
  const words = speakerName.split(/\s+/);
  let i = words.length - 1;
  while (i > 0 && NAME_PARTICLES.has(words[i - 1].toLowerCase())) i--;
  return words.slice(i).join(' ');
}
