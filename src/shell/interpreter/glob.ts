/**
 * Pattern matching (`*`, `?`, `[…]`) for pathname expansion and `case`.
 * A pattern is a list of characters each marked active (unquoted) or not.
 */
import type { FileSystem } from '../../api/fs';
import { joinPath, resolvePath } from '../vfs/path';

export interface PatChar {
  c: string;
  /** false for quoted characters: they match literally */
  active: boolean;
}

export function hasGlob(p: PatChar[]): boolean {
  return p.some((x) => x.active && (x.c === '*' || x.c === '?' || x.c === '['));
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** a RegExp source for the pattern (anchored by the caller) */
export function patternSource(p: PatChar[]): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const { c, active } = p[i];
    if (!active) {
      out += escapeRe(c);
    } else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      let j = i + 1;
      let neg = false;
      if (p[j] && (p[j].c === '!' || p[j].c === '^')) {
        neg = true;
        j++;
      }
      let body = '';
      let first = true;
      while (j < p.length && (first || p[j].c !== ']')) {
        const ch = p[j].c;
        body += ch === '\\' || ch === ']' || ch === '[' || ch === '^' ? `\\${ch}` : ch;
        first = false;
        j++;
      }
      if (j >= p.length) out += '\\[';
      else {
        out += `[${neg ? '^' : ''}${body}]`;
        i = j;
      }
    } else out += escapeRe(c);
  }
  return out;
}

export function matchPattern(p: PatChar[], text: string): boolean {
  return new RegExp(`^${patternSource(p)}$`, 's').test(text);
}

/** plain pattern text (all characters active) */
export function activePattern(text: string): PatChar[] {
  return [...text].map((c) => ({ c, active: true }));
}

/** expand a pattern against the filesystem; sorted matches, or [] */
export function globPaths(fs: FileSystem, cwd: string, p: PatChar[]): string[] {
  const segments: PatChar[][] = [[]];
  for (const x of p) {
    if (x.c === '/') segments.push([]);
    else segments[segments.length - 1].push(x);
  }
  const absolute = p[0]?.c === '/';
  if (absolute) segments.shift();
  let results: string[] = [absolute ? '/' : ''];
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    const last = s === segments.length - 1;
    const next: string[] = [];
    for (const base of results) {
      const dir = resolvePath(cwd, base === '' ? '.' : base);
      if (!hasGlob(seg)) {
        const name = seg.map((x) => x.c).join('');
        const candidate = base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`;
        if (name === '' && last) next.push(`${base}/`.replace('//', '/'));
        else if (fs.exists(resolvePath(cwd, candidate))) next.push(candidate);
        continue;
      }
      let names: string[];
      try {
        if (fs.stat(dir).type !== 'dir') continue;
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = new RegExp(`^${patternSource(seg)}$`, 's');
      const dotOk = seg[0]?.c === '.';
      for (const n of names) {
        if (n.startsWith('.') && !dotOk) continue;
        if (!re.test(n)) continue;
        const candidate = base === '' ? n : base === '/' ? `/${n}` : joinPath(base, n);
        if (!last) {
          try {
            if (fs.stat(resolvePath(cwd, candidate)).type !== 'dir') continue;
          } catch {
            continue;
          }
        }
        next.push(candidate);
      }
    }
    results = next;
    if (results.length === 0) return [];
  }
  return results.sort();
}
