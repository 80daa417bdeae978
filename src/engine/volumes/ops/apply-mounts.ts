/**
 * Put a container's mounts into its root filesystem at start (moby
 * setupMounts + volume Setup): volumes are their own filesystems, a bind
 * shows the host directory (created, with parents, when missing — what `-v
 * /host/dir:/path` does; dockerd runs as root, so what it creates is root's,
 * mode 0755), tmpfs is a fresh empty filesystem each start.
 */
import type { FileSystem } from '../../../api/fs';
import type { MountPoint } from '../../../api/volume';
import type { Engine } from '../../engine';
import { ROOT_DIR, mkdirAllOwned } from '../../fs/mkdir-owned';
import { SubFs } from '../../fs/sub-fs';
import { UnionFs } from '../../fs/union-fs';

export interface MountTarget {
  target: string;
  fs: FileSystem;
  readonly: boolean;
}

/** the filesystem to mount at each MountPoint's Destination */
export function mountFileSystems(engine: Pick<Engine, 'volumes' | 'hostFs' | 'clock'>, mounts: MountPoint[]): MountTarget[] {
  const out: MountTarget[] = [];
  for (const m of mounts) {
    let fs: FileSystem | undefined;
    if (m.Type === 'volume' && m.Name) fs = engine.volumes.get(m.Name)?.fs;
    else if (m.Type === 'bind') {
      if (!engine.hostFs.exists(m.Source)) mkdirAllOwned(engine.hostFs, m.Source, ROOT_DIR);
      fs = new SubFs(engine.hostFs, m.Source);
    } else if (m.Type === 'tmpfs') fs = new UnionFs([], new Map(), { now: () => engine.clock.now() });
    if (fs) out.push({ target: m.Destination, fs, readonly: !m.RW });
  }
  return out;
}

/** mount every MountPoint into `root` (parents before children) */
export function applyMounts(engine: Pick<Engine, 'volumes' | 'hostFs' | 'clock'>, root: UnionFs, mounts: MountPoint[]): void {
  const targets = mountFileSystems(engine, mounts).sort((a, b) => a.target.split('/').length - b.target.split('/').length);
  for (const t of targets) root.mount(t.target, t.fs, t.readonly);
}
