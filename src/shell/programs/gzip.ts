/**
 * gzip, gunzip, zcat (GNU gzip 1.12 and busybox texts): real deflate through
 * fflate, so `docker save … | gzip > x.tar.gz` and `gunzip -c x.tar.gz | docker
 * load` round-trip, and files compressed here open with any gzip.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { FsError } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { baseName } from '../vfs/path';
import { abs, errText, isBusybox, parseArgs, prog, usageError } from './util';

/** above this many bytes, compress at level 1: the output is still gzip, the page stays responsive */
const FAST_ABOVE = 8 * 1024 * 1024;

export function gzipBytes(data: Uint8Array, opts: { level?: number; name?: string; mtime?: number } = {}): Uint8Array {
  const level = (opts.level ?? (data.length > FAST_ABOVE ? 1 : 6)) as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  // mtime 0: no time stamp (fflate would otherwise take the real clock)
  return gzipSync(data, { level, mtime: opts.mtime ?? 0, ...(opts.name ? { filename: opts.name } : {}) });
}

export function isGzip(data: Uint8Array): boolean {
  return data.length >= 18 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 8;
}

/** the contents of a gzip file; throws Error('not in gzip format') / Error('unexpected end of file') */
export function gunzipBytes(data: Uint8Array): Uint8Array {
  if (!isGzip(data)) throw new Error(data.length < 18 && data[0] === 0x1f && data[1] === 0x8b ? 'unexpected end of file' : 'not in gzip format');
  try {
    return gunzipSync(data);
  } catch {
    throw new Error('unexpected end of file');
  }
}

interface Mode {
  decompress: boolean;
  stdout: boolean;
  keep: boolean;
  force: boolean;
  test: boolean;
  level?: number;
  list: boolean;
}

function modeOf(ctx: ProgramContext, flags: Set<string>): Mode {
  const name = prog(ctx);
  const level = [...flags].filter((f) => /[1-9]/.test(f)).pop();
  return {
    decompress: flags.has('d') || name === 'gunzip' || name === 'zcat',
    stdout: flags.has('c') || name === 'zcat',
    keep: flags.has('k'),
    force: flags.has('f'),
    test: flags.has('t'),
    level: level ? Number(level) : undefined,
    list: flags.has('l'),
  };
}

/** "gzip: " (GNU names itself gzip whatever it runs as), busybox its applet name */
function who(ctx: ProgramContext): string {
  return isBusybox(ctx) ? prog(ctx) : 'gzip';
}

const SUFFIXES = ['.gz', '-gz', '.z', '-z', '_z', '.tgz', '.taz'];

function stripSuffix(file: string): string | undefined {
  const lower = file.toLowerCase();
  for (const s of SUFFIXES) {
    if (lower.endsWith(s) && file.length > s.length) return s === '.tgz' || s === '.taz' ? `${file.slice(0, -s.length)}.tar` : file.slice(0, -s.length);
  }
  return undefined;
}

function listLine(compressed: number, plain: number, name: string): string {
  const ratio = plain === 0 ? 0 : ((plain - compressed) / plain) * 100;
  return `${String(compressed).padStart(19)} ${String(plain).padStart(19)} ${`${ratio.toFixed(1)}%`.padStart(6)} ${name}\n`;
}

