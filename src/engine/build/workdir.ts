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
import { followSymlinkInScope } from './scoped-path';

/** SetupWorkingDirectory: resolve `workingDir` in `fs` and make it (with its parents) when missing */
export function setupWorkingDirectory(fs: FileSystem, workingDir: string, mergedDir: string): void {
  if (workingDir === '') return;
  const path = followSymlinkInScope(fs, workingDir, () => mergedDir);
  let type: string | undefined;
  try {
    type = fs.stat(path).type;
  } catch (err) {
    if (!(err instanceof FsError) || err.code !== 'ENOENT') throw err;
  }
  if (type === undefined) fs.mkdir(path, { recursive: true, mode: 0o755 });
  else if (type !== 'dir') throw new BuildError(`Cannot mkdir: ${workingDir} is not a directory`);
}
