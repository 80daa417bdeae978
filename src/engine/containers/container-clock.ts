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
        let done = false;
        const onAbort = () => {
          if (done) return;
          done = true;
          cancel();
          reject(abortError());
        };
        const fire = () => {
          if (done) return;
          if (c.State.Paused) {
            c.frozen.push(fire);
            return;
          }
          done = true;
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const cancel = clock.setTimer(ms, fire);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

/** unpause: let the sleeps that fell due while frozen end now */
export function thaw(c: ContainerRecord): void {
  const due = c.frozen;
  c.frozen = [];
  for (const fn of due) fn();
}
