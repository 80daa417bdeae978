import { describe, expect, it } from 'vitest';
import { writeTar } from '../../lib/tar';
import { buildImage } from '../build/ops/build';
import { createContainer } from '../containers/ops/create';
import { startContainer } from '../containers/ops/start';
import { type ContainerTestEngine, containerTestEngine } from '../containers/test-support';
import { SeededIds } from '../core/ids';
import { BlobTable } from './blob-table';
import type { EngineSnapshot } from './engine-snapshot';
import { imageConfigJsonOf } from './port-snapshot';
import { checkEngineSnapshot, restoreEngine } from './restore-engine';
import { snapshotEngine } from './snapshot-engine';

/** a session with an image of EXPOSE 1-65535 and a container of it publishing one of its ports */
async function withRange(): Promise<ContainerTestEngine> {
  const t = await containerTestEngine(['busybox']);
  const data = new TextEncoder().encode('FROM busybox\nEXPOSE 1-65535\nEXPOSE 53/udp\nCMD ["sleep", "1000"]\n');
  const context = writeTar([{ name: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: data.length, data }]);
  const id = await buildImage(t.engine, { context }, () => {});
  createContainer(t.engine, { config: { Image: id }, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } }, name: 'c1' });
  startContainer(t.engine, 'c1');
  return t;
}

type Json = Record<string, unknown>;

/** the snapshot as code before port runs wrote it: whole config bytes and parsed config, whole port maps */
function oldForm(snap: EngineSnapshot, live: ContainerTestEngine): Json {
  const old = JSON.parse(JSON.stringify(snap)) as Json & { images: Json[]; containers: Json[] };
  for (const i of old.images) {
    const rec = live.engine.images.get(i.id as string);
    i.configJson = rec?.configJson;
    i.config = JSON.parse(JSON.stringify(rec?.config));
    delete i.portSets;
  }
  for (const c of old.containers) {
    const rec = live.engine.containers.resolve(c.ID as string);
    c.Config = JSON.parse(JSON.stringify(rec.Config));
    c.NetworkSettings = JSON.parse(JSON.stringify(rec.NetworkSettings));
    delete c.ports;
  }
  return old;
}

function restore(json: unknown, live: ContainerTestEngine, blobs: BlobTable) {
  const e = live.engine;
  return restoreEngine(json as EngineSnapshot, { clock: live.clock, ids: new SeededIds(5), hostFs: e.hostFs, catalog: e.registries.catalogInUse(), runtime: live.runtime }, blobs);
}

