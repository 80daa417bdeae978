/**
 * set -x: each command, after expansion, goes to stderr behind PS4 ("+ "),
 * its words quoted so that they could be typed again. bash repeats PS4's
 * first character once per level of command substitution and eval (`++ echo
 * b`); ash does not.
 */
import type { ProcessIO } from '../../api/io';
import type { ShellState } from './state';

/** bash's sh_contains_shell_metas: does this word need quotes to be read back as one word */
function bashNeedsQuotes(s: string): boolean {
  if (s === '') return true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (' \t\n\'"\\|&;()<>!{}*[?]^$`'.includes(c)) return true;
    if (c === '~' && (i === 0 || s[i - 1] === '=' || s[i - 1] === ':')) return true;
    if (c === '#' && i === 0) return true;
  }
  return false;
}

/** busybox ash's maybe_single_quote: anything but letters, digits and +,-./:@]^_ */
function ashNeedsQuotes(s: string): boolean {
  return /[^A-Za-z0-9+,\-./:@\]^_]/.test(s);
}

/** one word as set -x shows it */
export function traceWord(sh: ShellState, s: string): string {
  if (sh.flavor === 'bash') return bashNeedsQuotes(s) ? `'${s.replace(/'/g, "'\\''")}'` : s;
  return ashNeedsQuotes(s) ? `'${s.replace(/'/g, `'"'"'`)}'` : s;
}

/** PS4, its first character repeated for each level of command substitution (bash) */
function prefix(sh: ShellState): string {
  const ps4 = sh.get('PS4') ?? '+ ';
  if (sh.flavor !== 'bash' || ps4 === '') return ps4;
  return ps4[0].repeat(sh.traceLevel) + ps4;
}

/** write one trace line: the words of a command (already quoted where they must be) */
export function traceLine(sh: ShellState, io: ProcessIO, words: string[]): void {
  io.stderr.write(`${prefix(sh)}${words.join(' ')}\n`);
}

/** a simple command: its assignments (name=value), then its words */
export function traceCommand(sh: ShellState, io: ProcessIO, assigns: [string, string][], argv: readonly string[]): void {
  const words = assigns.map(([k, v]) => `${k}=${v === '' ? '' : traceWord(sh, v)}`);
  for (const a of argv) words.push(traceWord(sh, a));
  traceLine(sh, io, words);
}
