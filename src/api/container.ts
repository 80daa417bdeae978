/**
 * Container types of the Engine API v1.41 (moby api/types, api/types/container),
 * field names as the API sends them. Key order of the interfaces is the JSON key
 * order Go emits (docker inspect prints them in this order).
 */
import type { ContainerConfig } from './image';
import type { EndpointSettings, PortMap } from './network';
import type { FilterArgs, MountPoint, MountSpec } from './volume';

export type { ContainerConfig } from './image';

export interface RestartPolicy {
  /** "" | "no" | "always" | "unless-stopped" | "on-failure" */
  Name: string;
  MaximumRetryCount: number;
}

export interface LogConfig {
  Type: string;
  Config: Record<string, string>;
}

/** container.HostConfig (embedded Resources flattened in place), JSON order. */
export interface HostConfig {
  Binds: string[] | null;
  ContainerIDFile: string;
  LogConfig: LogConfig;
  NetworkMode: string;
  PortBindings: PortMap;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  VolumeDriver: string;
  VolumesFrom: string[] | null;
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  CgroupnsMode: string;
  Dns: string[] | null;
  DnsOptions: string[] | null;
  DnsSearch: string[] | null;
  ExtraHosts: string[] | null;
  GroupAdd: string[] | null;
  IpcMode: string;
  Cgroup: string;
  Links: string[] | null;
  OomScoreAdj: number;
  PidMode: string;
  Privileged: boolean;
  PublishAllPorts: boolean;
  ReadonlyRootfs: boolean;
  SecurityOpt: string[] | null;
  StorageOpt?: Record<string, string>;
  Tmpfs?: Record<string, string>;
  UTSMode: string;
  UsernsMode: string;
  ShmSize: number;
  Sysctls?: Record<string, string>;
  Runtime: string;
  ConsoleSize: [number, number];
  Isolation: string;
  CpuShares: number;
  Memory: number;
  NanoCpus: number;
  CgroupParent: string;
  BlkioWeight: number;
  BlkioWeightDevice: unknown[] | null;
  BlkioDeviceReadBps: unknown[] | null;
  BlkioDeviceWriteBps: unknown[] | null;
  BlkioDeviceReadIOps: unknown[] | null;
  BlkioDeviceWriteIOps: unknown[] | null;
  CpuPeriod: number;
  CpuQuota: number;
  CpuRealtimePeriod: number;
  CpuRealtimeRuntime: number;
  CpusetCpus: string;
  CpusetMems: string;
  Devices: unknown[] | null;
  DeviceCgroupRules: string[] | null;
  DeviceRequests: unknown[] | null;
  KernelMemory: number;
  KernelMemoryTCP: number;
  MemoryReservation: number;
  MemorySwap: number;
  MemorySwappiness: number | null;
  OomKillDisable: boolean | null;
  PidsLimit: number | null;
  Ulimits: unknown[] | null;
  CpuCount: number;
  CpuPercent: number;
  IOMaximumIOps: number;
  IOMaximumBandwidth: number;
  Mounts?: MountSpec[];
  MaskedPaths: string[] | null;
  ReadonlyPaths: string[] | null;
  Init?: boolean;
}

export interface ContainerState {
  /** "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead" */
  Status: string;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** RFC 3339 nano; "0001-01-01T00:00:00Z" when never */
  StartedAt: string;
  FinishedAt: string;
  /** only for containers with a healthcheck that have started */
  Health?: ContainerHealth;
}

/** types.Health: the health status and the last probes (times RFC 3339 nano) */
export interface ContainerHealth {
  /** "starting" | "healthy" | "unhealthy" */
  Status: string;
  FailingStreak: number;
  Log: { Start: string; End: string; ExitCode: number; Output: string }[];
}

export interface NetworkSettings {
  Bridge: string;
  SandboxID: string;
  HairpinMode: boolean;
  LinkLocalIPv6Address: string;
  LinkLocalIPv6PrefixLen: number;
  Ports: PortMap;
  SandboxKey: string;
  SecondaryIPAddresses: unknown[] | null;
  SecondaryIPv6Addresses: unknown[] | null;
  EndpointID: string;
  Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  MacAddress: string;
  Networks: Record<string, EndpointSettings>;
}

