/**
 * Linux signals as the simulated processes see them: names and numbers, and
 * what a signal does to a process that has no handler for it.
 */
import { LazyExit } from '../../lib/lazy-exit';
import { LiteAbortController } from '../io/lite-signal';
import type { DeathListener, SignalSubscribe } from '../interpreter/types';

const NUMBERS: Readonly<Record<string, number>> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22,
  URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** "SIGTERM", "TERM", "term", "15" → 15; undefined for an unknown name */
export function signalNumber(signal: string): number | undefined {
  const s = signal.trim().toUpperCase();
  if (/^(SIG)?\d+$/.test(s)) return Number(s.replace(/^SIG/, ''));
  const name = s.startsWith('SIG') ? s.slice(3) : s;
  return Object.hasOwn(NUMBERS, name) ? NUMBERS[name] : undefined;
}

/** 15 → "SIGTERM"; unknown numbers → "SIG<n>" */
export function signalName(n: number): string {
  for (const [name, num] of Object.entries(NUMBERS)) if (num === n) return `SIG${name}`;
  return `SIG${n}`;
}

/** every signal name without "SIG", in number order (kill -l) */
export function signalNames(): string[] {
  return Object.entries(NUMBERS)
    .sort((a, b) => a[1] - b[1])
    .map(([k]) => k);
}

/** signals whose default action is to do nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH) */
export function ignoredByDefault(n: number): boolean {
  return n === 17 || n === 18 || n === 23 || n === 28;
}

/**
 * Signal delivery for one simulated process: handlers (newest first) decide
 * first; otherwise SIGKILL ends it with 137, the ignored-by-default signals do
 * nothing, PID 1 ignores everything else (the kernel gives init no default
 * actions), and any other process ends with 128+n.
 *
 * A shell loop makes one for every command it forks: the handler list, the
 * subscribe function and the death promise are made only when asked for.
 */
export class SignalTarget extends LazyExit {
  private handlers: ((signal: string) => boolean)[] | undefined;
  private readonly controller = new LiteAbortController();
  /** told once when a signal ends the process (one listener: the fork that runs it) */
  onDeath: DeathListener | undefined;
  private ended = false;
  private subscribe: SignalSubscribe | undefined;

  constructor(private readonly init: boolean) {
    super();
  }

  /** resolves with 128+n when a signal ends the process (never otherwise) */
  get death(): Promise<number> {
    return this.exitPromise();
  }

  /** aborted when a signal ends the process */
  get killed(): AbortSignal {
    return this.controller.signal;
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** handlers (tried newest first); the function it returns removes the handler */
  get onSignal(): SignalSubscribe {
    // every forked command's program context asks for it: one bound method, the list when a handler comes
    this.subscribe ??= this.addHandler.bind(this);
    return this.subscribe;
  }

  private addHandler(handler: (signal: string) => boolean): () => void {
    const handlers = (this.handlers ??= []);
    handlers.push(handler);
    return () => {
      const i = handlers.lastIndexOf(handler);
      if (i >= 0) handlers.splice(i, 1);
    };
  }

  deliver(signal: string): void {
    if (this.ended) return;
    const n = signalNumber(signal) ?? 15;
    // signal 0 only asks whether the process exists
    if (n === 0) return;
    if (n === 9) {
      this.die(137);
      return;
    }
    const handlers = this.handlers;
    if (handlers !== undefined && handlers.length > 0) {
      const name = signalName(n);
      for (let i = handlers.length - 1; i >= 0; i--) if (handlers[i](name)) return;
    }
    if (ignoredByDefault(n) || n === 19 || this.init) return;
    this.die(128 + n);
  }

  die(status: number): void {
    if (this.ended) return;
    this.ended = true;
    this.controller.abort();
    // the death promise resolves after the abort, so its reactions queue after the abort's
    this.settleExit(status);
    this.onDeath?.died(status);
  }

  /** the process ended by itself: later signals find nobody */
  end(): void {
    this.ended = true;
  }
}
