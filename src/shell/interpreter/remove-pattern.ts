/**
 * ${x#pat} ${x##pat} ${x%pat} ${x%%pat}: remove the shortest or longest
 * prefix or suffix the pattern matches.
 *
 * Each is one regular-expression search, not one test per position on a copy
 * of the value: a prefix is matched from the start with lazy (shortest) or
 * greedy (longest) stars (with no alternation in a glob, the first match the
 * search finds is the shortest, resp. longest); the leftmost start of a match
 * that ends at the end is the longest suffix. Only the shortest suffix tests
 * positions, from the end back to that leftmost start.
 */
import { compilePattern, type PatChar, patternSource } from './glob';

type Op = '#' | '##' | '%' | '%%';

function isLowSurrogateAt(v: string, i: number): boolean {
  const c = v.charCodeAt(i);
  const p = v.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
}

export function removePattern(v: string, pat: PatChar[], op: Op): string {
  if (op === '#' || op === '##') {
    const m = compilePattern(`^(?:${patternSource(pat, { lazy: op === '#' })})`).exec(v);
    return m === null ? v : v.slice(m[0].length);
  }
  // leading stars: a suffix matches `*Q` when a suffix of it matches Q (searching for `.*Q$`
  // from every start would cost a scan of the rest of the value per start)
  let lead = 0;
  while (lead < pat.length && pat[lead].active && pat[lead].c === '*') lead++;
  const rest = pat.slice(lead);
  const src = patternSource(rest);
  const m = compilePattern(`(?:${src})$`).exec(v);
  if (m === null) return v;
  if (op === '%%') return lead > 0 ? '' : v.slice(0, m.index);
  const whole = compilePattern(`^(?:${src})$`);
  for (let k = v.length; k >= m.index; k--) {
    if (k > 0 && k < v.length && isLowSurrogateAt(v, k)) continue;
    if (whole.test(v.slice(k))) return v.slice(0, k);
  }
  return v.slice(0, m.index);
}
