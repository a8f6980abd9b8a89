/**
 * Binary search shared by everything that looks an offset up in a list kept in
 * text order (sentences, tokens, prose blocks, spans).
 */

/**
 * The first index in `[0, length)` for which `isBefore(i)` is false, or `length`
 * when there is none. `isBefore` must hold for a prefix of the indices and fail
 * from then on (e.g. "item i starts before the offset").
 */
export function firstIndexNotBefore(length: number, isBefore: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
