/**
 * restoreEngine: a new Engine holding the state of an EngineSnapshot, with the
 * caller's clock, host filesystem, catalog and runtime. Running containers get
 * their PID 1 back (respawn.ts). Throws on a snapshot that is not well formed;
 * nothing outside the new engine is touched then.
 */
import { parseReference } from '../../lib/reference';
import type { ContainerRecord } from '../containers/container-record';
import { buildRootfs } from '../containers/rootfs';
import type { SeededIdsState } from '../core/ids';
import { Engine, type EngineOptions } from '../engine';
import { UnionFs } from '../fs/union-fs';
import type { BlobSource } from './blob-table';
import { ENGINE_SNAPSHOT_VERSION, type ContainerSnapshot, type EngineSnapshot } from './engine-snapshot';
import { filesFromSnapshot, frozenFilesFromSnapshot } from './files-snapshot';
import { defaultDaemonConfig } from '../daemon/daemon-config';
import { hubOverlay } from './hub-snapshot';
import { checkSnapshotGraph, layerRefCounts } from './check-snapshot';
import { respawnContainers } from './respawn';
import { imageConfigJsonOf, imageConfigOf, joinContainerPorts } from './port-snapshot';
import { copyContainerData, copyEndpoint, copyLayerData, copyVolumeData, plainCopy } from './snapshot-engine';

function fail(what: string): never {
  throw new Error(`engine snapshot: ${what}`);
}

/**
 * The checks a snapshot from storage or a file must pass before it is used:
 * its shape and the references between its objects (check-snapshot.ts).
 */
export function checkEngineSnapshot(snap: unknown): asserts snap is EngineSnapshot {
  if (typeof snap !== 'object' || snap === null) fail('not an object');
  const s = snap as Record<string, unknown>;
  if (s.version !== ENGINE_SNAPSHOT_VERSION) fail(`unsupported version ${String(s.version)}`);
  checkSnapshotGraph(snap);
}

function containerRecord(s: ContainerSnapshot): ContainerRecord {
  if (typeof s.ID !== 'string' || typeof s.Name !== 'string' || typeof s.State !== 'object' || s.State === null) fail('bad container');
  const data = copyContainerData(s);
  joinContainerPorts(data, s.ports, `container ${s.Name}`);
  return {
    ...data,
    rootfs: undefined as unknown as ContainerRecord['rootfs'],
    listeners: new Set(),
    logListeners: new Set(),
    exitListeners: new Set(),
    startListeners: new Set(),
    removeListeners: new Set(),
    processes: [],
    frozen: [],
    // execs end with the daemon's restart: their processes are not brought back
    execs: new Map(
      s.execs.map((e) => {
        const x = plainCopy(e);
        if (x.Running) {
          x.Running = false;
          x.Pid = 0;
          x.ExitCode ??= 137;
        }
        return [x.ID, x];
      }),
    ),
    partial: { stdout: '', stderr: '' },
  };
}

export function restoreEngine(snap: EngineSnapshot, opts: EngineOptions, blobs: BlobSource): Engine {
  checkEngineSnapshot(snap);
  const engine = new Engine(opts);
  const now = () => engine.clock.now();

  const refs = layerRefCounts(snap);
  for (const l of snap.layers) {
    engine.layers.byChainId.set(l.chainId, { ...copyLayerData(l), refs: refs.get(l.chainId) ?? 0, files: frozenFilesFromSnapshot(l.files, blobs) });
  }
  for (const i of snap.images) {
    if (typeof i.id !== 'string' || typeof i.configJson !== 'string') fail('bad image');
    // a config left out (a big port set: port-snapshot.ts) is the parse of the bytes of the image's ID
    const configJson = imageConfigJsonOf(i) ?? fail(`image ${i.id}: its config's port sets do not fit it`);
    const config = i.config !== undefined ? plainCopy(i.config) : (imageConfigOf(i) ?? fail(`image ${i.id}: bad config`));
    const { portSets: _cut, ...rec } = { ...i, configJson, config };
    engine.images.byId.set(i.id, rec);
  }
  for (const { ref } of engine.references.all()) engine.references.delete(ref);
  for (const [, refs] of snap.references) for (const [ref, id] of refs) engine.references.set(parseReference(ref), id);
  engine.registries.restoreHub(hubOverlay(snap.hub, blobs));
  if (Array.isArray(snap.hubAccounts)) {
    engine.registries.restoreAccounts(snap.hubAccounts.filter((a) => Array.isArray(a) && typeof a[0] === 'string' && typeof a[1] === 'string'));
  }
  if (snap.daemon && typeof snap.daemon === 'object') {
    engine.daemon.running = snap.daemon.running !== false;
    engine.daemon.config = { ...defaultDaemonConfig(), ...plainCopy(snap.daemon.config ?? {}) };
  }

  const nets = engine.networks;
  for (const n of nets.list()) nets.delete(n.id);
  for (const n of snap.networks) {
    const { endpoints, usedIps, ...rest } = n;
    const rec = nets.add({
      ...plainCopy(rest),
      subnet: n.subnet ? { ...n.subnet } : undefined,
      gateway: n.gateway,
    });
    rec.usedIps.clear();
    for (const ip of usedIps) rec.usedIps.add(ip);
    for (const e of endpoints) rec.endpoints.set(e.containerId, copyEndpoint(e));
  }
  // a loop, not splice(...list): a container publishing 1-65535 has 131,070 mappings, past the call's argument limit
  nets.mappings.length = 0;
  for (const m of snap.portMappings) nets.mappings.push({ ...m });
  nets.ports.restore(snap.portPools);

  for (const v of snap.volumes) {
    const rec = engine.volumes.add({ ...copyVolumeData(v), fs: new UnionFs([], filesFromSnapshot(v.files, blobs), { now }) });
    for (const id of v.refs) rec.refs.add(id);
  }

  const records = snap.containers.map((s) => ({ rec: containerRecord(s), upper: filesFromSnapshot(s.upper, blobs) }));
  for (const { rec } of records) engine.containers.add(rec);
  for (const { rec, upper } of records) {
    try {
      rec.rootfs = buildRootfs(engine, rec, upper);
    } catch {
      // as at create: a mount that cannot be set up fails the next start, the layers are there
      rec.rootfs = buildRootfs(engine, rec, upper, false);
    }
  }

  engine.events.load(snap.events);
  engine.containers.setHostPidCounter(snap.hostPid);
  const ids = engine.ids as typeof engine.ids & { restore?: (s: SeededIdsState) => void };
  if (snap.ids && typeof ids.restore === 'function') ids.restore(snap.ids);
  respawnContainers(engine);
  return engine;
}
