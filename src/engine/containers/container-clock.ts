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
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortError());
          return;
        }
        new Sleep(clock, c, ms, signal, resolve, reject);
      });
    },
  };
}

const ONCE = { once: true };

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
