/**
 * Number extraction: every figure a source (or a draft sentence) states, with
 * what it counts ("more than 170 representatives", "$1.13bn", "76%",
 * "July 26 to 29", "eighth consecutive year").
 *
 * The reader is used on source paragraphs and on draft sentences alike, so both
 * sides of a number check are read the same way. Precision comes first: a
 * number that is really part of a name ("G7", "Formula One", "No. 10"), a time
 * ("10.30am"), a score ("2-1"), a phone number or an identifier is skipped
 * rather than guessed, because every fact here can end up in a diagnostic.
 *
 * Speed: one global candidate regex finds the places worth a look (digits,
 * currency symbols, number words, month names); everything else is sticky
 * regexes anchored at the candidate, so text without numbers costs one scan.
 */
import type { NumberFact, NumberKind, Paragraph } from '../model';
import { foldText } from '../text/normalize';
import { isSpaceCode } from '../text/sentences';

/**
 * Numbers of one source with what they count. Reads body, title and heading
 * paragraphs; captions are skipped (they repeat or paraphrase the body and are
 * not something a draft cites).
 */
export function extractNumbers(text: string, paragraphs: Paragraph[]): NumberFact[] {
  const out: NumberFact[] = [];
  for (const p of paragraphs) {
    if (p.kind === 'caption') continue;
    for (const fact of readNumbers(text, p.start, p.end)) out.push(fact);
  }
  return out;
}

/**
 * Reads the numbers in `text.slice(start, end)` (a paragraph or a draft
 * sentence). Spans are in the coordinates of `text`; each span covers the
 * qualifier, the figure and its unit ("more than 170", "$1.13bn", "5 per cent").
 */
export function readNumbers(text: string, start = 0, end = text.length): NumberFact[] {
  const s = start === 0 && end === text.length ? text : text.slice(start, end);
  const out: NumberFact[] = [];
  // One shared global regex (readNumbers never re-enters itself); lastIndex is reset for each call.
  const candidates = CANDIDATE_RE;
  candidates.lastIndex = 0;
  for (let m = candidates.exec(s); m; m = candidates.exec(s)) {
    const at = m.index;
    const parsed = parseAt(s, at);
    if (parsed.fact) {
      const f = parsed.fact;
      f.start += start;
      f.end += start;
      out.push(f);
    }
    candidates.lastIndex = Math.max(parsed.next, at + 1);
  }
  return out;
}

// ------------------------------------------------------------------ lexicon

/**
 * A word table without Object.prototype, for the tables looked up with a word read from the text
 * (UNITS, SCALE_EXP, MONTHS): a plain object would "know" inherited names ("constructor" would
 * read as a number word). TENS and ORDINALS are only listed (their words are looked up in
 * NUMBER_WORDS, a Map), so they stay plain objects.
 */
function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const UNITS: Record<string, number> = lookupTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Powers of ten of the scale words, so values are computed exactly (`Number("1.13e9")`). */
const SCALE_EXP: Record<string, number> = lookupTable({ hundred: 2, thousand: 3, million: 6, billion: 9, trillion: 12 });
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
};
/**
 * A plain object: it is only looked up with a word FRACTION_Y matched, and that regex lists
 * exactly these keys, so an inherited name such as "constructor" can never reach it.
 */
const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};
const MONTHS: Record<string, number> = lookupTable({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
/** Which table a number word comes from. */
export type NumberWordKind = 'unit' | 'tens' | 'scale' | 'ordinal';
/**
 * Every number word with its table and value (a scale's power of ten): one Map lookup per word
 * read, instead of an `in` test per table (each of which looks the fresh word up in V8's string table).
 */
const NUMBER_WORDS = numberWordTable([[UNITS, 'unit'], [TENS, 'tens'], [SCALE_EXP, 'scale'], [ORDINALS, 'ordinal']]);

/**
 * One Map of the words of `tables`, each with its table's kind and its value. Throws when a word
 * is in two tables: the Map keeps one kind per word (the chain of table tests it replaced fell
 * through to the next table), so a shared word would silently lose one of its readings. Run at
 * load, so adding a word to a second table fails every test that imports this module.
 */
export function numberWordTable(tables: Array<[Record<string, number>, NumberWordKind]>): Map<string, { kind: NumberWordKind; value: number }> {
  const words = new Map<string, { kind: NumberWordKind; value: number }>();
  for (const [table, kind] of tables) {
    for (const [word, value] of Object.entries(table)) {
      const earlier = words.get(word);
      if (earlier !== undefined) throw new Error(`Number word "${word}" is in two tables (${earlier.kind} and ${kind})`);
      words.set(word, { kind, value });
    }
  }
  return words;
}

const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** Abbreviated months with their dot ("Feb."); a full month name never takes the sentence's full stop. */
const MONTH_ABBR_DOT = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.';

const NUMBER_WORD_ALT = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(ORDINALS)].join('|');
/** Where a figure may start: a digit, a currency sign or prefix ("US$"), "a dozen"/"a million", a number word or month. One `\\b` for all the word alternatives is ~20% cheaper than one each. */
const CANDIDATE_RE = new RegExp(
  `[$£€¥\\d]|\\b(?:(?:US|HK|NZ|A|C)\\$|a (?=(?:dozen|hundred|thousand|million|billion|trillion)\\b)|(?:${NUMBER_WORD_ALT}|${MONTH_ALT})\\b)`,
  'gi',
);

const CURRENCY_PREFIX_Y = /(US ?\$|HK\$|NZ\$|A\$|C\$|\$|£|€|¥)\s?/iy;
const CURRENCY_CODES: Record<string, string> = { '$': 'USD', 'us$': 'USD', 'us $': 'USD', 'hk$': 'HKD', 'nz$': 'NZD', 'a$': 'AUD', 'c$': 'CAD', '£': 'GBP', '€': 'EUR', '¥': 'JPY' };
const CURRENCY_WORDS_Y = /\s(dollars|pounds|sterling|euros|yen|yuan|roubles|rubles|rupees|pence|cents)\b/iy;
const CURRENCY_WORD_CODES: Record<string, string> = {
  dollars: 'USD', pounds: 'GBP', sterling: 'GBP', euros: 'EUR', yen: 'JPY', yuan: 'CNY', roubles: 'RUB', rubles: 'RUB', rupees: 'INR', pence: 'p', cents: 'c',
};

const NUMERAL_Y = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const ATTACHED_SCALE_Y = /(bn|mn|m|k|tn|trn)(?![\p{L}\p{N}])/uy;
const ATTACHED_SCALE_EXP: Record<string, number> = { bn: 9, mn: 6, m: 6, k: 3, tn: 12, trn: 12 };
const SPACED_SCALE_Y = /\s(hundred|thousand|million|billion|trillion)\b/iy;
const PERCENT_Y = /(?:\s?%|\s(?:per ?cent|percent)\b)/iy;
const PERCENTAGE_POINTS_Y = /\s(?:percentage|per cent) points?\b/iy;
const ORDINAL_SUFFIX_Y = /(st|nd|rd|th)(?![\p{L}\p{N}])/uy;
const PENCE_Y = /p(?![\p{L}\p{N}])/uy;
const TIME_AFTER_Y = /(?::\d|\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|CET|EST|EDT|PST|UTC|hrs)(?![\p{L}]))/uy;
const RANGE_Y = /\s?[-–]\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![.,]?\d)/y;
const YEAR_RANGE_Y = /[-–/](\d{4}|\d{2})(?![\p{L}\p{N}])/uy;

