/** ls [-laA1RdhF] (GNU layout on the host, busybox layout in containers) */
import { type FileStat, textDecoder } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { joinPath } from '../vfs/path';
import { abs, errText, isBusybox, parseArgs, usageError } from './util';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Entry {
  name: string;
  path: string;
  st: FileStat;
}

export function modeString(st: FileStat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  let s = t;
  for (const shift of [6, 3, 0]) {
    const b = (st.mode >> shift) & 7;
    s += (b & 4 ? 'r' : '-') + (b & 2 ? 'w' : '-') + (b & 1 ? 'x' : '-');
  }
  if (st.mode & 0o1000) s = s.slice(0, 9) + (s[9] === 'x' ? 't' : 'T');
  return s;
}

/** "Nov 23 07:31" within six months of now, "Nov 23  2025" otherwise (UTC) */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = Math.abs(now - mtime) < 182.5 * 24 * 3600 * 1000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function idNames(ctx: ProgramContext, file: string): Map<number, string> {
  const m = new Map<number, string>();
  try {
    for (const line of textDecoder.decode(ctx.fs.readFile(file)).split('\n')) {
      const f = line.split(':');
      if (f.length > 2 && /^\d+$/.test(f[2])) m.set(Number(f[2]), f[0]);
    }
  } catch {
    // no /etc/passwd: numeric ids
  }
  return m;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`;
}

function blocks(e: Entry): number {
  if (e.st.type === 'symlink') return 0;
  if (e.st.type === 'dir') return 4;
  return Math.ceil(e.st.size / 4096) * 4;
}

function linkCount(ctx: ProgramContext, e: Entry): number {
  if (e.st.type !== 'dir') return 1;
  try {
    return 2 + ctx.fs.readdir(e.path).filter((n) => ctx.fs.lstat(joinPath(e.path, n)).type === 'dir').length;
  } catch {
    return 2;
  }
}

function longLines(ctx: ProgramContext, entries: Entry[], humanSizes: boolean, numeric: boolean): string[] {
  const users = numeric ? new Map<number, string>() : idNames(ctx, '/etc/passwd');
  const groups = numeric ? new Map<number, string>() : idNames(ctx, '/etc/group');
  const now = ctx.clock.now();
  const rows = entries.map((e) => ({
    mode: modeString(e.st),
    links: String(linkCount(ctx, e)),
    user: users.get(e.st.uid) ?? String(e.st.uid),
    group: groups.get(e.st.gid) ?? String(e.st.gid),
    size: e.st.type === 'dir' ? (humanSizes ? '4.0K' : '4096') : humanSizes ? human(e.st.size) : String(e.st.size),
    date: lsDate(e.st.mtime, now),
    name: e.st.type === 'symlink' ? `${e.name} -> ${e.st.target}` : e.name,
  }));
  if (isBusybox(ctx)) {
    return rows.map((r) => `${r.mode} ${r.links.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}`);
  }
  const w = (k: 'links' | 'user' | 'group' | 'size') => Math.max(0, ...rows.map((r) => r[k].length));
  const [wl, wu, wg, ws] = [w('links'), w('user'), w('group'), w('size')];
  return rows.map((r) => `${r.mode} ${r.links.padStart(wl)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}`);
}

/** names in columns, filled column by column, fitting `width` */
export function columns(names: string[], width: number, busybox: boolean): string[] {
  if (names.length === 0) return [];
  const len = (s: string) => [...s].length;
  if (busybox) {
    const colw = Math.max(...names.map(len)) + 2;
    let ncols = Math.max(1, Math.floor(width / colw));
    const rows = Math.ceil(names.length / ncols);
    ncols = Math.ceil(names.length / rows);
    return layout(names, rows, ncols, () => colw);
  }
  for (let ncols = Math.min(names.length, Math.max(1, Math.floor(width / 3))); ncols >= 1; ncols--) {
    const rows = Math.ceil(names.length / ncols);
    const real = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < real; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map(len)) + 2);
    const total = widths.reduce((a, b) => a + b, 0) - 2;
    if (total < width || ncols === 1) return layout(names, rows, real, (c) => widths[c]);
  }
  return names;
}

function layout(names: string[], rows: number, ncols: number, colw: (c: number) => number): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < ncols; c++) {
      const name = names[c * rows + r];
      if (name === undefined) continue;
      const last = c === ncols - 1 || names[(c + 1) * rows + r] === undefined;
      line += last ? name : name + ' '.repeat(Math.max(1, colw(c) - [...name].length));
    }
    out.push(line);
  }
  return out;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const ls: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'laA1RdhFCtn', '', { all: 'a', 'almost-all': 'A', recursive: 'R', 'human-readable': 'h', color: 'c' });
  if ('error' in a) return usageError(ctx, a.error);
  const f = a.flags;
  const bb = isBusybox(ctx);
  const long = f.has('l') || f.has('n');
  const tty = ctx.io.stdout.isTTY && !f.has('1') && !long;
  const width = ctx.io.stdout.columns ?? 80;
  let status = 0;
  const operands = a.operands.length ? a.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    const path = abs(ctx, op);
    try {
      const st = ctx.fs.stat(path);
      const lst = ctx.fs.lstat(path);
      const e = { name: op, path, st: long && lst.type === 'symlink' ? lst : st };
      if (st.type === 'dir' && !f.has('d') && !(long && lst.type === 'symlink')) dirs.push(e);
      else files.push(e);
    } catch (e) {
      ctx.io.stderr.write(bb ? `ls: ${op}: ${errText(e)}\n` : `ls: cannot access '${op}': ${errText(e)}\n`);
      status = bb ? 1 : 2;
    }
  }
  const out: string[] = [];
  const show = (entries: Entry[], withTotal: boolean) => {
    entries.sort((x, y) => byteOrder(x.name, y.name));
    if (long) {
      if (withTotal) out.push(`total ${entries.reduce((s, e) => s + blocks(e), 0)}`);
      out.push(...longLines(ctx, entries, f.has('h'), f.has('n')));
    } else {
      const names = entries.map((e) => e.name + (f.has('F') ? suffix(e.st) : ''));
      out.push(...(tty ? columns(names, width, bb) : names));
    }
  };
  if (files.length) show(files, false);
  const many = operands.length > 1 || f.has('R');
  const queue = [...dirs].sort((x, y) => byteOrder(x.name, y.name));
  let first = files.length === 0;
  while (queue.length) {
    const d = queue.shift() as Entry;
    let names: string[];
    try {
      names = ctx.fs.readdir(d.path);
    } catch (e) {
      ctx.io.stderr.write(bb ? `ls: can't open '${d.name}': ${errText(e)}\n` : `ls: cannot open directory '${d.name}': ${errText(e)}\n`);
      status = bb ? 1 : 2;
      continue;
    }
    if (!f.has('a')) names = names.filter((n) => !n.startsWith('.'));
    const entries: Entry[] = names.map((n) => {
      const p = joinPath(d.path, n);
      return { name: n, path: p, st: ctx.fs.lstat(p) };
    });
    if (f.has('a')) {
      entries.push({ name: '.', path: d.path, st: ctx.fs.stat(d.path) });
      entries.push({ name: '..', path: joinPath(d.path, '..'), st: ctx.fs.stat(joinPath(d.path, '..')) });
    }
    if (many) {
      if (!first) out.push('');
      out.push(`${d.name}:`);
    }
    first = false;
    show(entries, true);
    if (f.has('R')) {
      const subs = entries.filter((e) => e.st.type === 'dir' && e.name !== '.' && e.name !== '..').map((e) => ({ ...e, name: d.name === '/' ? `/${e.name}` : `${d.name}/${e.name}` }));
      queue.unshift(...subs);
    }
  }
  if (out.length) ctx.io.stdout.write(`${out.join('\n')}\n`);
  return status;
};

function suffix(st: FileStat): string {
  if (st.type === 'dir') return '/';
  if (st.type === 'symlink') return '@';
  return st.mode & 0o111 ? '*' : '';
}
