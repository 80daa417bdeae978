/**
 * A light AbortSignal for the signals the runtime makes for every process and
 * every command (a child's interrupt, a process's "killed"): Node builds a
 * full EventTarget for each AbortController's signal, which costs several
 * microseconds and a lot of garbage, once per loop round of
 * `while true; do echo hi; sleep 1; done`.
 *
 * It offers what AbortSignal users do with it (aborted, reason, onabort,
 * add/removeEventListener for 'abort' with `once`, throwIfAborted,
 * dispatchEvent) and is typed as an AbortSignal. Do not hand it to platform
 * APIs that insist on a genuine one (fetch, AbortSignal.any).
 */

type Listener = EventListenerOrEventListenerObject;

function abortError(): Error {
  const e = new Error('This operation was aborted');
  e.name = 'AbortError';
  return e;
}

class LiteSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: ((this: AbortSignal, ev: Event) => unknown) | null = null;
  private listeners: { fn: Listener; once: boolean }[] | undefined;

  addEventListener(type: string, fn: Listener | null, opts?: boolean | AddEventListenerOptions): void {
    if (type !== 'abort' || fn === null || this.aborted) return;
    const list = (this.listeners ??= []);
    for (const l of list) if (l.fn === fn) return;
    list.push({ fn, once: typeof opts === 'object' && opts.once === true });
  }

  removeEventListener(type: string, fn: Listener | null): void {
    const list = this.listeners;
    if (type !== 'abort' || list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      if (list[i].fn === fn) {
        list.splice(i, 1);
        return;
      }
    }
  }

  dispatchEvent(event: Event): boolean {
    if (event.type !== 'abort') return true;
    const self = this as unknown as AbortSignal;
    this.onabort?.call(self, event);
    const list = this.listeners;
    if (list === undefined) return true;
    this.listeners = list.filter((l) => !l.once);
    for (const l of list) {
      if (typeof l.fn === 'function') l.fn.call(self, event);
      else l.fn.handleEvent(event);
    }
    return true;
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** abort once: listeners run in the order they were added, then go */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? abortError();
    this.dispatchEvent({ type: 'abort', target: this, currentTarget: this } as unknown as Event);
    this.listeners = undefined;
  }
}

/** a light AbortController: `signal` is typed as an AbortSignal */
export class LiteAbortController {
  private readonly s = new LiteSignal();

  get signal(): AbortSignal {
    return this.s as unknown as AbortSignal;
  }

  abort(reason?: unknown): void {
    this.s.abort(reason);
  }
}
