/** Small helpers shared by the engine's filesystems. */
import type { FileStat } from '../../api/fs';
import type { VisibleEntry } from './lower-view';

export function statOf(e: VisibleEntry): FileStat {
  switch (e.kind) {
    case 'file':
      return { type: 'file', mode: e.mode, uid: e.uid, gid: e.gid, size: e.size, mtime: e.mtime };
    case 'dir':
      return { type: 'dir', mode: e.mode, uid: e.uid, gid: e.gid, size: 0, mtime: e.mtime };
    case 'symlink':
      return { type: 'symlink', mode: e.mode, uid: e.uid, gid: e.gid, size: e.target.length, mtime: e.mtime, target: e.target };
  }
}

/** names sorted by byte order, as readdir returns them */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
