/**
 * A small glob matcher for the source globs setting (`sources/**\/*.{md,txt}`).
 *
 * Supports `**` (any number of folders), `*` and `?` (within one path segment),
 * `{a,b}` alternatives (nestable) and `[abc]` / `[!abc]` classes. Paths are
 * `/`-separated and relative to a workspace folder; matching is case-sensitive,
 * like VS Code's file globs on Linux.
 */

const compiled = new Map<string, RegExp>();

/** True when the `/`-separated relative `path` matches `glob`. */
export function matchGlob(glob: string, path: string): boolean {
  let re = compiled.get(glob);
  if (!re) {
    re = new RegExp(`^${globToRegExpSource(normalizeGlob(glob))}$`, 'u');
    compiled.set(glob, re);
  }
  return re.test(path);
}

/**
 * The folder part of a glob before its first wildcard, with a trailing `/`
 * (`sources/**\/*.md` → `sources/`, `**\/*.md` → ``). Files are listed from there, and
 * source paths (hence citation keys) are relative to it.
 */
export function globStaticPrefix(glob: string): string {
  const segments = normalizeGlob(glob).split('/');
  const fixed: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    if (/[*?{[]/.test(segments[i])) break;
    fixed.push(segments[i]);
  }
  return fixed.length > 0 ? `${fixed.join('/')}/` : '';
}

function normalizeGlob(glob: string): string {
  return glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

function escapeRegExp(ch: string): string {
  return /[.+^$()|\\/[\]{}*?]/.test(ch) ? `\\${ch}` : ch;
}

function globToRegExpSource(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const next = glob[i + 2];
        if (atSegmentStart && next === '/') {
          out += '(?:[^/]+/)*'; // `**/`: zero or more folders
          i += 3;
          continue;
        }
        if (atSegmentStart && next === undefined) {
          out += '.*';
          i += 2;
          continue;
        }
      }
      out += '[^/]*';
      i++;
      while (glob[i] === '*') i++;
      continue;
    }
    if (ch === '?') {
      out += '[^/]';
      i++;
      continue;
    }
    if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close > 0) {
        let body = glob.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        out += `[${negated ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = close + 1;
        continue;
      }
    }
    if (ch === '{') {
      const close = matchingBrace(glob, i);
      if (close > 0) {
        const alternatives = splitTopLevel(glob.slice(i + 1, close));
        out += `(?:${alternatives.map(globToRegExpSource).join('|')})`;
        i = close + 1;
        continue;
      }
    }
    out += escapeRegExp(ch);
    i++;
  }
  return out;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
