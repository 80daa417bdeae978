/** head, tail (-f), wc, tee */
import { FsError } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { concatBytes } from '../io/streams';
import { abs, errText, isBusybox, linkTarget, openError, parseArgs, prog, readInput, readInputs, usageError } from './util';

/** turn the historical -5 / +5 forms into -n 5 */
function numericShorthand(args: string[]): string[] {
  return args.flatMap((a, i) => (/^-\d+$/.test(a) && args[i - 1] !== '-n' && args[i - 1] !== '-c' ? ['-n', a.slice(1)] : [a]));
}

function badCount(ctx: ProgramContext, v: string, what: string): number {
  ctx.io.stderr.write(isBusybox(ctx) ? `${prog(ctx)}: invalid number '${v}'\n` : `${prog(ctx)}: invalid number of ${what}: '${v}'\n`);
  return 1;
}

/** the first `n` lines (or bytes) of stdin, reading only as far as needed */
async function headStdin(ctx: ProgramContext, n: number, bytes: boolean): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let count = 0;
  while (count < n) {
    const chunk = await ctx.io.stdin.read();
    if (chunk === null) break;
    let cut = chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      if (bytes || chunk[i] === 10) count++;
      if (count >= n) {
        cut = i + 1;
        break;
      }
    }
    parts.push(chunk.subarray(0, cut));
  }
  return concatBytes(parts);
}

function firstLines(data: Uint8Array, n: number, bytes: boolean): Uint8Array {
  if (bytes) return data.subarray(0, n);
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 10 && ++count >= n) return data.subarray(0, i + 1);
  return data;
}

export const head: Program = async (ctx) => {
  const a = parseArgs(numericShorthand(ctx.argv.slice(1)), 'qv', 'nc', { lines: 'n', bytes: 'c' });
  if ('error' in a) return usageError(ctx, a.error);
  const bytes = a.values.has('c');
  const v = a.values.get(bytes ? 'c' : 'n') ?? '10';
  if (!/^\d+$/.test(v)) return badCount(ctx, v, bytes ? 'bytes' : 'lines');
  const n = Number(v);
  const files = a.operands.length ? a.operands : ['-'];
  let status = 0;
  for (const [i, f] of files.entries()) {
    let data: Uint8Array;
    if (f === '-') data = await headStdin(ctx, n, bytes);
    else {
      const r = await readInputs(ctx, [f]);
      if (r.failed) {
        status = 1;
        continue;
      }
      data = firstLines(r.inputs[0].data, n, bytes);
    }
    if (files.length > 1) ctx.io.stdout.write(`${i > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
    ctx.io.stdout.write(data);
  }
  return status;
};

function lastLines(data: Uint8Array, spec: string, bytes: boolean): Uint8Array {
  const fromStart = spec.startsWith('+');
  const n = Number(spec.replace(/^[+-]/, ''));
  if (bytes) return fromStart ? data.subarray(Math.max(0, n - 1)) : data.subarray(Math.max(0, data.length - n));
  const starts = [0];
  for (let i = 0; i < data.length; i++) if (data[i] === 10 && i + 1 < data.length) starts.push(i + 1);
  if (fromStart) return n <= 1 ? data : n - 1 < starts.length ? data.subarray(starts[n - 1]) : new Uint8Array(0);
  if (n === 0) return new Uint8Array(0);
  return starts.length <= n ? data : data.subarray(starts[starts.length - n]);
}

export const tail: Program = async (ctx) => {
  const raw = ctx.argv.slice(1);
  const args = raw.flatMap((x, i) => (/^[-+]\d+$/.test(x) && raw[i - 1] !== '-n' && raw[i - 1] !== '-c' ? ['-n', x.startsWith('+') ? x : x.slice(1)] : [x]));
  const a = parseArgs(args, 'fFqv', 'nc', { lines: 'n', bytes: 'c', follow: 'f' });
  if ('error' in a) return usageError(ctx, a.error);
  const bytes = a.values.has('c');
  const spec = a.values.get(bytes ? 'c' : 'n') ?? '10';
  if (!/^[+-]?\d+$/.test(spec)) return badCount(ctx, spec, bytes ? 'bytes' : 'lines');
  const files = a.operands.length ? a.operands : ['-'];
  const follow = a.flags.has('f') || a.flags.has('F');
  let status = 0;
  const sizes = new Map<string, number>();
  for (const [i, f] of files.entries()) {
    const r = await readInputs(ctx, [f]);
    if (r.failed) {
      status = 1;
      continue;
    }
    if (files.length > 1) ctx.io.stdout.write(`${i > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
    ctx.io.stdout.write(lastLines(r.inputs[0].data, spec, bytes));
    if (f !== '-') sizes.set(f, r.inputs[0].data.length);
  }
  if (!follow || sizes.size === 0) return status;
  for (;;) {
    await ctx.clock.sleep(1000, ctx.io.interrupt);
    for (const [f, size] of sizes) {
      try {
        const data = ctx.fs.readFile(abs(ctx, f));
        if (data.length > size) ctx.io.stdout.write(data.subarray(size));
        else if (data.length < size) ctx.io.stderr.write(`tail: ${f}: file truncated\n`);
        sizes.set(f, data.length);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
      }
    }
  }
};

/** wc's counts of some bytes: lines and bytes without decoding them */
function wcCounts(data: Uint8Array, which: string[]): number[] {
  const text = which.includes('w') || which.includes('m') ? new TextDecoder().decode(data) : '';
  return which.map((k) => {
    if (k === 'l') {
      let n = 0;
      for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10, at + 1)) n++;
      return n;
    }
    if (k === 'w') return text.split(/\s+/).filter((w) => w !== '').length;
    if (k === 'm') return [...text].length;
    return data.length;
  });
}

