/**
 * Paths inside a container's or a new layer's root filesystem as dockerd
 * resolves them (moby/sys symlink.FollowSymlinkInScope): symlinks followed
 * without leaving the root, errors naming the host path of the overlay2
 * mount ("lstat /var/lib/docker/overlay2/<id>/merged/etc/passwd/x: not a
 * directory").
 */
import type { FileSystem } from '../../api/fs';
import { FsError } from '../../api/fs';
import { BuildError } from './build-error';

const MAX_SYMLINKS = 255;

function parts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/**
 * FollowSymlinkInScope: the path with every symlink resolved inside the
 * root; missing components are accepted, a component below a non-directory
 * fails like lstat does, naming the host path under `mergedDir()`
 */
export function followSymlinkInScope(fs: FileSystem, path: string, mergedDir: () => string): string {
  const pending = parts(path);
  let resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (name === '..') {
      resolved.pop();
      continue;
    }
    const candidate = `/${[...resolved, name].join('/')}`;
    const parent = `/${resolved.join('/')}`;
    let type: string | undefined;
    try {
      if (resolved.length > 0 && fs.lstat(parent).type !== 'dir') throw new FsError('ENOTDIR', candidate);
      type = fs.lstat(candidate).type;
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
      if (err.code === 'ENOTDIR') throw new BuildError(`lstat ${mergedDir()}${candidate}: not a directory`);
      if (err.code !== 'ENOENT') throw new BuildError(`lstat ${mergedDir()}${candidate}: ${err.message}`);
    }
    if (type === 'symlink') {
      if (++hops > MAX_SYMLINKS) throw new BuildError(`FollowSymlinkInScope: too many links in ${mergedDir()}${path}`);
      const target = fs.readlink(candidate);
      if (target.startsWith('/')) resolved = [];
      pending.unshift(...parts(target));
      continue;
    }
    resolved.push(name);
  }
  return `/${resolved.join('/')}`;
}
