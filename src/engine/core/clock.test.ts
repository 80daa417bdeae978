import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';

/** the clock's order as it was specified: earliest due time, then creation order */
class ReferenceClock {
  t: number;
  seq = 0;
  timers: { at: number; seq: number; fn: () => void }[] = [];
  constructor(t: number) {
    this.t = t;
  }
  setTimer(ms: number, fn: () => void): () => void {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let best: (typeof this.timers)[number] | undefined;
      for (const x of this.timers) if (!best || x.at < best.at || (x.at === best.at && x.seq < best.seq)) best = x;
      if (!best || best.at > end) break;
      this.timers.splice(this.timers.indexOf(best), 1);
      this.t = Math.max(this.t, best.at);
      best.fn();
    }
    this.t = end;
  }
}

/** a small deterministic PRNG for the scenario */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('VirtualClock', () => {
  it('fires timers in due-time then creation order, cancellations and timers set by timers included', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = rng(seed);
      const plan: { delay: number; cancelAfter: number; chain: number }[] = [];
      for (let i = 0; i < 300; i++) {
        plan.push({ delay: Math.floor(rand() * 50) * 10, cancelAfter: rand() < 0.3 ? Math.floor(rand() * 40) : -1, chain: rand() < 0.3 ? Math.floor(rand() * 3) * 10 : -1 });
      }
      const run = async (clock: { setTimer: VirtualClock['setTimer'] }, advance: (ms: number) => Promise<void> | void) => {
        const fired: string[] = [];
        const cancels: (() => void)[] = [];
        plan.forEach((p, i) => {
          cancels.push(
            clock.setTimer(p.delay, () => {
              fired.push(`t${i}`);
              if (p.chain >= 0) clock.setTimer(p.chain, () => fired.push(`c${i}`));
            }),
          );
        });
        for (let step = 0; step < 60; step++) {
          plan.forEach((p, i) => {
            if (p.cancelAfter === step) cancels[i]!();
          });
          await advance(10);
        }
        return fired;
      };
      const ref = new ReferenceClock(1000);
      const want = await run(ref, (ms) => ref.advance(ms));
      const clock = new VirtualClock(1000);
      const got = await run(clock, (ms) => clock.advance(ms, async () => {}));
      expect(got).toEqual(want);
      expect(clock.pendingTimers()).toBe(ref.timers.length);
      expect(clock.now()).toBe(ref.t);
    }
  });

  it('counts pending timers and reports the next due time', async () => {
    const clock = new VirtualClock(0);
    const cancel = clock.setTimer(50, () => {});
    clock.setTimer(100, () => {});
    expect(clock.pendingTimers()).toBe(2);
    expect(clock.nextTimerAt()).toBe(50);
    cancel();
    cancel();
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerAt()).toBe(100);
    await clock.advance(100);
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.nextTimerAt()).toBeUndefined();
    expect(clock.now()).toBe(100);
  });

  it('drops many cancelled timers', () => {
    const clock = new VirtualClock(0);
    for (let i = 0; i < 1000; i++) clock.setTimer(1_000_000 + i, () => {})();
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('fires the timers of one instant together and settles once per instant', async () => {
    const clock = new VirtualClock(0);
    const log: string[] = [];
    let settles = 0;
    for (let i = 0; i < 100; i++) clock.setTimer(1000, () => log.push(`a${i}`));
    let cancelLater = () => {};
    clock.setTimer(2000, () => {
      log.push('b0');
      cancelLater();
      clock.setTimer(0, () => log.push(`zero at ${clock.now()}`));
    });
    cancelLater = clock.setTimer(2000, () => log.push('cancelled by b0'));
    clock.setTimer(2000, () => log.push('b2'));
    await clock.advance(3000, async () => {
      settles++;
    });
    expect(log).toEqual([...Array.from({ length: 100 }, (_, i) => `a${i}`), 'b0', 'b2', 'zero at 2000']);
    // 1000, 2000, the zero-delay timer at 2000, the end
    expect(settles).toBe(4);
    expect(clock.pendingTimers()).toBe(0);
  });
});
