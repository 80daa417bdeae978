/** Go's unicode.IsSpace / IsDigit / IsLetter for one character (code point). */
const SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

export function isDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch);
}

export function isLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch);
}

/** strings.TrimLeftFunc(s, unicode.IsSpace) */
export function trimLeftSpace(s: string): string {
  let i = 0;
  const chars = [...s];
  while (i < chars.length && isSpace(chars[i] as string)) i++;
  return chars.slice(i).join('');
}
