/** sleep, clear, env, date, basename, dirname, which, seq, hostname, whoami, true, false, pwd, xargs */
import { HOLD_TURNS, yieldToEventLoop } from '../interpreter/pace';
import type { Program, ProgramContext } from '../interpreter/types';
import { baseName, dirName } from '../vfs/path';
import { hostAddresses } from './netinfo';
import { decode, isBusybox, parseArgs, prog, usageError } from './util';

export const trueProgram: Program = async () => 0;
export const falseProgram: Program = async () => 1;

export const pwd: Program = async (ctx) => {
  ctx.io.stdout.write(`${ctx.cwd}\n`);
  return 0;
};

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

const WHOLE_SECONDS = /^\d+$/;
/** a number of seconds, minutes, hours or days (`1.5m`) */
const INTERVAL = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/;

/**
 * `sleep 1` (a loop sleeps every round): no async frame of its own, the clock's
 * promise and one reaction (settling as `await` then `return 0` would)
 */
export const sleep: Program = (ctx) => {
  const ms = sleepMs(ctx.argv);
  if (ms === undefined) return sleepError(ctx);
  try {
    return ctx.clock.sleep(ms, ctx.io.interrupt).then(slept);
  } catch (e) {
    return Promise.reject(e);
  }
};

function slept(): number {
  return 0;
}

/** the milliseconds `sleep` waits for; undefined when its operands are wrong */
function sleepMs(argv: readonly string[]): number | undefined {
  if (argv.length < 2) return undefined;
  let seconds = 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    // `sleep 1`: no match to take apart
    if (WHOLE_SECONDS.test(a)) {
      seconds += Number(a);
      continue;
    }
    const m = INTERVAL.exec(a);
    if (!m) return undefined;
    seconds += Number(m[1]) * UNIT[m[2]];
  }
  return Math.round(seconds * 1000);
}

/** what `sleep` says about operands sleepMs() refused */
async function sleepError(ctx: ProgramContext): Promise<number> {
  const argv = ctx.argv;
  if (argv.length < 2) return usageError(ctx, 'missing operand');
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (INTERVAL.test(a)) continue;
    if (isBusybox(ctx)) {
      ctx.io.stderr.write(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    return usageError(ctx, `invalid time interval '${a}'`);
  }
  return 1;
}

export const clear: Program = async (ctx) => {
  ctx.io.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const env: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const vars: Record<string, string> = { ...ctx.env };
  if (args[0] === '-i') {
    args.shift();
    for (const k of Object.keys(vars)) delete vars[k];
  }
  while (args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0])) {
    const a = args.shift() as string;
    const eq = a.indexOf('=');
    vars[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (args.length === 0) {
    ctx.io.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  if (!ctx.lookup(args[0]) && !ctx.env.PATH?.length) return 127;
  const status = await ctx.exec(args, ctx.io, vars);
  if (status === 127 && !ctx.lookup(args[0])) ctx.io.stderr.write(isBusybox(ctx) ? `env: can't execute '${args[0]}': No such file or directory\n` : `env: '${args[0]}': No such file or directory\n`);
  return status;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime subset, UTC */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const field = (c: string): string | undefined => {
    switch (c) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'y':
        return p2(d.getUTCFullYear() % 100);
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2, ' ');
      case 'H':
        return p2(d.getUTCHours());
      case 'M':
        return p2(d.getUTCMinutes());
      case 'S':
        return p2(d.getUTCSeconds());
      case 'N':
        return String(d.getUTCMilliseconds() * 1e6).padStart(9, '0');
      case 'a':
        return DAYS[d.getUTCDay()];
      case 'A':
        return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()];
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()];
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 's':
        return String(Math.floor(ms / 1000));
      case 'T':
        return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'F':
        return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'D':
        return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '%':
        return '%';
    }
    return undefined;
  };
  return fmt.replace(/%([A-Za-z%])/g, (m, c: string) => field(c) ?? m);
}

export const date: Program = async (ctx) => {
  const fmt = ctx.argv.slice(1).find((a) => a.startsWith('+'));
  const bad = ctx.argv.slice(1).find((a) => !a.startsWith('+') && a !== '-u' && a !== '--utc');
  if (bad) {
    ctx.io.stderr.write(`date: invalid date '${bad}'\n`);
    return 1;
  }
  ctx.io.stdout.write(`${strftime(fmt ? fmt.slice(1) : '%a %b %e %H:%M:%S %Z %Y', ctx.clock.now())}\n`);
  return 0;
};

export const basename: Program = async (ctx) => {
  const [name, suffix] = ctx.argv.slice(1);
  if (name === undefined) return usageError(ctx, 'missing operand');
  let b = baseName(name);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  ctx.io.stdout.write(`${b}\n`);
  return 0;
};

export const dirname: Program = async (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) return usageError(ctx, 'missing operand');
  ctx.io.stdout.write(names.map((n) => `${dirName(n)}\n`).join(''));
  return 0;
};

export const which: Program = async (ctx) => {
  let status = 0;
  for (const n of ctx.argv.slice(1).filter((a) => a !== '-a')) {
    const p = ctx.lookup(n);
    if (p) ctx.io.stdout.write(`${p}\n`);
    else status = 1;
  }
  return status;
};

