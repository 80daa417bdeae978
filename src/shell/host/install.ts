/**
 * What Debian's docker.io and containerd packages leave on the learner's
 * machine, besides the programs: /etc/docker (root's, no daemon.json: the
 * defaults apply), the unit files, the init script and /etc/default/docker,
 * and the [Install] links that enable the units. Idempotent: files already
 * there are left as they are.
 */
import type { FileSystem } from '../../api/fs';
import { UNIT_FILES, UNITS, wantsLink } from './systemd/units';

function ensureDir(fs: FileSystem, path: string): void {
  if (fs.exists(path)) return;
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  ensureDir(fs, parent);
  fs.mkdir(path, { mode: 0o755 });
  fs.chown(path, 0, 0);
}

/** install the packages' files into a host filesystem that has none of them (a fresh or an older sandbox) */
export function installDockerPackages(fs: FileSystem): void {
  if (fs.exists(UNITS['docker.service'].fragmentPath)) return;
  ensureDir(fs, '/etc/docker');
  for (const [path, text] of Object.entries(UNIT_FILES)) {
    ensureDir(fs, path.slice(0, path.lastIndexOf('/')));
    fs.writeFile(path, text, path.startsWith('/etc/init.d/') ? 0o755 : 0o644);
    fs.chown(path, 0, 0);
  }
  for (const u of Object.values(UNITS)) {
    const link = wantsLink(u);
    ensureDir(fs, link.slice(0, link.lastIndexOf('/')));
    if (!fs.exists(link)) fs.symlink(u.fragmentPath, link);
  }
}
