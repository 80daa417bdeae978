/**
 * The engine's only source of time: milliseconds since the Unix epoch, plus
 * timers that fire in that time. The web app passes a clock that follows real
 * time (src/app/real-clock.ts); golden tests and the headless runner pass a
 * VirtualClock whose time moves only when they say so.
 */
export interface Clock {
  now(): number;
  /** run `fn` once `ms` from now; returns a cancel function */
  setTimer(ms: number, fn: () => void): () => void;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Time moves only by advance()/runUntilIdle(); timers fire in order of due time. */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];
  constructor(startMs: number) {
    this.t = startMs;
  }
  now(): number {
    return this.t;
  }
  setTimer(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }
  /** due time of the earliest pending timer, or undefined */
  nextTimerAt(): number | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best?.at;
  }
  pendingTimers(): number {
    return this.timers.length;
  }
  /**
   * Move time forward by `ms`, firing every timer that falls due on the way, in
   * order. `settle` is awaited after each timer so that the promise chains it
   * wakes (a `sleep 1` loop) can schedule their next timer before time moves on.
   */
  async advance(ms: number, settle: () => Promise<void> = flushMicrotasks): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const next = this.nextTimerAt();
      if (next === undefined || next > end) break;
      const i = this.timers.findIndex((x) => x.at === next);
      const [timer] = this.timers.splice(i, 1);
      this.t = Math.max(this.t, timer.at);
      timer.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

/** Let every queued promise continuation run (several macrotask turns). */
export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediateLike(r));
}

function setImmediateLike(fn: () => void): void {
  // A resolved-promise chain is not enough when continuations await other promises;
  // a MessageChannel/setTimeout(0) turn is not available without the DOM, so chain
  // microtasks deeply instead.
  let p = Promise.resolve();
  for (let i = 0; i < 50; i++) p = p.then(() => undefined);
  p.then(fn);
}
