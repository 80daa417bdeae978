/**
 * Running something as a child process of the shell inside a container (fork):
 * it is listed in the container's process table while it runs, gets its own
 * signals, and a signal that kills it ends it at once with 128+n (its output
 * stops there).
 *
 * A loop forks a child for every program it runs (`sleep 1` each second), so
 * a fork leaves nothing behind on its parent (its link to the parent's
 * interrupt is dropped when it ends) and costs few objects.
 */
import type { Content } from '../../api/fs';
import { materialize } from '../../lib/content';
import type { OutputStream, ProcessIO } from '../../api/io';
import { LiteAbortController } from '../io/lite-signal';
import { type InterruptChildren, joinInterrupt, type LinkedAbortable } from './interrupt-link';
import { forkRound } from './pace';
import type { ShellState } from './state';
import { type DeathListener, DiscardSignal, type ForkedProcess, ForkError, type ProcessControl } from './types';

/**
 * fork with the shell's answer to a full process table (EAGAIN): bash says
 * `fork: retry: Resource temporarily unavailable` and tries again after 1, 2, 4
 * and 8 s, then gives up with `fork: Resource temporarily unavailable` and
 * abandons the command ($? 254); ash (`can't fork`) and dash (`Cannot fork`)
 * give up at once with an error that ends a non-interactive shell (2).
 */
export function withForkRetry<T>(sh: ShellState, io: ProcessIO, start: () => T): Promise<Awaited<T>> | T {
  const pause = forkRound(sh.pace);
  if (pause) return pause.then(() => forkRetrying(sh, io, start, false));
  // the usual case: the fork succeeds at once, with no promise or frame of its own (a loop forks every round)
  try {
    return start();
  } catch (e) {
    if (!(e instanceof ForkError)) throw e;
  }
  return forkRetrying(sh, io, start, true);
}

/** `start` until it forks, as bash retries; `failed`: a first attempt already failed */
async function forkRetrying<T>(sh: ShellState, io: ProcessIO, start: () => T, failed: boolean): Promise<Awaited<T>> {
  for (let wait = 1; ; wait *= 2) {
    if (!failed) {
      try {
        // a promise it returns is the caller's to await (its rejection is no failed fork)
        return start() as Awaited<T>;
      } catch (e) {
        if (!(e instanceof ForkError)) throw e;
      }
    }
    failed = false;
    if (sh.flavor !== 'bash' || wait > 8) break;
    io.stderr.write(`${sh.name}: fork: retry: Resource temporarily unavailable\n`);
    await sh.clock.sleep(wait * 1000, io.interrupt);
  }
  if (sh.flavor === 'bash') {
    io.stderr.write(`${sh.name}: fork: Resource temporarily unavailable\n`);
    throw new DiscardSignal(254);
  }
  io.stderr.write(sh.flavor === 'ash' ? `${sh.name}: can't fork: Resource temporarily unavailable\n` : `${sh.errPrefix(0)}Cannot fork\n`);
  throw sh.fatal();
}

/** an output that drops writes once the child has been killed */
class GatedOutput implements OutputStream {
  constructor(
    private readonly out: OutputStream,
    private readonly killed: AbortSignal,
  ) {}
  get isTTY(): boolean {
    return this.out.isTTY;
  }
  get columns(): number | undefined {
    return this.out.columns;
  }
  write(data: string | Uint8Array): void {
    if (!this.killed.aborted) this.out.write(data);
  }
  /** a lazy content passes whole when the output keeps contents, else as bytes */
  writeContent(data: Content): void {
    if (this.killed.aborted) return;
    if (this.out.writeContent) this.out.writeContent(data);
    else this.out.write(materialize(data));
  }
  drain(): Promise<void> | undefined {
    return this.killed.aborted ? undefined : this.out.drain?.();
  }
}

/**
 * The child's interrupt: aborted by the parent's interrupt (Ctrl-C reaches the
 * whole job) or by a signal that kills the child (ChildRun.died). It keeps no
 * listener or closure per fork.
 */
