/**
 * The init layer as it sits on disk, which is what `docker export` archives
 * (moby daemon/initlayer.Setup run over the image's merged view): empty
 * mount-point files (/.dockerenv, /etc/hosts, /etc/hostname, /etc/resolv.conf,
 * /dev/console, mode 0755), the /dev/pts, /dev/shm, /proc, /sys directories
 * when the image lacks them, /etc/mtab -> /proc/mounts. Existing files on
 * those paths are unlinked first; directories touched get the creation time.
 * (The running container sees the bind-mounted contents instead; those come
 * from the containers' own init layer.)
 */
import type { LayerFiles } from '../fs/layer-entry';
import { UnionFs } from '../fs/union-fs';

const INIT_PATHS: [string, 'dir' | 'file' | 'link'][] = [
  ['/dev/pts', 'dir'],
  ['/dev/shm', 'dir'],
  ['/proc', 'dir'],
  ['/sys', 'dir'],
  ['/.dockerenv', 'file'],
  ['/etc/resolv.conf', 'file'],
  ['/etc/hosts', 'file'],
  ['/etc/hostname', 'file'],
  ['/dev/console', 'file'],
  ['/etc/mtab', 'link'],
];

export function exportInitLayer(imageLayers: readonly LayerFiles[], created: number): LayerFiles {
  const upper: LayerFiles = new Map();
  const fs = new UnionFs(imageLayers, upper, { now: () => created });
  for (const [path, kind] of INIT_PATHS) {
    const parts = path.split('/').slice(1);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = `/${parts.slice(0, i).join('/')}`;
      try {
        if (fs.lstat(prefix).type !== 'dir') fs.unlink(prefix);
      } catch {
        // unix.Unlink errors are ignored
      }
    }
    if (fs.exists(path)) continue;
    try {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true, mode: 0o755 });
      if (kind === 'dir') fs.mkdir(path, { mode: 0o755 });
      else if (kind === 'file') fs.writeFile(path, new Uint8Array(), 0o755);
      else fs.symlink('/proc/mounts', path);
    } catch {
      // an image whose /etc is a file: dockerd would fail to create the container
    }
  }
  return upper;
}
