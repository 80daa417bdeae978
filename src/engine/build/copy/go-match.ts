/**
 * Go's path/filepath.Match on "/"-separated names: "*" any run of non-"/",
 * "?" one non-"/" character, "[a-z]" / "[^…]" classes, "\\" escapes.
 * A malformed pattern matches nothing.
 */
function matchClass(pattern: string[], i: number, ch: string): { ok: boolean; next: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '^') {
    negate = true;
    j++;
  }
  let matched = false;
  let first = true;
  while (j < pattern.length && (pattern[j] !== ']' || first)) {
    first = false;
    let lo = pattern[j] as string;
    if (lo === '\\') lo = pattern[++j] ?? '';
    let hi = lo;
    if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
      hi = pattern[j + 2] as string;
      if (hi === '\\') hi = pattern[j + 3] ?? '';
      j += hi === pattern[j + 2] ? 2 : 3;
    }
    if (lo <= ch && ch <= hi) matched = true;
    j++;
  }
  if (j >= pattern.length) return undefined;
  return { ok: matched !== negate && ch !== '/', next: j + 1 };
}

function matchFrom(p: string[], pi: number, s: string[], si: number): boolean {
  while (pi < p.length) {
    const c = p[pi] as string;
    if (c === '*') {
      while (p[pi] === '*') pi++;
      for (let k = si; k <= s.length; k++) {
        if (matchFrom(p, pi, s, k)) return true;
        if (k < s.length && s[k] === '/') break;
      }
      return false;
    }
    if (si >= s.length) return false;
    const ch = s[si] as string;
    if (c === '?') {
      if (ch === '/') return false;
    } else if (c === '[') {
      const r = matchClass(p, pi, ch);
      if (!r?.ok) return false;
      pi = r.next;
      si++;
      continue;
    } else if (c === '\\') {
      pi++;
      if ((p[pi] ?? '') !== ch) return false;
    } else if (c !== ch) return false;
    pi++;
    si++;
  }
  return si === s.length;
}

export function goMatch(pattern: string, name: string): boolean {
  return matchFrom([...pattern], 0, [...name], 0);
}
