/** wait, jobs, fg, bg, trap, kill: background jobs and signals */
import type { ProcessIO } from '../../api/io';
import { reportEndedJobs } from '../interpreter/background';
import type { Job } from '../interpreter/job-table';
import type { ShellState } from '../interpreter/state';
import { InterruptSignal } from '../interpreter/types';
import { signalName, signalNames, signalNumber } from '../runtime/signals';
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

/** a job spec that names no job: bash's and ash's words */
function noSuchJob(sh: ShellState, io: ProcessIO, cmd: string, spec: string): void {
  io.stderr.write(`${sh.errPrefix()}${cmd}: ${spec}: no such job\n`);
}

/** the job a spec (%1, %%, %+, %-, %name) names; reports and gives undefined when none or several do */
function jobFor(sh: ShellState, io: ProcessIO, cmd: string, spec: string): Job | undefined {
  const job = sh.jobs.find(spec);
  if (job === 'ambiguous') {
    io.stderr.write(`${sh.errPrefix()}${cmd}: ${spec}: ambiguous job spec\n`);
    return undefined;
  }
  if (job === undefined) noSuchJob(sh, io, cmd, spec);
  return job;
}

/** wait for one status, unless Ctrl-C or a trapped signal comes first */
async function waitFor(sh: ShellState, io: ProcessIO, status: Promise<number>): Promise<{ s: number } | 'trap'> {
  const interrupt = interrupted(io.interrupt);
  const trapped = trapArrived(sh);
  let r: { s: number } | 'trap' | 'interrupt';
  try {
    r = await Promise.race([status.then((s) => ({ s })), trapped.promise, interrupt.promise]);
  } finally {
    interrupt.done();
    trapped.done();
  }
  if (r === 'interrupt') throw new InterruptSignal();
  return r;
}

/** wait [PID | %JOB …]: a trapped signal ends the wait at once with 128+n (its trap then runs) */
export const wait: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '--');
  let status = 0;
  const targets: (Job | number)[] = [];
  if (args.length === 0) targets.push(...sh.jobs.all());
  for (const a of args) {
    if (a.startsWith('%')) {
      const job = jobFor(sh, io, 'wait', a);
      if (job) targets.push(job);
      else status = 127;
      continue;
    }
    if (!/^\d+$/.test(a)) {
      io.stderr.write(sh.flavor === 'bash' ? `${sh.errPrefix()}wait: \`${a}': not a pid or valid job spec\n` : `${sh.errPrefix()}wait: illegal number: ${a}\n`);
      status = 2;
      continue;
    }
    targets.push(sh.jobs.byPid(Number(a)) ?? Number(a));
  }
  for (const t of targets) {
    if (typeof t === 'number') {
      const reaped = sh.jobs.reapedStatus(t);
      if (reaped !== undefined) status = reaped;
      else {
        if (sh.flavor === 'bash') io.stderr.write(`${sh.errPrefix()}wait: pid ${t} is not a child of this shell\n`);
        status = 127;
      }
      continue;
    }
    const r = await waitFor(sh, io, t.status);
    if (r === 'trap') return 128 + (signalNumber(sh.pendingTraps[0] ?? 'TERM') ?? 15);
    // the job's own bookkeeping runs on the same status: let it settle
    await Promise.resolve();
    status = r.s;
  }
  // an interactive bash reports the jobs that ended as soon as it sees them
  if (sh.interactive) reportEndedJobs(sh, io);
  return status;
};

/** jobs [-lp] [%JOB…]: the job table; jobs that ended are shown once, then forgotten */
export const jobs: Builtin = async (sh, argv, io) => {
  let long = false;
  let pids = false;
  const specs: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[lp]+$/.test(a)) {
      long ||= a.includes('l');
      pids ||= a.includes('p');
    } else if (a !== '--') specs.push(a);
  }
  // a non-interactive bash has already forgotten the jobs that ended
  if (!sh.interactive && sh.flavor === 'bash') sh.jobs.forgetEnded();
  let status = 0;
  let list: Job[];
  if (specs.length) {
    list = [];
    for (const spec of specs) {
      const job = jobFor(sh, io, 'jobs', spec);
      if (job) list.push(job);
      else status = 1;
    }
  } else list = sh.flavor === 'bash' ? sh.jobs.all() : sh.jobs.all().reverse();
  for (const job of list) io.stdout.write(pids ? `${job.pid}\n` : sh.jobs.line(job, long));
  for (const job of list) if (job.ended !== undefined) sh.jobs.remove(job);
  return status;
};

