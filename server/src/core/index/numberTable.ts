// PLACEHOLDER owned by the numbers/search helper: replace entirely.
import type { NumberTable } from './api';
/** Creates an empty number table. */
export function createNumberTable(): NumberTable {
  return { add() {}, remove() {}, byCounted: () => [], inSpan: () => [] };
}
