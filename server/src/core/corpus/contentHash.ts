/**
 * A fast 64-bit content hash of a file's bytes, used only to tell whether a file
 * changed since it was last indexed (not for security). Two independent 32-bit
 * lanes (FNV-1a and a murmur-style multiply-rotate) keep accidental collisions
 * out of reach for a corpus of thousands of files, without node:crypto in the core.
 */

/** Hash of `bytes` as 16 hex digits, prefixed with the length so equal hashes imply equal sizes. */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i];
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Final avalanche so files differing only in their last bytes differ in every hex digit.
  a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13;
  b ^= b >>> 13; b = Math.imul(b, 0xc2b2ae35); b ^= b >>> 16;
  return `${bytes.length.toString(36)}-${hex8(a)}${hex8(b)}`;
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
