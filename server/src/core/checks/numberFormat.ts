/**
 * Writes a source's figure the way the draft wrote its own: words stay words
 * ("four observers" → "three"), digits keep their scale and separators
 * ("$500m" → "$300m", "1,400" → "1,500", "£1.4k" → "£1.5k").
 */
import type { NumberFact } from '../model';
import type { DraftNumber } from '../draft/model';

const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const DIGITS_RE = /\d[\d,]*(?:\.\d+)?/;
const WORD_RE = new RegExp(`\\b(${[...ORDINALS, ...CARDINALS].join('|')})\\b`, 'gi');

/** The part of `draftText` to replace (offsets relative to it) and its new text, or null when unclear. */
export function formatLike(draftText: string, n: DraftNumber, source: NumberFact, sourceText: string): { start: number; end: number; newText: string } | null {
  if (source.rangeEnd !== undefined || n.rangeEnd !== undefined) return null;
  const digits = DIGITS_RE.exec(draftText);
  if (digits) {
    const written = Number(digits[0].replace(/,/g, ''));
    if (!written) return null;
    const scale = n.value / written;
    // Same scale on both sides ("$500m" / "$300m"): the source's digits as written.
    const sourceDigits = DIGITS_RE.exec(sourceText);
    if (sourceDigits) {
      const sourceWritten = Number(sourceDigits[0].replace(/,/g, ''));
      if (sourceWritten && Math.abs(source.value / sourceWritten - scale) < 1e-9 * scale) {
        const plain = sourceDigits[0].replace(/,/g, '');
        return { start: digits.index, end: digits.index + digits[0].length, newText: digits[0].includes(',') ? groupThousands(plain) : plain };
      }
    }
    const value = source.value / scale;
    const decimals = Math.min(2, decimalsNeeded(value));
    let text = value.toFixed(decimals);
    if (digits[0].includes(',')) text = groupThousands(text);
    return { start: digits.index, end: digits.index + digits[0].length, newText: text };
  }
  // Number words: replace the last one ("one of four" → "one of three", "six million" → "nine million").
  const words = [...draftText.matchAll(WORD_RE)];
  const last = words[words.length - 1];
  if (!last || last.index === undefined) return null;
  const lower = last[1].toLowerCase();
  const ordinal = ORDINALS.includes(lower);
  const wordValue = ordinal ? ORDINALS.indexOf(lower) : CARDINALS.indexOf(lower);
  if (wordValue <= 0) return null;
  const scale = n.value / wordValue;
  const value = source.value / scale;
  if (!Number.isInteger(value) || value < 0 || value > 20) return null;
  let newText = (ordinal ? ORDINALS : CARDINALS)[value];
  if (/^\p{Lu}/u.test(last[1])) newText = newText[0].toUpperCase() + newText.slice(1);
  return { start: last.index, end: last.index + last[1].length, newText };
}

function decimalsNeeded(value: number): number {
  for (let d = 0; d < 4; d++) if (Math.abs(Number(value.toFixed(d)) - value) < 1e-9 * Math.max(1, Math.abs(value))) return d;
  return 4;
}

function groupThousands(text: string): string {
  const [whole, frac] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
