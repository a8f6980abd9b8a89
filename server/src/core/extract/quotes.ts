// PLACEHOLDER owned by the quotes helper: replace entirely.
import type { LocalEntity, Paragraph, Quote } from '../model';
/** Quotations of one source with their speakers. */
export function extractQuotes(_text: string, _paragraphs: Paragraph[], _entities: LocalEntity[]): Quote[] { return []; }
