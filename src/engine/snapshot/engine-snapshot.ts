/**
 * The whole daemon as plain, JSON-able data (sandbox persistence, undo, export):
 * layers, images, references, containers (config, state, logs, writable layer,
 * mounts), volumes with their data, networks with IPAM state and endpoints,
 * published ports, the Hub's changes, the event log and the ID generator's
 * position. File contents live in a BlobTable by sha256 digest.
 * The clock is the caller's; processes are not data (restore respawns PID 1).
 */
import type { ContainerConfig, HostConfig, LogChunk, NetworkSettings } from '../../api/container';
import type { EngineEvent } from '../../api/events';
import type { MountPoint } from '../../api/volume';
import type { ExecRecord, StateRecord } from '../containers/container-record';
import type { SeededIdsState } from '../core/ids';
import type { ImageRecord } from '../images/image-store';
import type { LayerBlob } from '../layers/layer-store';
import type { EndpointRecord, PortMapping } from '../networks/network-store';
import type { PortPoolState } from '../networks/port-allocator';
import type { FilesSnapshot } from './files-snapshot';
import type { HubSnapshot } from './hub-snapshot';

export const ENGINE_SNAPSHOT_VERSION = 1;

export interface LayerSnapshot {
  chainId: string;
  diffId: string;
  parent?: string;
  files: FilesSnapshot;
  size: number;
  tarSize: number;
  cacheId: string;
  refs: number;
  blobs: LayerBlob[];
}

export interface ContainerSnapshot {
  ID: string;
  Name: string;
  Created: number;
  Path: string;
  Args: string[];
  Config: ContainerConfig;
  HostConfig: HostConfig;
  State: StateRecord;
  Image: string;
  NetworkSettings: NetworkSettings;
  Mounts: MountPoint[];
  RestartCount: number;
  layerId: string;
  /** the writable layer */
  upper: FilesSnapshot;
  logs: LogChunk[];
  nextPid: number;
  hasBeenStartedBefore: boolean;
  hasBeenManuallyStopped: boolean;
  exitOnNext: boolean;
  restartDelay: number;
  pendingSignals: string[];
  execs: ExecRecord[];
}

export interface VolumeSnapshot {
  name: string;
  driver: string;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  createdAt: number;
  anonymous: boolean;
  files: FilesSnapshot;
  refs: string[];
}

export interface NetworkSnapshot {
  id: string;
  name: string;
  driver: string;
  created: number;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  ipamConfig: { Subnet?: string; Gateway?: string; IPRange?: string }[];
  ipamOptions: Record<string, string> | null;
  subnet?: { base: number; prefix: number };
  gateway?: number;
  options: Record<string, string>;
  labels: Record<string, string>;
  predefined: boolean;
  endpoints: EndpointRecord[];
  usedIps: number[];
}

export interface EngineSnapshot {
  version: number;
  /** SeededIds position; absent when the engine's IdSource cannot export it */
  ids?: SeededIdsState;
  hostPid: number;
  layers: LayerSnapshot[];
  images: ImageRecord[];
  /** repository → [reference, image ID] in the reference store's order */
  references: [repo: string, refs: [ref: string, imageId: string][]][];
  containers: ContainerSnapshot[];
  volumes: VolumeSnapshot[];
  networks: NetworkSnapshot[];
  portMappings: PortMapping[];
  portPools: PortPoolState[];
  hub: HubSnapshot;
  events: EngineEvent[];
  /** every blob digest the snapshot refers to */
  blobs: string[];
}
