/**
 * Run one `docker …` command directly through the CLI entry point (no shell)
 * on a session, moving simulated time only when the command waits on it.
 * For benchmarks and property tests.
 */
import type { ProcessIO } from '../api/io';
import { runDocker } from '../cli/main';
import { ScreenOutput } from './screen-output';
import type { Session } from './session';
import { settle } from './step-driver';
import { TerminalInput } from '../shell/tty';

export interface DockerResult {
  exit: number;
  stdout: string;
  stderr: string;
  /** the promise was still pending after `maxSimulatedMs` of simulated time */
  hung: boolean;
  /** an exception escaped runDocker (it must never happen) */
  thrown?: unknown;
}

export async function dockerIn(session: Session, args: string[], opts: { maxSimulatedMs?: number } = {}): Promise<DockerResult> {
  const out = new ScreenOutput(session.cols);
  const err = new ScreenOutput(session.cols);
  const stdin = new TerminalInput({ echo: () => {}, interrupt: () => {} });
  stdin.close();
  const io: ProcessIO = { stdin, stdout: out, stderr: err, interrupt: new AbortController().signal };
  let done: { exit: number } | { thrown: unknown } | undefined;
  const p = runDocker(args, { client: session.client, io, hostFs: session.hostFs, cwd: session.cwd, env: { HOME: session.home }, now: () => session.clock.now() }).then(
    (exit) => {
      done = { exit };
    },
    (thrown: unknown) => {
      done = { thrown };
    },
  );
  const limit = session.clock.now() + (opts.maxSimulatedMs ?? 3_600_000);
  while (!done) {
    await Promise.race([p, settle()]);
    if (done) break;
    const next = session.clock.nextTimerAt();
    if (next === undefined || next > limit) break;
    await session.clock.advance(Math.max(0, next - session.clock.now()), settle);
  }
  const result: DockerResult = { exit: -1, stdout: out.raw(), stderr: err.raw(), hung: !done };
  if (done && 'exit' in done) result.exit = done.exit;
  if (done && 'thrown' in done) result.thrown = done.thrown;
  return result;
}
