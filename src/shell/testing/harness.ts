/** Test helpers: a fake clock, collecting IO, a host shell over a MemoryFs. */
import type { ProcessIO } from '../../api/io';
import type { Program } from '../interpreter/types';
import { BytesInput, CollectOutput } from '../io/streams';
import { createShell, type Shell } from '../shell';
import { MemoryFs } from '../vfs/memory-fs';

/** a clock whose sleeps resolve when advance() passes their due time */
export class FakeClock {
  t = Date.UTC(2026, 4, 7, 21, 9, 36);
  private timers: { at: number; resolve: () => void }[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('Aborted', 'AbortError'));
        return;
      }
      const timer = { at: this.t + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  }
  /** move time forward, waking sleepers in order and letting their continuations run */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.resolve();
    }
    this.t = end;
    await settle();
  }
  pending(): number {
    return this.timers.length;
  }
}

/** let every pending promise chain run (macrotask turns drain the microtask queue) */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
}

export interface TestIO {
  io: ProcessIO;
  out: CollectOutput;
  err: CollectOutput;
  controller: AbortController;
}

export function testIO(stdin = '', tty = false): TestIO {
  const out = new CollectOutput(tty, tty ? 120 : undefined);
  const err = new CollectOutput(tty);
  const controller = new AbortController();
  const input = new BytesInput(stdin);
  return { io: { stdin: input, stdout: out, stderr: err, interrupt: controller.signal }, out, err, controller };
}

export function hostShell(programs: Record<string, Program> = {}): { sh: Shell; fs: MemoryFs; clock: FakeClock } {
  const clock = new FakeClock();
  const fs = new MemoryFs({ now: () => clock.now() });
  fs.mkdir('/root');
  fs.mkdir('/tmp');
  const sh = createShell({ fs, env: { HOME: '/root', PATH: '/usr/bin:/bin', USER: 'root' }, cwd: '/root', programs, clock });
  return { sh, fs, clock };
}

/** run one line; returns stdout, stderr, status */
export async function run(sh: Shell, line: string, stdin = ''): Promise<{ out: string; err: string; status: number }> {
  const t = testIO(stdin);
  const status = await sh.run(line, t.io);
  return { out: t.out.text(), err: t.err.text(), status };
}
