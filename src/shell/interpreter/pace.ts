/**
 * How long-running shell loops share the event loop.
 *
 * A loop whose rounds wait on the clock (`while true; do echo hi; sleep 1; done`)
 * already gives way at every `sleep`: with the virtual clock it must not also
 * wait on a real timer, or the runner, which moves simulated time only once
 * nothing else can run, would see no pending timer for it and skip seconds.
 * A loop that never waits on the clock (`while true; do :; done`, a long count)
 * would starve the event loop (input, rendering, other containers); it yields
 * to a real macrotask every YIELD_EVERY rounds without a clock wait. Those
 * yields are counted (`shellYieldsPending`) so a runner can wait for them
 * before it decides that nothing but time can make progress.
 *
 * A page that must keep drawing sets a time slice as well (giveWayEvery): a
 * loop whose rounds are few but slow (100 `docker run -d`) then gives way
 * once a slice of real time went by since the last turn of the event loop, so
 * the terminal and the state view update and Ctrl-C is read while it runs. The
 * headless runner sets none: its loops give way by rounds only.
 */
import { pipedBytes } from '../io/streams';
import type { ShellClock } from './types';

/** rounds of loops without a clock wait after which a shell gives way to the event loop */
export const YIELD_EVERY = 500;

/**
 * consecutive yields (YIELD_EVERY rounds each, no clock wait between them:
 * 10,000 rounds)
 * for which a busy loop holds simulated time still; after that it is taken for
 * endless (`while :; do :; done`), goes on running, and no longer keeps a
 * runner from moving time to its next timer or its step's deadline
 */
export const HOLD_TURNS = 20;

/**
 * bytes through pipes worth one loop round: a loop that floods a pipe (`while
 * :; do help; done | tr a b`: 1 KiB a round, its reader's work too) gives way
 * every 20 KiB and holds simulated time for HOLD_TURNS of them (1 MiB), not
 * for HOLD_TURNS × YIELD_EVERY rounds (25 MiB)
 */
export const PIPED_BYTES_PER_ROUND = 40;

/** shared by a shell, its subshells and its forks (a clone keeps the same object) */
export interface LoopPace {
  /** clock waits (sleeps) started by this shell, its subshells, its programs and the shells they run */
  waits: number;
  /** `waits` when a loop round last looked */
  seen: number;
  /** loop rounds since the last clock wait or yield (bytes piped meanwhile count too: PIPED_BYTES_PER_ROUND) */
  idle: number;
  /** pipedBytes() when a loop round last looked */
  piped: number;
  /** yields since the last clock wait */
  busy: number;
  /** forks since the last clock wait or turn of the event loop */
  forks: number;
  /** `waits` when a fork last looked */
  forkSeen: number;
  /** while set, every fork of these shells waits for this turn of the event loop */
  gate?: Promise<void>;
}

export function newPace(): LoopPace {
  return { waits: 0, seen: 0, idle: 0, piped: pipedBytes(), busy: 0, forks: 0, forkSeen: 0 };
}

/**
 * One fork: undefined when it goes straight on, a promise when it should
 * first give way. Forks that never wait on the clock can run in many chains at
 * once (a fork bomb: `:(){ :|:& };:` in ash fails and forks again at once),
 * where one chain giving way would not free the event loop: after YIELD_EVERY
 * forks all of them wait for the same turn of the event loop.
 */
export function forkRound(pace: LoopPace): Promise<void> | undefined {
  if (pace.gate) return pace.gate;
  if (pace.waits !== pace.forkSeen) {
    pace.forkSeen = pace.waits;
    pace.forks = 0;
    return undefined;
  }
  if (++pace.forks < YIELD_EVERY) return undefined;
  pace.forks = 0;
  const gate = yieldToEventLoop(true).then(() => {
    pace.gate = undefined;
  });
  pace.gate = gate;
  return gate;
}

/**
 * The clock a shell hands to its programs: the same time and sleeps, each sleep
 * counted in the shell's pace (and, through the clock it wraps, in its parent
 * shell's when the shell was started by another one).
 */
export class PacedClock implements ShellClock {
  constructor(
    private readonly inner: ShellClock,
    private readonly pace: LoopPace,
  ) {}
  now(): number {
    return this.inner.now();
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.pace.waits++;
    return this.inner.sleep(ms, signal);
  }
}

let pendingYields = 0;

/** real-time yields of busy shell loops under way that still hold time (a runner waits for them before moving time) */
export function shellYieldsPending(): number {
  return pendingYields;
}

type Schedule = (fn: () => void) => void;

/** the cheapest macrotask the platform has: setImmediate (Node), a MessageChannel (browsers), setTimeout */
function macrotask(): Schedule | undefined {
  const g = globalThis as {
    setImmediate?: (f: () => void) => unknown;
    MessageChannel?: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } };
    setTimeout?: (f: () => void, ms: number) => unknown;
  };
  if (g.setImmediate) {
    const si = g.setImmediate;
    return (f) => si(f);
  }
  if (g.MessageChannel) {
    const ch = new g.MessageChannel();
    const queue: (() => void)[] = [];
    ch.port1.onmessage = () => queue.shift()?.();
    return (f) => {
      queue.push(f);
      ch.port2.postMessage(0);
    };
  }
  if (g.setTimeout) {
    const st = g.setTimeout;
    return (f) => st(f, 0);
  }
  return undefined;
}