export const gzip: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'cdfhklnNqrtvV123456789', 'S', {
    stdout: 'c',
    'to-stdout': 'c',
    decompress: 'd',
    uncompress: 'd',
    force: 'f',
    keep: 'k',
    list: 'l',
    test: 't',
    verbose: 'v',
    quiet: 'q',
    fast: '1',
    best: '9',
    'no-name': 'n',
    name: 'N',
  });
  if ('error' in a) return usageError(ctx, a.error);
  const m = modeOf(ctx, a.flags);
  const me = who(ctx);
  const bb = isBusybox(ctx);
  let status = 0;
  const files = a.operands.length ? a.operands : ['-'];
  if (m.list) ctx.io.stdout.write('         compressed        uncompressed  ratio uncompressed_name\n');
  let totals = { c: 0, u: 0, n: 0 };
  for (const file of files) {
    const fromStdin = file === '-';
    let data: Uint8Array;
    let path = '';
    let mode = 0o644;
    let mtime = 0;
    if (fromStdin) {
      if (!m.decompress && !m.test && !m.force && ctx.io.stdout.isTTY) {
        ctx.io.stderr.write(`${me}: compressed data not written to a terminal. Use -f to force compression.\n${bb ? '' : 'For help, type: gzip -h\n'}`);
        return 1;
      }
      data = await ctx.io.stdin.readAll();
    } else {
      path = abs(ctx, file);
      try {
        const st = ctx.fs.stat(path);
        if (st.type === 'dir') {
          ctx.io.stderr.write(bb ? `${me}: ${file}: is a directory\n` : `${me}: ${file} is a directory -- ignored\n`);
          status = bb ? 1 : Math.max(status, 2);
          continue;
        }
        mode = st.mode;
        mtime = st.mtime;
        data = ctx.fs.readFile(path);
      } catch (e) {
        ctx.io.stderr.write(`${me}: ${file}: ${errText(e)}\n`);
        status = 1;
        continue;
      }
    }
    const shown = fromStdin ? (bb ? 'standard input' : 'stdin') : file;
    if (m.decompress || m.test || m.list) {
      let target: string | undefined;
      if (!fromStdin && !m.stdout && !m.test && !m.list) {
        target = stripSuffix(file);
        if (target === undefined) {
          ctx.io.stderr.write(bb ? `${me}: ${file}: unknown suffix - ignored\n` : `${me}: ${file}: unknown suffix -- ignored\n`);
          status = bb ? 1 : Math.max(status, 2);
          continue;
        }
      }
      let plain: Uint8Array;
      try {
        plain = gunzipBytes(data);
      } catch (e) {
        const why = (e as Error).message;
        ctx.io.stderr.write(bb ? `${me}: invalid magic\n` : `${me}: ${shown}: ${why}\n`);
        status = 1;
        continue;
      }
      if (m.test) continue;
      if (m.list) {
        const name = fromStdin ? '' : (stripSuffix(file) ?? file);
        ctx.io.stdout.write(listLine(data.length, plain.length, name));
        totals = { c: totals.c + data.length, u: totals.u + plain.length, n: totals.n + 1 };
        continue;
      }
      if (target === undefined) {
        ctx.io.stdout.write(plain);
        continue;
      }
      status = Math.max(status, await writeResult(ctx, m, file, path, abs(ctx, target), target, plain, mode, mtime));
      continue;
    }
    const packed = gzipBytes(data, { level: m.level, name: fromStdin || a.flags.has('n') ? undefined : baseName(file), mtime: fromStdin || a.flags.has('n') ? 0 : mtime });
    if (fromStdin || m.stdout) {
      ctx.io.stdout.write(packed);
      continue;
    }
    if (stripSuffix(file) !== undefined && file.toLowerCase().endsWith('.gz')) {
      ctx.io.stderr.write(bb ? `${me}: ${file}: already has .gz suffix -- unchanged\n` : `${me}: ${file} already has .gz suffix -- unchanged\n`);
      status = bb ? 1 : Math.max(status, 2);
      continue;
    }
    status = Math.max(status, await writeResult(ctx, m, file, path, `${path}.gz`, `${file}.gz`, packed, mode, mtime));
  }
  if (m.list && totals.n > 1) ctx.io.stdout.write(listLine(totals.c, totals.u, '(totals)'));
  return status;
};

/** write `data` to `to`, keep mode and time, remove the source unless -k; GNU refuses to overwrite without -f */
async function writeResult(ctx: ProgramContext, m: Mode, file: string, from: string, to: string, toShown: string, data: Uint8Array, mode: number, mtime: number): Promise<number> {
  const me = who(ctx);
  if (ctx.fs.exists(to) && !m.force) {
    if (isBusybox(ctx)) {
      ctx.io.stderr.write(`${me}: can't open '${toShown}': File exists\n`);
      return 1;
    }
    // GNU asks on a terminal, and refuses otherwise
    if (!ctx.io.stdin.isTTY) {
      ctx.io.stderr.write(`${me}: ${toShown} already exists;\tnot overwritten\n`);
      return 2;
    }
    ctx.io.stderr.write(`${me}: ${toShown} already exists; do you wish to overwrite (y or n)? `);
    const answer = await ctx.io.stdin.readLine();
    if (!/^[yY]/.test(answer ?? '')) {
      ctx.io.stderr.write('\tnot overwritten\n');
      return 2;
    }
  }
  try {
    ctx.fs.writeFile(to, data, mode);
    ctx.fs.chmod(to, mode);
    ctx.fs.utimes(to, mtime);
    if (!m.keep) ctx.fs.unlink(from);
  } catch (e) {
    const shown = e instanceof FsError && e.path === from ? file : toShown;
    ctx.io.stderr.write(`${me}: ${shown}: ${errText(e)}\n`);
    return 1;
  }
  return 0;
}

export const gunzip: Program = gzip;
export const zcat: Program = gzip;
