// PLACEHOLDER owned by the entities helper: replace entirely.
import type { EntityTable } from './api';
/** Creates an empty corpus-wide entity table. */
export function createEntityTable(): EntityTable {
  return { add() {}, remove() {}, lookup: () => [], get: () => undefined, all: () => [], complete: () => [] };
}
