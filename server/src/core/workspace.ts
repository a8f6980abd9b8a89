/**
 * How the core sees files: a {@link FileSystem} that lists a workspace folder by
 * globs and reads bytes. The Node host implements it over `node:fs`; tests use
 * {@link InMemoryFileSystem}. URIs are opaque to the core except for one rule:
 * a file's URI is its folder's URI, `/`, and its relative path (percent-encoded
 * the way the host encodes it).
 */
import { globStaticPrefix, matchGlob } from './glob';

/** Where sources are looked for, relative to each workspace folder. */
export const DEFAULT_SOURCE_GLOBS: readonly string[] = ['sources/**/*.{md,txt}'];

/** A file found by {@link FileSystem.list}. */
export interface FileEntry {
  uri: string;
  /** Path relative to the listed folder, `/`-separated. */
  path: string;
  /** Size in bytes, when the host knows it without reading (lets huge files be skipped unread). */
  size?: number;
  /**
   * Modification time (ms), when the host knows it. With `size` it lets an
   * indexing pass skip reading files that have not changed since the cache was written.
   */
  mtime?: number;
}

/** File access for the core. */
export interface FileSystem {
  /**
   * Files under the folder `root` (a URI) whose relative path matches any of
   * `globs`, sorted by path. A folder that does not exist has no files.
   */
  list(root: string, globs: readonly string[]): Promise<FileEntry[]>;
  /** The bytes of a file. Throws {@link FileNotFoundError} when it does not exist (any more). */
  read(uri: string): Promise<Uint8Array>;
}

/** Thrown by {@link FileSystem.read} for a file that does not exist, so callers can tell "gone" from "unreadable". */
export class FileNotFoundError extends Error {
  constructor(readonly uri: string) {
    super(`file not found: ${uri}`);
    this.name = 'FileNotFoundError';
  }
}

/** `root` without trailing slashes, so `root + '/' + path` is always well-formed. */
export function trimRoot(root: string): string {
  return root.replace(/\/+$/, '');
}

/**
 * The path of `uri` relative to the folder `root`, `/`-separated and
 * percent-decoded, or null when the file is not inside that folder.
 */
export function relativePath(root: string, uri: string): string | null {
  const prefix = `${trimRoot(root)}/`;
  if (!uri.startsWith(prefix)) return null;
  const rest = uri.slice(prefix.length);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/** The glob (of `globs`) that selects `path`, or undefined. */
export function matchingGlob(globs: readonly string[], path: string): string | undefined {
  return globs.find((g) => matchGlob(g, path));
}

/**
 * The path a source is known by (its key derives from it): the path relative
 * to the folder, minus the static prefix of the glob that selected it
 * (`sources/business/001.txt` under `sources/**` → `business/001.txt`).
 */
export function sourcePath(glob: string, workspacePath: string): string {
  const prefix = globStaticPrefix(glob);
  return prefix && workspacePath.startsWith(prefix) ? workspacePath.slice(prefix.length) : workspacePath;
}

/**
 * Files held in memory, keyed by URI, for tests and for the protocol harness.
 * Content may be given as a string (stored as UTF-8) or raw bytes.
 */
export class InMemoryFileSystem implements FileSystem {
  /** The files, by URI. Tests may change it between (or during) calls. */
  readonly files = new Map<string, Uint8Array>();
  /** How many times each URI was read, so tests can tell what an indexing pass touched. */
  readonly reads = new Map<string, number>();
  /** Modification "time" of each file: a counter bumped on every write. */
  private readonly mtimes = new Map<string, number>();
  private clock = 0;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [uri, content] of Object.entries(files)) this.write(uri, content);
  }

  /** Creates or replaces a file. */
  write(uri: string, content: string | Uint8Array): void {
    this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mtimes.set(uri, ++this.clock);
  }

  /** Deletes a file; no-op when absent. */
  delete(uri: string): void {
    this.files.delete(uri);
    this.mtimes.delete(uri);
  }

  async list(root: string, globs: readonly string[]): Promise<FileEntry[]> {
    const out: FileEntry[] = [];
    for (const [uri, bytes] of this.files) {
      const path = relativePath(root, uri);
      if (path !== null && matchingGlob(globs, path)) out.push({ uri, path, size: bytes.length, mtime: this.mtimes.get(uri) });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(uri: string): Promise<Uint8Array> {
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    const bytes = this.files.get(uri);
    if (!bytes) throw new FileNotFoundError(uri);
    return bytes;
  }
}
