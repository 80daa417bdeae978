import { describe, expect, it } from 'vitest';
import { containerTestEngine, settle } from '../containers/test-support';
import { createContainer } from '../containers/ops/create';
import { startContainer } from '../containers/ops/start';
import { SeededIds } from '../core/ids';
import { createNetwork } from '../networks/ops/create';
import { createVolume } from '../volumes/ops/create';
import { BlobTable } from './blob-table';
import { restoreEngine } from './restore-engine';
import { shutdownEngine } from './respawn';
import { snapshotEngine } from './snapshot-engine';

async function populated() {
  const t = await containerTestEngine(['busybox']);
  const { engine } = t;
  createVolume(engine, { Name: 'data' });
  engine.volumes.get('data')?.fs.writeFile('/hello.txt', 'hi from the volume\n');
  createNetwork(engine, { Name: 'appnet' });
  createContainer(engine, { config: { Image: 'busybox', Cmd: ['echo', 'done'] }, name: 'once' });
  startContainer(engine, 'once');
  await settle();
  createContainer(engine, {
    config: { Image: 'busybox', Cmd: ['sh', '-c', 'while true; do echo hello world; sleep 1; done'] },
    hostConfig: { NetworkMode: 'appnet', Binds: ['data:/data'], PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    name: 'loop',
  });
  startContainer(engine, 'loop');
  engine.containers.resolve('loop').rootfs.writeFile('/note.txt', 'written in the container\n');
  await t.clock.advance(2500, settle);
  return t;
}

describe('engine snapshot', () => {
  it('restores to the same state (snapshot of the restored engine is equal)', async () => {
    const { engine, clock, runtime } = await populated();
    const blobs = new BlobTable();
    const snap = snapshotEngine(engine, blobs);
    const json = JSON.parse(JSON.stringify(snap));
    shutdownEngine(engine);
    const restored = restoreEngine(json, { clock, ids: new SeededIds(99), hostFs: engine.hostFs, catalog: engine.registries.catalogInUse(), runtime }, blobs);
    const again = JSON.parse(JSON.stringify(snapshotEngine(restored, blobs)));
    // the respawned loop has printed again and taken a host PID: everything else is equal
    for (const [i, c] of again.containers.entries()) {
      expect(c.logs.slice(0, json.containers[i].logs.length)).toEqual(json.containers[i].logs);
      c.logs = json.containers[i].logs;
    }
    again.hostPid = json.hostPid;
    expect(again).toEqual(json);
    expect(restored.containers.resolve('loop').rootfs.exists('/note.txt')).toBe(true);
    expect(new TextDecoder().decode(restored.containers.resolve('loop').rootfs.readFile('/data/hello.txt'))).toBe('hi from the volume\n');
    // the ID generator continues where it was
    expect(restored.ids.hex(8)).toBe(engine.ids.hex(8));
  });

  it('respawns PID 1 of running containers: the loop keeps logging', async () => {
    const { engine, clock, runtime } = await populated();
    const blobs = new BlobTable();
    const snap = snapshotEngine(engine, blobs);
    shutdownEngine(engine);
    await settle();
    const restored = restoreEngine(snap, { clock, ids: new SeededIds(99), hostFs: engine.hostFs, catalog: engine.registries.catalogInUse(), runtime }, blobs);
    const c = restored.containers.resolve('loop');
    expect(c.State.Running).toBe(true);
    expect(c.State.Pid).toBe(snap.containers.find((x) => x.Name === '/loop')?.State.Pid);
    const before = c.logs.length;
    await clock.advance(3000, settle);
    expect(c.logs.length).toBeGreaterThan(before + 1);
    // the old engine's loop is dead, its container does not restart
    expect(engine.containers.resolve('loop').State.Running).toBe(false);
  });

  it('stores identical contents once', async () => {
    const { engine } = await populated();
    const blobs = new BlobTable();
    engine.volumes.get('data')?.fs.writeFile('/copy.txt', 'hi from the volume\n');
    const s1 = snapshotEngine(engine, blobs);
    const size = blobs.size;
    const s2 = snapshotEngine(engine, blobs);
    expect(blobs.size).toBe(size);
    expect(s2.layers[0]?.files).toBe(s1.layers[0]?.files);
    const vol = s1.volumes.find((v) => v.name === 'data');
    const digests = vol?.files.filter(([p]) => p.endsWith('.txt')).map(([, e]) => (e.k === 'f' ? e.d : ''));
    expect(digests?.[0]).toBe(digests?.[1]);
  });

  it('rejects a malformed snapshot', async () => {
    const { engine, clock, runtime } = await containerTestEngine([]);
    const opts = { clock, ids: new SeededIds(1), hostFs: engine.hostFs, catalog: engine.registries.catalogInUse(), runtime };
    expect(() => restoreEngine({ version: 1 } as never, opts, new BlobTable())).toThrow(/engine snapshot/);
    expect(() => restoreEngine('x' as never, opts, new BlobTable())).toThrow(/engine snapshot/);
  });

  it('refuses a health log entry without its end (fuzz: accepted, then `docker inspect` failed with "Invalid time value")', async () => {
    const t = await containerTestEngine(['busybox']);
    createContainer(t.engine, {
      config: { Image: 'busybox', Cmd: ['sleep', '1000'], Healthcheck: { Test: ['CMD', 'true'], Interval: 1e9 } },
      name: 'probed',
    });
    startContainer(t.engine, 'probed');
    await t.clock.advance(3500, settle);
    const blobs = new BlobTable();
    const snap = JSON.parse(JSON.stringify(snapshotEngine(t.engine, blobs)));
    const opts = { clock: t.clock, ids: new SeededIds(1), hostFs: t.engine.hostFs, catalog: t.engine.registries.catalogInUse(), runtime: t.runtime };
    const log = snap.containers[0].State.Health.Log;
    expect(log.length).toBeGreaterThan(0);
    expect(() => restoreEngine(structuredClone(snap), opts, blobs)).not.toThrow();
    delete log[0].End;
    expect(() => restoreEngine(snap, opts, blobs)).toThrow(/engine snapshot.*End/s);
  });
});
