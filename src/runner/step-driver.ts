/**
 * Runs one command line in a session the way the fidelity recorder runs it on
 * a pseudo-terminal (shared/fidelity/lib/record.py run_cmd), in simulated time:
 * typed input goes in once output has been idle 0.8 s, `wait` pauses the
 * typing, the step is killed (exit 137) after its timeout. While the command
 * waits on simulated time and nothing else can progress, the virtual clock
 * jumps to the next timer.
 */
import { KILL_REASON, type ProcessIO } from '../api/io';
import type { VirtualClock } from '../engine/core/clock';
import { decodeKeys, type InputItem } from './scenario';
import { ScreenOutput } from './screen-output';
import { shellYieldsPending } from '../shell/interpreter/pace';
import { TerminalInput } from '../shell/tty';

/**
 * The time a step runs in: a VirtualClock (the simulator: time jumps to the
 * next timer), or real time looked at in small ticks (PollingClock: a real
 * engine, whose work is not on our timers).
 */
export interface StepClock {
  now(): number;
  /** when the next timer is due (a PollingClock: the next tick) */
  nextTimerAt(): number | undefined;
  /** let `ms` pass, then let the work it released run (`settle`) */
  advance(ms: number, settle?: () => Promise<void>): Promise<void>;
}

export interface StepRunner {
  clock: StepClock;
  /** run one line in the host shell; resolves with its exit status */
  run(line: string, io: ProcessIO): Promise<number>;
  /**
   * input (and its waits) go in only once the command has printed something,
   * or this many ms after it began: a real engine behind the server on a busy
   * machine may print its first prompt later than the recorder's 0.8 s of
   * quiet, where the recorded engine had printed it already (default: no gate)
   */
  firstOutputWaitMs?: number;
}

export interface StepOutcome {
  stdoutRaw: string;
  stderrRaw: string;
  exit: number;
  killed: boolean;
  /** what was typed, in recorder form: "text" for stdin lines, {keys} for raw keys */
  typed: (string | { keys: string })[];
  /** simulated seconds the step took */
  duration: number;
  /**
   * a killed step that still had not ended after being stopped (its interrupt
   * aborted, its input closed, STOP_TURNS event-loop turns): something in it
   * ignores both and may go on changing the session
   */
  unstoppable?: boolean;
  /** an exception the command's promise rejected with (never expected: the shell reports its errors) */
  error?: unknown;
}

const IDLE_MS = 800;
const FIRST_INPUT_MS = 300;
const AFTER_TYPING_MS = 200;

/**
 * busy shell loops (no clock waits) are waited for this many turns at most per
 * settle (about 100,000 loop rounds): an endless one, in a step or in a
 * background container, must not hold the runner up for long
 */
const MAX_BUSY_TURNS = 200;

/**
 * event-loop turns a killed step gets to unwind (its interrupt aborted, its
 * input closed) before the runner calls it unstoppable
 */
const STOP_TURNS = 50;
/**
 * …and up to this much real time: an endless loop past its hold runs a slice
 * when its turn comes behind the other endless loops (ENDLESS_SLICE_GAP_MS
 * apart), and only then sees that it was killed
 */
const STOP_MAX_MS = 1000;

