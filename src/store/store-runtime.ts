/**
 * The store's machinery that is not state the UI reads: the undo/redo stacks
 * of snapshots, the latest snapshot persistence writes, the batching of
 * SandboxChanges, the per-command event lists for provenance and autosave.
 * Shared by the slices (one object per store).
 */
import type { SandboxChange, SandboxStore } from './contract';
import type { SandboxStorage } from './idb-storage';
import type { KeyValueStore } from './idb-storage';
import type { ManagedSession, SandboxFactory, SessionSnapshot } from './session-factory';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SandboxStoreDeps {
  factory: SandboxFactory;
  /** the browser's preferred languages (navigator.languages): the first visit's language */
  languages?: readonly string[] | string;
  mode?: 'simulator' | 'real';
  /** IndexedDB access; default: idb-keyval, database "dockyard", object store "sandbox" */
  kv?: KeyValueStore;
  /** name of the persisted record (default "dockyard-sandbox") */
  name?: string;
  /** undo steps kept (default 50) */
  historyLimit?: number;
  /** ms after the last change before an unsaved change is written (default 1500) */
  autosaveMs?: number;
  /** default: setTimeout/clearTimeout */
  timers?: Timers;
}

/** one undo step: a sandbox snapshot and the provenance that went with it */
export interface HistoryEntry {
  snapshot: SessionSnapshot;
  provenance: Record<string, string>;
}

export type SetState = (partial: Partial<SandboxStore> | ((s: SandboxStore) => Partial<SandboxStore>)) => void;
export type GetState = () => SandboxStore;

export interface StoreRuntime {
  readonly deps: SandboxStoreDeps;
  readonly factory: SandboxFactory;
  readonly historyLimit: number;
  /** resolves when every write asked for so far is done */
  storage?: Pick<SandboxStorage<{ sandbox?: SessionSnapshot }>, 'flush'>;
  /** the sandbox after the last command (what undo steps back from) */
  present: SessionSnapshot;
  /** the newest snapshot of the live sandbox (what persistence and export write) */
  saved: SessionSnapshot;
  /** something changed since `present` */
  dirty: boolean;
  past: HistoryEntry[];
  future: HistoryEntry[];
  offChanges?: () => void;
  batch: SandboxChange[];
  batchQueued: boolean;
  /** the next change batch starts a new lastChanges list */
  boundary: boolean;
  /** events seen while each terminal's command runs (provenance) */
  running: Map<string, SandboxChange[]>;
  /** events seen while no command was known to run */
  unowned: SandboxChange[];
  autosave?: unknown;
  /** sandboxes kept by pinSandbox (lesson step starts); their blobs are kept too */
  pinned: Map<string, SessionSnapshot>;
}

export function managed(s: SandboxStore): ManagedSession {
  return s.session as ManagedSession;
}

const MAX_LAST_CHANGES = 200;
const MAX_UNOWNED = 500;

/** apply the queued changes: revision and lastChanges move, autosave is armed */
export function flushChanges(rt: StoreRuntime, set: SetState, get: GetState): void {
  rt.batchQueued = false;
  if (rt.batch.length === 0) return;
  const batch = rt.batch;
  rt.batch = [];
  const boundary = rt.boundary;
  rt.boundary = false;
  set((s) => ({ revision: s.revision + 1, lastChanges: (boundary ? batch : [...s.lastChanges, ...batch]).slice(-MAX_LAST_CHANGES) }));
  armAutosave(rt, set, get);
}

function onSessionChange(rt: StoreRuntime, set: SetState, get: GetState, c: SandboxChange): void {
  rt.dirty = true;
  rt.batch.push(c);
  if (rt.running.size > 0) for (const list of rt.running.values()) list.push(c);
  else {
    rt.unowned.push(c);
    if (rt.unowned.length > MAX_UNOWNED) rt.unowned.splice(0, rt.unowned.length - MAX_UNOWNED);
  }
  if (!rt.batchQueued) {
    rt.batchQueued = true;
    queueMicrotask(() => flushChanges(rt, set, get));
  }
  if (c.kind === 'engine' && c.subject === 'container' && (c.action === 'attach' || c.action === 'start')) noteAttached(rt, set, get);
}

/**
 * A terminal's command attached to a container, or that container started:
 * note which one, with the sandbox as it is now, so a reload attaches to it
 * again (the container exists and runs in what is saved).
 */