/** GET /containers/{id}/json: what `docker inspect` prints */
export interface ContainerJSON {
  Id: string;
  Created: string;
  Path: string;
  Args: string[];
  State: ContainerState;
  Image: string;
  ResolvConfPath: string;
  HostnamePath: string;
  HostsPath: string;
  LogPath: string;
  Name: string;
  RestartCount: number;
  Driver: string;
  Platform: string;
  MountLabel: string;
  ProcessLabel: string;
  AppArmorProfile: string;
  ExecIDs: string[] | null;
  HostConfig: HostConfig;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  /** only with `?size=1` (docker inspect -s) */
  SizeRw?: number;
  SizeRootFs?: number;
  Mounts: MountPoint[];
  Config: ContainerConfig;
  NetworkSettings: NetworkSettings;
}

/** One port of GET /containers/json (types.Port) */
export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** GET /containers/json item (types.Container) */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  /** seconds since the epoch */
  Created: number;
  Ports: PortSummary[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: string;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, EndpointSettings> };
  Mounts: MountPoint[];
}

export interface ContainerListOptions {
  all?: boolean;
  /** -n: the last N created containers (all states); 0 = no limit */
  limit?: number;
  /** -l: same as limit 1 */
  latest?: boolean;
  size?: boolean;
  filters?: FilterArgs;
}

/** POST /containers/create body besides Config and HostConfig */
export interface NetworkingConfig {
  EndpointsConfig: Record<string, Partial<EndpointSettings>>;
}

export interface ContainerCreateResponse {
  Id: string;
  Warnings: string[];
}

export interface ContainerRemoveOptions {
  force?: boolean;
  removeVolumes?: boolean;
  removeLinks?: boolean;
}

/** POST /containers/{id}/wait?condition= */
export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

export interface ContainerWaitResponse {
  StatusCode: number;
  Error?: { Message: string } | null;
}

export interface ContainersPruneReport {
  ContainersDeleted: string[] | null;
  SpaceReclaimed: number;
}

export interface ContainerLogsOptions {
  stdout?: boolean;
  stderr?: boolean;
  /** Unix seconds (may be fractional) or RFC 3339, as the CLI sends it */
  since?: string;
  until?: string;
  timestamps?: boolean;
  follow?: boolean;
  /** "all" or a number */
  tail?: string;
  details?: boolean;
}

/** One chunk of container output as logs/attach deliver it */
export interface LogChunk {
  stream: 'stdout' | 'stderr';
  /** ms since the epoch (the simulated clock) */
  time: number;
  text: string;
}

/** POST /containers/{id}/exec (types.ExecConfig) */
export interface ExecConfig {
  User?: string;
  Privileged?: boolean;
  Tty?: boolean;
  AttachStdin?: boolean;
  AttachStderr?: boolean;
  AttachStdout?: boolean;
  Detach?: boolean;
  DetachKeys?: string;
  Env?: string[];
  WorkingDir?: string;
  Cmd: string[];
}

/** GET /exec/{id}/json (the fields the CLI reads) */
export interface ExecInspect {
  ID: string;
  Running: boolean;
  ExitCode: number | null;
  ProcessConfig: { tty: boolean; entrypoint: string; arguments: string[]; privileged: boolean; user?: string };
  OpenStdin: boolean;
  OpenStderr: boolean;
  OpenStdout: boolean;
  CanRemove: boolean;
  ContainerID: string;
  DetachKeys: string;
  Pid: number;
}

export interface AttachOptions {
  stream?: boolean;
  stdin?: boolean;
  stdout?: boolean;
  stderr?: boolean;
  /** replay the container's log first */
  logs?: boolean;
  /** "ctrl-p,ctrl-q" by default */
  detachKeys?: string;
}

/** How an attach ended: the container's output stopped, or the user typed the detach keys */
export interface AttachResult {
  detached: boolean;
}

/** POST /containers/{id}/update and rename carry no body we model; restart/stop take a timeout in seconds */
export interface StopOptions {
  /** seconds; undefined = the container's StopTimeout or 10 */
  timeout?: number;
  signal?: string;
}

/** POST /containers/{id}/update body (container.UpdateConfig: resources + restart policy) */
export interface ContainerUpdateConfig {
  BlkioWeight?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpuShares?: number;
  NanoCpus?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  KernelMemory?: number;
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  PidsLimit?: number | null;
  RestartPolicy?: RestartPolicy;
}
