/** snapshotEngine: the daemon's state as an EngineSnapshot (see engine-snapshot.ts). */
import { BIG_SET, isBigPortMap, portMapSize } from '../core/port-runs';
import { imageSnapshot, splitContainerPorts } from './port-snapshot';
import type { IdSource, SeededIdsState } from '../core/ids';
import type { ContainerRecord } from '../containers/container-record';
import type { Engine } from '../engine';
import { UnionFs } from '../fs/union-fs';
import type { LayerRecord } from '../layers/layer-store';
import type { EndpointRecord, NetworkRecord } from '../networks/network-store';
import type { VolumeRecord } from '../volumes/volume-store';
import { type BlobSink, BlobTable, RecordingSink } from './blob-table';
import {
  type ContainerData,
  type ContainerSnapshot,
  ENGINE_SNAPSHOT_VERSION,
  type EngineSnapshot,
  type NetworkSnapshot,
  type VolumeData,
  type VolumeSnapshot,
} from './engine-snapshot';
import { filesSnapshot, frozenFilesSnapshot, walkFileSystem } from './files-snapshot';
import { type DaemonConfig, defaultDaemonConfig } from '../daemon/daemon-config';
import { snapshotRegistries } from './hub-snapshot';

/** a deep copy of JSON-shaped data */
export function plainCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * plainCopy of `v` but its big port map under `key` (EXPOSE 1-65535), shared:
 * no one changes a port map in place (core/port-runs.ts), and a JSON round
 * trip of 65,535 keys is what made an export slow
 */
function copySharingBig<T extends object, K extends keyof T>(v: T, key: K, big: boolean): T {
  if (!big) return plainCopy(v);
  const copy = plainCopy({ ...v, [key]: 0 }) as T;
  copy[key] = v[key];
  return copy;
}

function idsState(ids: IdSource): SeededIdsState | undefined {
  const s = ids as IdSource & { state?: () => SeededIdsState };
  return typeof s.state === 'function' ? s.state() : undefined;
}

/** a deep copy of a container's plain data: what snapshot and restore carry over */
export function copyContainerData(c: ContainerData): ContainerData {
  return {
    ID: c.ID,
    Name: c.Name,
    Created: c.Created,
    Path: c.Path,
    Args: [...c.Args],
    Config: copySharingBig(c.Config, 'ExposedPorts', isBigPortMap(c.Config.ExposedPorts)),
    HostConfig: plainCopy(c.HostConfig),
    State: { ...c.State },
    Image: c.Image,
    NetworkSettings: copySharingBig(c.NetworkSettings, 'Ports', portMapSize(c.NetworkSettings.Ports) >= BIG_SET),
    Mounts: plainCopy(c.Mounts),
    RestartCount: c.RestartCount,
    layerId: c.layerId,
    // log entries are never changed once written: the copy shares them
    logs: [...c.logs],
    nextPid: c.nextPid,
    hasBeenStartedBefore: c.hasBeenStartedBefore,
    hasBeenManuallyStopped: c.hasBeenManuallyStopped,
    exitOnNext: c.exitOnNext,
    restartDelay: c.restartDelay,
    pendingSignals: [...c.pendingSignals],
  };
}

/** a copy of a volume's plain data */
export function copyVolumeData(v: VolumeData): VolumeData {
  return {
    name: v.name,
    driver: v.driver,
    labels: v.labels ? { ...v.labels } : null,
    options: v.options ? { ...v.options } : null,
    createdAt: v.createdAt,
    anonymous: v.anonymous,
  };
}

/** a copy of a layer record but its files */
export function copyLayerData(l: Omit<LayerRecord, 'files'>): Omit<LayerRecord, 'files'> {
  return {
    chainId: l.chainId,
    diffId: l.diffId,
    parent: l.parent,
    size: l.size,
    tarSize: l.tarSize,
    cacheId: l.cacheId,
    refs: l.refs,
    blobs: l.blobs.map((b) => ({ ...b })),
  };
}

/** an endpoint with its own aliases list */
export function copyEndpoint(e: EndpointRecord): EndpointRecord {
  return { ...e, aliases: [...e.aliases] };
}

function containerSnapshot(c: ContainerRecord, blobs: BlobSink): ContainerSnapshot {
  const data = copyContainerData(c);
  const ports = splitContainerPorts(data);
  const snap: ContainerSnapshot = {
    ...data,
    upper: filesSnapshot(c.rootfs.upper(), blobs),
    execs: [...c.execs.values()].map((e) => plainCopy(e)),
  };
  if (ports) snap.ports = ports;
  return snap;
}

function volumeSnapshot(v: VolumeRecord, blobs: BlobSink): VolumeSnapshot {
  const files = v.fs instanceof UnionFs ? v.fs.upper() : walkFileSystem(v.fs);
  return { ...copyVolumeData(v), files: filesSnapshot(files, blobs), refs: [...v.refs] };
}

function networkSnapshot(n: NetworkRecord): NetworkSnapshot {
  const { endpoints, usedIps, ...rest } = n;
  // plainCopy leaves out an undefined subnet or gateway (host, none)
  return { ...plainCopy(rest), endpoints: [...endpoints.values()].map(copyEndpoint), usedIps: [...usedIps] };
}

/**
 * The engine's state now. `blobs` receives file contents (a table shared by
 * many snapshots stores each content once); the result lists the digests it uses.
 */
export function snapshotEngine(engine: Engine, blobs: BlobSink = new BlobTable()): EngineSnapshot {
  const sink = new RecordingSink(blobs);
  const snap: EngineSnapshot = {
    version: ENGINE_SNAPSHOT_VERSION,
    hostPid: engine.containers.hostPidCounter(),
    layers: engine.layers.all().map((l) => ({ ...copyLayerData(l), files: frozenFilesSnapshot(l.files, sink) })),
    images: engine.images.all().map(imageSnapshot),
    references: [...engine.references.repositories].map(([repo, refs]) => [repo, [...refs]]),
    containers: engine.containers.list().map((c) => containerSnapshot(c, sink)),
    volumes: engine.volumes.list().map((v) => volumeSnapshot(v, sink)),
    networks: engine.networks.list().map(networkSnapshot),
    portMappings: engine.networks.mappings.map((m) => ({ ...m })),
    portPools: engine.networks.ports.state(),
    hub: snapshotRegistries(engine.registries, sink),
    events: [...engine.events.list()],
    blobs: [],
  };
  const ids = idsState(engine.ids);
  if (ids) snap.ids = ids;
  const accounts = engine.registries.auth.accounts();
  if (accounts) snap.hubAccounts = accounts;
  const d = engine.daemon;
  if (!d.running || JSON.stringify(d.config) !== JSON.stringify(defaultDaemonConfig())) {
    snap.daemon = { running: d.running, config: JSON.parse(JSON.stringify(d.config)) as DaemonConfig };
  }
  snap.blobs = [...sink.used].sort();
  return snap;
}
