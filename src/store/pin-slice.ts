/**
 * Sandboxes kept aside by key (a lesson step's start state, for "Reset this
 * step"): a snapshot of the live sandbox, restored later as an undo step the
 * way reset is. Kept in memory; their blobs stay in the table while pinned.
 */
import type { SandboxActions } from './contract';
import { storeMessages } from './messages';
import { collectBlobs, flushChanges, type GetState, managed, pushPast, refreshSaved, replaceSession, type SetState, type StoreRuntime } from './store-runtime';

type PinActions = Pick<SandboxActions, 'pinSandbox' | 'hasPinned' | 'restorePinned' | 'unpin'>;

export function pinSlice(set: SetState, get: GetState, rt: StoreRuntime): PinActions {
  return {
    pinSandbox(key) {
      flushChanges(rt, set, get);
      refreshSaved(rt, get);
      rt.pinned.set(key, managed(get()).changedSinceSnapshot() ? managed(get()).snapshot() : rt.saved);
    },
    hasPinned: (key) => rt.pinned.has(key),
    async restorePinned(key) {
      const snap = rt.pinned.get(key);
      if (!snap) return false;
      let next: ReturnType<typeof rt.factory.restore>;
      try {
        next = rt.factory.restore(snap);
      } catch (e) {
        set({ notice: { level: 'error', text: storeMessages(get().lang).importDamaged(e instanceof Error ? e.message : String(e)) } });
        return false;
      }
      flushChanges(rt, set, get);
      refreshSaved(rt, get);
      pushPast(rt, { snapshot: rt.dirty ? rt.saved : rt.present, provenance: get().provenance });
      rt.future = [];
      replaceSession(rt, set, get, next, snap, { selection: undefined });
      return true;
    },
    unpin(key) {
      if (rt.pinned.delete(key)) collectBlobs(rt);
    },
  };
}
