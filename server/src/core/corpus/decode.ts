/**
 * Bytes → text for source files.
 *
 * Sources come from scrapes, copy-pastes and old archives, so the decoder is
 * forgiving about encodings but strict about what counts as text: strict UTF-8
 * first, windows-1252 when the bytes are not valid UTF-8 (Latin-1 files such as
 * a "£" written as the single byte 0xA3), and binary or oversized files are
 * skipped with a reason instead of being indexed as garbage.
 *
 * The result is normalised so offsets are stable: BOM stripped, CRLF and lone CR
 * turned into LF.
 */

/** Default size above which a source file is skipped. */
export const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** Options for {@link decodeSource}. */
export interface DecodeOptions {
  /** Files larger than this many KiB are skipped. Default {@link DEFAULT_MAX_FILE_SIZE_KB}. */
  maxFileSizeKB?: number;
}

/** Text decoded from a source file. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/** Why a file was not decoded. */
export interface DecodeSkip {
  skipped: string;
}

/**
 * The characters of windows-1252 bytes 0x80–0x9F (the rest of the code page is
 * Latin-1, i.e. byte = code point). Undefined bytes map to the same C1 control
 * code point, as the WHATWG decoder does.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Share of control bytes (other than tab, LF, CR, FF, VT, ESC) above which a file is binary. */
const MAX_CONTROL_RATIO = 0.1;
/** How many leading bytes the control-byte ratio looks at; enough to judge, cheap on big files. */
const SNIFF_BYTES = 8192;

/**
 * Decodes a source file's bytes, or says why it is skipped
 * (too big, binary). Never throws.
 */
export function decodeSource(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText | DecodeSkip {
  const tooBig = sizeLimitReason(bytes.length, options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB);
  if (tooBig) return { skipped: tooBig };
  const binary = binaryReason(bytes);
  if (binary) return { skipped: binary };

  let text: string;
  let encoding: DecodedText['encoding'];
  try {
    text = strictUtf8.decode(bytes);
    encoding = 'utf-8';
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
  }
  return { text: normalizeNewlines(stripBom(text)), encoding };
}

/** Says why a file of `size` bytes is too big to be a source, or null when it is not. */
export function sizeLimitReason(size: number, maxFileSizeKB: number): string | null {
  return size > maxFileSizeKB * 1024 ? `file is ${formatSize(size)}, larger than the ${maxFileSizeKB} KB limit (setting maxFileSizeKB)` : null;
}

/** Says why the bytes look binary (a NUL byte, many control bytes), or null for text. */
export function binaryReason(bytes: Uint8Array): string | null {
  // UTF-16 text also has NUL bytes; sources are expected in UTF-8 or a single-byte code page.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `binary file (NUL byte at offset ${nul})`;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) || b === 0x7f) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_RATIO) {
    return `binary file (${Math.round((100 * control) / n)}% control characters)`;
  }
  return null;
}

/** Decodes bytes as windows-1252 (a superset of the printable Latin-1 range). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let out = '';
  const codes = new Array<number>(CHUNK);
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    codes.length = end - i;
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** CRLF and lone CR become LF, so offsets are the same whatever the platform wrote. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
