/**
 * The corpus-wide number table: each source's figures, found by what they count
 * ("how many representatives does this source say?") or by where they are
 * ("which figures are in the paragraph this draft sentence cites?").
 */
import { singular } from '../extract/numbers';
import type { ExtractedSource, Span } from '../model';
import { foldText } from '../text/normalize';
import type { NumberTable, SourcedNumber } from './api';

/** One source's figures, indexed. */
interface SourceNumbers {
  /** Every figure, in text order (indices into the source's `numbers`). */
  byStart: SourcedNumber[];
  /** Figures by counted noun (folded, singular). */
  byCounted: Map<string, SourcedNumber[]>;
}

/** Creates an empty number table. */
export function createNumberTable(): NumberTable {
  const sources = new Map<string, SourceNumbers>();

  return {
    add(source: ExtractedSource): void {
      const byStart: SourcedNumber[] = source.numbers.map((n, index) => ({ key: source.key, start: n.start, end: n.end, index }));
      byStart.sort((a, b) => a.start - b.start || a.end - b.end);
      const byCounted = new Map<string, SourcedNumber[]>();
      for (const entry of byStart) {
        const counted = source.numbers[entry.index].counted;
        if (!counted) continue;
        // Extraction already made it singular and lower case; fold in case a source came from an older cache.
        const noun = foldText(counted);
        const list = byCounted.get(noun) ?? [];
        list.push(entry);
        byCounted.set(noun, list);
      }
      sources.set(source.key, { byStart, byCounted });
    },

    remove(key: string): void {
      sources.delete(key);
    },

    byCounted(key: string, counted: string): SourcedNumber[] {
      const table = sources.get(key);
      if (!table) return [];
      const folded = foldText(counted.trim());
      // Callers pass the singular, but a plural ("nations") should not silently miss.
      const found = table.byCounted.get(folded) ?? table.byCounted.get(singular(folded));
      return found ? found.map((n) => ({ ...n })) : [];
    },

    inSpan(key: string, span: Span): SourcedNumber[] {
      const table = sources.get(key);
      if (!table) return [];
      const list = table.byStart;
      // First figure starting at or after span.start.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].start < span.start) lo = mid + 1;
        else hi = mid;
      }
      const out: SourcedNumber[] = [];
      for (let i = lo; i < list.length && list[i].start < span.end; i++) {
        if (list[i].end <= span.end) out.push({ ...list[i] });
      }
      return out;
    },
  };
}