function noteAttached(rt: StoreRuntime, set: SetState, get: GetState): void {
  const session = managed(get());
  const now = get().runningAttached;
  let next: Record<string, string> | undefined;
  for (const t of rt.running.keys()) {
    const id = session.attachedContainer?.(t);
    if (id !== undefined && now[t] !== id) (next ??= { ...now })[t] = id;
  }
  const watched = next ?? now;
  if (![...rt.running.keys()].some((t) => watched[t] !== undefined)) return;
  refreshSaved(rt, get);
  set(next ? { runningAttached: next } : {});
}

export function attachSession(rt: StoreRuntime, set: SetState, get: GetState, session: ManagedSession): void {
  rt.offChanges?.();
  rt.offChanges = session.onChange((c) => onSessionChange(rt, set, get, c));
}

function timers(rt: StoreRuntime): Timers {
  return (
    rt.deps.timers ?? {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    }
  );
}

/** take a snapshot of the live sandbox for persistence (not an undo step) when it changed */
export function refreshSaved(rt: StoreRuntime, get: GetState): boolean {
  const session = managed(get());
  if (!session.changedSinceSnapshot()) return false;
  rt.dirty = true;
  rt.saved = session.snapshot();
  return true;
}

/**
 * While a command runs, unsaved changes wait at least this long: a snapshot of
 * the sandbox and its IndexedDB write cost tens of ms with 100 containers, a
 * long frame every autosave during a loop of `docker run -d` (the sandbox as
 * the command found it is saved when it starts, the result when it ends).
 */
export const RUNNING_AUTOSAVE_MS = 10_000;

export function armAutosave(rt: StoreRuntime, set: SetState, get: GetState): void {
  if (rt.autosave !== undefined) return;
  const t = timers(rt);
  const ms = rt.deps.autosaveMs ?? 1500;
  rt.autosave = t.set(
    () => {
      rt.autosave = undefined;
      if (refreshSaved(rt, get)) set({});
    },
    rt.running.size > 0 ? Math.max(ms, RUNNING_AUTOSAVE_MS) : ms,
  );
}

/** drop blobs no snapshot refers to any more */
export function collectBlobs(rt: StoreRuntime): void {
  const keep = new Set<string>();
  const add = (s: SessionSnapshot) => {
    for (const d of s.blobs) keep.add(d);
  };
  add(rt.present);
  add(rt.saved);
  for (const e of rt.past) add(e.snapshot);
  for (const e of rt.future) add(e.snapshot);
  for (const p of rt.pinned.values()) add(p);
  rt.factory.blobs.retainOnly(keep);
}

/** push an undo step, keeping at most historyLimit; true when old steps were dropped */
export function pushPast(rt: StoreRuntime, entry: HistoryEntry): boolean {
  rt.past.push(entry);
  if (rt.past.length <= rt.historyLimit) return false;
  rt.past.splice(0, rt.past.length - rt.historyLimit);
  return true;
}

/** install `next` as the live session without touching the state (hydration merges it itself) */
export function swapSession(rt: StoreRuntime, set: SetState, get: GetState, next: ManagedSession, snapshot: SessionSnapshot): void {
  const old = managed(get());
  rt.offChanges?.();
  rt.offChanges = undefined;
  if (old !== next) old.dispose();
  attachSession(rt, set, get, next);
  rt.batch = [];
  rt.running.clear();
  rt.unowned = [];
  rt.boundary = true;
  rt.present = snapshot;
  rt.saved = snapshot;
  rt.dirty = false;
  collectBlobs(rt);
}

/**
 * Put `next` in place of the current session (undo, redo, reset, import):
 * the old one is stopped, `snapshot` becomes the present.
 */
export function replaceSession(
  rt: StoreRuntime,
  set: SetState,
  get: GetState,
  next: ManagedSession,
  snapshot: SessionSnapshot,
  extra: Partial<SandboxStore> = {},
): void {
  swapSession(rt, set, get, next, snapshot);
  set((s) => ({
    session: next,
    revision: s.revision + 1,
    lastChanges: [],
    runningCommands: {},
    runningAttached: {},
    canUndo: rt.past.length > 0,
    canRedo: rt.future.length > 0,
    ...extra,
  }));
}