function twoTurns(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Let every promise continuation that can run, run (one macrotask turn drains
 * all microtasks), including shell loops that never wait on the clock: they
 * give way to the event loop every few hundred rounds and go on afterwards, so
 * time must not move while one is under way (up to MAX_BUSY_TURNS turns; a
 * longer loop then runs on while time moves).
 */
export async function settle(): Promise<void> {
  await twoTurns();
  for (let i = 0; i < MAX_BUSY_TURNS && shellYieldsPending() > 0; i++) await twoTurns();
}

export interface StepOptions {
  inputs?: InputItem[];
  timeoutSeconds?: number;
  columns?: number;
  /** keep at most this many characters of each output stream (a terminal's scrollback); default: all */
  maxOutputChars?: number;
}

export async function runStep(session: StepRunner, cmd: string, opts: StepOptions): Promise<StepOutcome> {
  const clock = session.clock;
  const t0 = clock.now();
  const deadline = t0 + (opts.timeoutSeconds ?? 180) * 1000;
  let lastOut = t0;
  let printed = false;
  const touched = () => {
    lastOut = clock.now();
    printed = true;
  };
  const gate = () => (printed || session.firstOutputWaitMs === undefined ? 0 : t0 + session.firstOutputWaitMs);
  const columns = opts.columns ?? 120;
  const stdout = new ScreenOutput(columns, touched, opts.maxOutputChars);
  const stderr = new ScreenOutput(columns, touched, opts.maxOutputChars);
  // one interrupt for the step's foreground job: whoever looks at io.interrupt, now or later, sees Ctrl-C
  const interrupt = new AbortController();
  // SIGKILL at the timeout: also reaches a command that passed an earlier Ctrl-C on to its container
  const kill = new AbortController();
  const stdin = new TerminalInput({
    echo: (s) => stdout.echo(s),
    interrupt: () => interrupt.abort(),
  });
  const io: ProcessIO = { stdin, stdout, stderr, interrupt: interrupt.signal, killed: kill.signal };

  let result: { exit: number } | { error: unknown } | undefined;
  let running: Promise<number>;
  try {
    running = session.run(cmd, io);
  } catch (err) {
    running = Promise.reject(err);
  }
  running.then(
    (exit) => {
      result = { exit };
    },
    (error: unknown) => {
      result = { error };
    },
  );

  const queue = [...(opts.inputs ?? [])];
  const typed: StepOutcome['typed'] = [];
  let nextInputAt = t0 + FIRST_INPUT_MS;
  let killed = false;
  const advanceTo = async (t: number) => {
    await clock.advance(Math.max(0, t - clock.now()), settle);
  };

  for (;;) {
    await settle();
    if (result) break;
    const timerAt = clock.nextTimerAt();
    if (queue.length) {
      const readyAt = Math.max(nextInputAt, lastOut + IDLE_MS, gate());
      if (timerAt !== undefined && timerAt <= readyAt && timerAt <= deadline) {
        await advanceTo(timerAt);
        continue;
      }
      if (readyAt > deadline) {
        await advanceTo(deadline);
        if (result) break;
        killed = true;
        break;
      }
      await advanceTo(readyAt);
      if (result) break;
      if (clock.now() < Math.max(nextInputAt, lastOut + IDLE_MS, gate())) continue; // output arrived meanwhile
      const item = queue.shift() as InputItem;
      if (item.kind === 'wait') nextInputAt = clock.now() + item.seconds * 1000;
      else {
        if (item.kind === 'stdin') {
          stdin.type(`${item.text}\r`);
          typed.push(item.text);
        } else {
          const keys = decodeKeys(item.text);
          stdin.type(keys);
          typed.push({ keys: item.text });
          // Ctrl-C: a busy loop past its hold sees it at its next slice of real time, in the same instant of simulated time
          if (keys.includes('\x03')) await unwind(() => result !== undefined);
        }
        nextInputAt = clock.now() + AFTER_TYPING_MS;
        lastOut = clock.now();
      }
      continue;
    }
    if (timerAt === undefined || timerAt > deadline) {
      await advanceTo(deadline);
      if (result) break;
      killed = true;
      break;
    }
    await advanceTo(timerAt);
  }

  let exit: number;
  let unstoppable = false;
  if (killed) {
    exit = 137;
    stdout.close();
    stderr.close();
    unstoppable = !(await stop(interrupt, kill, stdin, () => result !== undefined));
  } else if (result && 'exit' in result) exit = result.exit;
  else {
    const err = result && 'error' in result ? result.error : undefined;
    const msg = err instanceof Error ? err.message : String(err);
    stderr.write(`dockyard: internal error: ${msg}\n`);
    exit = 1;
  }
  const outcome: StepOutcome = {
    stdoutRaw: stdout.raw(),
    stderrRaw: stderr.raw(),
    exit,
    killed,
    typed,
    duration: (clock.now() - t0) / 1000,
  };
  if (unstoppable) outcome.unstoppable = true;
  if (result && 'error' in result) outcome.error = result.error;
  return outcome;
}

/**
 * The recorder kills a step's whole process group (SIGKILL): nothing of it may
 * run on and change the shell for the next steps. Here that is the foreground
 * job's interrupt (what every loop, wait and program polls) and the end of its
 * input; then it gets a few turns of the event loop, in frozen simulated time,
 * to unwind. True when it has ended.
 */
async function stop(interrupt: AbortController, kill: AbortController, stdin: TerminalInput, ended: () => boolean): Promise<boolean> {
  kill.abort(KILL_REASON);
  interrupt.abort(KILL_REASON);
  stdin.close();
  await unwind(ended);
  return ended();
}

/** STOP_TURNS turns of the event loop and up to STOP_MAX_MS of real time, in frozen simulated time, for a job to end */
async function unwind(ended: () => boolean): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; !ended() && (i < STOP_TURNS || performance.now() - t0 < STOP_MAX_MS); i++) {
    if (i < STOP_TURNS) await twoTurns();
    else await new Promise((r) => setTimeout(r, 1));
  }
}
