// PLACEHOLDER owned by the quotes helper: replace entirely.
import type { QuoteTable } from './api';
/** Creates an empty quote table. */
export function createQuoteTable(): QuoteTable {
  return { add() {}, remove() {}, find: () => [], bySpeaker: () => [] };
}
