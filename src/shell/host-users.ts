/**
 * The learner's host user database (/etc/passwd, /etc/group of the host
 * filesystem, as on a fresh Debian/Ubuntu machine with one user who may run
 * docker and sudo) and who the host shell runs as. Every tool that shows
 * owners (ls -l, stat, id, ps) reads these files; sudo runs as uid 0.
 */
import { type Credentials, type FileSystem, textDecoder } from '../api/fs';
import { execUser } from '../lib/users';

/** the first login user's ids on Debian/Ubuntu */
export const LEARNER_UID = 1000;

function passwdText(user: string, home: string): string {
  return [
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
    'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
    'sync:x:4:65534:sync:/bin:/bin/sync',
    'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    'systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin',
    `${user}:x:${LEARNER_UID}:${LEARNER_UID}:${user},,,:${home}:/bin/bash`,
    '',
  ].join('\n');
}

function groupText(user: string): string {
  return [
    'root:x:0:',
    'daemon:x:1:',
    'bin:x:2:',
    'sys:x:3:',
    `adm:x:4:${user}`,
    'tty:x:5:',
    'disk:x:6:',
    'www-data:x:33:',
    `sudo:x:27:${user}`,
    `users:x:100:${user}`,
    'nogroup:x:65534:',
    'systemd-network:x:998:',
    `docker:x:999:${user}`,
    `${user}:x:${LEARNER_UID}:`,
    '',
  ].join('\n');
}

/** write /etc/passwd and /etc/group (owned by root) into a fresh host filesystem */
export function seedHostUsers(fs: FileSystem, user: string, home: string): void {
  fs.mkdir('/etc', { recursive: true });
  for (const [path, text] of [
    ['/etc/passwd', passwdText(user, home)],
    ['/etc/group', groupText(user)],
  ] as const) {
    if (fs.exists(path)) continue;
    fs.writeFile(path, text, 0o644);
    fs.chown(path, 0, 0);
  }
}

function readText(fs: FileSystem, path: string): string | undefined {
  try {
    return textDecoder.decode(fs.readFile(path));
  } catch {
    return undefined;
  }
}

/** the credentials of host user `user` from the host's /etc/passwd (the learner's ids when it has no entry) */
export function hostCredentials(fs: FileSystem, user: string): Credentials {
  const r = execUser(user, readText(fs, '/etc/passwd'), readText(fs, '/etc/group'));
  if ('error' in r) return { uid: LEARNER_UID, gid: LEARNER_UID, groups: [LEARNER_UID] };
  return { uid: r.uid, gid: r.gid, groups: r.groups };
}