/** Measure units written after a figure, with the unit recorded for them. */
const MEASURE_UNITS: Record<string, string> = {
  km: 'km', kms: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km',
  metres: 'm', meters: 'm', metre: 'm', meter: 'm', cm: 'cm', centimetres: 'cm', mm: 'mm', millimetres: 'mm',
  miles: 'mile', mile: 'mile', kg: 'kg', kgs: 'kg', kilos: 'kg', kilograms: 'kg', kilogram: 'kg',
  tonnes: 't', tonne: 't', tons: 't', ton: 't', lb: 'lb', lbs: 'lb', ft: 'ft', feet: 'ft', foot: 'ft',
  inches: 'in', inch: 'in', acres: 'acre', acre: 'acre', hectares: 'ha', hectare: 'ha', ha: 'ha',
  litres: 'l', liters: 'l', litre: 'l', liter: 'l', gallons: 'gallon', gallon: 'gallon',
  mph: 'mph', kph: 'km/h', 'km/h': 'km/h', degrees: 'degree', '°c': '°C', '°f': '°F',
  gb: 'GB', mb: 'MB', tb: 'TB', mw: 'MW', gw: 'GW', megawatts: 'MW', gigawatts: 'GW',
};
const MEASURE_Y = new RegExp(`\\s?(${Object.keys(MEASURE_UNITS).sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'iuy');
/** Abbreviated units may be attached ("10km"); words need a space ("10 miles"). */
const ABBREVIATED_UNITS = new Set(['km', 'kms', 'cm', 'mm', 'kg', 'kgs', 'lb', 'lbs', 'ft', 'ha', 'mph', 'kph', 'km/h', '°c', '°f', 'gb', 'mb', 'tb', 'mw', 'gw']);
/** Sprint and race distances: "the 100m" is metres, not a hundred million. */
const STANDARD_DISTANCES = new Set([50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);
const RACE_WORDS = new Set(['hurdles', 'relays', 'heats', 'finals', 'semis', 'indoors', 'outdoors']);

/** Qualifiers written before a figure, longest first so "just over" wins over "over". */
const QUALIFIERS = [
  'more than', 'fewer than', 'less than', 'greater than', 'over', 'under', 'almost', 'nearly', 'about', 'around',
  'approximately', 'roughly', 'some', 'up to', 'at least', 'at most', 'as many as', 'as much as', 'as few as',
  'as little as', 'close to', 'just over', 'just under', 'well over', 'an estimated', 'upwards of', 'in excess of',
  'only', 'exactly', 'one of', 'one of only', 'an additional', 'a further', 'another', 'below', 'above', 'barely',
].sort((a, b) => b.length - a.length);
const QUALIFIER_RE = new RegExp(`(?:${QUALIFIERS.map((q) => q.replace(/ /g, '\\s+')).join('|')})\\s+$`, 'i');

/** Words before a figure that make it an identifier ("page 5", "Flight 370", "No. 10"), not a quantity. */
const IDENTIFIER_BEFORE_RE = /(?:\bNo\.?|\bno\.|\bNos\.?|\bnumber|#|\b(?:page|pages|article|section|chapter|room|flight|route|platform|version|paragraph|para|volume|vol|episode|clause|item|figure|fig|table|line|gate|terminal|channel|apartment|level|grade|division|model|size|rule|tier|band|category|phase|stage|lane|junction|exit|highway|interstate|window|windows|ios|android))\s*$/i;
const TIME_BEFORE_RE = /\bat\s+$/i;

/** True when a word before `at` makes the figure an identifier ("page 5", "No. 10"). */
function identifierBefore(s: string, at: number): boolean {
  return IDENTIFIER_BEFORE_RE.test(s.slice(Math.max(0, at - 24), at));
}

/** True after a fraction word ("half a trillion"): the figure is part of a quantity not read. */
function fractionBefore(s: string, at: number): boolean {
  return FRACTION_BEFORE_RE.test(s.slice(Math.max(0, at - 24), at));
}
/** Verbs of placing before a bare ordinal: "finished eighth", "came in 3rd", "is ranked fifth". */
const PLACING_BEFORE_RE = /\b(?:finish(?:ed|es|ing)?|c[ao]me|comes|coming|placed|rank(?:ed|s|ing)?|end(?:ed|s|ing))\s+(?:(?:in|up|joint|equal)\s+)?$/i;
const COME_BEFORE_RE = /\b(?:c[ao]me|comes|coming)\s+(?:(?:in|up|joint|equal)\s+)?$/i;
const FRACTION_BEFORE_RE = /\b(?:half|quarter|third|fraction)(?:\s+of)?\s+(?:a\s+|an\s+)?$/i;

/** Words that end the noun phrase after a figure. */
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'and', 'or', 'but', 'nor', 'as', 'than',
  'that', 'which', 'who', 'whom', 'whose', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'do', 'does', 'not', 'this', 'these',
  'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'per', 'into', 'onto', 'over', 'under', 'after',
  'before', 'since', 'until', 'during', 'including', 'against', 'between', 'among', 'about', 'around', 'via',
  'while', 'when', 'where', 'if', 'so', 'up', 'down', 'out', 'off', 'less', 'later', 'earlier', 'ago', 'each',
  'all', 'both', 'also', 'just', 'only', 'now', 'then', 'there', 'here', 'it', 'they', 'he', 'she', 'we', 'i', 'you',
  'them', 'him', 'us', 'what', 'how', 'why', 'said', 'says', 'say', 'told', 'according', 'year-on-year',
  'apiece', 'each', 'too', 'yet', 'still', 'already', 'again', 'ahead', 'behind', 'across', 'through', 'within',
  'without', 'towards', 'toward', 'upon', 'like', 'unlike', 'plus', 'minus', 'times', 'am', 'pm',
  'because', 'although', 'though', 'despite', 'unless', 'whereas', 'whether', 'once', 'never', 'always', 'perhaps',
  'indoors', 'outdoors', 'overseas', 'afterwards', 'sometimes', 'nevertheless', 'nonetheless', 'thus', 'hence',
  'came', 'went', 'took', 'made', 'gave', 'won', 'lost', 'got', 'saw', 'began', 'became', 'left', 'put', 'set',
  'hit', 'fell', 'rose', 'led', 'held', 'met', 'ran', 'beat', 'brought', 'sent', 'kept', 'found', 'thought', 'felt',
  'spent', 'paid', 'sold', 'bought', 'built', 'cut', 'let', 'goes', 'comes', 'seems', 'remains', 'makes', 'takes',
  'gets', 'looks', 'needs', 'wants', 'shows', 'means', 'includes', 'becomes', 'stands', 'runs', 'wins', 'plays',
  'or', 'either', 'neither', 'very', 'quite', 'rather', 'almost', 'nearly', 'even', 'ever',
  'some', 'any', 'many', 'much', 'few', 'several', 'every', 'no', 'however', 'get', 'go', 'see',
  'nobody', 'nothing', 'everyone', 'everybody', 'everything', 'someone', 'somebody', 'something', 'anyone', 'anything',
]);
/** "6,000-strong", "three-fold", "20-odd": hyphenated words after a figure that are not what it counts. */
const NOT_NOUNS_AFTER_HYPHEN = new Set(['strong', 'odd', 'plus', 'off', 'fold', 'old', 'only', 'something', 'ish']);
/** Modifiers skipped on the way to the counted noun ("nine additional countries"). */
const MODIFIERS = new Set([
  'additional', 'extra', 'further', 'more', 'other', 'new', 'old', 'consecutive', 'straight', 'successive', 'full',
  'whole', 'separate', 'different', 'major', 'key', 'top', 'main', 'such', 'same', 'last', 'next', 'previous',
  'former', 'current', 'existing', 'remaining', 'independent', 'national', 'international', 'foreign', 'local',
  'senior', 'junior', 'young', 'small', 'large', 'big', 'great', 'good', 'bad', 'high', 'low', 'long', 'short',
  'official', 'possible', 'potential', 'separate', 'individual', 'major', 'minor', 'private', 'public', 'military',
  'civilian', 'armed', 'young', 'elderly', 'female', 'male', 'british', 'english', 'european', 'african', 'american',
  'asian', 'arab', 'biggest', 'largest', 'highest', 'lowest', 'best', 'worst', 'greatest', 'smallest', 'fastest',
  'oldest', 'youngest', 'longest', 'strongest', 'richest', 'poorest', 'latest', 'earliest', 'most', 'least',
  'closest', 'deadliest', 'busiest', 'hottest', 'coldest', 'toughest', 'heaviest', 'cheapest', 'key', 'leading',
  'top-flight', 'professional', 'amateur', 'so-called', 'quarterly', 'annual', 'monthly', 'weekly', 'daily',
]);
const IRREGULAR_PLURALS = new Map(Object.entries({
  people: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth', mice: 'mouse',
  geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife', halves: 'half', leaves: 'leaf', shelves: 'shelf',
  thieves: 'thief', wolves: 'wolf', heroes: 'hero', potatoes: 'potato', tomatoes: 'tomato', echoes: 'echo',
  vetoes: 'veto', criteria: 'criterion', phenomena: 'phenomenon', analyses: 'analysis', crises: 'crisis',
  theses: 'thesis', bases: 'base', indices: 'index',
}));
/** Plural in meaning although they do not end in -s. */
const COLLECTIVE_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'cattle', 'feet', 'teeth', 'mice', 'geese', 'troops', 'data', 'media', 'criteria', 'crew', 'livestock']);
/** End in -s but are singular (or invariant). */
const INVARIANT_S = new Set(['series', 'species', 'news', 'means', 'headquarters', 'politics', 'economics', 'athletics', 'gymnastics', 'physics', 'mathematics', 'this', 'its', 'his', 'us', 'was', 'has', 'is', 'as', 'gas', 'bus', 'plus', 'status', 'virus', 'census', 'bonus', 'campus', 'focus', 'chaos', 'lens', 'basis', 'crisis', 'analysis', 'thesis', 'emphasis']);

// ------------------------------------------------------------------ parsing

interface ParseResult {
  fact: NumberFact | null;
  /** Where the candidate scan resumes. */
  next: number;
}

interface Quantity {
  start: number;
  end: number;
  value: number;
  /** Written in words ("twenty-five") rather than digits. */
  words: boolean;
  /** The written numeral without scale, for year and distance checks ("2005", "100"). */
  digits: string;
  ordinal: boolean;
}

/** A candidate that is not a figure; the scan resumes at `next`. */
function failAt(next: number): ParseResult {
  return { fact: null, next };
}

/**
 * Reads the figure at candidate `at` (see {@link CANDIDATE_RE}). Split by what the
 * candidate starts with (digit, word, currency), so each path is a small function:
 * V8 compiles small functions far faster than one big one on a cold first pass.
 */
function parseAt(s: string, at: number): ParseResult {
  // Inside a word or a code: "G7", "MP3", "Covid-19", "24/7", "10:30".
  if (at > 0 && continuesToken(s, at)) return failAt(skipToken(s, at));
  const c = s.charCodeAt(at);
  if (isDigitCode(c)) return parseDigitsAt(s, at);
  // A letter candidate is a number word, a month, "a" before a scale word, or a currency prefix ("US$").
  if (isLetter(s[at]) && !DOLLAR_PREFIX_RE.test(s.slice(at, at + 3))) return parseWordsAt(s, at);
  return parseMoneyAt(s, at);
}

const DOLLAR_PREFIX_RE = /^(?:US|HK|NZ|A|C)\$/i;

/** True when the character before `at` makes the candidate part of a word or code. */
function continuesToken(s: string, at: number): boolean {
  const prev = s[at - 1];
  if (isAlnum(prev) || '_/#@:$£€¥'.includes(prev)) return true;
  return (prev === '-' || prev === '.' || prev === ',') && at > 1 && isAlnum(s[at - 2]);
}

/** A figure written in digits, not after a currency sign: a date, year, ordinal, percentage, measure or count. */
function parseDigitsAt(s: string, at: number): ParseResult {
  const day = DAY_FIRST_DATE_Y;
  day.lastIndex = at;
  const dd = day.exec(s);
  if (dd) return dateFact(s, at, day.lastIndex, dd[3], dd[1], dd[2], dd[4]);
  const q = readDigits(s, at);
  if (!q) return failAt(skipToken(s, at));
  const rejectedNext = rejectDigits(s, at, q);
  if (rejectedNext >= 0) return failAt(rejectedNext);
  if (identifierBefore(s, at)) return failAt(skipToken(s, q.end));
  // "half a trillion", "a quarter of a million": the fraction is not read, so neither is the figure.
  if (fractionBefore(s, at)) return failAt(q.end);
  if (q.ordinal) return ordinalFact(s, at, q);
  if (isYearDigits(q.digits)) {
    const year = yearFact(s, at, q);
    if (year) return year;
  }
  return quantityFact(s, at, q);
}

/** A figure starting with a word: a month-first date, a fraction ("two-thirds") or number words. */
function parseWordsAt(s: string, at: number): ParseResult {
  const word = /^[A-Za-z]+/.exec(s.slice(at, at + 12))?.[0] ?? '';
  const lower = word.toLowerCase();
  // The date regexes run only where they can match: a month word here, a number word for fractions.
  if (MONTHS[lower] !== undefined) {
    const month = MONTH_FIRST_DATE_Y;
    month.lastIndex = at;
    const dm = month.exec(s);
    if (dm) return dateFact(s, at, month.lastIndex, dm[1], dm[2], dm[3], dm[4]);
    return failAt(at + word.length);
  }
  // Number words: capitalised mid-sentence they belong to a name ("Group of Eight", "Formula One").
  if (word !== 'a' && word !== 'A' && isUpper(s[at]) && !isSentenceStart(s, at)) return failAt(at + word.length);
  const fraction = FRACTION_Y;
  fraction.lastIndex = at;
  const fm = UNITS[lower] === undefined ? null : fraction.exec(s);
  if (fm) {
    const numerator = UNITS[fm[1].toLowerCase()];
    const denominator = FRACTION_DENOMINATORS[(fm[2] ?? fm[3]).toLowerCase()];
    if (numerator && denominator) {
      return finish(s, { start: at, end: fraction.lastIndex, value: round(numerator / denominator), kind: 'cardinal', unit: 'fraction' });
    }
  }
  const q = readWords(s, at);
  if (!q) return failAt(at + 1);
  if (identifierBefore(s, at)) return failAt(skipToken(s, q.end));
  if (fractionBefore(s, at)) return failAt(q.end);
  if (q.ordinal) return ordinalFact(s, at, q);
  return quantityFact(s, at, q);
}

/** Money with a currency sign or prefix: "$1.13bn", "£600m", "US$5", "€2.5 million". */
function parseMoneyAt(s: string, at: number): ParseResult {
  CURRENCY_PREFIX_Y.lastIndex = at;
  const cm = CURRENCY_PREFIX_Y.exec(s);
  if (!cm) return failAt(at + 1);
  const currency = CURRENCY_CODES[cm[1].toLowerCase()];
  const numberStart = CURRENCY_PREFIX_Y.lastIndex;
  if (!isDigitCode(s.charCodeAt(numberStart))) return failAt(numberStart);
  const q = readDigits(s, numberStart);
  if (!q) return failAt(skipToken(s, numberStart));
  const rejectedNext = rejectDigits(s, at, q);
  if (rejectedNext >= 0) return failAt(rejectedNext);
  if (fractionBefore(s, at)) return failAt(q.end);
  const scaled = readScale(s, q.end, q.value, q.digits, true);
  return finish(s, { start: at, end: scaled.end, value: scaled.value, kind: 'money', unit: currency });
}

/**
 * Where the scan resumes when digits starting at `at` (or at the currency sign at `at`)
 * are a code, phone number or time rather than a quantity; -1 when they are not.
 */
function rejectDigits(s: string, at: number, q: Quantity): number {
  const end = q.end;
  // Leading zeros are codes ("007", "020 7946"); a digit group after a space is a phone or ID number.
  if (q.digits.length > 1 && q.digits[0] === '0' && q.digits[1] !== '.') return skipToken(s, end);
  if ((isSpaceCode(s.charCodeAt(end)) && isDigitCode(s.charCodeAt(end + 1))) || (at >= 2 && isDigitCode(s.charCodeAt(at - 2)) && isSpaceCode(s.charCodeAt(at - 1)))) {
    return skipToken(s, end);
  }
  TIME_AFTER_Y.lastIndex = end;
  if (TIME_AFTER_Y.test(s)) return skipToken(s, end);
  if (CLOCK_DIGITS_RE.test(q.digits) && !isLetter(s[end] ?? '') && TIME_BEFORE_RE.test(s.slice(Math.max(0, at - 6), at))) return skipToken(s, end);
  const next = s.charCodeAt(end);
  if ((next === 0x2e /* . */ || next === 0x2c /* , */) && isDigitCode(s.charCodeAt(end + 1))) return skipToken(s, end);
  return -1;
}

const CLOCK_DIGITS_RE = /^\d{1,2}\.[0-5]\d$/;

/** An ordinal: "the eighth consecutive year", "finished 3rd", "twenty-first". */
function ordinalFact(s: string, at: number, q: Quantity): ParseResult {
  const lead = s.slice(Math.max(0, at - 24), at);
  // "Safety comes first": after "come" the word "first" is priority, not a placing.
  const placing = PLACING_BEFORE_RE.test(lead) && !(q.words && q.value === 1 && COME_BEFORE_RE.test(lead));
  return finish(s, { start: at, end: q.end, value: q.value, kind: 'ordinal', wordOrdinal: q.words, placing });
}

/** Four digits from 1500 to 2099. */
function isYearDigits(digits: string): boolean {
  if (digits.length !== 4 || !isDigitCode(digits.charCodeAt(2)) || !isDigitCode(digits.charCodeAt(3))) return false;
  const first = digits[0];
  const second = digits[1];
  return (first === '1' && second >= '5' && second <= '9') || (first === '2' && second === '0');
}

/** A year ("in 2005", "1948", "2004-05"); null when a unit follows ("2005 km"), so it is a quantity. */
function yearFact(s: string, at: number, q: Quantity): ParseResult | null {
  let end = q.end;
  if (YEAR_UNIT_RE.test(s.slice(end, end + 12))) return null;
  YEAR_RANGE_Y.lastIndex = end;
  const yr = YEAR_RANGE_Y.exec(s);
  let rangeEnd: number | undefined;
  if (yr) {
    const full = yr[1].length === 2 ? Math.floor(q.value / 100) * 100 + Number(yr[1]) : Number(yr[1]);
    if (full > q.value && full - q.value < 100) {
      rangeEnd = full;
      end = YEAR_RANGE_Y.lastIndex;
    } else {
      return failAt(YEAR_RANGE_Y.lastIndex);
    }
  }
  // "1990s", ISO dates "2004-05-12".
  if (isAlnum(s[end] ?? '') || ((s[end] === '-' || s[end] === '/') && isDigitCode(s.charCodeAt(end + 1)))) return failAt(skipToken(s, end));
  return finish(s, { start: at, end, value: q.value, kind: 'year', rangeEnd });
}

const YEAR_UNIT_RE = /^(?:\s?%|\s?(?:bn|m|k|km|kg|mph|p)\b|\s(?:per ?cent|percent|million|billion|thousand)\b)/i;

/** A count or amount not after a currency sign: range, percentage, pence, scale, currency word, measure unit. */
function quantityFact(s: string, at: number, q: Quantity): ParseResult {
  let end = q.end;
  let value = q.value;
  // Ranges "10-12", "5–6%". A second figure not above the first is a score ("2-1").
  let rangeEnd: number | undefined;
  if (!q.words) {
    RANGE_Y.lastIndex = end;
    const rm = RANGE_Y.exec(s);
    if (rm) {
      const second = Number(rm[1].replace(/,/g, ''));
      // Not above the first: a score ("2-1"). Long digit groups: a phone number ("555-1234").
      if (!(second > value) || (q.digits.length >= 3 && rm[1].length >= 4 && !rm[1].includes(','))) return failAt(skipToken(s, RANGE_Y.lastIndex));
      rangeEnd = second;
      end = RANGE_Y.lastIndex;
    }
  }
  if (rangeEnd === undefined) {
    const spelled = readSpelledRange(s, at, q);
    if (spelled) {
      rangeEnd = spelled.value;
      end = spelled.end;
    }
  }

  PERCENT_Y.lastIndex = end;
  const pct = PERCENT_Y.exec(s);
  if (pct) {
    PERCENTAGE_POINTS_Y.lastIndex = end;
    const pp = PERCENTAGE_POINTS_Y.exec(s);
    const pctEnd = pp ? PERCENTAGE_POINTS_Y.lastIndex : PERCENT_Y.lastIndex;
    return finish(s, { start: at, end: pctEnd, value, kind: 'percent', unit: pp ? 'pp' : '%', rangeEnd });
  }
  if (!q.words) {
    PENCE_Y.lastIndex = end;
    if (PENCE_Y.test(s)) return finish(s, { start: at, end: end + 1, value, kind: 'money', unit: 'p', rangeEnd });
    // Scale ("1.5 million", "60m", "2bn") — but "the 100m" is a distance.
    const scaled = readScale(s, end, value, q.digits, false);
    if (scaled.metres) {
      return finish(s, { start: at, end: scaled.end, value, kind: 'measure', unit: 'm', rangeEnd });
    }
    if (scaled.ambiguous) return failAt(scaled.end);
    if (scaled.end !== end) {
      const factor = scaled.value / value;
      end = scaled.end;
      value = scaled.value;
      if (rangeEnd !== undefined) rangeEnd = round(rangeEnd * factor);
    }
  }
  return unitFact(s, at, end, value, rangeEnd);
}

/** The unit after a figure and its scale: a currency word ("5 pounds"), a measure ("10km") or none (a count). */
function unitFact(s: string, at: number, end: number, value: number, rangeEnd: number | undefined): ParseResult {
  CURRENCY_WORDS_Y.lastIndex = end;
  const cw = CURRENCY_WORDS_Y.exec(s);
  if (cw) {
    return finish(s, { start: at, end: CURRENCY_WORDS_Y.lastIndex, value, kind: 'money', unit: CURRENCY_WORD_CODES[cw[1].toLowerCase()], rangeEnd });
  }
  MEASURE_Y.lastIndex = end;
  const mu = MEASURE_Y.exec(s);
  if (mu) {
    const key = mu[1].toLowerCase();
    const attached = mu[0][0] !== ' ';
    if (ABBREVIATED_UNITS.has(key) || !attached) {
      return finish(s, { start: at, end: MEASURE_Y.lastIndex, value, kind: 'measure', unit: MEASURE_UNITS[key], rangeEnd });
    }
  }
  // "1990s", "3D", "4x4": letters glued to the figure make it something else.
  if (isLetter(s[end] ?? '') || isDigitCode(s.charCodeAt(end))) return failAt(skipToken(s, end));
  return finish(s, { start: at, end, value, kind: 'cardinal', rangeEnd });
}

const MONTH_FIRST_DATE_Y = new RegExp(
  `(${MONTH_ALT}|${MONTH_ABBR_DOT})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:(?:\\s*[-–]\\s*|\\s+to\\s+)(\\d{1,2})(?:st|nd|rd|th)?)?(?![\\p{L}\\p{N}])(?:,?\\s+(\\d{4})(?![\\p{L}\\p{N}]))?`,
  'uy',
);
const DAY_FIRST_DATE_Y = new RegExp(
  `(\\d{1,2})(?:st|nd|rd|th)?(?:(?:\\s*[-–]\\s*|\\s+to\\s+)(\\d{1,2})(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(${MONTH_ABBR_DOT}|${MONTH_ALT})(?![\\p{L}])(?:,?\\s+(\\d{4})(?![\\p{L}\\p{N}]))?`,
  'uy',
);
const FRACTION_Y = new RegExp(`(${Object.keys(UNITS).join('|')})(?:-(${Object.keys(FRACTION_DENOMINATORS).join('|')})|\\s(thirds|fifths|sixths|eighths|tenths))(?![\\p{L}])`, 'iuy');

function dateFact(s: string, start: number, end: number, monthWord: string, dayText: string, dayEndText: string | undefined, yearText: string | undefined): ParseResult {
  const month = MONTHS[monthWord.replace('.', '').toLowerCase()];
  const day = Number(dayText);
  const dayEnd = dayEndText === undefined ? undefined : Number(dayEndText);
  if (!month || day < 1 || day > 31 || (dayEnd !== undefined && (dayEnd <= day || dayEnd > 31))) return { fact: null, next: end };
  const base = yearText ? Number(yearText) * 10000 : 0;
  return finish(s, {
    start, end, value: base + month * 100 + day, kind: 'date',
    rangeEnd: dayEnd === undefined ? undefined : base + month * 100 + dayEnd,
  });
}

function readDigits(s: string, at: number): Quantity | null {
  NUMERAL_Y.lastIndex = at;
  const m = NUMERAL_Y.exec(s);
  if (!m) return null;
  let end = NUMERAL_Y.lastIndex;
  const digits = m[0].indexOf(',') < 0 ? m[0] : m[0].replace(/,/g, '');
  let ordinal = false;
  // The suffix regex only runs when the next letter can start "st", "nd", "rd" or "th".
  const next = end < s.length ? s.charCodeAt(end) : -1;
  if (next === 0x73 /* s */ || next === 0x6e /* n */ || next === 0x72 /* r */ || next === 0x74 /* t */) {
    ORDINAL_SUFFIX_Y.lastIndex = end;
    const om = ORDINAL_SUFFIX_Y.exec(s);
    if (om && /^\d+$/.test(digits) && ordinalSuffixFits(digits, om[1].toLowerCase())) {
      ordinal = true;
      end = ORDINAL_SUFFIX_Y.lastIndex;
    }
  }
  return { start: at, end, value: Number(digits), words: false, digits, ordinal };
}

function ordinalSuffixFits(digits: string, suffix: string): boolean {
  const n = Number(digits);
  const lastTwo = n % 100;
  const last = n % 10;
  const expected = lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return suffix === expected;
}

const WORD_Y = /[A-Za-z]+/y;

/** Reads number words: "twenty-five", "two million", "three hundred and fifty", "a dozen", "eighth", "twenty-first". */
function readWords(s: string, at: number): Quantity | null {
  let total = 0;
  let current = 0;
  let count = 0;
  let end = at;
  let i = at;
  let lastKind: 'unit' | 'tens' | 'scale' | 'a' | null = null;
  let ordinal = false;
  let onlyOne = true;
  while (i < s.length) {
    WORD_Y.lastIndex = i;
    const m = WORD_Y.exec(s);
    if (!m) break;
    const w = m[0].toLowerCase();
    const wEnd = WORD_Y.lastIndex;
    const entry = NUMBER_WORDS.get(w);
    const kind = entry === undefined ? null : entry.kind;
    const wordValue = entry === undefined ? 0 : entry.value;
    if (count === 0 && w === 'a') {
      current = 1;
      lastKind = 'a';
    } else if (w === 'dozen' && (lastKind === 'a' || lastKind === 'unit')) {
      current *= 12;
      lastKind = 'scale';
    } else if (kind === 'unit' && lastKind !== 'unit') {
      current += wordValue;
      if (w !== 'one') onlyOne = false;
      lastKind = 'unit';
    } else if (kind === 'tens' && (lastKind === null || lastKind === 'scale')) {
      current += wordValue;
      onlyOne = false;
      lastKind = 'tens';
    } else if (kind === 'scale' && lastKind !== null && lastKind !== 'scale') {
      const exp = wordValue;
      onlyOne = false;
      if (exp === 2) current *= 100;
      else {
        total += current * 10 ** exp;
        current = 0;
      }
      lastKind = 'scale';
    } else if (kind === 'ordinal' && (lastKind === null || lastKind === 'tens' || lastKind === 'scale')) {
      // "twenty-first" / "hundredth"; a bare ordinal word.
      const v = wordValue;
      if (v >= 100 && lastKind !== null) current = (current || 1) * v;
      else current += v;
      ordinal = true;
      onlyOne = false;
      end = wEnd;
      count++;
      break;
    } else break;
    count++;
    end = wEnd;
    // Separators: "twenty-five", "two million", "hundred and fifty".
    if (s[wEnd] === '-' && /[A-Za-z]/.test(s[wEnd + 1] ?? '') && lastKind === 'tens') i = wEnd + 1;
    else if (s[wEnd] === ' ' && lastKind === 'scale' && /^ and [a-z]/i.test(s.slice(wEnd, wEnd + 6)) && isNumberWord(s, wEnd + 5)) i = wEnd + 5;
    else if (s[wEnd] === ' ' && isNumberWord(s, wEnd + 1)) i = wEnd + 1;
    else break;
  }
  if (count === 0 || lastKind === 'a') return null;
  // "a" must be followed by a scale word to mean one.
  if (s.slice(at, at + 2).toLowerCase() === 'a ' && count < 2) return null;
  // A bare "one" is a pronoun far more often than a count ("one of the few", "no one", "one-off").
  if (onlyOne && count === 1) return null;
  if (lastKind === 'tens' && s[end] === '-') return null;
  return { start: at, end, value: total + current, words: true, digits: '', ordinal };
}

function isNumberWord(s: string, at: number): boolean {
  WORD_Y.lastIndex = at;
  const m = WORD_Y.exec(s);
  if (!m) return false;
  const w = m[0].toLowerCase();
  return NUMBER_WORDS.has(w) || w === 'dozen';
}

const RANGE_WORD_Y = /\s+(to|and)\s+/y;
const BETWEEN_BEFORE_RE = /\bbetween\s+$/i;
/** "from 10 to 12", "rose 20 to 4,800": a change from one figure to another, not a range. */
const CHANGE_BEFORE_RE = /\b(?:from|rose|rise|rises|rising|fell|fall|falls|falling|up|down|increased?|decreased?|cut|climbed|dropped|jumped|slipped|gained|lost|added|shed|raised|lowered|reduced|grew|slumped|surged|soared|edged|moved|went)\s+$/i;

/**
 * A range written with words: "10 to 12 people", "between 10 and 12 people",
 * "two to three weeks". "and" needs "between" before the first figure; "to"
 * must not follow a word of change ("rose from 10 to 12") and the second
 * figure must be above the first and of the same sort (digits or words).
 */
function readSpelledRange(s: string, at: number, first: Quantity): { end: number; value: number } | null {
  if (first.ordinal) return null;
  RANGE_WORD_Y.lastIndex = first.end;
  const m = RANGE_WORD_Y.exec(s);
  if (!m) return null;
  const before = s.slice(Math.max(0, at - 24), at);
  if (m[1] === 'and' ? !BETWEEN_BEFORE_RE.test(before) : CHANGE_BEFORE_RE.test(before)) return null;
  const from = RANGE_WORD_Y.lastIndex;
  const second = first.words ? (isLetter(s[from] ?? '') ? readWords(s, from) : null) : (isDigitCode(s.charCodeAt(from)) ? readDigits(s, from) : null);
  if (!second || second.ordinal || !(second.value > first.value)) return null;
  // "rose 20 to 4,800" without a verb we know: a second figure far above the first is a level, not a range's end.
  if (m[1] === 'to' && second.value > 10 * first.value) return null;
  if (!second.words) {
    if (/^[.,]\d/.test(s.slice(second.end, second.end + 2))) return null;
    TIME_AFTER_Y.lastIndex = second.end;
    if (TIME_AFTER_Y.test(s)) return null;
  }
  return { end: second.end, value: second.value };
}

/**
 * Applies a scale after a figure written in digits (`digits`, never empty: figures in words
 * take their scale in readWords): attached ("60m", "1.13bn", "1.4k") or spelled ("1.5 million").
 */
function readScale(s: string, end: number, value: number, digits: string, money: boolean): { end: number; value: number; metres?: boolean; ambiguous?: boolean } {
  ATTACHED_SCALE_Y.lastIndex = end;
  const am = ATTACHED_SCALE_Y.exec(s);
  if (am) {
    const suffix = am[1].toLowerCase();
    const scaled = { end: ATTACHED_SCALE_Y.lastIndex, value: scaleValue(digits, ATTACHED_SCALE_EXP[suffix]) };
    if (suffix !== 'm' || money) return scaled;
    // Without a currency, "m" is metres or millions: "the 100m", "4.88m" (two decimals),
    // "1.8m tall" are metres; "60m people" is millions; anything else is left unread.
    const nextWord = /^\s(\p{L}+)/u.exec(s.slice(end + 1, end + 24))?.[1].toLowerCase() ?? '';
    const counts = countedNoun(s, end + 1, false) !== undefined && !RACE_WORDS.has(nextWord);
    if (/\.\d\d/.test(digits) || /^(?:tall|high|long|deep|wide|away)$/.test(nextWord) || (STANDARD_DISTANCES.has(value) && !counts)) {
      return { end: end + 1, value, metres: true };
    }
    return counts ? scaled : { ...scaled, ambiguous: true };
  }
  SPACED_SCALE_Y.lastIndex = end;
  const sm = SPACED_SCALE_Y.exec(s);
  if (sm) return { end: SPACED_SCALE_Y.lastIndex, value: scaleValue(digits, SCALE_EXP[sm[1].toLowerCase()]) };
  return { end, value };
}

/** `digits × 10^exp` without floating-point noise (1.13 × 1e9 = 1130000000 exactly). */
function scaleValue(digits: string, exp: number): number {
  return Number(`${digits}e${exp}`);
}

interface Draft {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  unit?: string;
  rangeEnd?: number;
  /** Ordinal written as a word: needs a noun after it to be a count ("the eighth year", not "at first"). */
  wordOrdinal?: boolean;
  /** Ordinal after a verb of placing ("finished eighth", "came 3rd"): it counts places. */
  placing?: boolean;
}

/** Adds qualifier and counted noun, applies the last precision filters, and builds the fact. */
function finish(s: string, d: Draft): ParseResult {
  const counted = countedFor(s, d);
  // A spelled ordinal needs its noun: "the eighth year" is a fact, "at first" and "a second later" are not.
  if (d.wordOrdinal && counted === undefined) return failAt(d.end);
  // "first" and "second" as words are order or idiom far more often than a count ("the first time",
  // "the second half", "a second referendum"), and a draft's "first time" would be compared with a
  // source's "three times": only placings ("finished second", "first place") are kept.
  if (d.wordOrdinal && d.value <= 2 && counted !== 'place') return failAt(d.end);
  // A bare range needs a unit or a noun: "10-12 people" is a range, "lost 1-2" a score.
  if (d.kind === 'cardinal' && d.rangeEnd !== undefined && counted === undefined) return failAt(d.end);

  const from = Math.max(0, d.start - 24);
  const qm = QUALIFIER_RE.exec(s.slice(from, d.start));
  const qualifierStart = qm && (from + qm.index === 0 || !isLetter(s[from + qm.index - 1])) ? from + qm.index : -1;
  // A figure right after a name is usually part of it ("Boeing 747", "Apollo 11").
  if (d.kind === 'cardinal' && qualifierStart < 0 && counted === undefined && followsName(s, d.start)) return failAt(d.end);

  const start = qualifierStart >= 0 ? qualifierStart : d.start;
  const fact: NumberFact = { start, end: d.end, text: s.slice(start, d.end), value: d.value, kind: d.kind };
  if (d.unit !== undefined) fact.unit = d.unit;
  if (counted) fact.counted = counted;
  if (qm && qualifierStart >= 0) fact.qualifier = qm[0].trim().toLowerCase().replace(/\s+/g, ' ');
  if (d.rangeEnd !== undefined) fact.rangeEnd = d.rangeEnd;
  return { fact, next: d.end };
}

/**
 * What a figure counts: "place" for a placing, the noun after a count or ordinal
 * ("170 representatives", "three-month ban"), else the unit of a rate ("£5 a month").
 * Undefined for a spelled ordinal joined to a word by a hyphen ("second-hand").
 */
function countedFor(s: string, d: Draft): string | undefined {
  // "finished eighth in the final" and "eighth place" say the same thing.
  if (d.placing) return 'place';
  let counted: string | undefined;
  if (d.kind === 'cardinal' || d.kind === 'ordinal') {
    if (s[d.end] === '-' && isLetter(s[d.end + 1] ?? '')) {
      // "three-month ban", "25-year-old".
      if (d.wordOrdinal) return undefined;
      counted = nounAfterHyphen(s, d.end + 1);
    } else {
      counted = countedNoun(s, d.end, d.kind === 'ordinal' || d.value === 1);
    }
  }
  if (counted === undefined && (d.kind === 'money' || d.kind === 'cardinal' || d.kind === 'measure')) counted = perUnit(s, d.end);
  return counted;
}

/** The noun of "three-month", "25-year-old" (singular); undefined for "6,000-strong", "three-fold", "20-odd". */
function nounAfterHyphen(s: string, at: number): string | undefined {
  const word = /^[\p{L}]+/u.exec(s.slice(at, at + 29))?.[0] ?? '';
  if (NOT_NOUNS_AFTER_HYPHEN.has(word.toLowerCase()) || /(?:ly|ed)$/.test(word)) return undefined;
  return singular(word);
}

const PER_Y = /\s(per|a|an|each)\s(\p{Ll}+)(?![\p{L}\p{N}-])(?!\s+(?:earlier|ago|later|before|after|on)\b)/uy;
/** Nouns that make "a"/"an" mean "per" after a figure ("£5 a month", "$60 a barrel"). */
const RATE_NOUNS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'head', 'litre', 'liter', 'gallon', 'barrel', 'share', 'ticket', 'kilo', 'tonne', 'night', 'game', 'match', 'season', 'person', 'pupil', 'household']);

/** "1.28p per litre", "$60 a barrel": the unit a rate is per. */
function perUnit(s: string, at: number): string | undefined {
  PER_Y.lastIndex = at;
  const m = PER_Y.exec(s);
  if (!m) return undefined;
  const noun = singular(m[2]);
  if (m[1] !== 'per' && !RATE_NOUNS.has(noun)) return undefined;
  return noun;
}
const NEXT_WORD_Y = /[ \t]+([\p{L}][\p{L}'’-]*)/uy;

/**
 * The noun a figure counts: the first plural noun of the phrase after it for
 * counts ("170 representatives", "three Russian Government officials"), the
 * first noun for ordinals ("eighth consecutive year"). Modifiers are skipped;
 * a stop word or punctuation ends the phrase.
 */
function countedNoun(s: string, at: number, singularHead: boolean): string | undefined {
  let i = at;
  let head: string | undefined;
  let headCapitalised = false;
  for (let n = 0; n < 4; n++) {
    NEXT_WORD_Y.lastIndex = i;
    const m = NEXT_WORD_Y.exec(s);
    if (!m) break;
    i = NEXT_WORD_Y.lastIndex;
    const word = withoutPossessive(m[1]);
    const lower = foldText(word);
    if (STOP_WORDS.has(lower) || isNumberWordText(lower)) break;
    const plural = looksPlural(lower) || COLLECTIVE_PLURALS.has(lower);
    // A capitalised "plural" followed by another capitalised word is a name ("Las Vegas").
    if (plural && isUpper(word[0]) && /^\s+\p{Lu}/u.test(s.slice(i, i + 3))) break;
    // Ordinals: "was first announced" is an adverb, not a count.
    if (singularHead && /^[a-z]+ed$/.test(word)) break;
    // "the first time Microsoft ...": a name after the noun is the next clause.
    if (singularHead && head !== undefined && isUpper(word[0]) && !headCapitalised) break;
    if (!plural && (MODIFIERS.has(lower) || isNationality(word) || /^[a-z]+ly$/.test(word) || /^[a-z]+(?:ed|ing)$/.test(word))) {
      if (head !== undefined) break;
      continue;
    }
    if (!singularHead) {
      // Counting: the first plural noun; singular nouns before it modify it ("Government officials").
      if (plural) return singular(word);
      continue;
    }
    // Ordinals: the last noun of a compound ("fourth World Championship crown"); a plural
    // after a noun is more likely a verb ("the second leg comes").
    if (plural && head !== undefined) break;
    if (lower.includes('-')) break;
    head = plural ? singular(word) : lower;
    headCapitalised = isUpper(word[0]);
    if (plural) break;
  }
  return head;
}

function isNumberWordText(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

function looksPlural(lower: string): boolean {
  if (IRREGULAR_PLURALS.has(lower) || COLLECTIVE_PLURALS.has(lower)) return true;
  if (INVARIANT_S.has(lower) || lower.length < 3) return false;
  return /[^su'’]s$/.test(lower) || /(?:sses|xes|ches|shes|zzes)$/.test(lower);
}

function isNationality(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:ian|an|ese|ish|ch|ic|i)$/u.test(word);
}

/**
 * Lower-cased, folded singular of a noun: -ies → -y, -sses/-xes/-ches/-shes → drop
 * -es, other -s dropped, a few irregulars ("people" → "person").
 */
export function singular(word: string): string {
  const lower = withoutPossessive(foldText(word));
  const irregular = IRREGULAR_PLURALS.get(lower);
  if (irregular) return irregular;
  if (INVARIANT_S.has(lower) || COLLECTIVE_PLURALS.has(lower) || lower.length < 3) return lower;
  if (/[^aeiou]ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(?:sses|xes|ches|shes|zzes)$/.test(lower)) return lower.slice(0, -2);
  if (/(?:ss|us|is)$/.test(lower)) return lower;
  if (lower.endsWith('s')) return lower.slice(0, -1);
  return lower;
}

// ------------------------------------------------------------------ small helpers

/** `word` without a final "'s" or "’s", as `word.replace(/['’]s$/, '')` but without a regex per word. */
function withoutPossessive(word: string): string {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 0x73 /* s */) return word;
  const mark = word.charCodeAt(n - 2);
  return mark === 0x27 /* ' */ || mark === 0x2019 /* ’ */ ? word.slice(0, n - 2) : word;
}

function followsName(s: string, at: number): boolean {
  const m = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(s.slice(Math.max(0, at - 30), at));
  if (!m) return false;
  const wordStart = at - m[0].length;
  if (isSentenceStart(s, wordStart)) return false;
  return !/['’]s$/.test(m[1]);
}

/** True when `at` opens a sentence: only white space, opening quotes or brackets since `.`, `!`, `?`, `:` or the start. */
function isSentenceStart(s: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“‘([]/.test(s[i])) i--;
  return i < 0 || /[.!?:;…]/.test(s[i]);
}

function skipToken(s: string, at: number): number {
  let i = at;
  while (i < s.length && (isAlnum(s[i]) || ((s[i] === '.' || s[i] === ',' || s[i] === ':' || s[i] === '/' || s[i] === '-') && isAlnum(s[i + 1] ?? '')))) i++;
  return Math.max(i, at + 1);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** An ASCII digit 0-9, by char code (NaN, read past the end of a string, is not). */
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(ch: string): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); // A-Z, a-z
  return /\p{L}/u.test(ch);
}

function isAlnum(ch: string): boolean {
  return isDigitCode(ch.charCodeAt(0)) || isLetter(ch);
}

function isUpper(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
