/**
 * The web app's store: a vanilla zustand store (zustand/vanilla) made of
 * slices (session/changes, terminals, editor, history, misc), persisted in
 * IndexedDB by the persist middleware through idb-storage.ts.
 *
 *   const store = await openSandboxStore({ factory: createSandboxFactory({...}), languages: navigator.languages });
 *   <SandboxProvider store={store}> … useSandbox((s) => s.revision) …
 *
 * createSandboxStore makes the store without reading storage (state.hydrated
 * false); openSandboxStore also restores the saved sandbox and resolves when
 * the store is ready.
 */
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { pickLang } from '../ui/i18n';
import type { SandboxState, SandboxStore, TerminalTab } from './contract';
import { historySlice } from './history-slice';
import { createSandboxStorage, idbKeyValueStore } from './idb-storage';
import { storeMessages } from './messages';
import type { SessionSnapshot } from './session-factory';
import { attachSession, type GetState, swapSession, type SandboxStoreDeps, type SetState, type StoreRuntime } from './store-runtime';
import { pinSlice } from './pin-slice';
import { editorSlice, miscSlice, terminalsSlice } from './ui-slices';

export type { SandboxStoreDeps } from './store-runtime';

export type SandboxStoreApi = StoreApi<SandboxStore> & {
  persist: { rehydrate(): Promise<void>; hasHydrated(): boolean };
};

/** what is written to IndexedDB */
export interface PersistedSandbox {
  lang: SandboxState['lang'];
  terminals: TerminalTab[];
  activeTerminal: string;
  openFiles: string[];
  activeFile?: string;
  scrollback: Record<string, string>;
  runningCommands: Record<string, string>;
  runningAttached?: Record<string, string>;
  lessons: Record<string, unknown>;
  provenance: Record<string, string>;
  sandbox?: SessionSnapshot;
}

export const PERSIST_VERSION = 1;
const FIRST_TERMINAL: TerminalTab = { id: 't1', index: 1 };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringsOnly = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

function isQuota(e: unknown): boolean {
  const x = e as { name?: unknown; code?: unknown; message?: unknown } | null;
  return !!x && (x.name === 'QuotaExceededError' || x.code === 22 || (typeof x.message === 'string' && /quota/i.test(x.message)));
}

