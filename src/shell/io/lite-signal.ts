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
  // the first listener is held in fields (a sleep of a forked `sleep 1` adds the only
  // one its fresh signal gets: no array or record per round); the others in `rest`
  private first: Listener | undefined;
  private firstOnce = false;
  private rest: { fn: Listener; once: boolean }[] | undefined;

  addEventListener(type: string, fn: Listener | null, opts?: boolean | AddEventListenerOptions): void {
    if (type !== 'abort' || fn === null || this.aborted) return;
    const once = typeof opts === 'object' && opts.once === true;
    if (this.first === fn) return;
    const rest = this.rest;
    if (rest !== undefined) for (const l of rest) if (l.fn === fn) return;
    if (this.first === undefined) {
      this.first = fn;
      this.firstOnce = once;
    } else (this.rest ??= []).push({ fn, once });
  }

  removeEventListener(type: string, fn: Listener | null): void {
    if (type !== 'abort') return;
    const rest = this.rest;
    if (this.first === fn && fn !== undefined) {
      // the next one (in the order added) becomes the first
      const next = rest?.shift();
      this.first = next?.fn;
      this.firstOnce = next?.once ?? false;
      return;
    }
    if (rest === undefined) return;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i].fn === fn) {
        rest.splice(i, 1);
        return;
      }
    }
  }

  dispatchEvent(event: Event): boolean {
    if (event.type !== 'abort') return true;
    const self = this as unknown as AbortSignal;
    this.onabort?.call(self, event);
    if (this.first === undefined) return true;
    // the listeners as they are now run, in order; the `once` ones are dropped first
    const list = [{ fn: this.first, once: this.firstOnce }, ...(this.rest ?? [])];
    const kept = list.filter((l) => !l.once);
    const head = kept.shift();
    this.first = head?.fn;
    this.firstOnce = head?.once ?? false;
    this.rest = kept.length ? kept : undefined;
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
    this.first = undefined;
    this.rest = undefined;
  }
}

/**
 * a light AbortController: `signal` is typed as an AbortSignal; the controller
 * is its own signal (one object, not two: every fork makes two controllers)
 */
export class LiteAbortController extends LiteSignal {
  get signal(): AbortSignal {
    return this as unknown as AbortSignal;
  }
}
