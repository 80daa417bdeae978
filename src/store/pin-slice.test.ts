import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSandboxFactory } from '../app/sandbox/factory';
import { runIn, testCatalog } from '../app/sandbox/test-driver';
import { VirtualClock } from '../engine/core/clock';
import { openSandboxStore, type SandboxStoreApi } from './create-store';
import { idbKeyValueStore } from './idb-storage';

const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8, 0, 0));

async function cmd(store: SandboxStoreApi, line: string) {
  store.getState().commandStarted('t1', line);
  const r = await runIn(store.getState().session, clock, 't1', line);
  store.getState().commandFinished('t1', line, r.status);
  return r;
}

describe('pinned sandboxes (a lesson step start) and the last command', () => {
  it('restores the pinned sandbox as an undo step and reports each finished command', { timeout: 60_000 }, async () => {
    let seed = 3;
    const factory = createSandboxFactory({ clock, catalog: testCatalog(), home: '/home/learner', cwd: '/home/learner', cols: 120, newSeed: () => seed++ });
    const store = await openSandboxStore({ factory, kv: idbKeyValueStore('dockyard-pin-test'), languages: ['en'], autosaveMs: 10_000_000 });
    await cmd(store, 'docker volume create keep');
    expect(store.getState().lastCommand).toEqual({ terminalId: 't1', line: 'docker volume create keep', status: 0, seq: 1 });
    store.getState().pinSandbox('step');
    expect(store.getState().hasPinned('step')).toBe(true);
    await cmd(store, 'docker volume create extra && docker volume rm keep');
    expect(store.getState().lastCommand?.seq).toBe(2);
    const names = async () => (await store.getState().session.client.volumeList()).Volumes.map((v) => v.Name).sort();
    expect(await names()).toEqual(['extra']);
    expect(await store.getState().restorePinned('step')).toBe(true);
    expect(await names()).toEqual(['keep']);
    // the state before the reset is one undo away
    await store.getState().undo();
    expect(await names()).toEqual(['extra']);
    store.getState().unpin('step');
    expect(await store.getState().restorePinned('step')).toBe(false);
  });
});
