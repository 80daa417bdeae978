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

/**
 * is this a pattern? `*`, `?`, or a `[` that a `]` closes: a lone `[` (the
 * test command, `echo [`) is an ordinary character and never reads the directory
 */
export function hasGlob(p: PatChar[]): boolean {
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (!x.active) continue;
    if (x.c === '*' || x.c === '?') return true;
    if (x.c === '[' && bracketClose(p, i) >= 0) return true;
  }
  return false;
}

/** index of the `]` closing the bracket expression opened at `i`, -1 when none does */
function bracketClose(p: PatChar[], i: number): number {
  let j = i + 1;
  if (p[j] && (p[j].c === '!' || p[j].c === '^')) j++;
  // a `]` right after the opening (or its negation) is a member, not the end
  if (p[j]?.c === ']') j++;
  while (j < p.length && p[j].c !== ']') j++;
  return j < p.length ? j : -1;
}

/** could this unquoted text be a pattern (a cheap, conservative look before expansion) */
export function mayGlob(text: string): boolean {
  if (text.includes('*') || text.includes('?')) return true;
  const open = text.indexOf('[');
  return open >= 0 && text.indexOf(']', open + 1) >= 0;
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** a RegExp source for the pattern (anchored by the caller); `lazy`: `*` prefers the shortest text */
export function patternSource(p: PatChar[], opts: { lazy?: boolean } = {}): string {
  const star = opts.lazy ? '.*?' : '.*';
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const { c, active } = p[i];
    if (!active) {
      out += escapeRe(c);
    } else if (c === '*') out += star;
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = bracketClose(p, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let j = i + 1;
      let neg = false;
      if (p[j].c === '!' || p[j].c === '^') {
        neg = true;
        j++;
      }
      let body = '';
      for (; j < end; j++) {
        const ch = p[j].c;
        body += ch === '\\' || ch === ']' || ch === '[' || ch === '^' ? `\\${ch}` : ch;
      }
      out += `[${neg ? '^' : ''}${body}]`;
      i = end;
    } else out += escapeRe(c);
  }
  return out;
}

/** a never-matching expression: what a bracket expression that cannot match anything (`[z-a]`) gives */
const NOTHING = /(?!)/;

/** compile a pattern's source; a bracket expression JavaScript rejects (`[z-a]`) matches nothing, as in bash */
export function compilePattern(source: string, flags = 'su'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch {
    return NOTHING;
  }
}

export function matchPattern(p: PatChar[], text: string): boolean {
  return compilePattern(`^${patternSource(p)}$`).test(text);
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
      const re = compilePattern(`^${patternSource(seg)}$`);
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
