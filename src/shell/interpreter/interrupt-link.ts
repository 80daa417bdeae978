/**
 * Interrupt signals for child processes without one listener per command.
 *
 * A child's interrupt must abort when its parent's interrupt aborts (Ctrl-C
 * reaches the whole foreground job). Adding an 'abort' listener to the
 * parent's signal for every command a loop runs grows the listener list
 * without end; instead each parent signal gets a single listener, added the
 * first time a child links to it, that aborts the children linked at that
 * moment. A child unlinks when it ends.
 */

/** what a parent's abort reaches */
export interface Abortable {
  /** `reason`: the parent's (KILL_REASON when the job is killed, not interrupted) */
  abort(reason?: unknown): void;
}

/**
 * a child in its parent's list: the links live in the child itself, so a
 * fork adds no entry object (a Set's add and delete per fork re-made its
 * table every time)
 */
export interface LinkedAbortable extends Abortable {
  prevLink: LinkedAbortable | undefined;
  nextLink: LinkedAbortable | undefined;
}

/** the children linked to one parent signal, in the order they linked */
export class InterruptChildren {
  private head: LinkedAbortable | undefined;
  private tail: LinkedAbortable | undefined;

  add(child: LinkedAbortable): void {
    child.prevLink = this.tail;
    child.nextLink = undefined;
    if (this.tail === undefined) this.head = child;
    else this.tail.nextLink = child;
    this.tail = child;
  }

  /** `child` leaves (nothing happens when it is not in the list: the parent aborted) */
  delete(child: LinkedAbortable): void {
    const prev = child.prevLink;
    const next = child.nextLink;
    if (prev === undefined ? this.head !== child : prev.nextLink !== child) return;
    if (prev === undefined) this.head = next;
    else prev.nextLink = next;
    if (next === undefined) this.tail = prev;
    else next.prevLink = prev;
    child.prevLink = undefined;
    child.nextLink = undefined;
  }

  /** every child, leaving the list empty */
  take(): LinkedAbortable[] {
    const out: LinkedAbortable[] = [];
    for (let c = this.head; c !== undefined; ) {
      const next = c.nextLink;
      c.prevLink = undefined;
      c.nextLink = undefined;
      out.push(c);
      c = next;
    }
    this.head = undefined;
    this.tail = undefined;
    return out;
  }
}

const links = new WeakMap<AbortSignal, InterruptChildren>();

function childrenOf(parent: AbortSignal): InterruptChildren {
  let set = links.get(parent);
  if (set === undefined) {
    const children = new InterruptChildren();
    set = children;
    links.set(parent, children);
    parent.addEventListener(
      'abort',
      () => {
        for (const c of children.take()) c.abort(parent.reason);
      },
      { once: true },
    );
  }
  return set;
}

/** linkInterrupt's entry for a child that has no links of its own */
class LinkEntry implements LinkedAbortable {
  prevLink: LinkedAbortable | undefined = undefined;
  nextLink: LinkedAbortable | undefined = undefined;
  constructor(private readonly child: Abortable) {}
  abort(reason?: unknown): void {
    this.child.abort(reason);
  }
}

/** abort `child` when `parent` aborts (at once if it already has); returns the unlink function */
export function linkInterrupt(parent: AbortSignal, child: Abortable): () => void {
  if (parent.aborted) {
    child.abort(parent.reason);
    return noop;
  }
  const set = childrenOf(parent);
  const entry = new LinkEntry(child);
  set.add(entry);
  return () => {
    set.delete(entry);
  };
}

function noop(): void {}

/**
 * linkInterrupt without an unlink function (a fork per loop round makes none):
 * the list `child` joined, to leave with `list.delete(child)`; undefined when
 * `parent` had aborted already (`child` is aborted)
 */
export function joinInterrupt(parent: AbortSignal, child: LinkedAbortable): InterruptChildren | undefined {
  if (parent.aborted) {
    child.abort(parent.reason);
    return undefined;
  }
  const set = childrenOf(parent);
  set.add(child);
  return set;
}
