/**
 * Volumes and mounts as the Engine API v1.41 shapes them (moby api/types/volume,
 * api/types/mount, types.MountPoint). Field order is the JSON order docker prints.
 */

/** GET /volumes/{name}: what `docker volume inspect` prints. */
export interface Volume {
  /** RFC 3339, seconds ("2026-11-23T07:31:36Z") */
  CreatedAt?: string;
  Driver: string;
  /** {} for `docker volume create`, null for volumes a container created */
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: 'local' | 'global';
  Status?: Record<string, unknown>;
  /** only in GET /system/df: size in bytes (-1 unknown) and number of containers using it */
  UsageData?: { Size: number; RefCount: number } | null;
}

/** POST /volumes/create */
export interface VolumeCreateBody {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string>;
  Labels?: Record<string, string>;
}

/** GET /volumes */
export interface VolumeListResponse {
  Volumes: Volume[];
  Warnings: string[] | null;
}

/** POST /volumes/prune */
export interface VolumesPruneReport {
  VolumesDeleted: string[] | null;
  /** bytes */
  SpaceReclaimed: number;
}

/**
 * Filters as the API takes them (filters.Args): name → values,
 * e.g. { dangling: ['true'], label: ['a=b'] }.
 */
export type FilterArgs = Record<string, string[]>;

/** HostConfig.Mounts[] (`--mount type=volume,source=…,target=…`), api/types/mount.Mount */
export interface MountSpec {
  Type: 'bind' | 'volume' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; DriverConfig?: { Name?: string; Options?: Record<string, string> } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

/** A container's mount as `docker inspect` shows it under "Mounts" (types.MountPoint). */
export interface MountPoint {
  Type: 'volume' | 'bind' | 'tmpfs';
  /** volumes only */
  Name?: string;
  Source: string;
  Destination: string;
  /** volumes only */
  Driver?: string;
  /** "z" for volumes from -v/--mount, "" for binds, "ro"/"rw" when given in -v */
  Mode: string;
  RW: boolean;
  /** "rprivate" for binds, "" for volumes */
  Propagation: string;
}
