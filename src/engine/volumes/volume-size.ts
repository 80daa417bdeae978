/** Disk usage of a volume's data, the way dockerd's directory.Size counts it. */
import type { FileSystem } from '../../api/fs';

/** Bytes of every non-directory entry (files; symlinks by their lstat size) under `dir`. */
export function treeSize(fs: FileSystem, dir = '/'): number {
  let total = 0;
  for (const name of fs.readdir(dir)) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = fs.lstat(p);
    if (st.type === 'dir') total += treeSize(fs, p);
    else total += st.size;
  }
  return total;
}
