/**
 * A container as the daemon holds it, shaped after moby's container.Container:
 * the fields `docker inspect` shows keep their API names; runtime-only state
 * (the process, logs, listeners) is lower-case.
 */
import type { ContainerConfig, HostConfig, LogChunk, NetworkSettings } from '../../api/container';
import type { ProcessHandle, ProcessInfo } from '../../api/runtime';
import type { MountPoint } from '../../api/volume';
import type { UnionFs } from '../fs/union-fs';
import type { StdinPipe } from './stdin-pipe';

export type StateStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** moby container.State (times in ms since the epoch, 0 = never) */
export interface StateRecord {
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  RemovalInProgress: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: number;
  FinishedAt: number;
  /** set once a container with a healthcheck has started (moby State.Health) */
  Health?: HealthRecord;
}

/** one probe's result (types.HealthcheckResult; times in ms since the epoch) */
export interface HealthLogEntry {
  Start: number;
  End: number;
  ExitCode: number;
  Output: string;
}

export interface HealthRecord {
  Status: 'starting' | 'healthy' | 'unhealthy';
  FailingStreak: number;
  /** the last 5 results, oldest first */
  Log: HealthLogEntry[];
}

export interface ExecRecord {
  ID: string;
  containerId: string;
  Cmd: string[];
  Tty: boolean;
  User: string;
  Privileged: boolean;
  WorkingDir: string;
  Env: string[];
  OpenStdin: boolean;
  OpenStdout: boolean;
  OpenStderr: boolean;
  DetachKeys: string;
  Running: boolean;
  ExitCode: number | null;
  Pid: number;
}

/** a running process of the container, as `ps` inside it and `docker top` see it */
export interface ContainerProcess {
  info: ProcessInfo;
  /** the host PID (`docker top`, State.Pid) */
  hostPid: number;
  handle?: ProcessHandle;
  /** exec ID, absent for PID 1 */
  execId?: string;
}

export type OutputListener = (chunk: LogChunk) => void;

export interface ContainerRecord {
  ID: string;
  /** "/name" */
  Name: string;
  /** ms since the epoch */
  Created: number;
  Path: string;
  Args: string[];
  Config: ContainerConfig;
  HostConfig: HostConfig;
  State: StateRecord;
  /** image ID "sha256:…" */
  Image: string;
  NetworkSettings: NetworkSettings;
  Mounts: MountPoint[];
  RestartCount: number;
  /** the overlay2 directory of the writable layer (GraphDriver paths) */
  layerId: string;
  /** container root filesystem: image layers + writable layer (+ mounts while they apply) */
  rootfs: UnionFs;
  /** json-file log: one entry per line */
  logs: LogChunk[];
  /** live output subscribers, chunk by chunk as written (attach) */
  listeners: Set<OutputListener>;
  /** log entries as they are appended (logs -f) */
  logListeners: Set<OutputListener>;
  /** called each time PID 1 exits; `final` is false when the restart policy restarts it */
  exitListeners: Set<(code: number, final: boolean) => void>;
  /** called (once) when PID 1 has started: attach hooks its stdin in */
  startListeners: Set<() => void>;
  /** called once the container is removed */
  removeListeners: Set<() => void>;
  /** the container's processes, PID 1 first */
  processes: ContainerProcess[];
  /** next in-container PID for exec'd processes */
  nextPid: number;
  stdin?: StdinPipe;
  hasBeenStartedBefore: boolean;
  hasBeenManuallyStopped: boolean;
  /** a signal made the container exit for good: no restart policy afterwards */
  exitOnNext: boolean;
  /** the running health-check monitor (stop() cancels its timer and any probe in flight) */
  healthMonitor?: { stop(): void };
  /** pending restart-policy timer */
  cancelRestart?: () => void;
  /** ms the restart manager waits before the next restart */
  restartDelay: number;
  /** signals sent while paused, delivered on unpause */
  pendingSignals: string[];
  /** timers of sleeping processes held while paused */
  frozen: (() => void)[];
  execs: Map<string, ExecRecord>;
  /** partial output lines waiting for their newline */
  partial: { stdout: string; stderr: string };
}

export function newState(): StateRecord {
  return {
    Running: false,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    RemovalInProgress: false,
    Dead: false,
    Pid: 0,
    ExitCode: 0,
    Error: '',
    StartedAt: 0,
    FinishedAt: 0,
  };
}

/** "web" from "/web" */
export function shortName(c: Pick<ContainerRecord, 'Name'>): string {
  return c.Name.startsWith('/') ? c.Name.slice(1) : c.Name;
}

/** the mounts `docker inspect` / `docker ps` show: --tmpfs ones are not mount points in dockerd */
export function visibleMounts(c: Pick<ContainerRecord, 'Mounts' | 'HostConfig'>): MountPoint[] {
  if (c.Mounts.length === 0) return [];
  const tmpfs = c.HostConfig.Tmpfs ?? {};
  return c.Mounts.filter((m) => !(m.Type === 'tmpfs' && m.Destination in tmpfs)).map((m) => ({ ...m }));
}
