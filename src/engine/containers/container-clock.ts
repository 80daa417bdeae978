/**
 * The clock a container's processes see: simulated time from the engine, and
 * sleeps that do not end while the container is paused (the cgroup freezer).
 */
import type { Abortable } from './abort';
import type { ProcessSpec } from '../../api/runtime';
import type { Clock } from '../core/clock';
import type { ContainerRecord } from './container-record';

function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

export function containerClock(clock: Clock, c: ContainerRecord): ProcessSpec['clock'] {
  return {
    now: () => clock.now(),
    sleep(ms: number, signal?: Abortable): Promise<void> {
      if (signal?.aborted) return Promise.reject(abortError());
      // the promise's executor is one shared function (settlers), not a closure per sleep
      const promise = new Promise<void>(settlers);
      const resolve = sleepResolve as () => void;
      const reject = sleepReject as (e: Error) => void;
      sleepResolve = sleepReject = undefined;
      try {
        new Sleep(clock, c, ms, signal, resolve, reject);
      } catch (e) {
        // as when it was made inside the executor: the sleep fails, nothing throws
        reject(e as Error);
      }
      return promise;
    },
  };
}

const ONCE = { once: true };

/** what settlers() took from the promise it ran for (it runs at once, inside new Promise) */
let sleepResolve: (() => void) | undefined;
let sleepReject: ((e: Error) => void) | undefined;

function settlers(resolve: () => void, reject: (e: Error) => void): void {
  sleepResolve = resolve;
  sleepReject = reject;
}

/**
 * One sleep of a container's process: it ends when its timer fires (later if
 * the container is paused then) or fails when `signal` aborts. A looping
 * container sleeps every round: one object and its two callbacks.
 */
class Sleep {
  private done = false;
  private readonly cancel: () => void;
  constructor(
    clock: Clock,
    private readonly c: ContainerRecord,
    ms: number,
    private readonly signal: Abortable | undefined,
    private readonly resolve: () => void,
    private readonly reject: (e: Error) => void,
  ) {
    // a bound method, not an arrow property: no closure (and no name set on one) per sleep;
    // the signal calls the sleep itself (handleEvent): no second function
    this.fire = this.fired.bind(this);
    this.cancel = clock.setTimer(ms, this.fire);
    signal?.addEventListener('abort', this, ONCE);
  }
  private readonly fire: () => void;
  /** the signal aborted */
  handleEvent(): void {
    this.aborted();
  }
  private fired(): void {
    if (this.done) return;
    if (this.c.State.Paused) {
      this.c.frozen.push(this.fire);
      return;
    }
    this.done = true;
    this.signal?.removeEventListener('abort', this);
    this.resolve();
  }
  private aborted(): void {
    if (this.done) return;
    this.done = true;
    this.cancel();
    this.reject(abortError());
  }
}

/** unpause: let the sleeps that fell due while frozen end now */
export function thaw(c: ContainerRecord): void {
  const due = c.frozen;
  c.frozen = [];
  for (const fn of due) fn();
}
