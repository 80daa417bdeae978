/**
 * The credentials a container process runs with (dockerd's getUser for
 * `run -u`, `exec -u` and USER, through libcontainer/user): the `--user` value
 * resolved against the container's own /etc/passwd and /etc/group.
 */
import type { Credentials, FileSystem } from '../../api/fs';
import { textDecoder } from '../../api/fs';
import { DaemonError } from '../../api/errors';
import { execUser } from '../../lib/users';

function readText(fs: FileSystem, path: string): string | undefined {
  try {
    return textDecoder.decode(fs.readFile(path));
  } catch {
    return undefined;
  }
}

/** a `--user` that the container's user database does not know: `run` fails with it, `exec` prints it and ends with 126 */
export class UserLookupError extends DaemonError {
  constructor(message: string) {
    super('System', message);
  }
}

/** `user` ("", "nobody", "1000:1000", "app:staff") as credentials in `fs`; throws the daemon's error for an unknown user or group */
export function processCredentials(fs: FileSystem, user: string): Credentials {
  const r = execUser(user, readText(fs, '/etc/passwd'), readText(fs, '/etc/group'));
  if ('error' in r) throw new UserLookupError(r.error);
  return { uid: r.uid, gid: r.gid, groups: r.groups };
}
