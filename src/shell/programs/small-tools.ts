/** nproc, uptime, tty, printenv, groups, logname, cmp, mktemp, pidof, timeout, sync, usleep, truncate, fold, strings (GNU and busybox) */
import { FsError } from '../../api/fs';
import type { Program } from '../interpreter/types';
import { HOST_UPTIME_AT_START, NCPU } from '../runtime/host-facts';
import { credentials, nameTables } from './accounts';
import { abs, decode, errText, isBusybox, lines, parseArgs, prog, readInputs, usageError } from './util';

export const nproc: Program = async (ctx) => {
  ctx.io.stdout.write(`${NCPU}\n`);
  return 0;
};

export const uptime: Program = async (ctx) => {
  const d = new Date(ctx.clock.now());
  const p = (n: number) => String(n).padStart(2, '0');
  const mins = Math.floor(HOST_UPTIME_AT_START / 60);
  const up = mins >= 60 ? `${Math.floor(mins / 60)}:${p(mins % 60)}` : `${mins} min`;
  const users = ctx.container ? 0 : 1;
  ctx.io.stdout.write(` ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} up ${up.padStart(5)},  ${users} user${users === 1 ? '' : 's'},  load average: 0.00, 0.01, 0.00\n`);
  return 0;
};

export const tty: Program = async (ctx) => {
  if (ctx.io.stdin.isTTY) {
    ctx.io.stdout.write('/dev/pts/0\n');
    return 0;
  }
  ctx.io.stdout.write('not a tty\n');
  return 1;
};

export const printenv: Program = async (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) {
    ctx.io.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (Object.hasOwn(ctx.env, n)) ctx.io.stdout.write(`${ctx.env[n]}\n`);
    else status = 1;
  }
  return status;
};

export const groups: Program = async (ctx) => {
  const t = nameTables(ctx);
  const c = credentials(ctx);
  ctx.io.stdout.write(`${c.groups.map((g) => t.group(g) ?? String(g)).join(' ')}\n`);
  return 0;
};

export const logname: Program = async (ctx) => {
  if (ctx.container) {
    ctx.io.stderr.write(isBusybox(ctx) ? 'logname: getlogin: No such device or address\n' : 'logname: no login name\n');
    return 1;
  }
  ctx.io.stdout.write(`${ctx.env.LOGNAME ?? ctx.env.USER ?? 'root'}\n`);
  return 0;
};

export const cmp: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'ls', '', { silent: 's', quiet: 's', verbose: 'l' });
  if ('error' in a) return usageError(ctx, a.error);
  const [f1, f2 = '-'] = a.operands;
  if (f1 === undefined) return usageError(ctx, 'missing operand');
  const r = await readInputs(ctx, [f1, f2]);
  if (r.failed || r.inputs.length < 2) return 2;
  const [x, y] = r.inputs.map((i) => i.data);
  let line = 1;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      if (!a.flags.has('s')) ctx.io.stdout.write(`${f1} ${f2} differ: ${isBusybox(ctx) ? 'char' : 'byte'} ${i + 1}, line ${line}\n`);
      return 1;
    }
    if (x[i] === 10) line++;
  }
  if (x.length !== y.length) {
    const common = Math.min(x.length, y.length);
    // GNU counts the lines of the common part: one whose last line is complete ends on it
    const endsLine = common > 0 && x[common - 1] === 10;
    if (!a.flags.has('s')) ctx.io.stderr.write(`cmp: EOF on ${x.length < y.length ? f1 : f2}${isBusybox(ctx) ? '' : ` after byte ${common}, line ${endsLine ? line - 1 : line}`}\n`);
    return 1;
  }
  return 0;
};

export const mktemp: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'dqu', 'p', { directory: 'd', quiet: 'q', tmpdir: 'p' });
  if ('error' in a) return usageError(ctx, a.error);
  const template = a.operands[0] ?? 'tmp.XXXXXXXXXX';
  const xs = /X+$/.exec(template)?.[0].length ?? 0;
  if (xs < 3) {
    ctx.io.stderr.write(isBusybox(ctx) ? `mktemp: (null): Invalid argument\n` : `mktemp: too few X's in template '${template}'\n`);
    return 1;
  }
  const dir = a.values.get('p') ?? (template.includes('/') ? '' : (ctx.env.TMPDIR ?? '/tmp'));
  // names from the clock, skipping taken ones: deterministic, different every call
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let attempt = 0; attempt < 100; attempt++) {
    let n = ctx.clock.now() + attempt * 7919;
    let suffix = '';
    for (let i = 0; i < xs; i++) {
      suffix += chars[n % chars.length];
      n = Math.floor(n / chars.length) + i * 31;
    }
    const name = template.slice(0, template.length - xs) + suffix;
    const path = abs(ctx, dir ? `${dir}/${name}` : name);
    if (ctx.fs.exists(path)) continue;
    try {
      if (a.flags.has('d')) ctx.fs.mkdir(path, { mode: 0o700 });
      else ctx.fs.writeFile(path, '', 0o600);
    } catch (e) {
      ctx.io.stderr.write(`mktemp: failed to create ${a.flags.has('d') ? 'directory' : 'file'} via template '${dir ? `${dir}/${template}` : template}': ${errText(e)}\n`);
      return 1;
    }
    ctx.io.stdout.write(`${dir ? `${dir}/${name}` : name}\n`);
    return 0;
  }
  return 1;
};