describe('big port sets in snapshots', () => {
  it('writes EXPOSE 1-65535 as runs and restores the same images and containers', async () => {
    const s = await withRange();
    const blobs = new BlobTable();
    const snap = snapshotEngine(s.engine, blobs);
    const text = JSON.stringify(snap);
    expect(text.length).toBeLessThan(200_000);
    const c1 = snap.containers.find((c) => c.Name === '/c1');
    expect(c1?.ports).toEqual({ exposed: '1-65535/tcp,53/udp', unpublished: '1-79/tcp,81-65535/tcp,53/udp' });
    expect(c1?.NetworkSettings.Ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] });
    const cut = snap.images.filter((i) => i.portSets);
    // EXPOSE 1-65535's image and the two after it (EXPOSE 53/udp, CMD)
    expect(cut.map((i) => i.portSets)).toEqual([
      ['1-65535/tcp', '1-65535/tcp'],
      ['1-65535/tcp,53/udp', '1-65535/tcp,53/udp'],
      ['1-65535/tcp,53/udp', '1-65535/tcp,53/udp'],
    ].sort((a, b) => cut.findIndex((i) => i.portSets?.[0] === a[0]) - cut.findIndex((i) => i.portSets?.[0] === b[0])));
    for (const i of cut) expect(i.config).toBeUndefined();

    const restored = restore(JSON.parse(text), s, blobs);
    for (const img of s.engine.images.all()) {
      const back = restored.images.get(img.id);
      expect(back?.configJson).toBe(img.configJson);
      expect(back?.config).toEqual(img.config);
    }
    const before = s.engine.containers.resolve('c1');
    const after = restored.containers.resolve('c1');
    expect(Object.keys(after.Config.ExposedPorts ?? {})).toEqual(Object.keys(before.Config.ExposedPorts ?? {}));
    expect(Object.keys(after.NetworkSettings.Ports)).toEqual(Object.keys(before.NetworkSettings.Ports));
    expect(after.NetworkSettings.Ports).toEqual(before.NetworkSettings.Ports);
    expect(after.Config).toEqual(before.Config);
    // and its own snapshot is the same (but the host PID the respawned container took)
    const again = JSON.parse(JSON.stringify(snapshotEngine(restored, blobs)));
    again.hostPid = snap.hostPid;
    expect(JSON.stringify(again)).toBe(text);
  }, 60_000);

  it('loads a snapshot written before (whole maps, parsed configs)', async () => {
    const s = await withRange();
    const blobs = new BlobTable();
    const snap = snapshotEngine(s.engine, blobs);
    const restored = restore(oldForm(snap, s), s, blobs);
    for (const img of s.engine.images.all()) expect(restored.images.get(img.id)?.configJson).toBe(img.configJson);
    expect(restored.containers.resolve('c1').NetworkSettings.Ports).toEqual(s.engine.containers.resolve('c1').NetworkSettings.Ports);
    const again = JSON.parse(JSON.stringify(snapshotEngine(restored, blobs)));
    again.hostPid = snap.hostPid;
    expect(again).toEqual(JSON.parse(JSON.stringify(snap)));
  }, 60_000);

  it('refuses corrupt runs, cut configs that do not fit, and a port given twice', async () => {
    const s = await withRange();
    const blobs = new BlobTable();
    const snap = snapshotEngine(s.engine, blobs);
    const text = JSON.stringify(snap);
    const corrupt = (change: (j: EngineSnapshot) => void) => {
      const j = JSON.parse(text) as EngineSnapshot;
      change(j);
      return j;
    };
    const c1 = (j: EngineSnapshot) => j.containers.find((c) => c.Name === '/c1') as EngineSnapshot['containers'][number] & { ports: { exposed: string; unpublished: string } };
    const cut = (j: EngineSnapshot) => j.images.find((i) => i.portSets?.[0] === '1-65535/tcp') as EngineSnapshot['images'][number] & { portSets: string[] };
    const bad: [string, (j: EngineSnapshot) => void, RegExp][] = [
      ['exposed past 65535', (j) => void (c1(j).ports.exposed = '1-65536/tcp'), /not a list of port runs/],
      ['unpublished not merged', (j) => void (c1(j).ports.unpublished = '1-79/tcp,79-65535/tcp'), /not a list of port runs/],
      ['ports not an object', (j) => void ((c1(j) as unknown as Json).ports = 'x'), /ports/],
      ['another set', (j) => void (cut(j).portSets[0] = '1-65534/tcp'), /not the digest of its config/],
      ['a set that is no runs', (j) => void (cut(j).portSets[1] = '65535-1/tcp'), /not a list of port runs/],
      ['sets left out', (j) => void delete (cut(j) as Json).portSets, /not the digest of its config/],
      ['a set too many', (j) => void cut(j).portSets.push('1/tcp'), /port sets do not fit/],
      ['a placeholder lost', (j) => void (cut(j).configJson = cut(j).configJson.replace('"\\u0000dockyard-ports-1"', '{}')), /port sets do not fit/],
    ];
    for (const [what, change, why] of bad) expect(() => checkEngineSnapshot(corrupt(change)), what).toThrow(why);
    // the shape is fine, the restore finds 80/tcp both in the runs and among the published ports
    const twice = corrupt((j) => void (c1(j).ports.unpublished = '1-65535/tcp,53/udp'));
    checkEngineSnapshot(twice);
    expect(() => restore(twice, s, blobs)).toThrow(/port 80\/tcp twice/);
    // the good one passes, and its configs join back to the image IDs' bytes
    const good = JSON.parse(text) as EngineSnapshot;
    checkEngineSnapshot(good);
    for (const i of good.images) expect(imageConfigJsonOf(i)).toBe(s.engine.images.get(i.id)?.configJson);
  }, 60_000);

  it('restores a container publishing 1-65535 (131,070 host mappings: no spread of them into one call)', async () => {
    const s = await containerTestEngine(['busybox']);
    // what the CLI sends for -p 1-65535:1-65535
    const PortBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
    for (let p = 1; p <= 65535; p++) PortBindings[`${p}/tcp`] = [{ HostIp: '', HostPort: String(p) }];
    createContainer(s.engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, hostConfig: { PortBindings }, name: 'big' });
    startContainer(s.engine, 'big');
    expect(s.engine.networks.mappings).toHaveLength(2 * 65535);
    const blobs = new BlobTable();
    const restored = restore(JSON.parse(JSON.stringify(snapshotEngine(s.engine, blobs))), s, blobs);
    expect(restored.networks.mappings).toHaveLength(2 * 65535);
    expect(restored.networks.mappings[131069]).toEqual(s.engine.networks.mappings[131069]);
  }, 60_000);
});
