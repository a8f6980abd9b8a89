/**
 * Who said it: speech-verb cues and the speaker noun phrases around them.
 *
 * Works on one paragraph at a time, over a flat token list in which the words
 * inside quotation marks are flagged, so that cues are only looked for in the
 * reporter's own words ("...," said Putin / Pankov claimed that ... / which
 * Natorp claimed represented "..."). Everything is table-driven word lists and
 * index arithmetic — no per-character regular expressions — because extraction
 * must run far faster than the 5 MB/s budget of the whole pipeline.
 */
import type { LocalEntity, Paragraph, Span, Speaker } from '../model';
import { foldText } from '../text/normalize';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, wordShapes } from './lexicon';
import { firstIndexNotBefore } from '../text/sortedSearch';

/** A token of a paragraph: a word, a punctuation character or a quotation mark used as such. */
export interface Tok {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased text, straight apostrophes. */
  lower: string;
  kind: 'word' | 'punct' | 'mark';
  /** Index of the quotation (in the paragraph's list) the token lies in, marks included; -1 outside. */
  quote: number;
  /** Index of the paragraph sentence holding the token. */
  sentence: number;
}

/** What a speaker phrase is made of. */
export type PhraseKind = 'name' | 'pronoun' | 'description';

/** The words naming a speaker in one attribution. */
export interface SpeakerPhrase extends Span {
  kind: PhraseKind;
  /** The naming words ("Vladimir Putin" inside "Russian President Vladimir Putin"; "he"; "a source"). */
  text: string;
}

/** A speech verb with the phrase naming who speaks. */
export interface Cue {
  /** Token index of the verb (or of "according"/the dash). */
  verb: number;
  speaker: SpeakerPhrase;
}

// ---------------------------------------------------------------- word lists

/** Irregular forms: lemma → [third person, past, gerund, ...more]. */
const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'writing', 'written'],
  think: ['thinks', 'thought', 'thinking'],
  feel: ['feels', 'felt', 'feeling'],
  hold: ['holds', 'held', 'holding'],
  speak: ['speaks', 'spoke', 'speaking', 'spoken'],
  tweet: ['tweets', 'tweeted', 'tweeting'],
  sing: ['sings', 'sang', 'singing', 'sung'],
  read: ['reads', 'read', 'reading'],
};

/** Verbs that introduce words someone said: direct quotes on either side, reported clauses. */
const SPEECH_LEMMAS = [
  'say', 'tell', 'add', 'claim', 'stress', 'insist', 'warn', 'note', 'explain', 'argue', 'reveal', 'suggest',
  'announce', 'state', 'declare', 'assert', 'comment', 'remark', 'reply', 'respond', 'answer', 'ask', 'write',
  'tweet', 'acknowledge', 'admit', 'concede', 'confirm', 'deny', 'predict', 'promise', 'vow', 'pledge', 'urge',
  'recall', 'report', 'emphasise', 'emphasize', 'underline', 'underscore', 'complain', 'boast', 'joke', 'quip',
  'continue', 'conclude', 'observe', 'caution', 'contend', 'allege', 'testify', 'proclaim', 'mention',
  'reiterate', 'shout', 'yell', 'demand', 'propose', 'hint', 'lament', 'believe', 'think', 'feel', 'hope',
  'recount', 'agree', 'counter', 'retort', 'estimate', 'indicate', 'maintain', 'speak', 'post', 'describe',
  'elaborate', 'inform', 'assure', 'signal', 'point', 'accuse', 'charge',
];

/**
 * Verbs of voicing words that do not report them ("sang", "chanted", "the letter
 * reads"): they frame a quotation next to them but give no reported clause.
 */
const VOICING_LEMMAS = ['sing', 'chant', 'read', 'scream', 'exclaim', 'whisper', 'bark', 'cry', 'mutter', 'holler'];

/** Verbs that frame a quotation without reporting speech ("called it "a disaster"", "thanked them for "trust""). */
const FRAMING_LEMMAS = [
  'call', 'dub', 'label', 'brand', 'hail', 'praise', 'celebrate', 'thank', 'slam', 'blast', 'criticise',
  'criticize', 'welcome', 'condemn', 'want', 'pledge', 'attack', 'mock', 'dismiss', 'defend', 'applaud',
  'characterise', 'characterize', 'term', 'decry', 'question', 'rail', 'vow', 'promise', 'express', 'issue',
  'liken', 'laud', 'tout', 'denounce', 'blame', 'deride', 'ridicule', 'lambaste', 'admire', 'compare', 'refer',
  'quote', 'cite', 'pound', 'hammer', 'tease', 'chide', 'scold', 'insult', 'taunt', 'cheer', 'interject',
  ...VOICING_LEMMAS, 'wonder', 'rule', 'reference', 'pronounce', 'deem',
];

/** Verbs whose reported clause may follow without "that" ("He suggested an MoU would be signed"). */
const CLAUSAL_LEMMAS = ['say', 'claim', 'insist', 'argue', 'suggest', 'believe', 'think', 'warn', 'add', 'admit', 'predict', 'hope', 'feel', 'reveal', 'contend', 'allege', 'acknowledge', 'concede', 'assert', 'maintain', 'estimate'];

function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return [lemma, ...irregular];
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  let past: string;
  let gerund: string;
  if (lemma.endsWith('e')) {
    past = `${lemma}d`;
    gerund = `${lemma.slice(0, -1)}ing`;
  } else if (/[^aeiou]y$/.test(lemma)) {
    past = `${lemma.slice(0, -1)}ied`;
    gerund = `${lemma}ing`;
  } else if (/^(?:dub|slam|quip|admit|label|rail)$/.test(lemma)) {
    const doubled = lemma === 'label' || lemma === 'rail' ? lemma : lemma + lemma.slice(-1);
    past = `${doubled}ed`;
    gerund = `${doubled}ing`;
  } else {
    past = `${lemma}ed`;
    gerund = `${lemma}ing`;
  }
  return [lemma, third, past, gerund];
}

function formsOf(lemmas: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const lemma of lemmas) for (const form of inflect(lemma)) out.set(form, lemma);
  if (lemmas.includes('label')) out.set('labelled', 'label');
  return out;
}

/** Inflected speech verbs → lemma. */
export const SPEECH_VERBS = formsOf(SPEECH_LEMMAS);

/** The shapes of {@link SPEECH_VERBS}. */
export const SPEECH_VERB_SHAPES = wordShapes([SPEECH_VERBS.keys()]);
/** Speech and framing verbs → lemma (used for the verb before a quotation). */
export const QUOTE_VERBS = formsOf([...SPEECH_LEMMAS, ...FRAMING_LEMMAS]);
/**
 * Verbs that give the speaker of the quotation just before them (`," the crowd
 * chanted`, `," he mocked`): speech and voicing verbs and a few of mockery, not
 * framing ones (`," the crowd applauded` is not the crowd's line).
 */
const AFTER_QUOTE_VERBS = formsOf([...SPEECH_LEMMAS, ...VOICING_LEMMAS, 'wonder', 'rule', 'slam', 'blast', 'mock', 'tease', 'chide', 'scold', 'taunt', 'cheer', 'interject', 'deride', 'ridicule', 'lambaste']);
/**
 * Finds sentences worth tokenising for reported speech (verbs are lower-case
 * mid-sentence; "According" may open one). The alternation is factored into a
 * prefix tree, which the regular-expression engine scans far faster than a flat
 * list of ~500 words (and faster than a JavaScript loop over char codes). Run it
 * once over a whole text: a call per paragraph costs more in call overhead than
 * in scanning.
 */
export const SPEECH_HINT = new RegExp(`\\b${prefixTree([...SPEECH_VERBS.keys(), 'according', 'According'])}\\b`, 'g');

/** A regular-expression source matching exactly `words`, factored by common prefixes. */
function prefixTree(words: string[]): string {
  const root = new Map<string, Map<string, unknown>>();
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch) as Map<string, Map<string, unknown>>;
    }
    node.set('', new Map());
  }
  const emit = (node: Map<string, Map<string, unknown>>): string => {
    const branches: string[] = [];
    let optional = false;
    for (const [ch, child] of node) {
      if (ch === '') optional = true;
      else branches.push(ch + emit(child as Map<string, Map<string, unknown>>));
    }
    if (branches.length === 0) return '';
    const body = branches.length === 1 && !optional ? branches[0] : `(?:${branches.join('|')})`;
    return optional ? `${branches.length === 1 ? `(?:${branches[0]})` : body}?` : body;
  };
  return emit(root);
}

/** Speech verbs that take a bare clause. */
export const CLAUSAL_VERBS = formsOf(CLAUSAL_LEMMAS);
/** Forms that are usually nouns or adjectives, not the verb ("the report", "a claim", "the state"). */
const NOUN_LIKE = new Set(['report', 'reports', 'tweet', 'tweets', 'rule', 'rules', 'ruling', 'rulings', 'chant', 'chants', 'cry', 'cries', 'reading', 'readings', 'reference', 'references', 'claim', 'claims', 'state', 'states', 'comment', 'comments', 'answer', 'answers', 'post', 'posts', 'point', 'points', 'charge', 'charges', 'question', 'questions', 'call', 'calls', 'promise', 'promises', 'hope', 'term', 'terms', 'issue', 'issues', 'counter', 'want', 'feel', 'continue', 'estimate', 'estimates', 'attack', 'attacks', 'welcome', 'remark', 'remarks', 'demand', 'demands', 'vow', 'vows', 'pledge', 'pledges', 'warning', 'speaking', 'saying', 'feeling', 'thinking', 'writing', 'holding']);

