/**
 * unknown-source: a citation key that no source has. The fix offers the
 * closest existing keys (prefix first, then edit distance).
 *
 * In-text `@name` is also how people write social-media handles, so an
 * unknown in-text key is reported only when it looks like a typo of a real key.
 */
import { DiagnosticCode, type DossierDiagnostic, type Fix } from './diagnostics';
import { diagnostic, type CheckContext } from './context';

const MAX_SUGGESTIONS = 3;

/** Reports citation keys that are not in the corpus. */
export function checkUnknownSources(ctx: CheckContext): DossierDiagnostic[] {
  if (ctx.keys.size === 0) return []; // Nothing indexed yet: every key would look unknown.
  const out: DossierDiagnostic[] = [];
  for (const citation of ctx.draft.citations) {
    for (const item of citation.items) {
      if (ctx.keys.has(item.key)) continue;
      const suggestions = closestKeys(item.key, ctx.keys, citation.inText);
      if (citation.inText && suggestions.length === 0) continue;
      const fixes: Fix[] = suggestions.map((key, i) => ({
        title: `Change to @${key}`,
        edits: [{ start: item.keySpan.start, end: item.keySpan.end, newText: key }],
        isPreferred: i === 0,
      }));
      const hint = suggestions.length > 0 ? ` Did you mean @${suggestions[0]}?` : '';
      out.push(diagnostic(DiagnosticCode.UnknownSource, item.keySpan, `No source has the key "${item.key}".${hint}`, [], fixes));
    }
  }
  return out;
}

/**
 * Existing keys close to `key`: keys sharing a prefix with it (either way) and
 * keys within a small edit distance, best first. `typosOnly` keeps edit-distance
 * matches only.
 */
export function closestKeys(key: string, keys: Iterable<string>, typosOnly = false): string[] {
  const lower = key.toLowerCase();
  const maxDistance = Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
  const scored: Array<{ key: string; score: number }> = [];
  for (const candidate of keys) {
    const c = candidate.toLowerCase();
    const distance = editDistance(lower, c, maxDistance);
    if (distance <= maxDistance) {
      scored.push({ key: candidate, score: distance });
      continue;
    }
    if (!typosOnly && lower.length >= 3 && (c.startsWith(lower) || lower.startsWith(c))) {
      scored.push({ key: candidate, score: maxDistance + 1 + Math.abs(c.length - lower.length) / 100 });
    }
  }
  return scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, MAX_SUGGESTIONS).map((s) => s.key);
}

/** Levenshtein distance with transpositions, giving up (returning max+1) beyond `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}
