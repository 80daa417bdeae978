/**
 * Image types of the Engine API v1.41 (moby api/types), field names as the
 * API sends them. Key order of the interfaces is the JSON key order Go emits.
 */

/** Go's container.Config (also the image's config / container_config). */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  NetworkDisabled?: boolean;
  MacAddress?: string;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number;
  Shell?: string[];
}

/** GET /images/json */
export interface ImageSummary {
  Containers: number;
  Created: number;
  Id: string;
  Labels: Record<string, string> | null;
  ParentId: string;
  RepoDigests: string[] | null;
  RepoTags: string[] | null;
  SharedSize: number;
  Size: number;
  VirtualSize: number;
}

export interface ImageListOptions {
  all?: boolean;
  /** filter name → values: dangling, before, since, label, reference */
  filters?: Record<string, string[]>;
  sharedSize?: boolean;
  containerCount?: boolean;
}

/** GET /images/{name}/json */
export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  Created: string;
  Container: string;
  ContainerConfig: ContainerConfig;
  DockerVersion: string;
  Author: string;
  Config: ContainerConfig | null;
  Architecture: string;
  Variant?: string;
  Os: string;
  OsVersion?: string;
  Size: number;
  VirtualSize: number;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  RootFS: { Type: string; Layers?: string[]; BaseLayer?: string };
  Metadata: { LastTagTime: string };
}

/** GET /images/{name}/history */
export interface HistoryResponseItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

/** DELETE /images/{name}: one of the two is set */
export interface ImageDeleteResponseItem {
  Untagged?: string;
  Deleted?: string;
}

/** POST /images/prune */
export interface ImagesPruneReport {
  ImagesDeleted: ImageDeleteResponseItem[] | null;
  SpaceReclaimed: number;
}

export interface ImageRemoveOptions {
  force?: boolean;
  noPrune?: boolean;
}

/** GET /images/search */
export interface ImageSearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

export interface ImageSearchOptions {
  limit?: number;
  /** stars, is-official, is-automated */
  filters?: Record<string, string[]>;
  auth?: AuthConfig;
}

/** X-Registry-Auth (types.AuthConfig) */
export interface AuthConfig {
  username?: string;
  password?: string;
  auth?: string;
  email?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}
