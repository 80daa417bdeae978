import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSandboxFactory } from '../../app/sandbox/factory';
import { testCatalog } from '../../app/sandbox/test-driver';
import { VirtualClock } from '../../engine/core/clock';
import { openSandboxStore } from '../../store/create-store';
import { idbKeyValueStore } from '../../store/idb-storage';
import type { ManagedSession } from '../../store/session-factory';
import { readSavedScreen, SANDBOX_DB, SANDBOX_RECORD, SANDBOX_STORE, savedScreenOf } from './saved-screen';

const catalog = testCatalog();

describe('the saved screen the first frame shows', () => {
  it('reads what the store persisted: language, active terminal, its screen and running command', { timeout: 60_000 }, async () => {
    // no database yet: nothing, and none is created (idb-keyval makes it with its object store)
    expect(await readSavedScreen()).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(SANDBOX_DB);

    const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8));
    const factory = createSandboxFactory({ clock, catalog, home: '/home/learner', cwd: '/home/learner', cols: 120, newSeed: () => 3 });
    const store = await openSandboxStore({ factory, kv: idbKeyValueStore(SANDBOX_DB, SANDBOX_STORE), languages: ['en'], autosaveMs: 10_000_000 });
    const t2 = store.getState().addTerminal();
    store.getState().selectTerminal(t2);
    store.getState().setLang('zh-CN');
    store.getState().saveScrollback(t2, 'learner@dockyard:~$ ls\r\nlearner@dockyard:~$ ');
    store.getState().commandStarted(t2, 'docker logs -f web');
    await store.getState().saveNow();
    (store.getState().session as ManagedSession).dispose();

    expect(await readSavedScreen()).toEqual({
      lang: 'zh-CN',
      terminalId: t2,
      terminalIndex: 2,
      scrollback: 'learner@dockyard:~$ ls\r\nlearner@dockyard:~$ ',
      running: 'docker logs -f web',
    });
  });

  it('takes the first terminal when the active one is not listed, and ignores what is not a record', () => {
    const state = { terminals: [{ id: 't3', index: 3 }], activeTerminal: 't9', lang: 'fr', scrollback: { t3: 'x' } };
    expect(savedScreenOf({ state, version: 1 })).toEqual({ lang: undefined, terminalId: 't3', terminalIndex: 3, scrollback: 'x', running: undefined });
    expect(savedScreenOf(JSON.stringify({ state }))?.terminalId).toBe('t3');
    expect(savedScreenOf({ state: {} })).toEqual({ lang: undefined, terminalId: 't1', terminalIndex: 1, scrollback: undefined, running: undefined });
    for (const bad of [undefined, null, 'not json', [], { state: 'x' }]) expect(savedScreenOf(bad)).toBeUndefined();
    expect(SANDBOX_RECORD).toBe('dockyard-sandbox');
  });
});
