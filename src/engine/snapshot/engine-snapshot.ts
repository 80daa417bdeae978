/**
 * The whole daemon as plain, JSON-able data (sandbox persistence, undo, export):
 * layers, images, references, containers (config, state, logs, writable layer,
 * mounts), volumes with their data, networks with IPAM state and endpoints,
 * published ports, the Hub's changes, the event log and the ID generator's
 * position. File contents live in a BlobTable by sha256 digest.
 * The clock is the caller's; processes are not data (restore respawns PID 1).
 */
import type { EngineEvent } from '../../api/events';
import type { ContainerRecord, ExecRecord } from '../containers/container-record';
import type { SeededIdsState } from '../core/ids';
import type { DaemonConfig } from '../daemon/daemon-config';
import type { LayerRecord } from '../layers/layer-store';
import type { EndpointRecord, NetworkRecord, PortMapping } from '../networks/network-store';
import type { PortPoolState } from '../networks/port-allocator';
import type { FilesSnapshot } from './files-snapshot';
import type { HubSnapshot } from './hub-snapshot';
import type { ContainerPortsSnapshot, ImageSnapshot } from './port-snapshot';
import type { VolumeRecord } from '../volumes/volume-store';

export const ENGINE_SNAPSHOT_VERSION = 1;

/** a layer: its record but the files, which are a FilesSnapshot */
export interface LayerSnapshot extends Omit<LayerRecord, 'files'> {
  files: FilesSnapshot;
}

/** the ContainerRecord fields a snapshot keeps as they are (deep-copied) */
export type ContainerData = Pick<
  ContainerRecord,
  | 'ID'
  | 'Name'
  | 'Created'
  | 'Path'
  | 'Args'
  | 'Config'
  | 'HostConfig'
  | 'State'
  | 'Image'
  | 'NetworkSettings'
  | 'Mounts'
  | 'RestartCount'
  | 'layerId'
  | 'logs'
  | 'nextPid'
  | 'hasBeenStartedBefore'
  | 'hasBeenManuallyStopped'
  | 'exitOnNext'
  | 'restartDelay'
  | 'pendingSignals'
>;

/** a container: its data, the writable layer and its execs (processes are not data) */
export interface ContainerSnapshot extends ContainerData {
  /** the writable layer */
  upper: FilesSnapshot;
  execs: ExecRecord[];
  /** big port sets as runs (port-snapshot.ts); absent in snapshots written before */
  ports?: ContainerPortsSnapshot;
}

/** the VolumeRecord fields a snapshot keeps as they are */
export type VolumeData = Omit<VolumeRecord, 'fs' | 'refs'>;

/** a volume: its data, its files and the IDs of the containers using it */
export interface VolumeSnapshot extends VolumeData {
  files: FilesSnapshot;
  refs: string[];
}

/** a network: its record with the endpoint map and the used addresses as lists */
export interface NetworkSnapshot extends Omit<NetworkRecord, 'endpoints' | 'usedIps'> {
  endpoints: EndpointRecord[];
  usedIps: number[];
}

export interface EngineSnapshot {
  version: number;
  /** SeededIds position; absent when the engine's IdSource cannot export it */
  ids?: SeededIdsState;
  hostPid: number;
  layers: LayerSnapshot[];
  images: ImageSnapshot[];
  /** repository → [reference, image ID] in the reference store's order */
  references: [repo: string, refs: [ref: string, imageId: string][]][];
  containers: ContainerSnapshot[];
  volumes: VolumeSnapshot[];
  networks: NetworkSnapshot[];
  portMappings: PortMapping[];
  portPools: PortPoolState[];
  hub: HubSnapshot;
  /** the learner's Docker Hub accounts (absent: the stand-in's one password) */
  hubAccounts?: [user: string, password: string][];
  /** dockerd down, or up with a configuration other than the default (absent: up, defaults) */
  daemon?: { running: boolean; config: DaemonConfig };
  events: EngineEvent[];
  /** every blob digest the snapshot refers to */
  blobs: string[];
}
