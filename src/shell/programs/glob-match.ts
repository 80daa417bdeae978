/** fnmatch(3) patterns as programs take them (find -name, -path): `*`, `?`, `[…]`, backslash quoting */
import { type PatChar, patternSource } from '../interpreter/glob';

export function globToRegex(pattern: string, ignoreCase = false): RegExp {
  const chars: PatChar[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) chars.push({ c: pattern[++i], active: false });
    else chars.push({ c: pattern[i], active: true });
  }
  return new RegExp(`^${patternSource(chars)}$`, ignoreCase ? 'is' : 's');
}
