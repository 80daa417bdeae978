/**
 * Types of the Engine API v1.41 endpoints for container filesystems and image
 * archives: changes (diff), commit, export, import, save, load, archive (cp),
 * top, stats. Field names as the API sends them.
 */
import type { Content } from './fs';
import type { ContainerConfig } from './image';
import type { JSONMessageListener } from './jsonmessage';

/** GET /containers/{id}/changes: Kind 0 = modified (C), 1 = added (A), 2 = deleted (D) */
export interface ContainerChange {
  Kind: 0 | 1 | 2;
  Path: string;
}

/** POST /commit query + body */
export interface ContainerCommitOptions {
  /** "repo[:tag]"; empty: an untagged image */
  reference?: string;
  /** --message */
  comment?: string;
  /** --author */
  author?: string;
  /** --change: Dockerfile instructions (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, HEALTHCHECK) */
  changes?: string[];
  /** --pause (default true) */
  pause?: boolean;
  /** a config to start from instead of the container's */
  config?: Partial<ContainerConfig>;
}

/** POST /commit response */
export interface IDResponse {
  Id: string;
}

/** POST /images/create?fromSrc=…: the tarball itself (fromSrc "-") or a URL the daemon downloads */
export type ImageImportSource = { bytes: Content } | { url: string };

export interface ImageImportOptions {
  /** --change: Dockerfile instructions applied to the empty config */
  changes?: string[];
  /** --message: the image comment (default "Imported from <source>") */
  message?: string;
  /** --platform (only linux/amd64 here) */
  platform?: string;
  /** progress of a URL download / the final {"status":"sha256:…"} */
  onMessage?: JSONMessageListener;
}

export interface ImageLoadOptions {
  /** -q: no progress bars */
  quiet?: boolean;
  /** "Loading layer" progress and "Loaded image: …" / "Loaded image ID: …" (stream) */
  onMessage?: JSONMessageListener;
}

/**
 * X-Docker-Container-Path-Stat (types.ContainerPathStat). `mode` is a Go
 * os.FileMode: permission bits | MODE_DIR | MODE_SYMLINK.
 */
export interface ContainerPathStat {
  name: string;
  size: number;
  mode: number;
  /** RFC 3339 */
  mtime: string;
  linkTarget: string;
}

/** os.ModeDir / os.ModeSymlink bits of a Go FileMode (uint32) */
export const GO_MODE_DIR = 0x80000000;
export const GO_MODE_SYMLINK = 0x08000000;

/** PUT /containers/{id}/archive query */
export interface CopyToContainerOptions {
  /** noOverwriteDirNonDir = !allowOverwriteDirWithFile */
  allowOverwriteDirWithFile?: boolean;
  /** cp -a: the extracted files take the container user's uid/gid */
  copyUIDGID?: boolean;
}

/** GET /containers/{id}/archive */
export interface CopyFromContainerResult {
  /** a tar of the path, its top entry named after the path's last element */
  content: Content;
  stat: ContainerPathStat;
}

/** GET /containers/{id}/top */
export interface ContainerTopOKBody {
  Titles: string[];
  Processes: string[][];
}

/** types.StatsJSON (the parts docker stats reads), cgroup v1 layout */
export interface ContainerStats {
  /** RFC 3339 */
  read: string;
  preread: string;
  pids_stats: { current?: number; limit?: number };
  blkio_stats: {
    io_service_bytes_recursive: { major: number; minor: number; op: string; value: number }[] | null;
  };
  num_procs: number;
  cpu_stats: CpuStats;
  precpu_stats: CpuStats;
  memory_stats: { usage?: number; max_usage?: number; stats?: Record<string, number>; limit?: number };
  name: string;
  id: string;
  networks?: Record<string, { rx_bytes: number; rx_packets: number; tx_bytes: number; tx_packets: number }>;
}

export interface CpuStats {
  cpu_usage: { total_usage: number; usage_in_kernelmode: number; usage_in_usermode: number };
  system_cpu_usage?: number;
  online_cpus?: number;
  throttling_data: { periods: number; throttled_periods: number; throttled_time: number };
}

export interface ContainerStatsOptions {
  /** false: one sample (--no-stream); true: a sample every second until `signal` aborts */
  stream: boolean;
  signal?: AbortSignal;
  onStats(s: ContainerStats): void;
}
