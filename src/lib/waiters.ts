/**
 * Readers waiting for input: wait() until wakeAll(), or until an abort signal
 * fires (then it rejects with an AbortError, as an interrupted read does).
 * Shared by the terminal's input (src/shell/tty.ts) and a container's stdin
 * (src/engine/containers/stdin-pipe.ts).
 */

/** what waiting needs of an AbortSignal */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', fn: () => void, opts?: { once?: boolean }): void;
  removeEventListener(type: 'abort', fn: () => void): void;
}

export function abortError(): Error {
  const e = new Error('This operation was aborted');
  e.name = 'AbortError';
  return e;
}

export class Waiters {
  private list: (() => void)[] = [];

  get size(): number {
    return this.list.length;
  }

  /** resolves at the next wakeAll(); rejects with an AbortError when `signal` aborts first */
  wait(signal?: AbortLike): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.list.indexOf(wake);
        if (i >= 0) this.list.splice(i, 1);
        reject(abortError());
      };
      this.list.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  wakeAll(): void {
    const w = this.list;
    this.list = [];
    for (const f of w) f();
  }
}
