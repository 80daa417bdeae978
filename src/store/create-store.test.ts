import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSandboxFactory } from '../app/sandbox/factory';
import { runIn, testCatalog } from '../app/sandbox/test-driver';
import { VirtualClock } from '../engine/core/clock';
import { createSandboxStore, openSandboxStore, type SandboxStoreApi } from './create-store';
import { idbKeyValueStore, type KeyValueStore } from './idb-storage';
import { storeMessages } from './messages';

const catalog = testCatalog();
const START = Date.UTC(2026, 10, 23, 8, 0, 0);
let dbCount = 0;

function setup(kv: KeyValueStore = idbKeyValueStore(`dockyard-test-${++dbCount}`), clock = new VirtualClock(START), languages: string[] = ['en-US']) {
  let seed = 10;
  const factory = createSandboxFactory({ clock, catalog, home: '/home/learner', cwd: '/home/learner', cols: 120, newSeed: () => seed++ });
  const deps = { factory, kv, languages, autosaveMs: 10_000_000 };
  return { clock, kv, factory, deps };
}

async function cmd(store: SandboxStoreApi, clock: VirtualClock, line: string, term = store.getState().activeTerminal) {
  store.getState().commandStarted(term, line);
  const r = await runIn(store.getState().session, clock, term, line);
  store.getState().commandFinished(term, line, r.status);
  return r;
}

async function out(store: SandboxStoreApi, clock: VirtualClock, line: string, term = 't1') {
  return (await runIn(store.getState().session, clock, term, line)).out.replace(/\r/g, '');
}

const volumes = async (store: SandboxStoreApi, clock: VirtualClock) => (await out(store, clock, 'docker volume ls -q')).split('\n').filter(Boolean);

