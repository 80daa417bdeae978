/**
 * The store's revision as the views that re-read the engine see it (the state
 * view, the ports strip, the editor's tree): at most one new value every
 * PACE_MS, in a task of its own. The store's revision moves after every batch
 * of engine and file events: a loop of 100 `docker run -d` moves it 100 times
 * or more, and each move used to re-render and re-read the whole engine in the
 * shell's own task (React renders useSyncExternalStore updates synchronously),
 * so one round of the loop cost a frame or more. Paced, the views keep up
 * about every PACE_MS while a loop runs, and catch up once it ends.
 */
import { useEffect, useState } from 'react';
import { useSandboxStore } from './use-sandbox';

/** the longest a view waits before it sees a new revision (issue 11: the state view updates at least every 100 ms) */
export const PACE_MS = 90;

interface RevisionSource {
  getState(): { revision: number };
  subscribe(listener: (s: { revision: number }) => void): () => void;
}

/**
 * Calls `show` with the store's revision when it moved, at most once every
 * `paceMs` (read on `now`), from a timer; at once for a change after a quiet
 * spell. Returns the unsubscribe function.
 */
export function paceRevision(store: RevisionSource, paceMs: number, show: (revision: number) => void, now: () => number = () => performance.now()): () => void {
  let shown = store.getState().revision;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  const flush = () => {
    timer = undefined;
    lastAt = now();
    const r = store.getState().revision;
    if (r === shown) return;
    shown = r;
    show(r);
  };
  const off = store.subscribe((s) => {
    if (s.revision === shown || timer !== undefined) return;
    timer = setTimeout(flush, Math.max(0, lastAt + paceMs - now()));
  });
  return () => {
    off();
    if (timer !== undefined) clearTimeout(timer);
  };
}

export function usePacedRevision(paceMs = PACE_MS): number {
  const store = useSandboxStore();
  const [revision, setRevision] = useState(() => store.getState().revision);
  useEffect(() => {
    const off = paceRevision(store, paceMs, setRevision);
    // a change between the first render and this effect
    setRevision(store.getState().revision);
    return off;
  }, [store, paceMs]);
  return revision;
}
