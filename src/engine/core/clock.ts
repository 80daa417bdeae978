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
  /** cancelled, or fired: no longer pending (it may still sit in the heap until it reaches the top) */
  done: boolean;
}

/** timer order: due time, then creation order */
function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * Time moves only by advance()/runUntilIdle(); timers fire in order of due time
 * (then of creation). Pending timers are a binary heap: a tick with many
 * sleeping processes costs O(log n) per timer, not a scan of all of them.
 */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly heap: Timer[] = [];
  /** pending timers (the heap also holds cancelled ones until they surface) */
  private live = 0;
  constructor(startMs: number) {
    this.t = startMs;
  }
  now(): number {
    return this.t;
  }
  setTimer(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, done: false };
    this.push(timer);
    this.live++;
    return () => {
      if (timer.done) return;
      timer.done = true;
      this.live--;
      // many cancelled timers far in the future: rebuild without them
      if (this.heap.length > 64 && this.heap.length > 2 * this.live) this.compact();
    };
  }
  /** due time of the earliest pending timer, or undefined */
  nextTimerAt(): number | undefined {
    return this.top()?.at;
  }
  pendingTimers(): number {
    return this.live;
  }
  /**
   * Move time forward by `ms`, firing every timer that falls due on the way, in
   * order. Timers due at the same instant fire together (in creation order),
   * then `settle` is awaited once, so that the promise chains they wake (`sleep
   * 1` loops) can schedule their next timers before time moves on: a tick of
   * 100 sleeping loops costs one settle, not 100. A timer set for that same
   * instant while they run fires in the next round, still before time moves.
   */
  async advance(ms: number, settle: () => Promise<void> = flushMicrotasks): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const first = this.top();
      if (first === undefined || first.at > end) break;
      const at = first.at;
      this.t = Math.max(this.t, at);
      const due: Timer[] = [];
      for (let timer = this.top(); timer !== undefined && timer.at === at; timer = this.top()) {
        this.pop();
        due.push(timer);
      }
      for (const timer of due) {
        // a timer cancelled by one that fired before it in this round stays silent
        if (timer.done) continue;
        timer.done = true;
        this.live--;
        timer.fn();
      }
      await settle();
    }
    this.t = end;
    await settle();
  }

  /** the earliest pending timer (cancelled ones on top are dropped) */
  private top(): Timer | undefined {
    const h = this.heap;
    while (h.length > 0 && (h[0] as Timer).done) this.pop();
    return h[0];
  }

  private push(timer: Timer): void {
    const h = this.heap;
    let i = h.length;
    h.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as Timer;
      if (!before(timer, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = timer;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Timer;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && before(h[r] as Timer, h[l] as Timer) ? r : l;
      if (!before(h[c] as Timer, last)) break;
      h[i] = h[c] as Timer;
      i = c;
    }
    h[i] = last;
  }

  private compact(): void {
    const pending = this.heap.filter((x) => !x.done);
    this.heap.length = 0;
    for (const x of pending) this.push(x);
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
  // one shared reaction, not a new closure per link: a tick settles twice, 150 links each
  let p = Promise.resolve();
  for (let i = 0; i < 50; i++) p = p.then(nothing);
  p.then(fn);
}

function nothing(): undefined {
  return undefined;
}