class ChildInterrupt extends LiteAbortController implements LinkedAbortable {
  prevLink: LinkedAbortable | undefined = undefined;
  nextLink: LinkedAbortable | undefined = undefined;
  private readonly siblings: InterruptChildren | undefined;
  constructor(parent: AbortSignal) {
    super();
    this.siblings = joinInterrupt(parent, this);
  }
  /** the child ended: no link to the parent remains */
  release(): void {
    this.siblings?.delete(this);
  }
}

/**
 * Runs a forked child's body to its end: its exit status, or 128+n when
 * signal n ends it first (the death wins; its output stops there). No frame
 * or race of its own: a loop forks a child every round.
 */
class ChildRun implements DeathListener {
  readonly status: Promise<number>;
  private resolve!: (status: number) => void;
  private reject!: (e: unknown) => void;
  private settled = false;
  constructor(
    private readonly child: ForkedProcess,
    private readonly interrupt: ChildInterrupt,
  ) {
    // the executor is one shared function that finds this run in a module slot (it runs at
    // once, inside the constructor): no closure and context per fork
    constructing = this;
    this.status = new Promise<number>(takeSettlers);
    constructing = undefined;
  }
  /** the status promise's executor (with `constructing`) */
  static settlers(resolve: (status: number) => void, reject: (e: unknown) => void): void {
    const run = constructing as ChildRun;
    run.resolve = resolve;
    run.reject = reject;
  }
  /** a signal ended the child: its interrupt aborts now, its end is settled a microtask later (as a promise would) */
  died(status: number): void {
    this.interrupt.abort();
    queueMicrotask(() => this.finish(status));
  }
  ended(status: number): void {
    this.finish(status);
  }
  failed(e: unknown): void {
    // killed while its body still ran: died() settles it
    if (this.child.killed.aborted) return;
    if (this.settled) return;
    this.settled = true;
    this.interrupt.release();
    this.child.exit(1);
    this.reject(e);
  }
  private finish(status: number): void {
    if (this.settled) return;
    this.settled = true;
    this.interrupt.release();
    this.child.exit(status);
    this.resolve(status);
  }
}

/** the ChildRun whose constructor is making its status promise */
let constructing: ChildRun | undefined;
const takeSettlers = ChildRun.settlers;

function runChild(
  child: ForkedProcess,
  cio: ProcessIO,
  interrupt: ChildInterrupt,
  body: (child: ForkedProcess, io: ProcessIO) => Promise<number>,
): Promise<number> {
  const run = new ChildRun(child, interrupt);
  child.onDeath = run;
  let running: Promise<number>;
  try {
    running = body(child, cio);
  } catch (e) {
    running = Promise.reject(e);
  }
  running.then(
    (status) => run.ended(status),
    (e: unknown) => run.failed(e),
  );
  return run.status;
}

/**
 * start `body` as a child of `parent` whose command line is `argv`: its PID
 * now, its exit status later (`newGroup`: it leads a process group, a job of an
 * interactive shell). Throws ForkError when the process table is full.
 */
export function startForked(
  parent: ProcessControl,
  argv: string[],
  io: ProcessIO,
  body: (child: ForkedProcess, io: ProcessIO) => Promise<number>,
  opts: { newGroup?: boolean } = {},
): { pid: number; pgid: number; status: Promise<number>; child: ForkedProcess } {
  const child = parent.fork(argv, opts.newGroup ? { newGroup: true } : undefined);
  const killed = child.killed;
  const interrupt = new ChildInterrupt(io.interrupt);
  const cio: ProcessIO = {
    stdin: io.stdin,
    stdout: new GatedOutput(io.stdout, killed),
    stderr: new GatedOutput(io.stderr, killed),
    interrupt: interrupt.signal,
    killed: io.killed,
  };
  return { pid: child.pid, pgid: child.control.pgid ?? child.pid, status: runChild(child, cio, interrupt, body), child };
}

/** run `body` as a child of `parent` whose command line is `argv`; resolves with its exit status */
export function runForked(
  parent: ProcessControl,
  argv: string[],
  io: ProcessIO,
  body: (child: ForkedProcess, io: ProcessIO) => Promise<number>,
  opts: { newGroup?: boolean } = {},
): Promise<number> {
  return startForked(parent, argv, io, body, opts).status;
}
