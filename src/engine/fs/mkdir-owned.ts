/**
 * `mkdir -p` as a given user: each directory it adds gets that owner and mode
 * (what dockerd, or a root process in a container, leaves on a bind-mounted
 * host folder), the ones already there keep theirs.
 */
import type { FileSystem } from '../../api/fs';

export function mkdirAllOwned(fs: FileSystem, path: string, owner: { uid: number; gid: number; mode: number }): void {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    if (fs.exists(at)) continue;
    fs.mkdir(at, { mode: owner.mode });
    fs.chown(at, owner.uid, owner.gid);
  }
}

/** root's 0755: what dockerd (idtools.MkdirAllAndChown) and root processes with umask 022 create */
export const ROOT_DIR = { uid: 0, gid: 0, mode: 0o755 } as const;