export function createSandboxStore(deps: SandboxStoreDeps): SandboxStoreApi {
  const first = deps.factory.fresh();
  const snap = first.snapshot();
  const rt: StoreRuntime = {
    deps,
    factory: deps.factory,
    historyLimit: deps.historyLimit ?? 50,
    present: snap,
    saved: snap,
    dirty: false,
    past: [],
    future: [],
    batch: [],
    batchQueued: false,
    boundary: true,
    running: new Map(),
    unowned: [],
    pinned: new Map(),
  };

  const storeRef: { api?: StoreApi<SandboxStore> } = {};
  const storage = createSandboxStorage<PersistedSandbox>({
    kv: deps.kv ?? idbKeyValueStore(),
    blobs: deps.factory.blobs,
    onError(e) {
      const api = storeRef.api;
      if (!api) return;
      const m = storeMessages(api.getState().lang);
      const text = isQuota(e) ? m.storageQuota : m.storageFailed(e instanceof Error ? e.message : String(e));
      if (api.getState().storageError !== text) api.setState({ storageError: text });
    },
    onSaved() {
      const api = storeRef.api;
      if (api?.getState().storageError) api.setState({ storageError: undefined });
    },
  });
  rt.storage = storage;

  const merge = (persisted: unknown, current: SandboxStore): SandboxStore => {
    const p = isRecord(persisted) ? (persisted as Partial<PersistedSandbox>) : {};
    const out: SandboxStore = { ...current, hydrated: true };
    if (p.lang === 'en' || p.lang === 'zh-CN') out.lang = p.lang;
    if (Array.isArray(p.terminals) && p.terminals.length > 0 && p.terminals.every((t) => isRecord(t) && typeof t.id === 'string' && typeof t.index === 'number')) {
      out.terminals = p.terminals;
      out.activeTerminal = typeof p.activeTerminal === 'string' && p.terminals.some((t) => t.id === p.activeTerminal) ? p.activeTerminal : p.terminals[0].id;
    }
    if (Array.isArray(p.openFiles) && p.openFiles.every((f) => typeof f === 'string')) out.openFiles = p.openFiles;
    if (typeof p.activeFile === 'string') out.activeFile = p.activeFile;
    if (stringsOnly(p.scrollback)) out.scrollback = p.scrollback;
    if (stringsOnly(p.runningCommands)) out.runningCommands = p.runningCommands;
    if (stringsOnly(p.runningAttached)) out.runningAttached = p.runningAttached;
    if (isRecord(p.lessons)) out.lessons = p.lessons;
    if (stringsOnly(p.provenance)) out.provenance = p.provenance;
    if (p.sandbox) {
      try {
        const session = rt.factory.restore(p.sandbox);
        swapSession(rt, set, get, session, p.sandbox);
        out.session = session;
        out.revision = current.revision + 1;
        out.lastChanges = [];
        out.canUndo = false;
        out.canRedo = false;
        out.runningCommands = stringsOnly(p.runningCommands) ? p.runningCommands : {};
        out.runningAttached = stringsOnly(p.runningAttached) ? p.runningAttached : {};
      } catch (e) {
        out.storageError = storeMessages(out.lang).restoreFailed(e instanceof Error ? e.message : String(e));
      }
    }
    return out;
  };

  let set: SetState = () => {};
  let get: GetState = () => {
    throw new Error('store not ready');
  };

  const api = createStore<SandboxStore>()(
    persist(
      (zset, zget) => {
        set = zset as SetState;
        get = zget;
        attachSession(rt, set, get, first);
        const initial: SandboxStore = {
          lang: pickLang(deps.languages),
          mode: deps.mode ?? 'simulator',
          session: first,
          revision: 0,
          lastChanges: [],
          provenance: {},
          terminals: [FIRST_TERMINAL],
          activeTerminal: FIRST_TERMINAL.id,
          openFiles: [],
          canUndo: false,
          canRedo: false,
          hydrated: false,
          scrollback: {},
          runningCommands: {},
          runningAttached: {},
          lessons: {},
          ...terminalsSlice(set, () => get(), rt),
          ...editorSlice(set, () => get()),
          ...miscSlice(set, () => get()),
          ...historySlice(set, () => get(), rt),
          ...pinSlice(set, () => get(), rt),
        };
        return initial;
      },
      {
        name: deps.name ?? 'dockyard-sandbox',
        version: PERSIST_VERSION,
        storage,
        skipHydration: true,
        partialize: (s): PersistedSandbox => ({
          lang: s.lang,
          terminals: s.terminals,
          activeTerminal: s.activeTerminal,
          openFiles: s.openFiles,
          activeFile: s.activeFile,
          scrollback: s.scrollback,
          runningCommands: s.runningCommands,
          runningAttached: s.runningAttached,
          lessons: s.lessons,
          provenance: s.provenance,
          sandbox: rt.saved,
        }),
        // a record of another version: keep the UI part, the sandbox data is checked by restore
        migrate: (state) => state as PersistedSandbox,
        merge: (persisted, current) => merge(persisted, current),
        onRehydrateStorage: () => (_state, error) => {
          if (!error) return;
          const api = storeRef.api;
          if (!api) return;
          const m = storeMessages(api.getState().lang);
          api.setState({ hydrated: true, storageError: m.storageFailed(error instanceof Error ? error.message : String(error)) });
        },
      },
    ),
  ) as unknown as SandboxStoreApi;
  storeRef.api = api;
  return api;
}

/** createSandboxStore, then the saved sandbox restored from IndexedDB; resolves when the store is ready */
export async function openSandboxStore(deps: SandboxStoreDeps): Promise<SandboxStoreApi> {
  const store = createSandboxStore(deps);
  await store.persist.rehydrate();
  if (!store.getState().hydrated) store.setState({ hydrated: true });
  return store;
}
