/** stat [-L] [-c FORMAT] FILE… (GNU coreutils and busybox) */
import type { FileStat } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { nameTables } from './accounts';
import { diskKiB } from './du';
import { apparentSize } from './find';
import { modeString } from './ls';
import { abs, errText, isBusybox, parseArgs, usageError } from './util';

function fileType(st: FileStat): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

/** "2026-11-23 08:00:00.000000000 +0000" */
function fullTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

/** a stable inode number for a path (the simulated filesystem has none) */
function inode(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return 100000 + (h % 900000);
}

function links(ctx: ProgramContext, path: string, st: FileStat): number {
  if (st.type !== 'dir') return 1;
  try {
    return 2 + ctx.fs.readdir(path).filter((n) => ctx.fs.lstat(`${path === '/' ? '' : path}/${n}`).type === 'dir').length;
  } catch {
    return 2;
  }
}

function format(ctx: ProgramContext, fmt: string, shown: string, path: string, st: FileStat): string {
  const t = nameTables(ctx);
  const bb = isBusybox(ctx);
  const field = (c: string): string | undefined => {
    switch (c) {
      case 'n':
        return shown;
      case 'N':
        return st.type === 'symlink' ? `'${shown}' -> '${st.target}'` : `'${shown}'`;
      case 's':
        return String(apparentSize(st));
      case 'a':
        return (st.mode & 0o7777).toString(8);
      case 'A':
        return modeString(st);
      case 'f':
        return ((st.type === 'dir' ? 0o40000 : st.type === 'symlink' ? 0o120000 : 0o100000) | st.mode).toString(16);
      case 'F':
        return fileType(st);
      case 'u':
        return String(st.uid);
      case 'g':
        return String(st.gid);
      case 'U':
        return t.user(st.uid) ?? 'UNKNOWN';
      case 'G':
        return t.group(st.gid) ?? 'UNKNOWN';
      case 'b':
        return String(diskKiB(st) * 2);
      case 'B':
        return '512';
      case 'o':
        return '4096';
      case 'i':
        return String(inode(path));
      case 'h':
        return String(links(ctx, path, st));
      case 'd':
        return '2049';
      case 'D':
        return '801';
      case 'x':
      case 'y':
      case 'z':
        return fullTime(st.mtime);
      case 'X':
      case 'Y':
      case 'Z':
        return String(Math.floor(st.mtime / 1000));
      case 'w':
        return '-';
      case 'W':
        return '0';
      case '%':
        return '%';
    }
    return undefined;
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%' || i + 1 >= fmt.length) {
      out += fmt[i];
      continue;
    }
    const v = field(fmt[i + 1]);
    out += v ?? (bb ? '?' : `%${fmt[i + 1]}`);
    i++;
  }
  return out;
}

function defaultFormat(ctx: ProgramContext, shown: string, path: string, st: FileStat): string {
  const t = nameTables(ctx);
  const user = t.user(st.uid) ?? 'UNKNOWN';
  const group = t.group(st.gid) ?? 'UNKNOWN';
  const name = st.type === 'symlink' ? `${shown} -> ${st.target}` : shown;
  const size = String(apparentSize(st));
  const blocks = String(diskKiB(st) * 2);
  const time = fullTime(st.mtime);
  const access = `(${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})`;
  const ids = `Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})`;
  if (isBusybox(ctx)) {
    return [
      `  File: ${st.type === 'symlink' ? `'${shown}' -> '${st.target}'` : `'${shown}'`}`,
      `  Size: ${size.padEnd(10)}\tBlocks: ${blocks.padEnd(10)} IO Block: 4096   ${fileType(st)}`,
      `Device: 801h/2049d\tInode: ${String(inode(path)).padEnd(11)} Links: ${links(ctx, path, st)}`,
      `Access: ${access}  ${ids}`,
      `Access: ${time}`,
      `Modify: ${time}`,
      `Change: ${time}`,
      '',
    ].join('\n');
  }
  return [
    `  File: ${name}`,
    `  Size: ${size.padEnd(10)}\tBlocks: ${blocks.padEnd(10)} IO Block: 4096   ${fileType(st)}`,
    `Device: 8,1\tInode: ${String(inode(path)).padEnd(11)} Links: ${links(ctx, path, st)}`,
    `Access: ${access}  ${ids}`,
    `Access: ${time}`,
    `Modify: ${time}`,
    `Change: ${time}`,
    ' Birth: -',
    '',
  ].join('\n');
}

export const stat: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'Lft', 'c', { dereference: 'L', format: 'c', printf: 'c' });
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length === 0) return usageError(ctx, 'missing operand');
  const bb = isBusybox(ctx);
  let status = 0;
  let out = '';
  for (const file of a.operands) {
    const path = abs(ctx, file);
    try {
      const st = a.flags.has('L') ? ctx.fs.stat(path) : ctx.fs.lstat(path);
      out += a.values.has('c') ? `${format(ctx, a.values.get('c') as string, file, path, st)}\n` : defaultFormat(ctx, file, path, st);
    } catch (e) {
      ctx.io.stdout.write(out);
      out = '';
      ctx.io.stderr.write(bb ? `stat: can't stat '${file}': ${errText(e)}\n` : `stat: cannot statx '${file}': ${errText(e)}\n`);
      status = 1;
    }
  }
  ctx.io.stdout.write(out);
  return status;
};