export const wc: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'lwcm', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if ('error' in a) return usageError(ctx, a.error);
  let which = ['l', 'w', 'c', 'm'].filter((k) => a.flags.has(k));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const rows: { counts: number[]; name: string }[] = [];
  const total = which.map(() => 0);
  const operands = a.operands.length ? a.operands : ['-'];
  let failed = false;
  /** counts by the file that links lead to: `find / -exec wc -l {} +` names /bin/busybox 400 times */
  const known = new Map<string, number[]>();
  for (const name of operands) {
    const key = name === '-' ? undefined : linkTarget(ctx.fs, abs(ctx, name));
    let counts = key === undefined ? undefined : known.get(key);
    if (!counts) {
      const data = await readInput(ctx, name);
      if (data === undefined) {
        failed = true;
        continue;
      }
      counts = wcCounts(data, which);
      if (key !== undefined) known.set(key, counts);
    }
    counts.forEach((c, i) => {
      total[i] += c;
    });
    rows.push({ counts, name: name === '-' ? '' : name });
  }
  if (rows.length > 1) rows.push({ counts: total, name: 'total' });
  const fromStdin = operands.includes('-');
  const single = which.length === 1 && rows.length === 1;
  // busybox: "%9u" columns unless one count of one input; GNU: as wide as the widest count (7 when reading stdin)
  const width = single ? 0 : isBusybox(ctx) ? 9 : Math.max(fromStdin ? 7 : 1, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  for (const r of rows) {
    const nums = r.counts.map((c) => String(c).padStart(width)).join(' ');
    ctx.io.stdout.write(r.name ? `${nums} ${r.name}\n` : `${nums}\n`);
  }
  return failed ? 1 : 0;
};

export const tee: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'ai', '', { append: 'a' });
  if ('error' in a) return usageError(ctx, a.error);
  let status = 0;
  const targets: string[] = [];
  for (const f of a.operands) {
    try {
      const p = abs(ctx, f);
      if (!a.flags.has('a') || !ctx.fs.exists(p)) ctx.fs.writeFile(p, new Uint8Array(0));
      targets.push(p);
    } catch (e) {
      openError(ctx, f, e);
      status = 1;
    }
  }
  for (;;) {
    const chunk = await ctx.io.stdin.read();
    if (chunk === null) break;
    ctx.io.stdout.write(chunk);
    for (const t of targets) {
      try {
        ctx.fs.appendFile(t, chunk);
      } catch (e) {
        ctx.io.stderr.write(`tee: ${t}: ${errText(e)}\n`);
        status = 1;
      }
    }
    const full = ctx.io.stdout.drain?.();
    if (full) await full;
  }
  return status;
};