export const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'one', 'some', 'many', 'several', 'two', 'three', 'four', 'five', 'other', 'both', 'each', 'any', 'this', 'these', 'those', 'most', 'all', 'no', 'few']);
/** Words that may sit between a subject and its verb ("Khakimov has also claimed"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'may', 'might', 'should', 'can', 'did',
  'does', 'do', 'also', 'later', 'previously', 'then', 'again', 'repeatedly', 'recently', 'reportedly', 'further',
  'once', 'even', 'publicly', 'privately', 'separately', 'earlier', 'first', 'already', 'still', 'often', 'always',
  'just', 'quickly', 'simply', 'flatly', 'bluntly', 'angrily', 'subsequently', 'allegedly', 'apparently', 'never',
  'not', 'only', 'famously', 'openly', 'clearly', 'explicitly', 'directly', 'personally', 'herself', 'himself',
  'themselves', 'itself', 'yesterday', 'today', 'tonight', 'last', 'night', 'week', 'on', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'being', 'been', 'be', 'however', 'meanwhile', 'too',
  'instead', 'though', 'therefore', 'nevertheless', 'nonetheless',
]);
/** Prepositions opening a phrase that can sit between a subject and its verb. */
const PREPOSITIONS = new Set(['in', 'on', 'at', 'for', 'during', 'after', 'before', 'since', 'over', 'from', 'with', 'to', 'of', 'by', 'about', 'throughout', 'into', 'through', 'across', 'around', 'along', 'outside', 'inside', 'near', 'behind', 'toward', 'towards', 'past']);
/** Words of "be" that make a following participle passive ("it was announced"). */
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
/** Words that end a noun phrase read forwards. */
const PHRASE_STOPS = new Set([
  'for', 'of', 'at', 'in', 'on', 'with', 'to', 'from', 'by', 'as', 'who', 'which', 'that', 'and', 'or', 'but',
  'during', 'after', 'before', 'when', 'while', 'about', 'if', 'because', 'since', 'than', 'into', 'over', 'under',
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'said', 'says', 'told', 'added',
  'where', 'whose', 'whom', 'via', 'per', 'against', 'among', 'between', 'without', 'within', 'through',
]);
/** Capitalised words that do not start or continue a name. */
const NOT_NAME = new Set([
  ...DETERMINERS, ...PHRASE_STOPS, ...PRONOUNS, 'but', 'and', 'however', 'meanwhile', 'yet', 'so', 'also', 'then',
  'although', 'though', 'speaking', 'asked', 'earlier', 'later', 'last', 'next', 'there', 'here', 'now', 'today',
  'yesterday', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'in',
  'mr', 'mrs', 'ms', 'dr', 'yes', 'no', 'not', 'well', 'still', 'instead', 'indeed', 'even', 'only', 'just',
  'what', 'why', 'how', 'whether', 'according', 'like', 'unlike', 'despite', 'once', 'until', 'unless', 'such',
  'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred',
  'thousand', 'million', 'dozens', 'hundreds', 'thousands', 'millions',
]);
/** Lower-case name particles ("de Oliveira", "van der Berg", "bin Salman"). */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'du', 'bin', 'ibn', 'al', 'el', 'ben']);
/** Honorifics written with a dot that belong to a name ("Mr. Obama"). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'rev', 'st']);
/** Titles and descriptors stripped from the front of a name ("Russian President Vladimir Putin" → "Vladimir Putin"). */
const TITLE_WORDS = new Set([
  'president', 'prime', 'minister', 'secretary', 'general', 'deputy', 'defence', 'defense', 'foreign', 'chancellor',
  'senator', 'representative', 'governor', 'mayor', 'chairman', 'chairwoman', 'chair', 'chief', 'executive',
  'director', 'ambassador', 'ambassador-at-large', 'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'manager',
  'captain', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'attorney', 'commissioner', 'vice',
  'vice-president', 'acting', 'former', 'lord', 'sir', 'dame', 'professor', 'officer', 'leader', 'head', 'speaker',
  'treasurer', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'rev',
  'candidate', 'nominee', 'congressman', 'congresswoman', 'presidential', 'aide', 'adviser', 'advisor', 'official',
  'founder', 'boss', 'striker', 'midfielder', 'defender', 'goalkeeper', 'star', 'champion', 'democrat', 'republican',
  'sheriff', 'chief', 'commander', 'lawyer', 'economist', 'analyst', 'mp', 'mep', 'gop', 'labour', 'tory',
  'conservative', 'liberal', 'democratic', 'state', 'interior', 'finance', 'health', 'education', 'sports', 'sport',
  'culture', 'trade', 'home', 'shadow', 'party', 'committee', 'council', 'association', 'federation', 'union',
]);
/** Words in an organisation's name ("... Committee"), used when "it" needs a referent and no entity is given. */
export const ORG_HEADS = new Set(['committee', 'council', 'organisation', 'organization', 'association', 'federation', 'union', 'ministry', 'government', 'party', 'agency', 'company', 'group', 'club', 'board', 'commission', 'department', 'office', 'court', 'bank', 'institute', 'university', 'league', 'fund', 'corporation', 'campaign', 'parliament', 'congress', 'senate']);

const DASHES = new Set(['-', '\u2013', '\u2014', '\u2015']);

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/**
 * Nouns that head a description of someone who speaks ("the California
 * congressman", "a White House official", "the crowd"). A description with such
 * a head is a speaker as reliable as a name; other descriptions ("the
 * shootings", "the days") are taken only when nothing else resolves.
 */
const PERSON_NOUNS = words(`
  official spokesman spokeswoman spokesperson spokesmen spokeswomen source aide adviser advisor lawyer attorney analyst
  expert critic supporter opponent voter resident leader minister president senator congressman congresswoman
  lawmaker legislator governor mayor candidate nominee front-runner frontrunner lady woman women man men mother father
  wife husband daughter son sister brother widow widower friend officer agent director chief chairman chairwoman
  chair secretary ambassador diplomat envoy executive manager coach player member representative strategist operative
  pollster economist researcher scientist doctor physician professor author writer reporter journalist editor
  columnist correspondent host anchor moderator judge justice prosecutor investigator protester protestor
  demonstrator activist organizer organiser worker employee student teacher parent veteran survivor witness victim
  neighbor neighbour owner founder insider observer commentator people person crowd audience family delegate
  delegation consultant staffer staff billionaire mogul businessman businesswoman actor actress singer star comedian
  pastor priest bishop cleric imam rabbi sheriff detective trooper soldier commander historian biographer scholar
  psychologist psychiatrist nurse surgeon neurosurgeon entrepreneur developer ceo head boss partner colleague ally
  rival challenger incumbent contender hopeful speaker attendee participant caller viewer reader fan backer donor
  volunteer citizen customer passenger driver farmer immigrant refugee inmate prisoner detainee suspect defendant
  plaintiff respondent marcher chanter guy guys republican democrat conservative liberal progressive independent
  regulator negotiator counterpart teammate rapper musician band leader manager superintendent principal dean
  provost president-elect vice-president secretary-general director-general user commenter poster blogger prince
  princess king queen emir sheikh child children kid boy girl teen teenager chairmen congressmen tycoon magnate
  gunman shooter nominee announcer narrator questioner percent majority
`);
/** Nouns that head a description of a body that speaks ("the ministry", "the campaign"). */
const BODY_NOUNS = words(`
  campaign committee agency department ministry government administration party union organization organisation
  council court panel board commission office team company firm network newspaper magazine paper outlet website
  site police military army group coalition alliance institute foundation association federation league club
  embassy consulate station channel
`);
/** Nouns that head a document that "says" something ("the letter reads", "the ruling said"). */
const DOCUMENT_NOUNS = words(`
  statement report article memo memorandum study poll survey ruling order complaint lawsuit suit filing document
  release editorial ad advertisement commercial sign banner placard note message email e-mail letter tweet post
  platform bill law proposal plan headline caption transcript book piece story column op-ed petition resolution
  indictment affidavit motion brief decision opinion verdict manifesto bylaws constitution analysis audit review
  summary readout account script video clip footage recording interview text notice guidance policy guidelines
  regulation code charter treaty agreement contract slogan motto website missive dispatch bulletin
`);

/** What a speaker noun names. */
export type NounKind = 'person' | 'body' | 'document';

/** Every speaker noun with its plural forms ("officials", "agencies", "witnesses") → its kind: one lookup per word. */
const NOUN_KINDS = new Map<string, NounKind>();
// A word in two lists keeps the first kind ("website" is a document before a body).
for (const [nouns, kind] of [[DOCUMENT_NOUNS, 'document'], [BODY_NOUNS, 'body'], [PERSON_NOUNS, 'person']] as const) {
  for (const w of nouns) {
    const plural = /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(w) ? `${w}es` : `${w}s`;
    for (const form of [w, plural]) if (!NOUN_KINDS.has(form)) NOUN_KINDS.set(form, kind);
  }
}

/** "the announcer", "a narrator", "one questioner", "activists", "the comedian": nouns for people by their ending. */
const AGENT_NOUN = /[a-z]{3}(?:er|or|ist|ian|ant|ent)s?$/;

/** The kind of a lower-case speaker noun, by the lists, an agent ending or "-old" ("the 46-year-old"); null for other words. */
function nounKind(word: string): NounKind | null {
  return NOUN_KINDS.get(word) ?? (AGENT_NOUN.test(word) || word.endsWith('-old') ? 'person' : null);
}

/**
 * The kind of the head of a description: its last word that is a speaker
 * noun ("spokesman" in "A US Embassy spokesman", "statement" in "a statement
 * late": the phrase may run past its noun), or null. Words are read from the
 * end without splitting the text.
 */
export function headKind(phrase: SpeakerPhrase): NounKind | null {
  if (phrase.kind !== 'description') return null;
  const text = phrase.text;
  let end = text.length;
  for (let k = text.length - 1; k >= -1; k--) {
    if (k >= 0 && !isSpaceCode(text.charCodeAt(k))) continue;
    if (end > k + 1) {
      const kind = nounKind(text.slice(k + 1, end).toLowerCase());
      if (kind) return kind;
    }
    end = k;
  }
  return null;
}

/** True for a description headed by a person, a body or a document: one that can be a speaker. */
export function isSpeakerDescription(phrase: SpeakerPhrase): boolean {
  // Any word may be the head: "a source close", "one Democrat familiar" (the phrase stops before "to", "with").
  return headKind(phrase) !== null;
}

/** True for a description of a document ("a statement", "the newspaper's editorial"). */
function isDocumentDescription(phrase: SpeakerPhrase): boolean {
  return headKind(phrase) === 'document';
}

