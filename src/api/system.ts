/**
 * System endpoints of the Engine API v1.41: GET /info, GET /version,
 * GET /system/df, GET /events (moby api/types: Info, Version, DiskUsage).
 */
import type { ContainerSummary } from './container';
import type { EngineEvent } from './events';
import type { ImageSummary } from './image';
import type { Volume } from './volume';

/** GET /version (types.Version) */
export interface ComponentVersion {
  Name: string;
  Version: string;
  Details: Record<string, string>;
}

export interface ServerVersion {
  Platform: { Name: string };
  Components: ComponentVersion[];
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  Experimental?: boolean;
  /** "2026-05-07T21:09:36.000000000+00:00" */
  BuildTime: string;
}

/** GET /info (types.Info), the fields `docker info` prints. */
export interface SystemInfo {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  DriverStatus: [string, string][];
  Plugins: { Volume: string[]; Network: string[]; Authorization: string[] | null; Log: string[] };
  MemoryLimit: boolean;
  SwapLimit: boolean;
  KernelMemory: boolean;
  CpuCfsPeriod: boolean;
  CpuCfsQuota: boolean;
  CPUShares: boolean;
  CPUSet: boolean;
  PidsLimit: boolean;
  IPv4Forwarding: boolean;
  BridgeNfIptables: boolean;
  BridgeNfIp6tables: boolean;
  Debug: boolean;
  NFd: number;
  OomKillDisable: boolean;
  NGoroutines: number;
  /** RFC 3339 nano */
  SystemTime: string;
  LoggingDriver: string;
  CgroupDriver: string;
  CgroupVersion: string;
  NEventsListener: number;
  KernelVersion: string;
  OperatingSystem: string;
  OSVersion: string;
  OSType: string;
  Architecture: string;
  IndexServerAddress: string;
  RegistryConfig: {
    AllowNondistributableArtifactsCIDRs: string[];
    AllowNondistributableArtifactsHostnames: string[];
    InsecureRegistryCIDRs: string[];
    IndexConfigs: Record<string, { Name: string; Mirrors: string[]; Secure: boolean; Official: boolean }>;
    Mirrors: string[];
  };
  NCPU: number;
  MemTotal: number;
  GenericResources: null;
  DockerRootDir: string;
  HttpProxy: string;
  HttpsProxy: string;
  NoProxy: string;
  Name: string;
  Labels: string[];
  ExperimentalBuild: boolean;
  ServerVersion: string;
  Runtimes: Record<string, { path: string }>;
  DefaultRuntime: string;
  Swarm: { NodeID: string; NodeAddr: string; LocalNodeState: string; ControlAvailable: boolean; Error: string; RemoteManagers: null };
  LiveRestoreEnabled: boolean;
  Isolation: string;
  InitBinary: string;
  ContainerdCommit: { ID: string; Expected: string };
  RuncCommit: { ID: string; Expected: string };
  InitCommit: { ID: string; Expected: string };
  SecurityOptions: string[];
  Warnings: string[] | null;
}

/** One image row of GET /system/df (types.ImageSummary with sizes). */
export type DiskUsageImage = ImageSummary;

/** One container row of GET /system/df (types.Container with SizeRw). */
export interface DiskUsageContainer
  extends Pick<ContainerSummary, 'Id' | 'Names' | 'Image' | 'ImageID' | 'Command' | 'Created' | 'State' | 'Status'> {
  SizeRw: number;
  SizeRootFs: number;
  /** number of volumes/binds mounted */
  Mounts: { Type: string; Name?: string }[];
}

export interface BuildCacheRecord {
  ID: string;
  Parent: string;
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string | null;
  UsageCount: number;
}

/** GET /system/df (types.DiskUsage) */
export interface DiskUsage {
  /** unique layer bytes of all images (shared layers once) */
  LayersSize: number;
  Images: DiskUsageImage[];
  Containers: DiskUsageContainer[];
  Volumes: Volume[];
  BuildCache: BuildCacheRecord[];
  BuilderSize?: number;
}

/** GET /events query: since/until as docker accepts them (unix seconds, RFC 3339, or a duration like "10m"). */
export interface EventsOptions {
  since?: string;
  until?: string;
  filters?: Record<string, string[]>;
}

export type { EngineEvent };
