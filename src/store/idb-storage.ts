/**
 * Where the persist middleware keeps the sandbox: IndexedDB through
 * idb-keyval, in three kinds of records so that identical data is stored once
 * and only what changed is written:
 *   NAME          the UI part of the state (language, terminals, scrollback, …)
 *   NAME:sandbox  the sandbox snapshot (plain data, file contents by digest)
 *   blob:DIGEST   file contents (layer files, volume data, tar files), content-addressed
 * Writes are coalesced (a burst of state changes makes one write of the last
 * state) and never throw: a failure (quota exceeded, storage unavailable) is
 * reported through onError while the state in memory stays as it is.
 */
import * as idb from 'idb-keyval';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { SandboxBlobs, SessionSnapshot } from './session-factory';

/** the idb-keyval calls the storage uses (tests pass a wrapper that fails on purpose) */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  set(key: string, value: unknown): Promise<void>;
  setMany(entries: [string, unknown][]): Promise<void>;
  delMany(keys: string[]): Promise<void>;
  keys(): Promise<string[]>;
}

/** idb-keyval on the database "dockyard", object store "sandbox" */
export function idbKeyValueStore(dbName = 'dockyard', storeName = 'sandbox'): KeyValueStore {
  let store: ReturnType<typeof idb.createStore> | undefined;
  const s = () => {
    store ??= idb.createStore(dbName, storeName);
    return store;
  };
  return {
    get: (key) => idb.get(key, s()),
    getMany: (keys) => idb.getMany(keys, s()),
    set: (key, value) => idb.set(key, value, s()),
    setMany: (entries) => idb.setMany(entries, s()),
    delMany: (keys) => idb.delMany(keys, s()),
    keys: async () => (await idb.keys(s())).map(String),
  };
}

/** a persisted state: the UI part plus the sandbox snapshot */
export interface PersistedShape {
  sandbox?: SessionSnapshot;
}

export interface SandboxStorage<S extends PersistedShape> extends PersistStorage<S> {
  /** resolves when every write asked for so far is done (or failed) */
  flush(): Promise<void>;
}

export interface SandboxStorageOptions {
  kv: KeyValueStore;
  blobs: SandboxBlobs;
  onError(error: unknown): void;
  onSaved(): void;
}

const BLOB = 'blob:';

export function createSandboxStorage<S extends PersistedShape>(opts: SandboxStorageOptions): SandboxStorage<S> {
  const { kv, blobs } = opts;
  /** blob digests stored in IndexedDB */
  let stored = new Set<string>();
  let enabled = false;
  let latest: { name: string; value: StorageValue<S> } | undefined;
  let running: Promise<void> | undefined;
  let lastSandbox: SessionSnapshot | undefined;
  let lastUi: Record<string, unknown> | undefined;

  const uiPart = (state: S): Record<string, unknown> => {
    const { sandbox: _sandbox, ...ui } = state as S & Record<string, unknown>;
    return ui;
  };
  const sameUi = (a: Record<string, unknown>, b: Record<string, unknown> | undefined) => {
    if (!b) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => a[k] === b[k]);
  };

  const write = async (name: string, value: StorageValue<S>): Promise<void> => {
    const sandbox = value.state.sandbox;
    if (sandbox && sandbox !== lastSandbox) {
      const entries: [string, unknown][] = [];
      const written: string[] = [];
      for (const d of sandbox.blobs) {
        if (stored.has(d)) continue;
        const b = blobs.find(d);
        if (!b) continue;
        entries.push([BLOB + d, b]);
        written.push(d);
      }
      if (entries.length > 0) await kv.setMany(entries);
      for (const d of written) stored.add(d);
      await kv.set(`${name}:sandbox`, sandbox);
      lastSandbox = sandbox;
      const keep = new Set(sandbox.blobs);
      const stale = [...stored].filter((d) => !keep.has(d));
      if (stale.length > 0) {
        await kv.delMany(stale.map((d) => BLOB + d));
        stored = keep;
      }
    }
    const ui = uiPart(value.state);
    if (!sameUi(ui, lastUi)) {
      await kv.set(name, { state: ui, version: value.version });
      lastUi = ui;
    }
  };

  const pump = async (): Promise<void> => {
    while (latest) {
      const { name, value } = latest;
      latest = undefined;
      try {
        await write(name, value);
        opts.onSaved();
      } catch (e) {
        // the next write tries everything again
        lastSandbox = undefined;
        lastUi = undefined;
        opts.onError(e);
      }
    }
    running = undefined;
  };

  return {
    async getItem(name: string): Promise<StorageValue<S> | null> {
      try {
        const doc = await kv.get<StorageValue<Record<string, unknown>>>(name);
        const sandbox = await kv.get<SessionSnapshot>(`${name}:sandbox`);
        stored = new Set((await kv.keys()).filter((k) => k.startsWith(BLOB)).map((k) => k.slice(BLOB.length)));
        if (!doc && !sandbox) return null;
        if (sandbox && Array.isArray(sandbox.blobs)) {
          const missing = sandbox.blobs.filter((d) => !blobs.has(d));
          const values = missing.length > 0 ? await kv.getMany<Uint8Array>(missing.map((d) => BLOB + d)) : [];
          missing.forEach((d, i) => {
            const v = values[i];
            if (v instanceof Uint8Array) blobs.add(d, v);
          });
        }
        lastSandbox = sandbox;
        lastUi = doc?.state;
        const state = { ...(doc?.state ?? {}), sandbox } as unknown as S;
        return { state, version: doc?.version ?? 0 };
      } finally {
        enabled = true;
      }
    },
    setItem(name: string, value: StorageValue<S>): Promise<void> {
      // nothing is written before the saved state was read: it would overwrite it
      if (!enabled) return Promise.resolve();
      latest = { name, value };
      running ??= pump();
      return running;
    },
    async removeItem(name: string): Promise<void> {
      await kv.delMany([name, `${name}:sandbox`, ...[...stored].map((d) => BLOB + d)]);
      stored.clear();
      lastSandbox = undefined;
      lastUi = undefined;
    },
    flush: async () => {
      while (running) await running;
    },
  };
}
