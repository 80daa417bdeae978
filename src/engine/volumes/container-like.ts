/**
 * What volume and network operations need to know about a container. The
 * container record of src/engine/containers satisfies it; tests pass literals.
 */
import type { PortMap } from '../../api/network';
import type { MountSpec } from '../../api/volume';

export interface ContainerLike {
  /** 64-hex */
  ID: string;
  /** "/web" (or "web") */
  Name?: string;
  /** image ID "sha256:…" */
  Image: string;
  Config: {
    Volumes?: Record<string, unknown> | null;
    ExposedPorts?: Record<string, unknown> | null;
    Hostname?: string;
  };
  HostConfig: {
    Binds?: string[] | null;
    Mounts?: MountSpec[] | null;
    VolumesFrom?: string[] | null;
    VolumeDriver?: string;
    Tmpfs?: Record<string, string> | null;
    PortBindings?: PortMap | null;
    PublishAllPorts?: boolean;
    NetworkMode?: string;
  };
}

/** "web" from "/web" */
export function containerName(c: Pick<ContainerLike, 'Name' | 'ID'>): string {
  const n = c.Name ?? '';
  return n.startsWith('/') ? n.slice(1) : n || c.ID.slice(0, 12);
}
