/**
 * Memos of per-word work (folding, stemming, spelling variants) keyed by the
 * word as written: drafts and the source passages they are checked against
 * repeat the same few thousand words, so each is worked out once. A memo
 * empties itself when it reaches its bound, so a long-running server never
 * grows one without limit.
 */

/** Default bound of a {@link wordMemo}, in words. */
const DEFAULT_WORD_MEMO_SIZE = 100_000;

/** `compute` remembered by its argument (results must not be undefined), emptied at `maxWords` entries. */
export function wordMemo<T>(compute: (written: string) => T, maxWords = DEFAULT_WORD_MEMO_SIZE): (written: string) => T {
  const memo = new Map<string, T>();
  return (written) => {
    let out = memo.get(written);
    if (out !== undefined) return out;
    out = compute(written);
    if (memo.size >= maxWords) memo.clear();
    memo.set(written, out);
    return out;
  };
}
