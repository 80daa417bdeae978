/**
 * Every local volume the daemon knows, by name (moby volume/service + the
 * "local" driver). State only; operations live in ./ops.
 *
 * A volume's data is its own in-memory filesystem (`fs`, a UnionFs without
 * lower layers), mounted into
 * containers at their targets. `refs` holds the IDs of the containers that use
 * the volume: a volume with refs is "in use" and cannot be removed or pruned
 * (it stays referenced while the container exists, running or not).
 */
import type { FileSystem } from '../../api/fs';
import { UnionFs } from '../fs/union-fs';

export interface VolumeRecord {
  name: string;
  driver: string;
  /** null for volumes a container created (anonymous or `-v name:/path`) */
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** ms since the epoch */
  createdAt: number;
  /** created without a name (64-hex name): image VOLUME, `-v /path`, `--mount type=volume,target=…` */
  anonymous: boolean;
  fs: FileSystem;
  /** container IDs using this volume */
  refs: Set<string>;
}

export class VolumeStore {
  private readonly byName = new Map<string, VolumeRecord>();

  get(name: string): VolumeRecord | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** in creation order */
  list(): VolumeRecord[] {
    return [...this.byName.values()];
  }

  add(v: Omit<VolumeRecord, 'fs' | 'refs'> & { fs?: FileSystem }, clock: () => number = () => v.createdAt): VolumeRecord {
    const rec: VolumeRecord = { ...v, fs: v.fs ?? new UnionFs([], new Map(), { now: clock }), refs: new Set() };
    this.byName.set(rec.name, rec);
    return rec;
  }

  delete(name: string): boolean {
    return this.byName.delete(name);
  }

  /** volumes the container references */
  usedBy(containerId: string): VolumeRecord[] {
    return this.list().filter((v) => v.refs.has(containerId));
  }
}

/** where the daemon would keep the volume's data (shown as Mountpoint / Source) */
export function volumeMountpoint(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}
