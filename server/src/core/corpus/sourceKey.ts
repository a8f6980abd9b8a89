/**
 * Citation keys of sources.
 *
 * A source is cited as `[@key]`. The key is the front matter `id` when there is
 * one, else the file's path under the sources root without its extension
 * (`business/001`). Keys are case-sensitive, like Pandoc's. A key Pandoc could
 * not parse after `@` is kept (the source is still indexed and searchable) but
 * reported, since a draft could never cite it.
 */

/** Punctuation Pandoc accepts inside a key when an alphanumeric or `_` follows it. */
const INTERNAL_PUNCTUATION = ':.#$%&-+?<>~/';

/** The key of a source and, when it is not a valid Pandoc citation key, why. */
export interface SourceKey {
  key: string;
  /** Why `[@key]` would not cite this source, or null when the key is valid. */
  invalid: string | null;
}

/** Computes the key of a source from its front matter id or its path under the sources root. */
export function sourceKey(id: string | undefined, path: string): SourceKey {
  const key = id !== undefined && id !== '' ? id : keyFromPath(path);
  const reason = citationKeyError(key);
  return { key, invalid: reason ? `${id ? 'Front matter id' : 'Citation key'} "${key}" ${reason}` : null };
}

/** The path without its extension, `/`-separated (`business/001.txt` → `business/001`). */
export function keyFromPath(path: string): string {
  const slashed = path.replace(/\\/g, '/').replace(/^\/+/, '');
  const lastSlash = slashed.lastIndexOf('/');
  const lastDot = slashed.lastIndexOf('.');
  return lastDot > lastSlash + 1 ? slashed.slice(0, lastDot) : slashed;
}

/** A letter, a digit or `_`. ASCII is decided by its code (keys are mostly `topic/001`), the rest by a Unicode regex. */
function isKeyChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  // `_`, 0-9, or a letter: setting bit 0x20 folds A-Z (65-90) onto a-z (97-122), so one range test covers both
  // cases; no other ASCII code lands in a-z (the codes it moves there, 65-90, are exactly A-Z).
  if (c < 0x80) return c === 95 /* _ */ || (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Says what makes `key` unusable as a Pandoc citation key, or null when it is valid.
 * Rule (Pandoc): starts with a letter, digit or `_`; then letters, digits, `_`,
 * and the punctuation `:.#$%&-+?<>~/` when followed by a letter, digit or `_`.
 */
export function citationKeyError(key: string): string | null {
  if (key.length === 0) return 'is empty';
  const chars = Array.from(key);
  if (!isKeyChar(chars[0])) return `must start with a letter, a digit or "_", not "${chars[0]}"`;
  for (let i = 1; i < chars.length; i++) {
    const ch = chars[i];
    if (isKeyChar(ch)) continue;
    if (INTERNAL_PUNCTUATION.includes(ch)) {
      if (isKeyChar(chars[i + 1])) continue;
      return i === chars.length - 1
        ? `cannot end with "${ch}"`
        : `has "${ch}" followed by "${chars[i + 1]}": punctuation inside a key must be followed by a letter or digit`;
    }
    if (/\s/u.test(ch)) return 'contains white space';
    return `contains "${ch}", which a citation key cannot contain (allowed: letters, digits, _ and ${INTERNAL_PUNCTUATION} between them)`;
  }
  return null;
}