function noJobControl(sh: ShellState, io: ProcessIO, cmd: string): number {
  if (sh.flavor === 'bash') {
    io.stderr.write(`${sh.errPrefix()}${cmd}: no job control\n`);
    return 1;
  }
  io.stderr.write(`${sh.name}: ${cmd}: line 0: job (null) not created under job control\n`);
  return 2;
}

/** the job `fg`/`bg` mean: the spec given, else the current one */
function targetJob(sh: ShellState, io: ProcessIO, cmd: string, spec: string | undefined): Job | undefined {
  if (spec !== undefined) return jobFor(sh, io, cmd, spec);
  const job = sh.jobs.find('%+');
  if (job === undefined || job === 'ambiguous') {
    io.stderr.write(`${sh.errPrefix()}${cmd}: current: no such job\n`);
    return undefined;
  }
  return job;
}

/** fg [%JOB]: the job runs in the foreground: its command is shown, Ctrl-C reaches it, its status is $? */
export const fg: Builtin = async (sh, argv, io) => {
  if (!sh.interactive) return noJobControl(sh, io, 'fg');
  const job = targetJob(sh, io, 'fg', argv.slice(1).find((a) => a !== '--'));
  if (!job) return 1;
  io.stdout.write(`${job.text}\n`);
  const onInterrupt = () => {
    if (!sh.proc?.signalGroup?.(job.pgid, 'SIGINT')) sh.proc?.signal(job.pid, 'SIGINT');
  };
  if (io.interrupt.aborted) onInterrupt();
  else io.interrupt.addEventListener('abort', onInterrupt, { once: true });
  let s: number;
  try {
    s = await job.status;
  } finally {
    io.interrupt.removeEventListener('abort', onInterrupt);
  }
  await Promise.resolve();
  sh.jobs.remove(job);
  return s;
};

/** bg [%JOB]: jobs never stop here (no Ctrl-Z), so every job already runs in the background */
export const bg: Builtin = async (sh, argv, io) => {
  if (!sh.interactive) return noJobControl(sh, io, 'bg');
  const job = targetJob(sh, io, 'bg', argv.slice(1).find((a) => a !== '--'));
  if (!job) return 1;
  if (sh.flavor === 'bash') io.stderr.write(`${sh.errPrefix()}bg: job ${job.id} already in background\n`);
  else io.stdout.write(`[${job.id}] ${job.text}\n`);
  return 0;
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
  const signal = n === 0 ? 'SIG0' : signalName(n);
  for (const a of args) {
    if (a.startsWith('%')) {
      const job = jobFor(sh, io, 'kill', a);
      if (!job) {
        status = 1;
        continue;
      }
      // with job control the job is its own process group: every process of it gets the signal
      const delivered = sh.interactive && sh.proc?.signalGroup ? sh.proc.signalGroup(job.pgid, signal) : (sh.proc?.signal(job.pid, signal) ?? false);
      if (!delivered) {
        io.stderr.write(`${sh.errPrefix()}kill: (${job.pid}) - No such process\n`);
        status = 1;
      }
      continue;
    }
    if (!/^-?\d+$/.test(a)) {
      io.stderr.write(
        sh.flavor === 'bash' ? `${sh.errPrefix()}kill: ${a}: arguments must be process or job IDs\n` : `${sh.errPrefix()}kill: invalid number '${a}'\n`,
      );
      status = 1;
      continue;
    }
    const pid = Number(a);
    // kill -SIG -PGID: the whole process group
    const delivered = pid < 0 ? (sh.proc?.signalGroup?.(-pid, signal) ?? false) : (sh.proc?.signal(pid, signal) ?? false);
    if (!delivered) {
      io.stderr.write(sh.flavor === 'ash' ? `${sh.errPrefix()}can't kill pid ${pid}: No such process\n` : `${sh.errPrefix()}kill: (${pid}) - No such process\n`);
      status = 1;
    }
  }
  return status;
};
