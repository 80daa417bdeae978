import { describe, expect, it } from 'vitest';
import { LazyExit } from './lazy-exit';

class Proc extends LazyExit {
  get exited(): Promise<number> {
    return this.exitPromise();
  }
  exit(status: number): void {
    this.settleExit(status);
  }
}

/** the promise's state without waiting longer than the microtasks already queued */
async function state(p: Promise<number>): Promise<number | 'pending'> {
  return Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 0))]);
}

describe('LazyExit', () => {
  it('asked before the exit: pending, then the status', async () => {
    const p = new Proc();
    const exited = p.exited;
    expect(await state(exited)).toBe('pending');
    p.exit(3);
    expect(await exited).toBe(3);
  });

  it('asked after the exit: already the status', async () => {
    const p = new Proc();
    p.exit(0);
    expect(await state(p.exited)).toBe(0);
  });

  it('one promise, however often asked; the first status stays', async () => {
    const p = new Proc();
    const a = p.exited;
    p.exit(137);
    p.exit(0);
    expect(p.exited).toBe(a);
    expect(await a).toBe(137);
    const q = new Proc();
    q.exit(1);
    q.exit(2);
    expect(await q.exited).toBe(1);
  });

  it('makes no promise until asked', () => {
    const p = new Proc();
    p.exit(5);
    expect((p as unknown as { exitWaiting: unknown }).exitWaiting).toBeUndefined();
  });
});
