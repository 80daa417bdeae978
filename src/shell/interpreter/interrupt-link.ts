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

const links = new WeakMap<AbortSignal, Set<Abortable>>();

function childrenOf(parent: AbortSignal): Set<Abortable> {
  let set = links.get(parent);
  if (set === undefined) {
    const children = new Set<Abortable>();
    set = children;
    links.set(parent, children);
    parent.addEventListener(
      'abort',
      () => {
        const now = [...children];
        children.clear();
        for (const c of now) c.abort(parent.reason);
      },
      { once: true },
    );
  }
  return set;
}

/** abort `child` when `parent` aborts (at once if it already has); returns the unlink function */
export function linkInterrupt(parent: AbortSignal, child: Abortable): () => void {
  if (parent.aborted) {
    child.abort(parent.reason);
    return noop;
  }
  const set = childrenOf(parent);
  set.add(child);
  return () => {
    set.delete(child);
  };
}

function noop(): void {}

/**
 * linkInterrupt without an unlink function (a fork per loop round makes none):
 * the set `child` joined, to leave with `set.delete(child)`; undefined when
 * `parent` had aborted already (`child` is aborted)
 */
export function joinInterrupt(parent: AbortSignal, child: Abortable): Set<Abortable> | undefined {
  if (parent.aborted) {
    child.abort(parent.reason);
    return undefined;
  }
  const set = childrenOf(parent);
  set.add(child);
  return set;
}
