/**
 * /containers/{id}/archive (docker cp): HEAD = stat a path, GET = a tar of a
 * path, PUT = extract a tar into a directory. Paths are resolved inside the
 * container's filesystem with its mounts (volumes and binds), like dockerd
 * does; symlinks are followed except in the last element.
 */
import type { ContainerPathStat, CopyFromContainerResult, CopyToContainerOptions } from '../../../api/archive';
import { GO_MODE_DIR, GO_MODE_SYMLINK } from '../../../api/archive';
import { invalidParameter, notFound, systemError } from '../../../api/errors';
import { type FileStat, type FileSystem, FsError, readContent, textDecoder } from '../../../api/fs';
import { type Content, contentSize, zeros } from '../../../lib/content';
import { memberPath, readTar, type TarEntry, TarFormatError, writeTarContent } from '../../../lib/tar';
import type { ContainerRecord } from '../../containers/container-record';
import type { Engine } from '../../engine';
import { sha256Digest } from '../../layers/digest';
import { rfc3339Nano } from '../../images/image-config';
import { DOCKER_TAR } from '../layer-tar';

function attrs(c: ContainerRecord): Record<string, string> {
  return { ...(c.Config.Labels ?? {}), image: c.Config.Image, name: c.Name.slice(1) };
}

/** "tmp/x" → "/tmp/x", keeping a trailing "/" or "/." the way archive.PreserveTrailingDotOrSeparator does */
export function containerAbsPath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  let abs = `/${parts.join('/')}`;
  if (path.endsWith('/.') && abs !== '/') abs += '/.';
  else if (path.endsWith('/') && abs !== '/') abs += '/';
  return abs;
}

/** the merged directory dockerd names in errors (the rw layer's overlay2 directory) */
function mergedDir(c: ContainerRecord): string {
  return `/var/lib/docker/overlay2/${sha256Digest(`${c.ID}-rw`).slice(7)}/merged`;
}