describe('sandbox store', () => {
  it('picks the language from the browser on the first visit', async () => {
    const { deps } = setup(undefined, undefined, ['zh-TW', 'en']);
    const store = await openSandboxStore(deps);
    expect(store.getState().lang).toBe('zh-CN');
    expect(store.getState().hydrated).toBe(true);
    expect(createSandboxStore(setup().deps).getState().lang).toBe('en');
  });

  it('persists the whole sandbox and restores it in a new store', { timeout: 120_000 }, async () => {
    const { deps, clock, kv } = setup();
    const a = await openSandboxStore(deps);
    await cmd(a, clock, 'docker volume create keep');
    await cmd(a, clock, "docker run -d --name loop busybox sh -c 'while true; do echo hi; sleep 1; done'");
    await cmd(a, clock, 'mkdir -p app && echo "FROM busybox" > app/Dockerfile && cd app');
    const t2 = a.getState().addTerminal();
    a.getState().saveScrollback('t1', 'screen one');
    a.getState().setLesson('intro', { step: 3 });
    a.getState().setLang('zh-CN');
    a.getState().openFile('/home/learner/app/Dockerfile');
    a.getState().commandStarted(t2, 'docker logs -f loop');
    await a.getState().saveNow();
    const ps = await out(a, clock, 'docker ps -a');
    const provenance = a.getState().provenance;
    expect(Object.values(provenance)).toContain('docker volume create keep');

    // a new page: new blob table, same IndexedDB
    const b = await openSandboxStore(setup(kv, clock).deps);
    const s = b.getState();
    expect(s.lang).toBe('zh-CN');
    expect(s.terminals.map((t) => t.id)).toEqual(['t1', t2]);
    expect(s.scrollback).toEqual({ t1: 'screen one' });
    expect(s.lessons).toEqual({ intro: { step: 3 } });
    expect(s.openFiles).toEqual(['/home/learner/app/Dockerfile']);
    expect(s.runningCommands).toEqual({ [t2]: 'docker logs -f loop' });
    expect(s.provenance).toEqual(provenance);
    expect(await out(b, clock, 'docker ps -a')).toBe(ps);
    expect(await volumes(b, clock)).toEqual(['keep']);
    expect(s.session.prompt('t1')).toBe('learner@dockyard:~/app$ ');
    expect(await out(b, clock, 'cat Dockerfile')).toBe('FROM busybox\n');
    // the loop runs again after the reload
    const before = (await out(b, clock, 'docker logs loop')).length;
    await clock.advance(3000);
    expect((await out(b, clock, 'docker logs loop')).length).toBeGreaterThan(before);
  });

  it('undoes and redoes three commands', { timeout: 60_000 }, async () => {
    const { deps, clock } = setup();
    const store = await openSandboxStore(deps);
    expect(store.getState().canUndo).toBe(false);
    await cmd(store, clock, 'docker volume create one');
    await cmd(store, clock, 'docker volume ls'); // changes nothing: no undo step
    await cmd(store, clock, 'docker volume create two');
    await cmd(store, clock, 'docker volume create three');
    expect(await volumes(store, clock)).toEqual(['one', 'three', 'two']);
    await store.getState().undo();
    expect(await volumes(store, clock)).toEqual(['one', 'two']);
    expect(store.getState().canRedo).toBe(true);
    await store.getState().undo();
    await store.getState().undo();
    expect(await volumes(store, clock)).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    await store.getState().undo(); // nothing left: no-op
    await store.getState().redo();
    await store.getState().redo();
    expect(await volumes(store, clock)).toEqual(['one', 'two']);
    expect(store.getState().provenance.two).toBe('docker volume create two');
    expect(store.getState().provenance.three).toBeUndefined();
    await store.getState().redo();
    expect(await volumes(store, clock)).toEqual(['one', 'three', 'two']);
    expect(store.getState().canRedo).toBe(false);
    // a new command after an undo drops the redo steps
    await store.getState().undo();
    await cmd(store, clock, 'docker volume create four');
    expect(store.getState().canRedo).toBe(false);
    expect(await volumes(store, clock)).toEqual(['four', 'one', 'two']);
  });

  it('keeps at most historyLimit undo steps', { timeout: 60_000 }, async () => {
    const { deps, clock } = setup();
    const store = await openSandboxStore({ ...deps, historyLimit: 2 });
    for (const v of ['va', 'vb', 'vc', 'vd']) expect((await cmd(store, clock, `docker volume create ${v}`)).status).toBe(0);
    await store.getState().undo();
    await store.getState().undo();
    await store.getState().undo();
    expect(await volumes(store, clock)).toEqual(['va', 'vb']);
  });

  it('resets to a fresh sandbox (and undo brings the old one back)', { timeout: 60_000 }, async () => {
    const { deps, clock } = setup();
    const store = await openSandboxStore(deps);
    expect((await cmd(store, clock, 'docker volume create vol && docker pull busybox')).status).toBe(0);
    const old = store.getState().session;
    await store.getState().reset();
    const s = store.getState();
    expect(s.session).not.toBe(old);
    expect(await volumes(store, clock)).toEqual([]);
    expect(await out(store, clock, 'docker images -q')).toBe('');
    expect(s.provenance).toEqual({});
    expect(s.notice).toEqual({ level: 'info', text: storeMessages('en').reset });
    await store.getState().undo();
    expect(await volumes(store, clock)).toEqual(['vol']);
  });

  it('exports to a versioned file and imports it back', { timeout: 60_000 }, async () => {
    const { deps, clock } = setup();
    const store = await openSandboxStore(deps);
    await cmd(store, clock, 'docker volume create data');
    await cmd(store, clock, 'docker run -v data:/data busybox sh -c "echo saved > /data/f"');
    await cmd(store, clock, 'echo host-file > /tmp/h.txt');
    const file = await store.getState().exportSandbox();
    const json = JSON.parse(await file.text());
    expect(json.format).toBe('dockyard-sandbox');
    expect(json.version).toBe(1);
    await store.getState().reset();

    // a different page (new blob table) imports it
    const other = await openSandboxStore(setup(undefined, clock).deps);
    expect(await other.getState().importSandbox(file)).toBe(true);
    expect(other.getState().notice?.level).toBe('info');
    expect(await volumes(other, clock)).toEqual(['data']);
    expect(await out(other, clock, 'cat /tmp/h.txt')).toBe('host-file\n');
    expect(await out(other, clock, 'docker run --rm -v data:/data busybox cat /data/f')).toBe('saved\n');
    expect(Object.values(other.getState().provenance)).toContain('docker volume create data');
  });

  it('checks a whole imported sandbox before it keeps any of its blobs', { timeout: 60_000 }, async () => {
    const a = await openSandboxStore(setup().deps);
    const { clock } = setup();
    await cmd(a, clock, `printf '%2000s' only-in-the-file > /tmp/big.txt`);
    const good = JSON.parse(await (await a.getState().exportSandbox()).text());
    const { deps } = setup(undefined, clock);
    const b = await openSandboxStore(deps);
    const blobsBefore = deps.factory.blobs.size;
    const broken = structuredClone(good);
    broken.sandbox.engine.networks = [];
    const deep = structuredClone(good);
    let v: unknown = 1;
    for (let i = 0; i < 10_000; i++) v = [v];
    const deepText = JSON.stringify({ ...deep, sandbox: { ...deep.sandbox, engine: { ...deep.sandbox.engine, events: ['DEEP'] } } }).replace('"DEEP"', `${'['.repeat(10_000)}1${']'.repeat(10_000)}`);
    for (const text of [JSON.stringify(broken), deepText]) {
      expect(await b.getState().importSandbox(new Blob([text]))).toBe(false);
      expect(b.getState().notice?.text).toMatch(/no bridge network|nested deeper/);
      expect(deps.factory.blobs.size).toBe(blobsBefore);
    }
    expect(await b.getState().importSandbox(new Blob([JSON.stringify(good)]))).toBe(true);
    expect(deps.factory.blobs.size).toBeGreaterThan(blobsBefore);
    expect(await out(b, clock, 'wc -c < /tmp/big.txt')).toBe('2000\n');
  });

  it('rejects garbage, foreign, truncated and newer files with a message and changes nothing', { timeout: 60_000 }, async () => {
    const { deps, clock } = setup();
    const store = await openSandboxStore(deps);
    await cmd(store, clock, 'docker volume create mine');
    const good = await (await store.getState().exportSandbox()).text();
    const session = store.getState().session;
    const m = storeMessages('en');
    const cases: [string, string][] = [
      ['\u0000\u0001garbage', m.importNotJson],
      [JSON.stringify({ name: 'my-app', version: '1.0.0', dependencies: {} }), m.importForeign],
      [good.slice(0, Math.floor(good.length / 2)), m.importNotJson],
      [JSON.stringify({ ...JSON.parse(good), version: 7 }), m.importNewer(7)],
      [JSON.stringify({ ...JSON.parse(good), sandbox: { version: 1, engine: {} } }), ''],
    ];
    for (const [text, message] of cases) {
      expect(await store.getState().importSandbox(new Blob([text]))).toBe(false);
      const n = store.getState().notice;
      expect(n?.level).toBe('error');
      if (message) expect(n?.text).toBe(message);
      else expect(n?.text).toMatch(/^This sandbox file is damaged \(.+\)\. Nothing was changed\.$/);
      expect(store.getState().session).toBe(session);
      expect(await volumes(store, clock)).toEqual(['mine']);
      store.getState().dismissNotice();
    }
    // a tampered file content is caught by its digest
    const tampered = JSON.parse(good);
    const digests = Object.keys(tampered.blobs);
    if (digests.length > 0) {
      tampered.blobs[digests[0]] = btoa('not the same bytes');
      expect(await store.getState().importSandbox(new Blob([JSON.stringify(tampered)]))).toBe(false);
      expect(store.getState().notice?.text).toMatch(/does not match its digest/);
    }
    store.getState().setLang('zh-CN');
    expect(await store.getState().importSandbox(new Blob(['{"format":"other"}']))).toBe(false);
    expect(store.getState().notice?.text).toBe(storeMessages('zh-CN').importForeign);
  });

  it('shows a storage quota error and keeps the state in memory', { timeout: 60_000 }, async () => {
    const real = idbKeyValueStore(`dockyard-test-${++dbCount}`);
    let full = false;
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const kv: KeyValueStore = {
      ...real,
      set: (k, v) => (full ? Promise.reject(quota()) : real.set(k, v)),
      setMany: (e) => (full ? Promise.reject(quota()) : real.setMany(e)),
    };
    const { deps, clock } = setup(kv);
    const store = await openSandboxStore(deps);
    full = true;
    await cmd(store, clock, 'docker volume create big');
    await store.getState().saveNow();
    expect(store.getState().storageError).toBe(storeMessages('en').storageQuota);
    expect(await volumes(store, clock)).toEqual(['big']);
    await cmd(store, clock, 'docker volume create bigger');
    expect(await volumes(store, clock)).toEqual(['big', 'bigger']);
    // space again: the next save clears the error and writes everything
    full = false;
    await store.getState().saveNow();
    expect(store.getState().storageError).toBeUndefined();
    const again = await openSandboxStore(setup(kv, clock).deps);
    expect(await volumes(again, clock)).toEqual(['big', 'bigger']);
  });
});