/** True for a word that names a speaker when it follows a name ("the Clinton campaign", "a Trump aide"). */
function isSpeakerNounWord(tok: Tok): boolean {
  return tok.text === tok.lower && nounKind(tok.lower) !== null;
}

// ---------------------------------------------------------------- tokens

/**
 * Tokenises the sentences of a paragraph for which `wanted[s]` is true (all
 * when `wanted` is null). `quoteSpans` are the quotations' outer spans (marks
 * included) in paragraph order; `markAt` tells which offsets hold a quotation
 * mark. Words keep inner apostrophes, hyphens, dots and ampersands ("don't",
 * "U.S", "AT&T"). Skipping sentences without quotes or speech verbs is what
 * keeps extraction fast; every cue lies within the sentences of its quote.
 * The words inside a quotation are skipped too: only its marks become tokens.
 */
export function tokenizeSentences(text: string, sentences: Span[], wanted: boolean[] | null, quoteSpans: Span[], markAt: Set<number>): Tok[] {
  const toks: Tok[] = [];
  for (let s = 0; s < sentences.length; s++) {
    if (wanted && !wanted[s]) continue;
    tokenizeSpan(text, sentences[s], s, quoteSpans, markAt, toks);
  }
  return toks;
}

/**
 * Tokenises one sentence into `toks`. Written for a cold process: it runs over
 * most characters of the corpus, so the rare cases (a dot or an apostrophe
 * kept after a word) live in {@link wordEndWithMark}, and every test that
 * decides `folds` runs on common paths, so the optimised code is not thrown
 * away the first time a rare branch is reached.
 */
function tokenizeSpan(text: string, span: Span, s: number, quoteSpans: Span[], markAt: Set<number>, toks: Tok[]): void {
  const end = span.end;
  const quoteCount = quoteSpans.length;
  let q = 0;
  // The outer span of quotation q (past the end when there is none).
  let quoteStart = quoteCount > 0 ? quoteSpans[0].start : end;
  let quoteEnd = quoteCount > 0 ? quoteSpans[0].end : end;
  let i = span.start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0) { i++; continue; }
    while (q < quoteCount && quoteEnd <= i) {
      q++;
      quoteStart = q < quoteCount ? quoteSpans[q].start : end;
      quoteEnd = q < quoteCount ? quoteSpans[q].end : end;
    }
    // The words inside a quotation are never cues: only its marks become tokens.
    if (q < quoteCount && quoteStart < i) {
      const inner = markAt.has(quoteEnd - 1) && quoteEnd - 1 > quoteStart ? quoteEnd - 1 : quoteEnd;
      if (i < inner) { i = Math.min(inner, end); continue; }
    }
    const tokStart = i;
    let kind: Tok['kind'];
    // A token needs folding when it has a capital or a non-ASCII unit: most words are lower-case ASCII,
    // whose `lower` is the word itself, with no second string.
    let folds = code >= 128 || (code >= 65 && code <= 90);
    if (isWordCode(code)) {
      i++;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c >= 97 && c <= 122) { i++; continue; }
        if (isWordCode(c)) { folds = c >= 128 || (c >= 65 && c <= 90) || folds; i++; continue; }
        // Inner ' ’ . - & joins two word parts.
        if ((c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 38) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) {
          const d = text.charCodeAt(i + 1);
          folds = c === 0x2019 || d >= 128 || (d >= 65 && d <= 90) || folds;
          i += 2;
          continue;
        }
        break;
      }
      kind = 'word';
      i = wordEndWithMark(text, tokStart, i, end, markAt);
      // A possessive ’ kept by wordEndWithMark folds to a straight apostrophe.
      folds = text.charCodeAt(i - 1) === 0x2019 || folds;
    } else {
      i++;
      kind = markAt.has(tokStart) ? 'mark' : 'punct';
      folds = code === 0x2019;
    }
    const word = text.slice(tokStart, i);
    let lower = word;
    if (folds) {
      lower = kind === 'word' ? word.toLowerCase() : word;
      if (lower.indexOf('\u2019') >= 0) lower = lower.replace(/\u2019/g, "'");
    }
    toks.push({ start: tokStart, end: i, text: word, lower, kind, quote: q < quoteCount && quoteStart <= tokStart ? q : -1, sentence: s });
  }
}

const CHAR_A = 65; // 'A'

/**
 * The end of the word `text[start, end)` with the mark that belongs to it:
 * the dot of "Mr." and of the initial in "Edwin G. Monroy" (part of a name), or
 * the possessive apostrophe after s in "players' union" unless it closes a
 * quotation; `end` when neither follows.
 */
function wordEndWithMark(text: string, start: number, end: number, limit: number, markAt: Set<number>): number {
  const next = end < limit ? text.charCodeAt(end) : 0;
  if (next === 46 /* . */) {
    const length = end - start;
    if (length > 4) return end;
    // Every operation runs for each short word before a dot (the capital test as arithmetic, the dot
    // added as 0 or 1): an operation first run in optimised code for an initial would throw it away.
    // A-Z: a code below 'A' (65) wraps round to a huge unsigned number, so one comparison tests both bounds.
    const capital = (text.charCodeAt(start) - CHAR_A) >>> 0 < 26;
    const keepsDot = HONORIFICS.has(text.slice(start, end).toLowerCase()) || (length === 1 && capital);
    return end + (keepsDot ? 1 : 0);
  }
  if (next !== 39 /* ' */ && next !== 0x2019 /* ’ */) return end;
  return text.charCodeAt(end - 1) === 115 /* s */ && !markAt.has(end) && isSpaceCode(text.charCodeAt(end + 1)) ? end + 1 : end;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

/** Per UTF-16 unit beyond ASCII: 0 not yet known, 1 letter or digit, 2 neither (a table read beats a Map lookup). */
const WORD_CODES = new Uint8Array(65536);

/** True for a UTF-16 unit that is a letter or digit (any script). */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let known = WORD_CODES[code];
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_CODES[code] = known;
  }
  return known === 1;
}

function isCap(tok: Tok): boolean {
  const c = tok.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = tok.text.charAt(0);
  return ch !== ch.toLowerCase();
}

function isPossessive(tok: Tok): boolean {
  return tok.lower.endsWith("'s") || tok.lower.endsWith("s'");
}

/** True for a token that can be part of a person's or organisation's name. */
function isNameWord(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.kind !== 'word') return false;
  if (isCap(t)) {
    const dash = t.lower.indexOf('-');
    return !NOT_NAME.has(dash > 0 ? t.lower.slice(0, dash) : t.lower) || HONORIFICS.has(withoutDot(t.lower));
  }
  // "de Oliveira", "al-Assad": a particle followed by a capitalised word.
  if (PARTICLES.has(t.lower) || /^(?:al|el|bin|ibn)-/.test(t.lower)) return i + 1 < toks.length && toks[i + 1].kind === 'word' && isCap(toks[i + 1]);
  return false;
}

function isOutside(toks: Tok[], i: number, sentence: number): boolean {
  return i >= 0 && i < toks.length && toks[i].quote === -1 && toks[i].sentence === sentence;
}

/** "mr." → "mr" (honorifics keep their dot as tokens). */
function withoutDot(lower: string): string {
  // One substring call either way (the whole string is returned as is): a call made only for the rare
  // honorific would throw away the optimised code of every function this is inlined into.
  return lower.substring(0, lower.length - (lower.charCodeAt(lower.length - 1) === 46 ? 1 : 0));
}

/** "Democratic", "Republican", "President": titles with no name. */
function onlyTitles(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!TITLE_WORDS.has(withoutDot(toks[k].lower))) return false;
  return true;
}

/** A run of several all-capital words is a heading ("CONGRESS HAS INVESTIGATED HIM"), not a name. */
function isShouting(toks: Tok[], from: number, to: number): boolean {
  // "CONGRESS HAS INVESTIGATED HIM": a lone capitalised word of a heading is checked with its neighbours.
  if (to - from === 1) return isUpperWord(toks[from]) && (isUpperWord(toks[from + 1]) && toks[from + 1].sentence === toks[from].sentence || from > 0 && isUpperWord(toks[from - 1]) && toks[from - 1].sentence === toks[from].sentence);
  for (let k = from; k < to; k++) if (!isUpperWord(toks[k])) return false;
  return true;
}

function isUpperWord(tok: Tok | undefined): boolean {
  if (tok === undefined || tok.kind !== 'word' || tok.text.length < 2 || tok.text === tok.lower) return false;
  // Any a-z settles it without upper-casing a copy of the word.
  const text = tok.text;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  return text === text.toUpperCase();
}

/** True when the phrase starts at token `k` or only titles precede it there. */
function firstTokenIs(toks: Tok[], k: number, p: SpeakerPhrase): boolean {
  for (let i = k; i < toks.length && toks[i].start < p.start; i++) if (!isNameWord(toks, i)) return false;
  return true;
}

/** Drops leading titles from a name run ("Russian President Vladimir Putin" → "Vladimir Putin"). */
function headOfName(toks: Tok[], from: number, to: number): number {
  let head = from;
  // "the Security Council", "Russian Olympic Committee": an organisation's name is whole.
  const org = to - from > 1 && ORG_HEADS.has(toks[to - 1].lower);
  for (let i = from; i < to; i++) {
    if (org) {
      if (isPossessive(toks[i])) head = i + 1;
      continue;
    }
    const lower = withoutDot(toks[i].lower);
    if (TITLE_WORDS.has(lower) || isPossessive(toks[i]) || /(?:ian|ese|ish|ch)$/.test(lower) && i + 1 < to && TITLE_WORDS.has(toks[i + 1].lower)) head = i + 1;
  }
  return head < to ? head : to - 1;
}

function phrase(text: string, toks: Tok[], from: number, to: number, kind: PhraseKind): SpeakerPhrase {
  return { start: toks[from].start, end: toks[to - 1].end, kind, text: text.slice(toks[from].start, toks[to - 1].end) };
}

/**
 * The speaker phrase ending at token `i` (reading backwards), or null.
 * Handles "Plitukhin, who succeeded ... last year, said" (skips the relative clause).
 */