function fsFailure(c: ContainerRecord, ref: string, path: string, err: unknown, op = 'lstat'): Error {
  if (err instanceof FsError) {
    if (err.code === 'ENOENT') return notFound(`Could not find the file ${path} in container ${ref}`);
    if (err.code === 'ENOTDIR') return systemError(`${op} ${mergedDir(c)}${path}: not a directory`);
    if (err.code === 'EROFS') return forbiddenWrite(c);
    return systemError(`${op} ${mergedDir(c)}${path}: ${err.text.toLowerCase()}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

function forbiddenWrite(c: ContainerRecord): Error {
  if (c.HostConfig.ReadonlyRootfs) return invalidParameter('container rootfs is marked read-only');
  return invalidParameter('mounted volume is marked read-only');
}

function goMode(st: FileStat): number {
  const perm = st.mode & 0o7777;
  if (st.type === 'dir') return (GO_MODE_DIR | perm) >>> 0;
  if (st.type === 'symlink') return (GO_MODE_SYMLINK | perm) >>> 0;
  return perm;
}

function pathStat(fs: FileSystem, path: string): ContainerPathStat {
  const clean = path.replace(/\/\.?$/, '') || '/';
  const st = path.endsWith('/') || path.endsWith('/.') ? fs.stat(clean) : fs.lstat(clean);
  if ((path.endsWith('/') || path.endsWith('/.')) && st.type !== 'dir') throw new FsError('ENOTDIR', path);
  const name = clean === '/' ? '/' : clean.slice(clean.lastIndexOf('/') + 1);
  let linkTarget = '';
  if (st.type === 'symlink') {
    try {
      linkTarget = fs.readlink(clean);
    } catch {
      linkTarget = st.target ?? '';
    }
  }
  return { name, size: st.size, mode: goMode(st), mtime: rfc3339Nano(st.mtime), linkTarget };
}

export function containerStatPath(engine: Engine, ref: string, path: string): ContainerPathStat {
  const c = engine.containers.resolve(ref);
  const abs = containerAbsPath(path);
  try {
    return pathStat(c.rootfs, abs);
  } catch (err) {
    throw fsFailure(c, ref, abs, err);
  }
}

function walk(fs: FileSystem, path: string, name: string, out: TarEntry[]): void {
  const st = fs.lstat(path);
  const owner = (id: number) => (id === 0 ? 'root' : '');
  const base = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, uname: owner(st.uid), gname: owner(st.gid), mtime: st.mtime };
  if (st.type === 'dir') {
    out.push({ ...base, name: `${name}/`, type: 'dir', size: 0 });
    for (const child of fs.readdir(path)) walk(fs, path === '/' ? `/${child}` : `${path}/${child}`, `${name}/${child}`, out);
  } else if (st.type === 'symlink') {
    out.push({ ...base, name, type: 'symlink', size: 0, linkname: fs.readlink(path) });
  } else {
    const data = readContent(fs, path);
    out.push({ ...base, name, type: 'file', size: contentSize(data), data });
  }
}

export function copyFromContainer(engine: Engine, ref: string, path: string): CopyFromContainerResult {
  const c = engine.containers.resolve(ref);
  const abs = containerAbsPath(path);
  let stat: ContainerPathStat;
  const entries: TarEntry[] = [];
  try {
    stat = pathStat(c.rootfs, abs);
    const clean = abs.replace(/\/\.?$/, '') || '/';
    const rebase = abs.endsWith('/.') ? '.' : stat.name === '/' ? '.' : stat.name;
    walk(c.rootfs, clean, rebase, entries);
  } catch (err) {
    throw fsFailure(c, ref, abs, err);
  }
  engine.events.emit(engine.clock.now(), 'container', 'archive-path', c.ID, attrs(c));
  return { content: writeTarContent(entries, DOCKER_TAR), stat };
}

function exists(fs: FileSystem, path: string): FileStat | undefined {
  try {
    return fs.lstat(path);
  } catch {
    return undefined;
  }
}

function containerUser(c: ContainerRecord): { uid: number; gid: number } {
  const [u = '', g = ''] = (c.Config.User || '').split(':');
  const uid = /^\d+$/.test(u) ? Number(u) : 0;
  const gid = /^\d+$/.test(g) ? Number(g) : uid;
  if (u && !/^\d+$/.test(u)) {
    try {
      const passwd = textDecoder.decode(c.rootfs.readFile('/etc/passwd'));
      for (const line of passwd.split('\n')) {
        const f = line.split(':');
        if (f[0] === u) return { uid: Number(f[2]) || 0, gid: /^\d+$/.test(g) ? Number(g) : Number(f[3]) || 0 };
      }
    } catch {
      // no /etc/passwd: root
    }
  }
  return { uid, gid };
}

function extractEntry(fs: FileSystem, dir: string, t: TarEntry, noOverwriteDirNonDir: boolean, owner?: { uid: number; gid: number }): void {
  const rel = memberPath(t.name);
  if (!rel || rel === '/') return;
  const dest = dir === '/' ? rel : `${dir}${rel}`;
  const parent = dest.slice(0, dest.lastIndexOf('/')) || '/';
  if (!exists(fs, parent)) fs.mkdir(parent, { recursive: true, mode: 0o755 });
  const prev = exists(fs, dest);
  if (prev && noOverwriteDirNonDir) {
    if (prev.type === 'dir' && t.type !== 'dir') throw invalidParameter(`cannot overwrite directory "${dest}" with non-directory "${dest}"`);
    if (prev.type !== 'dir' && t.type === 'dir') throw invalidParameter(`cannot overwrite non-directory "${dest}" with directory "${dest}"`);
  }
  const uid = owner?.uid ?? t.uid;
  const gid = owner?.gid ?? t.gid;
  switch (t.type) {
    case 'dir':
      if (!prev) fs.mkdir(dest, { mode: t.mode });
      else if (prev.type !== 'dir') {
        fs.unlink(dest);
        fs.mkdir(dest, { mode: t.mode });
      }
      break;
    case 'file':
    case 'hardlink': {
      if (prev && prev.type === 'dir') fs.rmdir(dest, { recursive: true });
      else if (prev) fs.unlink(dest);
      const data = t.type === 'file' ? (t.data ?? zeros(t.size)) : readContent(fs, `${dir === '/' ? '' : dir}${memberPath(t.linkname ?? '')}`);
      fs.writeFile(dest, data, t.mode);
      break;
    }
    case 'symlink':
      if (prev && prev.type === 'dir') fs.rmdir(dest, { recursive: true });
      else if (prev) fs.unlink(dest);
      fs.symlink(t.linkname ?? '', dest);
      break;
    default:
      return;
  }
  if (t.type !== 'symlink') fs.chmod(dest, t.mode);
  fs.chown(dest, uid, gid);
  if (t.type !== 'symlink') fs.utimes(dest, t.mtime);
}

export function copyToContainer(engine: Engine, ref: string, path: string, content: Content, opts: CopyToContainerOptions = {}): void {
  const c = engine.containers.resolve(ref);
  const abs = containerAbsPath(path);
  const clean = abs.replace(/\/\.?$/, '') || '/';
  let dir: string;
  try {
    const st = c.rootfs.stat(clean);
    if (st.type !== 'dir') throw invalidParameter('extraction point is not a directory');
    dir = clean === '/' ? '/' : resolveDir(c.rootfs, clean);
  } catch (err) {
    throw fsFailure(c, ref, abs, err);
  }
  let entries: TarEntry[];
  try {
    entries = readTar(content);
  } catch (err) {
    if (err instanceof TarFormatError) throw systemError(err.message);
    throw err;
  }
  if (c.HostConfig.ReadonlyRootfs) throw forbiddenWrite(c);
  const owner = opts.copyUIDGID ? containerUser(c) : undefined;
  try {
    for (const t of entries) extractEntry(c.rootfs, dir, t, !opts.allowOverwriteDirWithFile, owner);
  } catch (err) {
    throw fsFailure(c, ref, abs, err, 'open');
  }
  engine.events.emit(engine.clock.now(), 'container', 'extract-to-dir', c.ID, attrs(c));
}

/** the directory a path names once its symlinks are followed (extraction happens there) */
function resolveDir(fs: FileSystem, path: string): string {
  let cur = path;
  for (let i = 0; i < 40; i++) {
    const st = fs.lstat(cur);
    if (st.type !== 'symlink') return cur;
    const target = fs.readlink(cur);
    cur = target.startsWith('/') ? target : `${cur.slice(0, cur.lastIndexOf('/')) || ''}/${target}`;
  }
  throw new FsError('ELOOP', path);
}
