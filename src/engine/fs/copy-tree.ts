/** Copy a file, symlink or whole directory tree between two FileSystems (cross-mount rename, docker cp). */
import { type FileSystem, readContent } from '../../api/fs';
import { joinPath } from './fs-path';

export function copyTree(src: FileSystem, from: string, dst: FileSystem, to: string): void {
  const st = src.lstat(from);
  if (st.type === 'symlink') {
    dst.symlink(src.readlink(from), to);
  } else if (st.type === 'file') {
    dst.writeFile(to, readContent(src, from), st.mode);
    dst.chmod(to, st.mode);
  } else {
    dst.mkdir(to, { mode: st.mode });
    for (const name of src.readdir(from)) copyTree(src, joinPath(from, name), dst, joinPath(to, name));
    dst.chmod(to, st.mode);
  }
  if (st.type !== 'symlink') {
    dst.chown(to, st.uid, st.gid);
    dst.utimes(to, st.mtime);
  }
}