export function phraseBefore(text: string, toks: Tok[], i: number, sentence: number, depth = 0): SpeakerPhrase | null {
  if (!isOutside(toks, i, sentence)) return null;
  // "Chaffetz (R-Utah) said": skip the parenthesis.
  if (toks[i].text === ')') {
    let open = i - 1;
    while (open > 0 && open > i - 8 && toks[open].text !== '(') open--;
    if (isOutside(toks, open, sentence) && toks[open].text === '(') return phraseBefore(text, toks, open - 1, sentence, depth);
    return null;
  }
  const t = toks[i];
  if (t.kind === 'punct' && DASHES.has(t.text) && depth === 0) return subjectBeforeDashes(text, toks, i, sentence);
  if (t.kind === 'punct' && t.text === ',' && depth === 0) {
    // An apposition or relative clause between subject and verb: find the comma that opens it.
    for (let j = i - 1; j >= 0 && j > i - 30 && isOutside(toks, j, sentence); j--) {
      if (toks[j].text === ',') {
        const opener = toks[j + 1];
        if (opener && (opener.lower === 'who' || opener.lower.startsWith("who'") || opener.lower === 'the' || opener.lower === 'a' || opener.lower === 'an' || opener.lower === 'whose' || opener.lower === 'which')) {
          // "Sanders, meanwhile, who sits ..., said": an aside adverb before the clause.
          const aside = isOutside(toks, j - 2, sentence) && toks[j - 2].text === ',' && (BETWEEN_SUBJECT_AND_VERB.has(toks[j - 1].lower) || isAdverb(toks[j - 1]));
          const subject = phraseBefore(text, toks, aside ? j - 3 : j - 1, sentence, depth + 1);
          return subject && (subject.kind !== 'description' || isSpeakerDescription(subject)) ? subject : null;
        }
        // "Another critic, Laurence H. Tribe, likened": the apposition is the name.
        const inner = phraseBefore(text, toks, i - 1, sentence, depth + 1);
        if (inner && inner.kind === 'name' && inner.start <= toks[j + 1].start + 40 && toks[j + 1].start >= inner.start - 40 && firstTokenIs(toks, j + 1, inner)) return inner;
        // "Fiorina, speaking to Iowans, said", "Reid, in particular, has", "Bush, Florida's former governor, also attacked":
        // an aside after the subject, which opens its clause.
        const subject = phraseBefore(text, toks, j - 1, sentence, depth + 1);
        const person = subject && (subject.kind === 'name' || subject.kind === 'pronoun' && /^(?:he|she)$/i.test(subject.text));
        return person && opensClause(toks, j - 1, subject, sentence) ? subject : null;
      }
    }
    return null;
  }
  if (t.kind !== 'word') return null;
  if (PRONOUNS.has(t.lower)) return phrase(text, toks, i, i + 1, 'pronoun');
  // Only a word with an apostrophe can be a contraction: the regular expression runs for those alone.
  const contracted = t.lower.indexOf("'") > 0 ? /^(he|she|it|they|we|i)'(?:s|re|ve|ll|d|m)$/.exec(t.lower) : null;
  if (contracted) return { start: t.start, end: t.start + contracted[1].length, kind: 'pronoun', text: t.text.slice(0, contracted[1].length) };
  if ((t.lower === 'who' || t.lower === 'which') && depth === 0) {
    const before = i - 1;
    if (isOutside(toks, before, sentence) && toks[before].text === ',') return phraseBefore(text, toks, before - 1, sentence, depth + 1);
    return phraseBefore(text, toks, before, sentence, depth + 1);
  }
  if (isNameWord(toks, i) && !isPossessive(t)) {
    let from = i;
    while (from - 1 >= 0 && i - from < 7 && isOutside(toks, from - 1, sentence) && isNameWord(toks, from - 1) && !isPossessive(toks[from - 1])) from--;
    // "Yijang Wang of China stressed": the speaker is the name before "of", not the country.
    const of = toks[from - 1];
    if (from === i && of && (of.lower === 'of' || of.lower === 'from') && isOutside(toks, from - 2, sentence) && isNameWord(toks, from - 2)) {
      const owner = phraseBefore(text, toks, from - 2, sentence, depth + 1);
      if (owner) return owner;
    }
    if (isShouting(toks, from, i + 1) || onlyTitles(toks, from, i + 1)) return null;
    if (isPluralNounOpening(toks, from, i + 1, sentence)) return phrase(text, toks, from, i + 1, 'description');
    const head = headOfName(toks, from, i + 1);
    return phrase(text, toks, head, i + 1, 'name');
  }
  return descriptionBefore(text, toks, i, sentence, depth) ?? longDescriptionBefore(text, toks, i, sentence);
}

/** A description ending at token `i`: "a source", "the ministry", "a Clinton spokesman", "officials". */
function descriptionBefore(text: string, toks: Tok[], i: number, sentence: number, depth: number): SpeakerPhrase | null {
  const t = toks[i];
  if (isCap(t) || NOT_NAME.has(t.lower) || BETWEEN_SUBJECT_AND_VERB.has(t.lower) || /^\p{N}/u.test(t.text)) return null;
  for (let j = i - 1; j >= 0 && j >= i - 4 && isOutside(toks, j, sentence); j--) {
    const w = toks[j];
    if (w.kind !== 'word') break;
    if (!isNounLike(t)) return null;
    if (DETERMINERS.has(w.lower) || /^\d/.test(w.text) && t.lower === 'percent') {
      // "who has in the past described": a time or place phrase, the subject is before it.
      const preposition = toks[j - 1];
      if (preposition && isOutside(toks, j - 1, sentence) && PREPOSITIONS.has(preposition.lower)) {
        if (depth > 1) return null;
        let back = skipBetween(toks, j - 2, -1, sentence).index;
        // "Protesters marching through the streets chanted": the participle qualifies the subject before it.
        if (isOutside(toks, back, sentence) && toks[back].text === toks[back].lower && toks[back].lower.endsWith('ing') && !isNounLike(toks[back])) back--;
        return phraseBefore(text, toks, back, sentence, depth + 1);
      }
      return phrase(text, toks, j, i + 1, 'description');
    }
    if (isPossessive(w)) {
      const determiner = isOutside(toks, j - 1, sentence) && DETERMINERS.has(toks[j - 1].lower);
      return phrase(text, toks, determiner ? j - 1 : j, i + 1, 'description');
    }
    if (PHRASE_STOPS.has(w.lower) || PRONOUNS.has(w.lower)) break;
  }
  const prev = i - 1;
  const bare = !isOutside(toks, prev, sentence) || toks[prev].kind !== 'word' || PHRASE_STOPS.has(toks[prev].lower) || NOT_NAME.has(toks[prev].lower);
  if (bare && t.lower.endsWith('s') && t.lower.length > 3) return phrase(text, toks, i, i + 1, 'description');
  return null;
}

/**
 * "the 34-year-old mother of three", "The former first lady and U.S. senator",
 * "the chair of the DNC": a description with "of" or "and" inside, from its
 * determiner to token `i`, when it names a person.
 */
function longDescriptionBefore(text: string, toks: Tok[], i: number, sentence: number): SpeakerPhrase | null {
  const t = toks[i];
  if (t.kind !== 'word' || PRONOUNS.has(t.lower) || BETWEEN_SUBJECT_AND_VERB.has(t.lower) || PHRASE_STOPS.has(t.lower)) return null;
  let joined = false;
  for (let j = i - 1; j >= 0 && j >= i - 12 && isOutside(toks, j, sentence); j--) {
    const w = toks[j];
    // "U.S." keeps its last dot as a token of its own.
    if (w.text === '.' && j > 0 && toks[j - 1].end === w.start) continue;
    if (w.kind !== 'word') return null;
    if (w.lower === 'of' || w.lower === 'and') { joined = true; continue; }
    // "52 percent of registered voters": a number opens the phrase as a determiner would.
    const quantity = /^\d/.test(w.text) && toks[j + 1]?.lower === 'percent';
    if (!quantity && (!DETERMINERS.has(w.lower) || w.lower === 'one' && j + 1 < i && toks[j + 1].lower !== 'of')) {
      if (PHRASE_STOPS.has(w.lower) || PRONOUNS.has(w.lower) || isPossessive(w) && !isCap(w)) return null;
      continue;
    }
    // A determiner right after "of"/"and" opens the inner noun phrase ("of the DNC"); the outer one comes earlier.
    if (j + 1 <= i && j > 0 && (toks[j - 1].lower === 'of' || toks[j - 1].lower === 'and') && isOutside(toks, j - 1, sentence)) continue;
    if (!joined) return null;
    const found = phrase(text, toks, j, i + 1, 'description');
    for (let k = j; k <= i; k++) if (NOUN_KINDS.get(toks[k].lower) === 'person') return found;
    return null;
  }
  return null;
}

/**
 * "A former candidate -- John McCain, who lost in 2008 -- said", "Jason Sims
 * — a teacher from Mount Pleasant — says": the subject around an aside
 * between dashes (a name inside it, else the phrase before it). `i` is the
 * closing dash.
 */
function subjectBeforeDashes(text: string, toks: Tok[], i: number, sentence: number): SpeakerPhrase | null {
  let end = i;
  while (isOutside(toks, end - 1, sentence) && DASHES.has(toks[end - 1].text)) end--;
  for (let j = end - 1; j > end - 30 && isOutside(toks, j, sentence); j--) {
    if (toks[j].kind !== 'punct' || !DASHES.has(toks[j].text)) continue;
    const inner = phraseAfter(text, toks, j + 1, sentence);
    if (inner && inner.kind === 'name') return inner;
    let start = j;
    while (isOutside(toks, start - 1, sentence) && DASHES.has(toks[start - 1].text)) start--;
    const subject = phraseBefore(text, toks, start - 1, sentence, 1);
    return subject && (subject.kind !== 'description' || isSpeakerDescription(subject)) ? subject : null;
  }
  return null;
}

/** "Protesters chanted", "Officials said": one capitalised plural speaker noun opening the sentence is no name. */
function isPluralNounOpening(toks: Tok[], from: number, to: number, sentence: number): boolean {
  if (to - from !== 1 || isOutside(toks, from - 1, sentence) && toks[from - 1].kind !== 'mark') return false;
  const lower = toks[from].lower;
  const kind = NOUN_KINDS.get(lower);
  return lower.endsWith('s') && (kind === 'person' || kind === 'body') && !PERSON_NOUNS.has(lower);
}

