import { describe, expect, it } from 'vitest';
import type { ProcessIO } from '../api/io';
import { VirtualClock } from '../engine/core/clock';
import { render } from './render';
import { createSession } from './session';
import { runStep, type StepRunner } from './step-driver';

function sleep(clock: VirtualClock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancel = clock.setTimer(ms, resolve);
    signal.addEventListener('abort', () => {
      cancel();
      reject(new Error('aborted'));
    });
  });
}

function fake(run: (io: ProcessIO, clock: VirtualClock) => Promise<number>): StepRunner {
  const clock = new VirtualClock(0);
  return { clock, run: (_line, io) => run(io, clock) };
}

describe('runStep', () => {
  it('moves simulated time for a `sleep 1` loop and types Ctrl-C when output is idle', async () => {
    const s = fake(async (io, clock) => {
      try {
        for (;;) {
          io.stdout.write('hello world\n');
          await sleep(clock, 1000, io.interrupt);
        }
      } catch {
        return 130;
      }
    });
    const r = await runStep(s, 'loop', {
      inputs: [
        { kind: 'wait', seconds: 3.5 },
        { kind: 'keys', text: '\\x03' },
        { kind: 'wait', seconds: 2 },
        { kind: 'keys', text: '\\x03' },
      ],
      timeoutSeconds: 12,
    });
    expect(r.exit).toBe(130);
    expect(render(r.stdoutRaw)).toBe('hello world\n'.repeat(5) + '^C');
    expect(r.typed).toEqual([{ keys: '\\x03' }]);
    expect(r.duration).toBeCloseTo(4.8, 3);
  });
  it('kills a step that never ends after its timeout (137), keeping what was printed', async () => {
    const s = fake(async (io, clock) => {
      for (;;) {
        io.stdout.write('x\n');
        await sleep(clock, 1000, new AbortController().signal);
      }
    });
    const r = await runStep(s, 'logs -f', { timeoutSeconds: 4 });
    expect(r.killed).toBe(true);
    expect(r.exit).toBe(137);
    expect(render(r.stdoutRaw)).toBe('x\n'.repeat(5));
  });
  it('answers prompts with typed lines, echoed by the terminal', async () => {
    const s = fake(async (io) => {
      io.stdout.write('Are you sure you want to continue? [y/N] ');
      const a = await io.stdin.readLine();
      io.stdout.write(`answer=${a}\n`);
      return 0;
    });
    const r = await runStep(s, 'prune', { inputs: [{ kind: 'stdin', text: 'y' }] });
    expect(render(r.stdoutRaw)).toBe('Are you sure you want to continue? [y/N] y\nanswer=y\n');
    expect(r.exit).toBe(0);
  });
  it('a program that throws gives an honest error, not an exception', async () => {
    const s = fake(async () => {
      throw new Error('boom');
    });
    const r = await runStep(s, 'x', {});
    expect(r.exit).toBe(1);
    expect(r.stderrRaw).toContain('internal error: boom');
  });
  it('a program waiting on input that never comes is killed at the timeout', async () => {
    const s = fake(async (io) => {
      await io.stdin.readLine();
      return 0;
    });
    const r = await runStep(s, 'cat', { timeoutSeconds: 5 });
    expect(r.exit).toBe(137);
    expect(s.clock.now()).toBe(5000);
  });
  it('stops a killed step: nothing of it runs on after the timeout', async () => {
    let rounds = 0;
    const s = fake(async (io) => {
      for (;;) {
        rounds++;
        if (io.interrupt.aborted) return 130;
        await new Promise((r) => setImmediate(r));
      }
    });
    const r = await runStep(s, 'busy', { timeoutSeconds: 3 });
    expect(r.killed).toBe(true);
    expect(r.exit).toBe(137);
    expect(r.unstoppable).toBeUndefined();
    const after = rounds;
    await new Promise((r) => setTimeout(r, 20));
    expect(rounds).toBe(after);
  });
  it('says so when a killed step ignores its interrupt and its input', async () => {
    let stop = false;
    const s = fake(async () => {
      while (!stop) await new Promise((r) => setImmediate(r));
      return 0;
    });
    const r = await runStep(s, 'stubborn', { timeoutSeconds: 1 });
    stop = true;
    expect(r.exit).toBe(137);
    expect(r.unstoppable).toBe(true);
  });
  it('keeps at most maxOutputChars of an endless writer', async () => {
    const s = fake(async (io, clock) => {
      for (;;) {
        io.stdout.write('y\n');
        await sleep(clock, 1, io.interrupt);
      }
    });
    const r = await runStep(s, 'yes', { timeoutSeconds: 2, maxOutputChars: 10 });
    expect(r.stdoutRaw).toBe('y\r\ny\r\ny\r\ny');
  });
  it('a timed-out busy loop of the shell stops changing the shell', async () => {
    const session = createSession();
    const r = await runStep(session, 'i=0; while :; do i=$((i+1)); done', { timeoutSeconds: 5 });
    expect(r.exit).toBe(137);
    const a = await runStep(session, 'a=$i; b=$i; echo $((b-a))', {});
    await runStep(session, 'c=$i', {});
    const b = await runStep(session, 'echo $((c-a))', {});
    expect(render(a.stdoutRaw) + render(b.stdoutRaw)).toBe('0\n0\n');
  });
});
