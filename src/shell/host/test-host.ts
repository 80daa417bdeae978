/**
 * Test helper (not used outside tests): a headless session of the learner's
 * machine and a way to type a command in it, with simulated time moving
 * while the command waits on it, and the outputs as the screen shows them.
 */
import { createSession, type Session } from '../../runner/session';
import type { InputItem } from '../../runner/scenario';
import { runStep } from '../../runner/step-driver';

export interface Typed {
  exit: number;
  out: string;
  err: string;
}

export function hostSession(opts: { cols?: number } = {}): Session {
  return createSession({ cols: opts.cols });
}

export async function type(s: Session, line: string, inputs: string[] = []): Promise<Typed> {
  const r = await runStep(s, line, { inputs: inputs.map((text): InputItem => ({ kind: 'stdin', text })), columns: s.cols });
  const fix = (t: string) => t.replace(/\r\n/g, '\n');
  return { exit: r.exit, out: fix(r.stdoutRaw), err: fix(r.stderrRaw) };
}

/** journal lines without their time and PID ("dockerd[…]: …"), for comparing with a recording */
export function withoutTimes(text: string): string[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^\w{3} \d\d \d\d:\d\d:\d\d(\.\d+)? dockyard (\S+?)\[\d+\]: /, '$2: ').replace(/time="[^"]+"/, 'time="…"'));
}