/** The name that owns the possessive token `k` ("Donald Trump's" → "Donald Trump"), titles dropped, or null. */
export function possessiveOwner(text: string, toks: Tok[], k: number): SpeakerPhrase | null {
  const t = toks[k];
  if (!isCap(t) || !isPossessive(t)) return null;
  const word = t.lower.slice(0, t.lower.endsWith("'s") ? -2 : -1);
  if (NOT_NAME.has(word) || TITLE_WORDS.has(word)) return null;
  let from = k;
  while (from - 1 >= 0 && k - from < 4 && isOutside(toks, from - 1, t.sentence) && isNameWord(toks, from - 1) && !isPossessive(toks[from - 1])) from--;
  const head = headOfName(toks, from, k + 1);
  const end = t.end - (t.lower.endsWith("'s") ? 2 : 1);
  return { start: toks[head].start, end, kind: 'name', text: text.slice(toks[head].start, end) };
}

/** True when nothing but titles and name words stands between the clause's start and the phrase ending at token `last`. */
function opensClause(toks: Tok[], last: number, p: SpeakerPhrase, sentence: number): boolean {
  let k = last;
  while (k > 0 && toks[k - 1].start >= p.start) k--;
  while (isOutside(toks, k - 1, sentence) && toks[k - 1].kind === 'word' && (isNameWord(toks, k - 1) || TITLE_WORDS.has(withoutDot(toks[k - 1].lower)))) k--;
  // "Even China, Pyongyang's only ally, said": a focusing adverb may open the sentence.
  if (isOutside(toks, k - 1, sentence) && FOCUSING_ADVERBS.has(toks[k - 1].lower) && !isOutside(toks, k - 2, sentence)) k--;
  const before = toks[k - 1];
  return !isOutside(toks, k - 1, sentence) || before.text === ',' || before.kind === 'mark' || before.lower === 'and' || before.lower === 'but';
}

/** Adverbs that may open a sentence before its subject ("Even China, ... said"). */
const FOCUSING_ADVERBS = new Set(['even', 'only', 'also', 'now', 'then', 'yet', 'still']);

/** The speaker phrase starting at token `i` (reading forwards), or null. */
export function phraseAfter(text: string, toks: Tok[], i: number, sentence: number): SpeakerPhrase | null {
  if (!isOutside(toks, i, sentence)) return null;
  const t = toks[i];
  if (t.kind !== 'word') return null;
  if (PRONOUNS.has(t.lower)) return phrase(text, toks, i, i + 1, 'pronoun');
  if (isNameWord(toks, i) && !isPossessive(t)) {
    let to = i + 1;
    while (to < toks.length && to - i < 7 && isOutside(toks, to, sentence) && isNameWord(toks, to) && !isPossessive(toks[to])) to++;
    if (isShouting(toks, i, to)) return null;
    // "Democratic presidential nominee Hillary Clinton": titles alone are read on as a description below.
    if (!onlyTitles(toks, i, to) && !(to < toks.length && isOutside(toks, to, sentence) && isPossessive(toks[to]) && isCap(toks[to]))) {
      return phrase(text, toks, headOfName(toks, i, to), to, 'name');
    }
  }
  if (DETERMINERS.has(t.lower) || isPossessive(t) || (isCap(t) && !NOT_NAME.has(t.lower))) {
    // "the source", "Russia's official state news agency TASS": up to a stop word; the last name run is the head.
    let to = i + 1;
    while (to < toks.length && to - i < 8 && isOutside(toks, to, sentence) && toks[to].kind === 'word' && !PHRASE_STOPS.has(toks[to].lower) && !BETWEEN_SUBJECT_AND_VERB.has(toks[to].lower) && !isAdverb(toks[to]) && toks[to].lower !== 'sometimes' && !(QUOTE_VERBS.has(toks[to].lower) && !NOUN_LIKE.has(toks[to].lower))) to++;
    if (to === i + 1 && DETERMINERS.has(t.lower)) return null;
    let nameEnd = -1;
    for (let k = to - 1; k > i; k--) if (isNameWord(toks, k) && !isPossessive(toks[k])) { nameEnd = k + 1; break; }
    // "a Donald Trump tweet", "the Clinton campaign": a name followed by a common noun only qualifies it.
    if (nameEnd > 0 && !(nameEnd === to - 1 && isSpeakerNounWord(toks[to - 1]))) {
      let from = nameEnd - 1;
      while (from - 1 > i && isNameWord(toks, from - 1) && !isPossessive(toks[from - 1])) from--;
      if (!isShouting(toks, from, nameEnd) && !onlyTitles(toks, from, nameEnd)) return phrase(text, toks, headOfName(toks, from, nameEnd), nameEnd, 'name');
    }
    // "a civil complaint filed by ...": the description ends at its last noun.
    let last = to - 1;
    while (last > i && !isNounLike(toks[last])) last--;
    if (!isNounLike(toks[last])) return null;
    return appositiveName(text, toks, last + 1, sentence) ?? phrase(text, toks, i, last + 1, 'description');
  }
  return namedAfterDescriptor(text, toks, i, sentence) ?? bareDescriptionAfter(text, toks, i, sentence);
}

/**
 * "said officials familiar with the talks", "according to show insiders",
 * "said senior aides": lower-case words without a determiner, up to their last
 * speaker noun (the phrase ends at a stop word or punctuation); the name in
 * apposition when one follows ("hunt master, Captain Ian Farquhar, said").
 */
function bareDescriptionAfter(text: string, toks: Tok[], i: number, sentence: number): SpeakerPhrase | null {
  let head = -1;
  for (let k = i; k < i + 5 && isOutside(toks, k, sentence); k++) {
    const t = toks[k];
    if (t.kind !== 'word' || t.text !== t.lower || PHRASE_STOPS.has(t.lower) || PRONOUNS.has(t.lower) || BETWEEN_SUBJECT_AND_VERB.has(t.lower) || QUOTE_VERBS.has(t.lower)) break;
    if (nounKind(t.lower) !== null) head = k;
  }
  if (head < 0) return null;
  return appositiveName(text, toks, head + 1, sentence) ?? phrase(text, toks, i, head + 1, 'description');
}

/**
 * "said former tech executive Carly Fiorina.", "According to conservative talk
 * radio host Rush Limbaugh, ...", "said 9/11 widow Terry Strada": lower-case
 * words (and numbers) before a name that closes the clause.
 */
function namedAfterDescriptor(text: string, toks: Tok[], i: number, sentence: number): SpeakerPhrase | null {
  let k = i;
  for (; k < toks.length && k - i < 6 && isOutside(toks, k, sentence) && !isNameWord(toks, k); k++) {
    const t = toks[k];
    const descriptive = t.kind === 'word'
      ? t.text === t.lower && !PHRASE_STOPS.has(t.lower) && !PRONOUNS.has(t.lower) && !BETWEEN_SUBJECT_AND_VERB.has(t.lower) && !QUOTE_VERBS.has(t.lower)
      : t.text === '/' || t.text === '-';
    if (!descriptive) return null;
  }
  if (k === i || !isOutside(toks, k, sentence) || !isNameWord(toks, k)) return null;
  let end = k;
  while (end < toks.length && end - k < 5 && isOutside(toks, end, sentence) && isNameWord(toks, end) && !isPossessive(toks[end])) end++;
  // The name must close the clause: "said former aide John Smith." or "... Smith during the debate", not "... Smith's office".
  if (isOutside(toks, end, sentence) && toks[end].kind === 'word' && !PREPOSITIONS.has(toks[end].lower)) return null;
  if (isShouting(toks, k, end) || onlyTitles(toks, k, end)) return null;
  return phrase(text, toks, headOfName(toks, k, end), end, 'name');
}

/**
 * The name in apposition to a description that follows a speech verb: "said its
 * chairman, Sir Anthony Greener." or "said the chair of the Commons committee,
 * Labour MP Barry Sheerman." — reads on from the description's end to the
 * first comma (a few words at most), then takes a name run that ends the
 * sentence or the clause. Null when the words after the comma are not a name.
 */
function appositiveName(text: string, toks: Tok[], from: number, sentence: number): SpeakerPhrase | null {
  let k = from;
  while (k < toks.length && k - from < 10 && isOutside(toks, k, sentence) && toks[k].kind === 'word') k++;
  if (!isOutside(toks, k, sentence) || toks[k].text !== ',') return null;
  const start = k + 1;
  let end = start;
  while (end < toks.length && end - start < 7 && isOutside(toks, end, sentence) && isNameWord(toks, end) && !isPossessive(toks[end])) end++;
  if (end === start || onlyTitles(toks, start, end) || isShouting(toks, start, end)) return null;
  // The name must close the clause: "…, Sir Anthony Greener." not "…, Sir Anthony Greener's office …".
  if (isOutside(toks, end, sentence) && toks[end].kind === 'word') return null;
  return phrase(text, toks, headOfName(toks, start, end), end, 'name');
}

/** The last word of a description should be its noun: not "the woman's", "a controversial", "Kim's mental". */
function isNounLike(tok: Tok): boolean {
  if (tok.kind !== 'word' || isPossessive(tok) || DETERMINERS.has(tok.lower)) return false;
  return !/(?:al|ous|ive|ic|ful|less|able|ible|ed|ing)$/.test(tok.lower) || NOUNS_WITH_ADJECTIVE_ENDINGS.has(tok.lower.endsWith('s') ? tok.lower.slice(0, -1) : tok.lower);
}

/** Nouns that end like adjectives or participles: "the official said", "said the ruling", "the editorial argued". */
const NOUNS_WITH_ADJECTIVE_ENDINGS = words(`
  official editorial individual professional rival general principal criminal liberal conservative representative
  executive operative relative detective native critic cleric medic ruling filing briefing meeting hearing warning
  posting recording finding offering building proposal tribunal journal arsenal manual memorial cardinal marshal
  admiral corporal mogul radical loyal
`);

