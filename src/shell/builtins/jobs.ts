/** wait, trap, kill: background jobs and signals */
import { signalName, signalNames, signalNumber } from '../runtime/signals';
import { InterruptSignal } from '../interpreter/types';
import type { ShellState } from '../interpreter/state';
import type { Builtin } from './types';

/** resolves when a trapped signal is pending (at once if one already is) */
function trapArrived(sh: ShellState): { promise: Promise<'trap'>; done: () => void } {
  if (sh.pendingTraps.length) return { promise: Promise.resolve('trap'), done: () => {} };
  let waiter: (() => void) | undefined;
  const promise = new Promise<'trap'>((r) => {
    waiter = () => r('trap');
    sh.trapWaiters.push(waiter);
  });
  return {
    promise,
    done: () => {
      const i = waiter ? sh.trapWaiters.indexOf(waiter) : -1;
      if (i >= 0) sh.trapWaiters.splice(i, 1);
    },
  };
}

/** resolves when `signal` aborts; `done()` drops the listener (a loop of `wait`s must not pile them up) */
function interrupted(signal: AbortSignal): { promise: Promise<'interrupt'>; done: () => void } {
  let onAbort: (() => void) | undefined;
  const promise = new Promise<'interrupt'>((r) => {
    if (signal.aborted) r('interrupt');
    else {
      onAbort = () => r('interrupt');
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return {
    promise,
    done: () => {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    },
  };
}

/** wait [PID…]: a trapped signal ends the wait at once with 128+n (its trap then runs) */
export const wait: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  let status = 0;
  const targets = args.length ? args : [...sh.jobs.keys()].map(String);
  for (const a of targets) {
    const pid = Number(a);
    const job = /^\d+$/.test(a) ? sh.jobs.get(pid) : undefined;
    if (!job) {
      if (!/^\d+$/.test(a)) {
        io.stderr.write(`${sh.errPrefix()}wait: \`${a}': not a pid or valid job spec\n`);
        status = 2;
      } else {
        if (sh.flavor === 'bash') io.stderr.write(`${sh.errPrefix()}wait: pid ${a} is not a child of this shell\n`);
        status = 127;
      }
      continue;
    }
    const interrupt = interrupted(io.interrupt);
    const trapped = trapArrived(sh);
    let r: { s: number } | 'trap' | 'interrupt';
    try {
      r = await Promise.race([job.then((s) => ({ s })), trapped.promise, interrupt.promise]);
    } finally {
      interrupt.done();
      trapped.done();
    }
    if (r === 'interrupt') throw new InterruptSignal();
    if (r === 'trap') return 128 + (signalNumber(sh.pendingTraps[0] ?? 'TERM') ?? 15);
    status = r.s;
    sh.jobs.delete(pid);
  }
  return status;
};

/** "TERM", "SIGTERM", "15", "EXIT", "0" → "TERM" / "EXIT"; undefined for a bad name */
function trapName(spec: string): string | undefined {
  const u = spec.toUpperCase();
  if (u === 'EXIT' || u === '0') return 'EXIT';
  const n = signalNumber(u);
  return n === undefined || n > 31 ? undefined : signalName(n).slice(3);
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** trap [ACTION SIGNAL…]: '' ignores, '-' restores the default */
export const trap: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    for (const [name, action] of sh.traps) io.stdout.write(`trap -- ${quote(action)} ${name}\n`);
    return 0;
  }
  if (args[0] === '-l') {
    io.stdout.write(`${signalNames().map((n, i) => `${i + 1}) SIG${n}`).join('\n')}\n`);
    return 0;
  }
  // `trap SIGNAL…` with a signal first resets them (POSIX: an unsigned integer as first operand)
  const reset = args.length === 1 || /^\d+$/.test(args[0]);
  const action = reset ? '-' : (args.shift() as string);
  let status = 0;
  for (const s of args) {
    const name = trapName(s);
    if (!name) {
      io.stderr.write(sh.flavor === 'bash' ? `${sh.errPrefix()}trap: ${s}: invalid signal specification\n` : `${sh.errPrefix()}trap: ${s}: bad trap\n`);
      status = 1;
      continue;
    }
    if (action === '-') sh.traps.delete(name);
    else sh.traps.set(name, action);
  }
  return status;
};

function killUsage(sh: ShellState): string {
  if (sh.flavor === 'bash') return `${sh.errPrefix()}kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n`;
  return `${sh.errPrefix()}kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`;
}

/** kill [-s SIG | -SIG] PID…, kill -l */
export const kill: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.stderr.write(killUsage(sh));
    return 2;
  }
  if (args[0] === '-l' || args[0] === '-L') {
    const n = args[1] ? Number(args[1]) : undefined;
    if (n !== undefined) io.stdout.write(`${signalName(n > 128 ? n - 128 : n).slice(3)}\n`);
    else io.stdout.write(`${signalNames().join(' ')}\n`);
    return 0;
  }
  let sig = 'SIGTERM';
  if (args[0] === '-s' || args[0] === '-n') {
    args.shift();
    const spec = args.shift();
    if (spec === undefined) {
      io.stderr.write(killUsage(sh));
      return 2;
    }
    sig = spec;
  } else if (/^-./.test(args[0]) && args[0] !== '--') sig = (args.shift() as string).slice(1);
  if (args[0] === '--') args.shift();
  const n = signalNumber(sig);
  if (n === undefined || n > 64) {
    io.stderr.write(`${sh.errPrefix()}kill: ${sig}: invalid signal specification\n`);
    return 1;
  }
  if (args.length === 0) {
    io.stderr.write(killUsage(sh));
    return 2;
  }
  let status = 0;
  for (const a of args) {
    if (!/^-?\d+$/.test(a)) {
      io.stderr.write(
        sh.flavor === 'bash' ? `${sh.errPrefix()}kill: ${a}: arguments must be process or job IDs\n` : `${sh.errPrefix()}kill: invalid number '${a}'\n`,
      );
      status = 1;
      continue;
    }
    const pid = Number(a);
    const delivered = n === 0 ? (sh.proc?.signal(pid, 'SIG0') ?? false) : (sh.proc?.signal(pid, signalName(n)) ?? false);
    if (!delivered) {
      io.stderr.write(sh.flavor === 'ash' ? `${sh.errPrefix()}can't kill pid ${pid}: No such process\n` : `${sh.errPrefix()}kill: (${pid}) - No such process\n`);
      status = 1;
    }
  }
  return status;
};
