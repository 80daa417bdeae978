/**
 * What dockerd does with the working directory when it creates a container
 * (moby container.SetupWorkingDirectory, called from
 * createContainerOSSpecificSettings): the path is resolved inside the root
 * filesystem (symlink.FollowSymlinkInScope) and made with its parents. A
 * failure fails the create itself — no container is left, and a build step
 * prints no " ---> Running in" line (checked on Docker 20.10.24):
 *   WORKDIR /etc/passwd    → Cannot mkdir: /etc/passwd is not a directory
 *   WORKDIR /etc/passwd/x  → lstat /var/lib/docker/overlay2/<layer>/merged/etc/passwd/x: not a directory
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
 * fails like lstat does
 */
function resolveInScope(fs: FileSystem, path: string, mergedDir: string): string {
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
      if (err.code === 'ENOTDIR') throw new BuildError(`lstat ${mergedDir}${candidate}: not a directory`);
      if (err.code !== 'ENOENT') throw new BuildError(`lstat ${mergedDir}${candidate}: ${err.message}`);
    }
    if (type === 'symlink') {
      if (++hops > MAX_SYMLINKS) throw new BuildError(`FollowSymlinkInScope: too many links in ${mergedDir}${path}`);
      const target = fs.readlink(candidate);
      if (target.startsWith('/')) resolved = [];
      pending.unshift(...parts(target));
      continue;
    }
    resolved.push(name);
  }
  return `/${resolved.join('/')}`;
}

/** SetupWorkingDirectory: resolve `workingDir` in `fs` and make it (with its parents) when missing */
export function setupWorkingDirectory(fs: FileSystem, workingDir: string, mergedDir: string): void {
  if (workingDir === '') return;
  const path = resolveInScope(fs, workingDir, mergedDir);
  let type: string | undefined;
  try {
    type = fs.stat(path).type;
  } catch (err) {
    if (!(err instanceof FsError) || err.code !== 'ENOENT') throw err;
  }
  if (type === undefined) fs.mkdir(path, { recursive: true, mode: 0o755 });
  else if (type !== 'dir') throw new BuildError(`Cannot mkdir: ${workingDir} is not a directory`);
}
