/** du [-sahkmcx] [-d N] [PATH…] (GNU and busybox): disk usage in 1 KiB blocks of 4 KiB filesystem blocks */
import type { FileStat } from '../../api/fs';
import type { Program } from '../interpreter/types';
import { joinPath } from '../vfs/path';
import { abs, errText, isBusybox, parseArgs, usageError } from './util';

/** KiB a file takes on a filesystem of 4 KiB blocks (a directory one block, a short symlink none) */
export function diskKiB(st: FileStat): number {
  if (st.type === 'dir') return 4;
  if (st.type === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 4;
}

/** GNU's -h: one decimal below 10, rounded up ("4.0K", "28K", "1.5M") */
export function gnuHuman(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  return `${Math.ceil(v)}${units[u]}`;
}

/** busybox's make_human_readable_str: a decimal once past 1024 ("28.0K", "1.5M") */
export function busyboxHuman(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let u = 0;
  let frac = 0;
  while (v >= 1024 && u < units.length - 1) {
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
    u++;
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  return u === 0 ? String(v) : `${v}.${frac}${units[u]}`;
}

export const du: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'sahkmcxLHl', 'd', { summarize: 's', all: 'a', 'human-readable': 'h', total: 'c', 'max-depth': 'd', 'one-file-system': 'x' });
  if ('error' in a) return usageError(ctx, a.error);
  const f = a.flags;
  const bb = isBusybox(ctx);
  const maxDepth = f.has('s') ? 0 : a.values.has('d') ? Number(a.values.get('d')) : Number.POSITIVE_INFINITY;
  if (Number.isNaN(maxDepth)) {
    ctx.io.stderr.write(bb ? `du: invalid number '${a.values.get('d')}'\n` : `du: invalid maximum depth '${a.values.get('d')}'\n`);
    return 1;
  }
  const show = (kib: number) => (f.has('h') ? (bb ? busyboxHuman(kib * 1024) : gnuHuman(kib * 1024)) : f.has('m') ? String(Math.ceil(kib / 1024)) : String(kib));
  let out = '';
  let status = 0;
  let total = 0;
  const walk = (path: string, shown: string, depth: number): number => {
    let st: FileStat;
    try {
      st = ctx.fs.lstat(path);
    } catch (e) {
      ctx.io.stderr.write(bb ? `du: ${shown}: ${errText(e)}\n` : `du: cannot access '${shown}': ${errText(e)}\n`);
      status = 1;
      return 0;
    }
    let size = diskKiB(st);
    if (st.type === 'dir') {
      let names: string[] = [];
      try {
        names = ctx.fs.readdir(path);
      } catch (e) {
        ctx.io.stderr.write(bb ? `du: ${shown}: ${errText(e)}\n` : `du: cannot read directory '${shown}': ${errText(e)}\n`);
        status = 1;
      }
      for (const n of names) size += walk(joinPath(path, n), shown.endsWith('/') ? shown + n : `${shown}/${n}`, depth + 1);
      if (depth <= maxDepth) out += `${show(size)}\t${shown}\n`;
    } else if (depth === 0 || (f.has('a') && depth <= maxDepth)) out += `${show(size)}\t${shown}\n`;
    return size;
  };
  for (const p of a.operands.length ? a.operands : ['.']) total += walk(abs(ctx, p), p, 0);
  if (f.has('c')) out += `${show(total)}\ttotal\n`;
  ctx.io.stdout.write(out);
  return status;
};
