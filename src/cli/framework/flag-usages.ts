/**
 * pflag FlagUsagesWrapped: the "Options:" block of docker's help, including
 * pflag's word wrapping (docker wraps at the terminal width - 1, 79 when
 * stdin is not a terminal).
 */
import type { FlagSpec } from './command';
import { defaultSuffix, valueTypeName } from './flag-values';

/** pflag UnquoteUsage: a `backquoted` word in the usage names the value. */
function unquoteUsage(f: FlagSpec): [string, string] {
  const u = f.usage;
  const i = u.indexOf('`');
  if (i >= 0) {
    const j = u.indexOf('`', i + 1);
    if (j >= 0) {
      const name = u.slice(i + 1, j);
      return [name, u.slice(0, i) + name + u.slice(j + 1)];
    }
  }
  return [valueTypeName(f), u];
}

/** pflag wrapN: split s at the last whitespace before i (+slop). */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: wrap s into lines of width w, indenting continuation lines by i. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', '\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.replaceAll('\n', '\n' + ' '.repeat(i));
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += '\n' + ' '.repeat(i) + t.replaceAll('\n', '\n' + ' '.repeat(i));
  }
  return r;
}

/**
 * The flag lines as pflag prints them (each ending with \n), for the given
 * flags in the given order (callers pass FlagSet.visible()). `cols` is the
 * wrap width (docker: terminal width - 1).
 */
export function flagUsagesWrapped(flags: readonly FlagSpec[], cols: number): string {
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of flags) {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const [varname, usage] = unquoteUsage(f);
    if (varname !== '') line += ' ' + varname;
    line += '\x00';
    if (line.length > maxlen) maxlen = line.length;
    line += usage + defaultSuffix(f);
    if (f.deprecated) line += ` (DEPRECATED: ${f.deprecated})`;
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\x00');
    const spacing = ' '.repeat(maxlen - sidx);
    out += `${line.slice(0, sidx)} ${spacing} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}