export const pidof: Program = async (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const procs = ctx.container?.processes() ?? [];
  const pids = procs
    .filter((p) => names.some((n) => (p.argv[0] ?? '').replace(/^.*\//, '') === n))
    .map((p) => p.pid)
    .sort((a, b) => b - a);
  if (pids.length === 0) return 1;
  ctx.io.stdout.write(`${pids.join(' ')}\n`);
  return 0;
};

export const timeout: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  while (args[0]?.startsWith('-')) {
    const o = args.shift() as string;
    if (o === '-s' || o === '-k') args.shift();
  }
  const spec = args.shift();
  const m = spec === undefined ? null : /^(\d+(?:\.\d*)?)([smhd]?)$/.exec(spec);
  if (!m || args.length === 0) return usageError(ctx, spec === undefined ? 'missing operand' : `invalid time interval '${spec}'`);
  const ms = Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] * 1000;
  const controller = new AbortController();
  const onOuter = () => controller.abort();
  ctx.io.interrupt.addEventListener('abort', onOuter, { once: true });
  let timedOut = false;
  const timer = ctx.clock.sleep(ms, controller.signal).then(
    () => {
      timedOut = true;
      controller.abort();
    },
    () => undefined,
  );
  try {
    const status = await ctx.exec(args, { ...ctx.io, interrupt: controller.signal });
    return timedOut ? 124 : status;
  } catch (e) {
    // the command was ended by the time limit (the shell reports it as an interrupt)
    if (timedOut) return 124;
    throw e;
  } finally {
    ctx.io.interrupt.removeEventListener('abort', onOuter);
    if (!controller.signal.aborted) controller.abort();
    await timer;
  }
};

export const sync: Program = async () => 0;

export const usleep: Program = async (ctx) => {
  const n = Number(ctx.argv[1] ?? '0');
  await ctx.clock.sleep(Math.round(n / 1000), ctx.io.interrupt);
  return 0;
};

export const truncate: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'c', 's', { size: 's', 'no-create': 'c' });
  if ('error' in a) return usageError(ctx, a.error);
  const size = a.values.get('s');
  if (size === undefined || !/^\d+[KMG]?$/.test(size)) return usageError(ctx, size === undefined ? "you must specify either '--size' or '--reference'" : `Invalid number: '${size}'`);
  const bytes = Number.parseInt(size, 10) * ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[size.slice(-1)] ?? 1);
  let status = 0;
  for (const f of a.operands) {
    const p = abs(ctx, f);
    try {
      let data: Uint8Array = new Uint8Array(0);
      try {
        data = ctx.fs.readFile(p);
      } catch (e) {
        if (!(e instanceof FsError && e.code === 'ENOENT') || a.flags.has('c')) throw e;
      }
      const out = new Uint8Array(bytes);
      out.set(data.subarray(0, bytes));
      ctx.fs.writeFile(p, out);
    } catch (e) {
      if (a.flags.has('c') && e instanceof FsError && e.code === 'ENOENT') continue;
      ctx.io.stderr.write(`${prog(ctx)}: cannot open '${f}' for writing: ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const fold: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'bs', 'w', { width: 'w', spaces: 's' });
  if ('error' in a) return usageError(ctx, a.error);
  const width = Number(a.values.get('w') ?? 80);
  const { inputs, failed } = await readInputs(ctx, a.operands);
  let out = '';
  for (const inp of inputs) {
    for (const l of lines(decode(inp.data))) {
      let rest = l;
      while (rest.length > width) {
        let cut = width;
        if (a.flags.has('s')) {
          const sp = rest.lastIndexOf(' ', width - 1);
          if (sp >= 0) cut = sp + 1;
        }
        out += `${rest.slice(0, cut)}\n`;
        rest = rest.slice(cut);
      }
      out += `${rest}\n`;
    }
  }
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

export const strings: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'af', 'n');
  if ('error' in a) return usageError(ctx, a.error);
  const min = Number(a.values.get('n') ?? 4);
  const { inputs, failed } = await readInputs(ctx, a.operands);
  let out = '';
  for (const inp of inputs) {
    let run = '';
    const flush = () => {
      if (run.length >= min) out += `${a.flags.has('f') ? `${inp.name}: ` : ''}${run}\n`;
      run = '';
    };
    for (const b of inp.data) {
      if ((b >= 0x20 && b < 0x7f) || b === 9) run += String.fromCharCode(b);
      else flush();
    }
    flush();
  }
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};
