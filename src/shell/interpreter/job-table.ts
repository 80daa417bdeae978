/**
 * A shell's background jobs: numbers, job specs (%1 %% %+ %- %name %?text),
 * states and the lines `jobs` and the notices before a prompt show, in bash's
 * and ash's formats:
 *   bash  `[1]+  Running                 sleep 100 &`   `[1]-  Done                    sleep 1`
 *   ash   `[1]+  Running                    sleep 100`    `[1]-  Done(1)                    false`
 */
import { signalName } from '../runtime/signals';
import type { Flavor } from './state';

export interface Job {
  /** job number: %1 */
  readonly id: number;
  /** PID of its process ($!) */
  readonly pid: number;
  /** its process group (the job's own when the shell has job control) */
  readonly pgid: number;
  /** the command as `jobs` shows it, without `&` */
  readonly text: string;
  /** resolves with its exit status when it ends */
  readonly status: Promise<number>;
  /** set when it ended: its status, and the signal that ended it if one did */
  ended?: { status: number; signal?: number };
}

/** how a signal is described (strsignal) */
const SIGNAL_TEXT: Readonly<Record<string, string>> = {
  SIGHUP: 'Hangup',
  SIGINT: 'Interrupt',
  SIGQUIT: 'Quit',
  SIGILL: 'Illegal instruction',
  SIGTRAP: 'Trace/breakpoint trap',
  SIGABRT: 'Aborted',
  SIGBUS: 'Bus error',
  SIGFPE: 'Floating point exception',
  SIGKILL: 'Killed',
  SIGUSR1: 'User defined signal 1',
  SIGSEGV: 'Segmentation fault',
  SIGUSR2: 'User defined signal 2',
  SIGPIPE: 'Broken pipe',
  SIGALRM: 'Alarm clock',
  SIGTERM: 'Terminated',
  SIGSTKFLT: 'Stack fault',
  SIGXCPU: 'CPU time limit exceeded',
  SIGXFSZ: 'File size limit exceeded',
  SIGVTALRM: 'Virtual timer expired',
  SIGPROF: 'Profiling timer expired',
  SIGIO: 'I/O possible',
  SIGPWR: 'Power failure',
  SIGSYS: 'Bad system call',
};

/** "Terminated", "Killed", "Segmentation fault" … for signal n */
export function describeSignal(n: number): string {
  const name = signalName(n);
  return Object.hasOwn(SIGNAL_TEXT, name) ? SIGNAL_TEXT[name] : `Unknown signal ${n}`;
}

/** statuses of forgotten background processes kept for `wait PID` */
const REAPED_KEPT = 64;

export class JobTable {
  private readonly jobs: Job[] = [];
  /** job numbers from the most recently started or used: [0] is %+, [1] is %- */
  private recent: number[] = [];
  private readonly reaped = new Map<number, number>();

  constructor(private readonly flavor: Flavor) {}

  get size(): number {
    return this.jobs.length;
  }

  /** a new job: bash numbers it after the highest one, ash takes the lowest free number */
  /** `killed`: did a signal end it (its status is then 128 + the signal) */
  add(pid: number, pgid: number, text: string, status: Promise<number>, killed: () => boolean): Job {
    let id = 1;
    if (this.flavor === 'bash') id = this.jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
    else while (this.jobs.some((j) => j.id === id)) id++;
    const job: Job = { id, pid, pgid, text, status };
    this.jobs.push(job);
    this.touch(id);
    status.then((s) => {
      job.ended = killed() && s > 128 ? { status: s, signal: s - 128 } : { status: s };
    });
    return job;
  }

  /** make a job the current one (%+) */
  touch(id: number): void {
    this.recent = [id, ...this.recent.filter((x) => x !== id)];
  }

  /** forget a job; `wait PID` still gets the status of one that ended (bash keeps the last ones) */
  remove(job: Job): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
    this.recent = this.recent.filter((x) => x !== job.id);
    if (job.ended !== undefined) {
      this.reaped.set(job.pid, job.ended.status);
      if (this.reaped.size > REAPED_KEPT) this.reaped.delete(this.reaped.keys().next().value as number);
    }
  }

  /** the status of a background process whose job was forgotten */
  reapedStatus(pid: number): number | undefined {
    return this.reaped.get(pid);
  }

  /** a non-interactive shell forgets ended jobs as it starts new ones (their statuses stay for `wait`) */
  forgetEnded(): void {
    for (const job of this.ended()) this.remove(job);
  }

  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.pid === pid);
  }

  /** the jobs in number order */
  all(): Job[] {
    return [...this.jobs].sort((a, b) => a.id - b.id);
  }

  /** jobs that ended and were not reported yet */
  ended(): Job[] {
    return this.all().filter((j) => j.ended !== undefined);
  }

  /** '+' for the current job, '-' for the previous one, ' ' otherwise */
  mark(job: Job): string {
    if (this.recent[0] === job.id) return '+';
    if (this.recent[1] === job.id) return '-';
    return ' ';
  }

  /** a job spec (%1, %%, %+, %-, %name, %?text) → its job; 'ambiguous' when a name fits several */
  find(spec: string): Job | 'ambiguous' | undefined {
    const s = spec.startsWith('%') ? spec.slice(1) : spec;
    const byId = (id: number | undefined) => this.jobs.find((j) => j.id === id);
    if (s === '' || s === '%' || s === '+') return byId(this.recent[0]);
    if (s === '-') return byId(this.recent[1] ?? this.recent[0]);
    if (/^\d+$/.test(s)) return byId(Number(s));
    const fits = this.jobs.filter((j) => (s.startsWith('?') ? j.text.includes(s.slice(1)) : j.text.startsWith(s)));
    if (fits.length > 1) return 'ambiguous';
    return fits[0];
  }

  /** the state column: Running, Done, Exit 1 / Done(1), Terminated … */
  stateText(job: Job): string {
    const e = job.ended;
    if (e === undefined) return 'Running';
    if (e.signal !== undefined) return describeSignal(e.signal);
    if (e.status === 0) return 'Done';
    return this.flavor === 'bash' ? `Exit ${e.status}` : `Done(${e.status})`;
  }

  /** one line of `jobs` (`long`: with the PID, `jobs -l`) or of a notice */
  line(job: Job, long: boolean): string {
    const state = this.stateText(job);
    const head = `[${job.id}]${this.mark(job)}  `;
    if (this.flavor === 'bash') {
      const text = job.ended === undefined ? `${job.text} &` : job.text;
      return `${head}${long ? `${job.pid} ` : ''}${state.padEnd(24)}${text}\n`;
    }
    return `${head}${(long ? `${job.pid} ${state}` : state).padEnd(27)}${job.text}\n`;
  }
}
