/**
 * Go's path.Match (shell patterns: *, ?, [...], \\) and reference.FamiliarMatch,
 * used by `docker image ls REPO[:TAG]` / `--filter reference=…`.
 */
import { familiarName, familiarString, type Reference } from './reference';

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
    this.name = 'BadPatternError';
  }
}

/** path.Match: `*` does not cross "/" */
export function pathMatch(pattern: string, name: string): boolean {
  return matchAt(pattern, 0, name, 0);
}

function matchAt(p: string, pi: number, s: string, si: number): boolean {
  while (pi < p.length) {
    const c = p[pi];
    if (c === '*') {
      // collapse consecutive stars
      while (p[pi] === '*') pi++;
      if (pi === p.length) return !s.slice(si).includes('/');
      for (let k = si; k <= s.length; k++) {
        if (k > si && s[k - 1] === '/') break;
        if (matchAt(p, pi, s, k)) return true;
      }
      return false;
    }
    if (si >= s.length) {
      checkRest(p, pi);
      return false;
    }
    if (c === '?') {
      if (s[si] === '/') return false;
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, pi);
      if (!classMatches(p.slice(pi + 1, end), s[si]) || s[si] === '/') return false;
      pi = end + 1;
      si++;
      continue;
    }
    if (c === '\\') {
      pi++;
      if (pi >= p.length) throw new BadPatternError();
    }
    if (p[pi] !== s[si]) return false;
    pi++;
    si++;
  }
  return si === s.length;
}

function checkRest(p: string, pi: number): void {
  // path.Match reports ErrBadPattern for malformed patterns even on mismatch
  for (let i = pi; i < p.length; i++) {
    if (p[i] === '[') i = classEnd(p, i);
    else if (p[i] === '\\') i++;
  }
}

function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') throw new BadPatternError();
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  throw new BadPatternError();
}

function classMatches(body: string, ch: string): boolean {
  let negate = false;
  let i = 0;
  if (body[0] === '^') {
    negate = true;
    i = 1;
  }
  let matched = false;
  while (i < body.length) {
    let lo = body[i];
    if (lo === '\\') lo = body[++i];
    i++;
    let hi = lo;
    if (body[i] === '-' && i + 1 < body.length) {
      hi = body[i + 1];
      if (hi === '\\') hi = body[i + 2];
      i += hi === body[i + 1] ? 2 : 3;
    }
    if (lo <= ch && ch <= hi) matched = true;
  }
  return matched !== negate;
}

/** reference.FamiliarMatch: pattern against "ubuntu:18.04", then against "ubuntu" */
export function familiarMatch(pattern: string, ref: Reference): boolean {
  if (pathMatch(pattern, familiarString(ref))) return true;
  return pathMatch(pattern, familiarName(ref));
}