export const seq: Program = async (ctx) => {
  const nums = ctx.argv.slice(1).map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some(Number.isNaN)) return usageError(ctx, nums.length === 0 ? 'missing operand' : `invalid floating point argument: '${ctx.argv.find((a, i) => i > 0 && Number.isNaN(Number(a)))}'`);
  const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  const more = (v: number) => (inc > 0 ? v <= last : v >= last);
  const count = inc === 0 ? 0 : Math.floor((last - first) / inc) + 1;
  const width = Math.max(String(first).length, String(last).length) + 1;
  if (count * width <= SEQ_AT_ONCE) {
    let out = '';
    for (let v = first; more(v); v += inc) out += `${v}\n`;
    ctx.io.stdout.write(out);
    return 0;
  }
  // more than a page could hold (seq 99999999999: a terabyte): written as it is made, like yes — its reader's
  // pace, Ctrl-C between chunks, and past HOLD_TURNS chunks no hold on simulated time (a step's timeout comes)
  let out = '';
  let turns = 0;
  for (let v = first; more(v); v += inc) {
    out += `${v}\n`;
    if (out.length < 64 * 1024) continue;
    if (ctx.io.interrupt.aborted) return 130;
    ctx.io.stdout.write(out);
    out = '';
    const full = ctx.io.stdout.drain?.();
    if (full) await full;
    await yieldToEventLoop(++turns <= HOLD_TURNS);
  }
  ctx.io.stdout.write(out);
  return 0;
};

/** characters of output seq makes at once (`seq 1000000`: 6.9 MB); more is written a chunk at a time */
const SEQ_AT_ONCE = 16 * 1024 * 1024;

export const hostname: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '-I' || args[0] === '--all-ip-addresses') {
    ctx.io.stdout.write(`${hostAddresses(ctx).join(' ')} \n`);
    return 0;
  }
  if (args[0] === '-i' || args[0] === '--ip-address') {
    ctx.io.stdout.write(`${hostAddresses(ctx)[0] ?? '127.0.1.1'}\n`);
    return 0;
  }
  ctx.io.stdout.write(`${ctx.container?.hostname ?? ctx.env.HOSTNAME ?? 'localhost'}\n`);
  return 0;
};

export const whoami: Program = async (ctx) => {
  const user = (ctx.container?.user || ctx.env.USER || 'root').split(':')[0];
  if (ctx.container && /^\d+$/.test(user)) {
    // a numeric user (docker run -u 1000): its name from the container's /etc/passwd
    let name: string | undefined;
    try {
      name = decode(ctx.fs.readFile('/etc/passwd'))
        .split('\n')
        .find((l) => l.split(':')[2] === user)
        ?.split(':')[0];
    } catch {
      name = undefined;
    }
    if (name === undefined) {
      ctx.io.stderr.write(`whoami: unknown uid ${user}\n`);
      return 1;
    }
    ctx.io.stdout.write(`${name}\n`);
    return 0;
  }
  ctx.io.stdout.write(`${user}\n`);
  return 0;
};

/** split xargs input into words: blanks separate, quotes and backslashes protect */
function xargsWords(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|\\(.)|(\s+)|([^\s"'\\]+)/gs;
  let cur: string | null = null;
  for (const m of text.matchAll(re)) {
    if (m[4] !== undefined) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else cur = (cur ?? '') + (m[1] ?? m[2] ?? m[3] ?? m[5] ?? '');
  }
  if (cur !== null) out.push(cur);
  return out;
}

export const xargs: Program = async (ctx: ProgramContext) => {
  const a = parseArgs(ctx.argv.slice(1).slice(0, firstCommandIndex(ctx.argv.slice(1))), 'rt', 'nI');
  if ('error' in a) return usageError(ctx, a.error);
  const cmd = ctx.argv.slice(1).slice(firstCommandIndex(ctx.argv.slice(1)));
  if (cmd.length === 0) cmd.push('echo');
  const input = decode(await ctx.io.stdin.readAll());
  const replace = a.values.get('I');
  const runs: string[][] = [];
  if (replace !== undefined) {
    for (const line of input.split('\n').filter((l) => l.trim() !== '')) runs.push(cmd.map((c) => c.split(replace).join(line.trim())));
  } else {
    const words = xargsWords(input);
    const n = a.values.has('n') ? Math.max(1, Number(a.values.get('n'))) : words.length || 1;
    if (words.length === 0 && a.flags.has('r')) return 0;
    for (let i = 0; i < Math.max(words.length, 1); i += n) runs.push([...cmd, ...words.slice(i, i + n)]);
  }
  let status = 0;
  for (const argv of runs) {
    const s = await ctx.exec(argv, { ...ctx.io });
    if (s === 127 && !ctx.lookup(argv[0])) {
      ctx.io.stderr.write(`${prog(ctx)}: ${argv[0]}: No such file or directory\n`);
      return 127;
    }
    if (s !== 0) status = 123;
  }
  return status;
};

function firstCommandIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-n' || args[i] === '-I') i++;
    else if (!args[i].startsWith('-')) return i;
  }
  return args.length;
}