function skipBetween(toks: Tok[], i: number, step: 1 | -1, sentence: number): { index: number; passive: boolean } {
  let passive = false;
  let j = i;
  while (isOutside(toks, j, sentence) && toks[j].kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(toks[j].lower) || isAdverb(toks[j])) && !PRONOUNS.has(toks[j].lower)) {
    if (BE_FORMS.has(toks[j].lower)) passive = true;
    j += step;
  }
  return { index: j, passive };
}

/** "cynically", "openly": a lower-case -ly word. */
function isAdverb(tok: Tok): boolean {
  return tok.lower.length > 4 && tok.lower.endsWith('ly') && tok.text === tok.lower && !NOT_ADVERBS.has(tok.lower);
}

const NOT_ADVERBS = new Set(['family', 'italy', 'july', 'ally', 'rally', 'supply', 'reply', 'apply', 'assembly', 'early', 'only', 'daily', 'weekly', 'monthly', 'friendly', 'holy', 'belly', 'fly', 'jolly']);

function isVerbAt(toks: Tok[], i: number, verbs: Map<string, string>): boolean {
  return toks[i] !== undefined && toks[i].kind === 'word' && toks[i].quote === -1 && verbs.has(toks[i].lower);
}

/** Prepositions before a year between a subject and its verb ("who in 2010 said"). */
const DATE_PREPOSITIONS = new Set(['in', 'since', 'during', 'by']);

/**
 * The subject of the verb at token `v`: "Putin said", "Pankov has claimed",
 * "said Putin" (inverted after a quotation or a comma), "Plitukhin, who ..., said".
 */
export function subjectOfVerb(text: string, toks: Tok[], v: number): SpeakerPhrase | null {
  const sentence = toks[v].sentence;
  let back = skipBetween(toks, v - 1, -1, sentence);
  // "who in 2010 said": a date between the subject and its verb.
  const date = back.index;
  if (isOutside(toks, date - 1, sentence) && /^\d{4}$/.test(toks[date].text) && DATE_PREPOSITIONS.has(toks[date - 1].lower)) back = skipBetween(toks, date - 2, -1, sentence);
  const before = toks[back.index];
  const verbForm = toks[v].lower;
  const participle = verbForm.endsWith('ed') || verbForm === 'told' || verbForm === 'said';
  const invertedSlot = !before || before.quote !== -1 || before.sentence !== sentence || before.kind === 'mark' || (before.kind === 'punct' && (before.text === ',' || DASHES.has(before.text)));
  if (invertedSlot && back.index === v - 1) {
    // ", describing Kim's state as ...": a participle clause, its subject is the sentence's.
    if (verbForm.endsWith('ing')) return null;
    // After a quotation the inverted order is the rule ("," said Putin); after a comma the
    // subject may instead be before an apposition ("Plitukhin, who ..., said").
    if (before && before.kind === 'punct' && before.quote === -1 && before.sentence === sentence) {
      const apposed = phraseBefore(text, toks, back.index, sentence);
      if (apposed) return apposed;
      // "..., said Smith" inverts speech verbs only ("..., likened the rules to" does not).
      if (!SPEECH_VERBS.has(verbForm)) return null;
      // "Mr Yeo, his spokesman, said the plans "stink"": a noun phrase opening the reported clause is not inverted.
      const inverted = phraseAfter(text, toks, v + 1, sentence);
      if (inverted && (inverted.kind === 'pronoun' || closesClause(toks, inverted, sentence))) return inverted;
      return closingName(text, toks, v + 1, sentence);
    }
    return phraseAfter(text, toks, v + 1, sentence);
  }
  if (back.passive && participle) return null;
  if (before && before.kind === 'word' && (before.lower === 'and' || before.lower === 'but')) {
    // "I laughed and said", "she called it "outrageous" and called for": the subject of the verb before "and".
    for (let k = back.index - 1; k >= 0 && k > back.index - 15 && toks[k].sentence === sentence && toks[k].text !== ','; k--) {
      const w = toks[k];
      if (w.quote !== -1 || w.kind !== 'word' || isCap(w)) continue;
      if (!QUOTE_VERBS.has(w.lower) && !/[^e]ed$/.test(w.lower)) continue;
      const first = skipBetween(toks, k - 1, -1, sentence);
      if (first.passive) return null;
      const subject = phraseBefore(text, toks, first.index, sentence, 1);
      return subject && (subject.kind !== 'description' || isSpeakerDescription(subject)) ? subject : null;
    }
    return null;
  }
  const subject = phraseBefore(text, toks, back.index, sentence);
  // "The council issued a statement calling the test "a clear violation"": what a document says, its issuer says.
  if (subject && verbForm.endsWith('ing') && isDocumentDescription(subject)) return issuerOf(text, toks, subject, sentence) ?? subject;
  return subject;
}

/**
 * "explained CBS moderator Nancy Cordes:", "said Ohio State University
 * professor Paul Beck.": the last name run of the few words after an inverted
 * verb, when it closes the clause.
 */
function closingName(text: string, toks: Tok[], i: number, sentence: number): SpeakerPhrase | null {
  let runStart = -1;
  for (let k = i; k < i + 9; k++) {
    if (!isOutside(toks, k, sentence) || toks[k].kind !== 'word' && toks[k].text !== '/' && toks[k].text !== '-' || PREPOSITIONS.has(toks[k].lower)) {
      if (runStart < 0 || k === i || isOutside(toks, k, sentence) && toks[k].kind === 'mark') return null;
      if (isShouting(toks, runStart, k) || onlyTitles(toks, runStart, k)) return null;
      return phrase(text, toks, headOfName(toks, runStart, k), k, 'name');
    }
    const t = toks[k];
    if (isNameWord(toks, k)) {
      if (runStart < 0) runStart = k;
      continue;
    }
    if (PHRASE_STOPS.has(t.lower) || PRONOUNS.has(t.lower) || QUOTE_VERBS.has(t.lower) || isPossessive(t)) return null;
    runStart = -1;
  }
  return null;
}

/** Index of the first token starting at or after `offset` (`toks.length` when none): a binary search. */
function firstTokenFrom(toks: Tok[], offset: number): number {
  return firstIndexNotBefore(toks.length, (i) => toks[i].start < offset);
}

/** True when the phrase ends its clause: nothing, a punctuation mark or a preposition follows ("said the spokesman on Monday."). */
function closesClause(toks: Tok[], p: SpeakerPhrase, sentence: number): boolean {
  const k = firstTokenFrom(toks, p.end);
  if (!isOutside(toks, k, sentence)) return k >= toks.length || toks[k].sentence !== sentence;
  return toks[k].kind === 'punct' || toks[k].kind === 'word' && (PREPOSITIONS.has(toks[k].lower) || BETWEEN_SUBJECT_AND_VERB.has(toks[k].lower) || toks[k].lower === 'who');
}

/** Verbs that issue a document ("released a statement", "put out an ad", "sent a letter"). */
const ISSUING_VERBS = new Set(['issued', 'released', 'sent', 'posted', 'published', 'put', 'wrote', 'written', 'emailed', 'tweeted', 'aired', 'ran', 'launched', 'filed', 'unveiled', 'distributed', 'circulated', 'issues', 'releases', 'sends', 'posts', 'publishes', 'puts', 'writes', 'emails', 'tweets', 'airs', 'runs', 'launches', 'files']);

/** The subject of the verb that issued the document `doc` ("Trump and Ryan issued a statement ..."), or null. */
function issuerOf(text: string, toks: Tok[], doc: SpeakerPhrase, sentence: number): SpeakerPhrase | null {
  let k = firstTokenFrom(toks, doc.start) - 1;
  if (isOutside(toks, k, sentence) && toks[k].lower === 'out') k--;
  if (!isOutside(toks, k, sentence) || !ISSUING_VERBS.has(toks[k].lower)) return null;
  const issuer = subjectOfVerb(text, toks, k);
  return issuer && (issuer.kind !== 'description' || isSpeakerDescription(issuer) && !isDocumentDescription(issuer)) ? issuer : null;
}

/**
 * A cue that starts right after a closing quotation mark at token `i`:
 * `," said Putin`, `," he said`, `," Trump told reporters`, `" ― Sonya Herridge`, `, according to X`.
 */
export function cueAfterQuote(text: string, toks: Tok[], i: number): Cue | null {
  const cue = cueAt(text, toks, i);
  // `"...escapades." The agency said North Korea had "..."`: a cue in the next sentence belongs to
  // that sentence's own quotation, unless the sentence is only the cue (`"Why not?" Smith asked.`).
  if (cue && i > 0 && toks[cue.verb].sentence !== toks[i - 1].sentence && !onlyCueLeft(toks, cue)) return null;
  return cue;
}

/** True when what follows a cue in its sentence is a short tag ("on Monday", ", a spokesman for X"), no quotation or clause. */
function onlyCueLeft(toks: Tok[], cue: Cue): boolean {
  const s = toks[cue.verb].sentence;
  let k = cue.verb + 1;
  while (k < toks.length && toks[k].start < cue.speaker.end) k++;
  for (let n = 0; k < toks.length && toks[k].sentence === s; k++, n++) {
    const t = toks[k];
    if (n >= 10 || t.kind === 'mark' || t.quote !== -1 || t.lower === 'that' || t.text === ':') return false;
  }
  return true;
}