let schedule: Schedule | undefined | null = null;

/**
 * the page's time slice: busy loops give way when `ms` went by on `now` since
 * the last turn; `turn`, when given, is how they give way then (the browser:
 * until the page has drawn a frame)
 */
let slice: { now: () => number; ms: number; turn?: () => Promise<void> } | undefined;
let turnAt = 0;

/**
 * Busy loops also give way to the event loop once `ms` of real time (read
 * with `now`) went by since they last did, whatever the number of rounds (the
 * browser: a share of a frame). `turn`: how a yield that ends a used slice
 * waits (the browser app: until the next frame is drawn, so that every slice
 * is followed by a frame; a plain macrotask may run before the page renders).
 * Without arguments: by rounds only again.
 */
export function giveWayEvery(now?: () => number, ms = 0, turn?: () => Promise<void>): void {
  slice = now && ms > 0 ? { now, ms, turn } : undefined;
  turnAt = now ? now() : 0;
}

function sliceUsed(): boolean {
  return slice !== undefined && slice.now() - turnAt >= slice.ms;
}


/**
 * Endless busy loops (past their hold) go on, one slice of YIELD_EVERY rounds
 * at a time, all of them taking turns behind one timer: a slice every
 * ENDLESS_SLICE_GAP_MS of real time, whatever their number, so that ten of
 * them in containers do not take every turn of the event loop from the
 * terminal and the runner.
 */
export const ENDLESS_SLICE_GAP_MS = 10;

const endless: (() => void)[] = [];
let endlessTimer = false;

function nextEndlessSlice(): void {
  const st = (globalThis as { setTimeout?: (f: () => void, ms: number) => unknown }).setTimeout;
  if (endlessTimer || endless.length === 0) return;
  if (!st) {
    endless.shift()?.();
    return;
  }
  endlessTimer = true;
  st(() => {
    endlessTimer = false;
    endless.shift()?.();
    nextEndlessSlice();
  }, ENDLESS_SLICE_GAP_MS);
}

function slowTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    endless.push(resolve);
    nextEndlessSlice();
  });
}

/**
 * give way to the event loop (a macrotask): endless output such as `yes` must
 * not freeze the page. `holdsTime`: a runner waits for this yield before it
 * moves simulated time; otherwise the caller is taken for endless and takes
 * its turn behind the other endless loops.
 */
export function yieldToEventLoop(holdsTime = true): Promise<void> {
  if (schedule === null) schedule = macrotask();
  const run = schedule;
  if (run === undefined) return Promise.resolve();
  if (!holdsTime) return slowTurn();
  pendingYields++;
  const turn = slice?.turn && sliceUsed() ? slice.turn : undefined;
  const done = (resolve: () => void) => () => {
    pendingYields--;
    if (slice) turnAt = slice.now();
    resolve();
  };
  if (turn) return new Promise<void>((resolve) => void turn().then(done(resolve), done(resolve)));
  return new Promise<void>((resolve) => run(done(resolve)));
}

/**
 * A new command line of an interactive shell: its loops start with a hold of
 * their own, whatever an earlier line's endless loop (killed without a clock
 * wait) left in the counters.
 */
export function newCommandLine(pace: LoopPace): void {
  pace.seen = pace.waits;
  pace.piped = pipedBytes();
  pace.idle = 0;
  pace.busy = 0;
}

/**
 * One round of a loop: undefined when the loop goes straight on (the common
 * case, no await needed), a promise when it should first give way. With the
 * loop's `interrupt`, the wait ends as soon as it aborts: a Ctrl-C read while
 * the loop gives way (waiting for the page's next frame) ends the loop in the
 * key's own task, not a frame later.
 */
export function loopRound(pace: LoopPace, interrupt?: AbortSignal): Promise<void> | undefined {
  const piped = pipedBytes();
  if (pace.waits !== pace.seen) {
    pace.seen = pace.waits;
    pace.piped = piped;
    pace.idle = 0;
    pace.busy = 0;
    // rounds that wait on the clock only briefly (a `docker run -d`) may still hold the page past its slice
    return sliceUsed() ? untilAborted(yieldToEventLoop(true), interrupt) : undefined;
  }
  // a round that moved output through a pipe counts as the rounds that output is worth
  pace.idle += 1 + (piped - pace.piped) / PIPED_BYTES_PER_ROUND;
  pace.piped = piped;
  if (pace.idle < YIELD_EVERY && !sliceUsed()) return undefined;
  pace.idle = 0;
  return untilAborted(yieldToEventLoop(++pace.busy <= HOLD_TURNS), interrupt);
}

/** `wait`, or less: it resolves when `signal` aborts (the yield itself still ends, and is counted, as before) */
function untilAborted(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return wait;
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    wait.then(done, done);
  });
}
