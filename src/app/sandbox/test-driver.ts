/**
 * Test helper (not used outside tests): run a command line in a sandbox
 * session's terminal on a VirtualClock, moving simulated time only while the
 * command waits on it, and return what it printed.
 */
import type { ProcessIO } from '../../api/io';
import { readFileSync } from 'node:fs';
import type { VirtualClock } from '../../engine/core/clock';
import type { HubCatalog } from '../../engine/registry/catalog';
import { ScreenOutput } from '../../runner/screen-output';
import { settle } from '../../runner/step-driver';
import { TerminalInput } from '../../shell/tty';
import type { SandboxSession } from '../../store/contract';

export const testCatalog = (): HubCatalog =>
  JSON.parse(readFileSync(new URL('../../../test/fixtures/standin-hub.json', import.meta.url), 'utf8')) as HubCatalog;

export interface RunResult {
  status: number;
  out: string;
  err: string;
}

export async function runIn(session: SandboxSession, clock: VirtualClock, terminal: string, line: string, maxMs = 60_000): Promise<RunResult> {
  const out = new ScreenOutput(120);
  const err = new ScreenOutput(120);
  const stdin = new TerminalInput({ echo: () => {}, interrupt: () => {} });
  stdin.close();
  const io: ProcessIO = { stdin, stdout: out, stderr: err, interrupt: new AbortController().signal };
  let status: number | undefined;
  const p = session.run(terminal, line, io).then((s) => {
    status = s;
  });
  const limit = clock.now() + maxMs;
  while (status === undefined) {
    await Promise.race([p, settle()]);
    if (status !== undefined) break;
    const next = clock.nextTimerAt();
    if (next === undefined || next > limit) break;
    await clock.advance(Math.max(0, next - clock.now()), settle);
  }
  return { status: status ?? -1, out: out.raw(), err: err.raw() };
}