function cueAt(text: string, toks: Tok[], i: number): Cue | null {
  let j = i;
  if (j >= toks.length || toks[j].quote !== -1) return null;
  const sentence = toks[j].sentence;
  if (toks[j].kind === 'punct' && toks[j].text === ',') j++;
  if (!isOutside(toks, j, sentence) && !(j < toks.length && toks[j].quote === -1)) return null;
  const t = toks[j];
  if (!t) return null;
  const s = t.sentence;
  if (t.kind === 'punct' && DASHES.has(t.text)) {
    const who = phraseAfter(text, toks, j + 1, s);
    return who && who.kind === 'name' ? { verb: j, speaker: who } : null;
  }
  if (t.kind !== 'word') return null;
  if (t.lower === 'according' && toks[j + 1]?.lower === 'to') {
    const who = phraseAfter(text, toks, j + 2, s);
    return who ? { verb: j, speaker: who } : null;
  }
  if (AFTER_QUOTE_VERBS.has(t.lower)) {
    // ", adding it ..." is a participle clause whose subject is elsewhere, not "said Putin".
    if (t.lower.endsWith('ing')) return null;
    const first = phraseAfter(text, toks, j + 1, s);
    const who = first && first.kind === 'name' && !closesClause(toks, first, s) ? closingName(text, toks, j + 1, s) ?? first : first;
    return who && who.text.toLowerCase() !== 'it' ? { verb: j, speaker: who } : null;
  }
  const who = phraseAfter(text, toks, j, s);
  if (!who) return null;
  let k = j;
  while (k < toks.length && toks[k].end <= who.end) k++;
  k = skipAside(toks, k, s);
  const skipped = skipBetween(toks, k, 1, s);
  const v = skipped.index;
  if (!isVerbAt(toks, v, AFTER_QUOTE_VERBS) || toks[v].sentence !== s) return null;
  // `"unhinged" a Donald Trump tweet attacking ...`: a bare participle is no cue; "is describing" is.
  return toks[v].lower.endsWith('ing') && v === k ? null : { verb: v, speaker: who };
}

/**
 * Skips what may sit between a speaker's name and the verb: "(R-Utah)", and an
 * apposition ", the Republican attorney general of Oklahoma, one of the states
 * suing the EPA," when a speech verb follows it.
 */
function skipAside(toks: Tok[], k: number, s: number): number {
  if (isOutside(toks, k, s) && toks[k].text === '(') {
    let close = k + 1;
    while (close < toks.length && close < k + 8 && toks[close].text !== ')') close++;
    if (isOutside(toks, close, s) && toks[close].text === ')') k = close + 1;
  }
  if (!isOutside(toks, k, s) || toks[k].text !== ',') return k;
  for (let c = k + 1; c < toks.length && c < k + 30 && isOutside(toks, c, s); c++) {
    if (toks[c].text !== ',') continue;
    const next = skipBetween(toks, c + 1, 1, s).index;
    if (isVerbAt(toks, next, QUOTE_VERBS)) return c + 1;
  }
  return k;
}

/** "according to X" starting at token `i`. */
export function accordingTo(text: string, toks: Tok[], i: number): Cue | null {
  if (toks[i]?.lower !== 'according' || toks[i + 1]?.lower !== 'to' || toks[i].quote !== -1) return null;
  const who = phraseAfter(text, toks, i + 2, toks[i].sentence);
  return who ? { verb: i, speaker: who } : null;
}

/** True when the token is a speech verb used as a verb (not "a report", "the claims"). */
export function isSpeechVerb(toks: Tok[], i: number, verbs: Map<string, string>): boolean {
  if (!isVerbAt(toks, i, verbs)) return false;
  const t = toks[i];
  if (isCap(t) && i > 0 && toks[i - 1].sentence === t.sentence) return false;
  if (NOUN_LIKE.has(t.lower)) {
    // "state", "claims", "reports" are verbs only after a subject or an auxiliary ("his home state" is not).
    const prev = i > 0 ? toks[i - 1] : undefined;
    if (!prev || prev.kind !== 'word' || prev.quote !== -1) return false;
    if (DETERMINERS.has(prev.lower) || isPossessive(prev) || PHRASE_STOPS.has(prev.lower)) return false;
    // "written to the watchdog saying": after a noun, an -ing form is a participle, not "a saying".
    if (t.lower.endsWith('ing') || PRONOUNS.has(prev.lower) || BETWEEN_SUBJECT_AND_VERB.has(prev.lower) || isCap(prev) || prev.lower.endsWith('s')) return true;
    // "A document on the website states that ...": after a speaker noun, with "that" or the quotation next.
    const next = i + 1 < toks.length ? toks[i + 1] : undefined;
    return t.lower.endsWith('s') && NOUN_KINDS.has(prev.lower) && next !== undefined && next.sentence === t.sentence && (next.lower === 'that' || next.kind === 'mark' || next.kind === 'punct' && next.text === ':');
  }
  return true;
}

/** True when a clause can start at token `i` without "that" ("he suggested an MoU would ..."). */
export function startsBareClause(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!t || t.kind !== 'word' || t.quote !== -1) return false;
  if (PRONOUNS.has(t.lower) || t.lower === 'there' || DETERMINERS.has(t.lower) && t.lower !== 'no') return true;
  return isCap(t) && !NOT_NAME.has(t.lower);
}

// ---------------------------------------------------------------- resolving speakers to entities

/** A person or organisation named before some point, candidate referent for "he", "she" or "it". */
interface Referent {
  pos: number;
  end: number;
  name: string;
  org: boolean;
  /** True when it is the subject of its sentence or the speaker of a cue: a likely referent. */
  salient: boolean;
  /** Body paragraph number. */
  body: number;
  /** True for an entity's mention (its text is the name as written: "Rakeyia Scott" of an entity named "Keith Lamont Scott"). */
  mention: boolean;
  /** The gender its name shows, once asked (undefined before). */
  gender: Gender | undefined;
}

/** 'f' or 'm' when a name shows it, else null. */
type Gender = 'f' | 'm' | null;

interface IndexedMention {
  start: number;
  end: number;
  entity: LocalEntity;
}

function byStartThenLongest(a: IndexedMention, b: IndexedMention): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Persons first, then organisations, other entities, places. Compares of the
 * type instead of a lookup keyed by it: a keyed lookup is compiled for the
 * names it has seen, and thrown away at the first other one.
 */
function typeRank(type: LocalEntity['type']): number {
  return type === 'person' ? 0 : type === 'organization' ? 1 : type === 'other' ? 2 : 3;
}

/**
 * Turns speaker phrases into {@link Speaker}s: names to the entity whose mention
 * covers them (or whose surname they are), pronouns to the nearest fitting
 * referent, descriptions ("the minister") to an entity holding that role.
 * Referents are the entities' mentions plus the speakers already resolved.
 */
export class SpeakerResolver {
  private readonly mentions: IndexedMention[] = [];
  private readonly referents: Referent[] = [];
  private readonly noted: Referent[] = [];
  private readonly fullNames = new Map<string, string>();
  private readonly genders = new Map<string, Gender>();
  /** The folded words of each person entity's roles (null for others), computed on first use. */
  private roleWords: (Set<string> | null)[] | null = null;
  /** Folded name and aliases of each entity, computed on first use. */
  private foldedNames: string[][] | null = null;

  constructor(private readonly text: string, paragraphs: Paragraph[], private readonly entities: LocalEntity[]) {
    // Index loops rather than for-of in this class: less code for V8 to compile in a cold process.
    for (let e = 0; e < entities.length; e++) {
      const entity = entities[e];
      for (let k = 0; k < entity.mentions.length; k++) this.mentions.push({ start: entity.mentions[k].start, end: entity.mentions[k].end, entity });
    }
    this.mentions.sort(byStartThenLongest);
    this.collectReferents(paragraphs);
  }

  /** The speaker named by `phrase` in body paragraph number `body`, or null when a pronoun has no referent. */
  resolve(phrase: SpeakerPhrase, body: number): Speaker | null {
    if (phrase.kind === 'pronoun') {
      const lower = phrase.text.toLowerCase();
      const org = lower === 'it';
      if (!org && lower !== 'he' && lower !== 'she') return null;
      const referent = this.referentBefore(phrase.start, body, org, org ? null : lower === 'she' ? 'f' : 'm');
      return referent ? { start: phrase.start, end: phrase.end, name: referent.mention ? personNamed(this.text, referent.pos, referent.end, referent.name) : referent.name } : null;
    }
    if (phrase.kind === 'description') {
      const holder = this.roleHolder(phrase);
      return { start: phrase.start, end: phrase.end, name: holder ?? phrase.text };
    }
    const mention = this.mentionOver(phrase);
    if (mention && (mention.entity.type !== 'place' || mention.start <= phrase.start)) {
      return { start: mention.start, end: mention.end, name: personNamed(this.text, mention.start, mention.end, mention.entity.name) };
    }
    const entity = this.entityBySurname(phrase);
    if (entity) return { start: phrase.start, end: phrase.end, name: entity.name };
    return { start: phrase.start, end: phrase.end, name: this.fullName(phrase.text) };
  }

  /** The gender a name shows by its first name or an honorific, if any ("Mrs. Clinton", "Hillary Clinton"). */
  private genderOf(name: string): Gender {
    const cached = this.genders.get(name);
    if (cached !== undefined) return cached;
    const first = name.split(/\s+/)[0].toLowerCase().replace(/\.$/, '');
    let gender: Gender = FEMALE_GIVEN_NAMES.has(first) ? 'f' : MALE_GIVEN_NAMES.has(first) ? 'm' : null;
    if (!gender) gender = this.honorificGender(name.split(/\s+/).pop() ?? name);
    this.genders.set(name, gender);
    return gender;
  }

  /**
   * The gender of the honorific written last before `surname` in the text
   * ("Mr. Trump", "Mrs. Clinton", "Ms Lynch", "Miss Moore"), or null. Only the
   * surname's occurrences are looked at (a scan of the whole text for every
   * honorific costs more than the few names ever asked about).
   */
  private honorificGender(surname: string): Gender {
    if (!/^[A-Z][A-Za-z'’-]+$/.test(surname)) return null;
    const text = this.text;
    let gender: Gender = null;
    for (let i = text.indexOf(surname); i >= 0; i = text.indexOf(surname, i + 1)) {
      // Bounds tested before reading: a read past either end would throw the optimised code away.
      if (i + surname.length < text.length && isNameChar(text.charCodeAt(i + surname.length)) || i === 0 || text.charCodeAt(i - 1) !== 32) continue;
      let k = i - 1;
      while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
      k--;
      if (text[k] === '.') k--;
      let found: Gender = null;
      let start = -1;
      if (text[k] === 'r' && text[k - 1] === 'M') { found = 'm'; start = k - 1; }
      else if (text[k] === 's' && text[k - 1] === 'r' && text[k - 2] === 'M') { found = 'f'; start = k - 2; }
      else if (text[k] === 's' && text[k - 1] === 'M') { found = 'f'; start = k - 1; }
      else if (text[k] === 's' && text[k - 1] === 's' && text[k - 2] === 'i' && text[k - 3] === 'M') { found = 'f'; start = k - 3; }
      if (found && !isAsciiLetter(start > 0 ? text.charCodeAt(start - 1) : 0)) gender = found;
    }
    return gender;
  }

  /** Records a resolved speaker as a salient referent for later pronouns. */
  note(speaker: Speaker, body: number, org = false): void {
    this.noted.push({ pos: speaker.start, end: speaker.end, name: speaker.name, org: org || this.isBodyOrPlace(speaker.name), salient: true, body, mention: false, gender: undefined });
  }

  /** The last person who spoke or was a sentence's subject in `[from, to)` (one paragraph), as a speaker. */
  speakerInParagraph(from: number, to: number): Speaker | null {
    let best: Referent | null = null;
    for (let l = 0; l < 2; l++) {
      const list = l === 0 ? this.referents : this.noted;
      for (let k = 0; k < list.length; k++) {
        const r = list[k];
        if (!r.org && r.salient && r.pos >= from && r.pos < to && (!best || r.pos > best.pos)) best = r;
      }
    }
    return best ? { start: best.pos, end: best.end, name: best.name } : null;
  }

  /**
   * True when the name is an organisation's or a place's (by entity type): a
   * referent for "it", not "he" ("China said ..." then "he added" is not China).
   */
  private isBodyOrPlace(name: string): boolean {
    for (let k = 0; k < this.entities.length; k++) {
      const e = this.entities[k];
      if (e.name === name) return e.type === 'organization' || e.type === 'place';
    }
    return false;
  }

  private collectReferents(paragraphs: Paragraph[]): void {
    const people: IndexedMention[] = [];
    for (let i = 0; i < this.mentions.length; i++) {
      const m = this.mentions[i];
      if (m.entity.type === 'person' || m.entity.type === 'organization') people.push(m);
    }
    let k = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      while (k < people.length && people[k].start < p.start) k++;
      if (p.kind !== 'body') continue;
      let s = 0;
      let lastSentence = -1;
      while (k < people.length && people[k].start < p.end) {
        const m = people[k++];
        while (s + 1 < p.sentences.length && p.sentences[s + 1].start <= m.start) s++;
        const org = m.entity.type === 'organization';
        // The first person named in a sentence is usually its subject.
        const salient = !org && s !== lastSentence;
        if (!org) lastSentence = s;
        this.referents.push({ pos: m.start, end: m.end, name: m.entity.name, org, salient, body: p.number, mention: true, gender: undefined });
      }
    }
  }

  private referentBefore(pos: number, body: number, org: boolean, gender: Gender): Referent | null {
    if (org) return this.latestReferent(pos, body - 1, true, false, null);
    return this.latestReferent(pos, body - 2, false, true, gender) ?? this.latestReferent(pos, body - 2, false, false, gender) ?? this.latestReferent(pos, body - 6, false, true, gender);
  }

  private latestReferent(pos: number, minBody: number, org: boolean, salientOnly: boolean, gender: Gender): Referent | null {
    let best: Referent | null = null;
    for (let l = 0; l < 2; l++) {
      const list = l === 0 ? this.referents : this.noted;
      for (let k = 0; k < list.length; k++) {
        const r = list[k];
        if (r.pos >= pos || r.body < minBody || r.org !== org || (salientOnly && !r.salient) || (best && r.pos <= best.pos)) continue;
        // The first name as written decides: an entity may merge two people of one family ("Keith Scott", "Rakeyia Scott").
        if (gender) {
          if (r.gender === undefined) r.gender = this.genderOf(r.mention ? personNamed(this.text, r.pos, r.end, r.name) : r.name);
          if (r.gender === (gender === 'f' ? 'm' : 'f')) continue;
        }
        best = r;
      }
    }
    return best;
  }

  private mentionOver(span: Span): IndexedMention | null {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].start < span.end) lo = mid + 1; else hi = mid;
    }
    let best: IndexedMention | null = null;
    let bestOverlap = 0;
    for (let i = lo - 1; i >= 0 && i >= lo - 20; i--) {
      const m = this.mentions[i];
      const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
      if (overlap <= 0) continue;
      if (!best || typeRank(m.entity.type) < typeRank(best.entity.type) || (typeRank(m.entity.type) === typeRank(best.entity.type) && overlap > bestOverlap)) {
        best = m;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  private entityBySurname(phrase: SpeakerPhrase): LocalEntity | null {
    const folded = foldName(phrase.text);
    const last = lastWord(folded);
    let best: LocalEntity | null = null;
    let bestRank = Infinity;
    if (!this.foldedNames) this.foldedNames = this.entities.map((e) => [e.name, ...e.aliases].map(foldName));
    for (let k = 0; k < this.entities.length; k++) {
      const e = this.entities[k];
      if (e.type === 'place') continue;
      const names = this.foldedNames[k];
      const exact = names.includes(folded);
      // A person whose name or alias ends with the same word.
      let surname = false;
      if (!exact && e.type === 'person') for (let n = 0; n < names.length && !surname; n++) surname = lastWord(names[n]) === last;
      if (!exact && !surname) continue;
      const rank = (exact ? 0 : 10) + typeRank(e.type) + this.distance(e, phrase.start);
      if (rank < bestRank) { best = e; bestRank = rank; }
    }
    return best;
  }

  /** 0 when the entity was last mentioned just before `pos`, growing with distance (0..1). */
  private distance(e: LocalEntity, pos: number): number {
    let nearest = Infinity;
    for (let k = 0; k < e.mentions.length; k++) if (e.mentions[k].start < pos) nearest = Math.min(nearest, pos - e.mentions[k].start);
    return nearest === Infinity ? 1 : nearest / (nearest + 1000);
  }

  private roleHolder(phrase: SpeakerPhrase): string | null {
    const head = lastWord(foldName(phrase.text));
    if (head.length < 3) return null;
    if (!this.roleWords) {
      // Folded once per source: every description of a source is checked against the same roles.
      this.roleWords = this.entities.map((e) => (e.type === 'person' && e.roles.length > 0 ? new Set(e.roles.flatMap((r) => foldName(r.text).split(' '))) : null));
    }
    let best: LocalEntity | null = null;
    let bestDistance = Infinity;
    for (let k = 0; k < this.entities.length; k++) {
      const e = this.entities[k];
      if (!this.roleWords[k]?.has(head)) continue;
      const d = this.distance(e, phrase.start);
      if (d < bestDistance) { best = e; bestDistance = d; }
    }
    return best ? best.name : null;
  }

  /**
   * Without an entity for it, the fullest "First Surname" form of a lone surname
   * written anywhere in the text ("Khakimov" → "Bakhtiyor Khakimov").
   */
  private fullName(written: string): string {
    if (written.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length > 1) return written;
    if (this.fullNames.size === 0) this.collectFullNames();
    return this.fullNames.get(written) ?? written;
  }

  /** One pass over the text: every run of capitalised words, titles dropped, by its last word. */
  private collectFullNames(): void {
    this.fullNames.set('', '');
    const re = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|da|dos|van|von|der|al|bin)\s+)?\p{Lu}[\p{L}'’-]*)+/gu;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const all = m[0].split(/\s+/);
      // Keep the words after the last title ("Denmark President Hans Natorp" → "Hans Natorp").
      let from = 0;
      all.forEach((w, k) => {
        const lower = w.toLowerCase().replace(/\.$/, '');
        if (TITLE_WORDS.has(lower) || NOT_NAME.has(lower) || /['’]s$/.test(lower) || /(?:ian|ese|ish)$/.test(lower)) from = k + 1;
      });
      const words = all.slice(from);
      if (words.length < 2 || words.length > 4) continue;
      const surname = words[words.length - 1];
      const particle = words.length > 2 && PARTICLES.has(words[words.length - 2]) ? `${words[words.length - 2]} ${surname}` : null;
      const name = words.join(' ');
      for (const key of particle ? [surname, particle] : [surname]) {
        const known = this.fullNames.get(key);
        if (!known || name.length > known.length) this.fullNames.set(key, name);
      }
    }
  }
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
}

/** A character of a name word after an honorific: an ASCII letter, an apostrophe or a hyphen. */
function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || c === 39 || c === 0x2019 || c === 45;
}

/**
 * The name of the person written `text[start, end)` at a mention of the entity `name`:
 * the entity's, unless the mention gives another first name with the same
 * surname ("Ivanka Trump" at a mention of an entity that merged her with
 * "Donald Trump"). Titles are not first names ("President Obama").
 */
function personNamed(text: string, start: number, end: number, name: string): string {
  // Most mentions are the name itself or a lone surname: settled without building strings.
  const space = text.indexOf(' ', start);
  if (space < 0 || space >= end || end - start === name.length && text.startsWith(name, start)) return name;
  const nameSpace = name.indexOf(' ');
  const lastSpace = text.lastIndexOf(' ', end - 1);
  if (nameSpace < 0 || !name.endsWith(text.slice(lastSpace, end))) return name;
  const first = withoutDot(text.slice(start, space).toLowerCase());
  if (TITLE_WORDS.has(first) || NOT_NAME.has(first) || first.length < 3 || first === withoutDot(name.slice(0, nameSpace).toLowerCase())) return name;
  return text.slice(start, end);
}

/** The last space-separated word of a folded name (all of it without a space), found without splitting. */
function lastWord(folded: string): string {
  return folded.slice(folded.lastIndexOf(' ') + 1);
}

/** Folds a name for comparison: case, diacritics, punctuation. */
function foldName(name: string): string {
  const folded = foldText(name);
  return isPlainWords(folded) ? folded : folded.replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * True when `text` is already what {@link foldName}'s replacements would make
 * of it: lower-case ASCII letters and digits in words separated by single
 * spaces. Most names and roles are; they skip two regular-expression passes.
 */
function isPlainWords(text: string): boolean {
  if (text.length === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c !== 32 || text.charCodeAt(k - 1) === 32) return false;
  }
  return true;
}
