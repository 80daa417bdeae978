/**
 * Writing COPY/ADD sources into a new layer over the current image (moby
 * performCopyForInfo / copyDirectory / copyFile): modes and mtimes kept,
 * owner root (or --chown, or the source's with COPY --from), a directory's
 * contents copied into the destination, ADD unpacking a local tar archive.
 */
import type { FileStat } from '../../../api/fs';
import { readContent, textDecoder } from '../../../api/fs';
import { type Content, contentSize, zeros } from '../../../lib/content';
import { cleanPath } from '../../../lib/dockerignore';
import { looksLikeTar, readTar } from '../../../lib/tar';
import type { UnionFs } from '../../fs/union-fs';
import { followSymlinkInScope } from '../scoped-path';
import type { CopyInfo } from './copy-sources';

export interface Identity {
  uid: number;
  gid: number;
}

const join = (a: string, b: string) => cleanPath(`${a}/${b}`);
const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? '';

/** normalizeDest: relative destinations are under WORKDIR; a trailing "/" is kept */
export function normalizeDest(workingDir: string, requested: string): string {
  if (requested.startsWith('/')) return requested;
  let dest = cleanPath(`/${workingDir}/${requested}`);
  if (requested.endsWith('/') && dest !== '/') dest += '/';
  return dest;
}

/** MkdirAll, chowning only the directories it creates */
function mkdirAll(fs: UnionFs, path: string, owner: Identity | undefined): void {
  const missing: string[] = [];
  for (let p = cleanPath(path); p !== '/' && !fs.exists(p); p = dirOf(p)) missing.unshift(p);
  for (const p of missing) {
    fs.mkdir(p, { mode: 0o755 });
    if (owner) fs.chown(p, owner.uid, owner.gid);
  }
}

function isDir(fs: UnionFs, p: string): boolean {
  try {
    return fs.stat(p).type === 'dir';
  } catch {
    return false;
  }
}

function putFile(dest: UnionFs, path: string, data: Content, st: Pick<FileStat, 'mode' | 'uid' | 'gid' | 'mtime'>, owner?: Identity): void {
  if (dest.exists(path) && dest.lstat(path).type === 'symlink') dest.unlink(path);
  dest.writeFile(path, data, st.mode);
  dest.chmod(path, st.mode);
  dest.chown(path, owner?.uid ?? st.uid, owner?.gid ?? st.gid);
  dest.utimes(path, st.mtime);
}

/** copy one source entry (file, dir or symlink) from `src` at `from` to `dest` at `to` */
function copyEntry(src: UnionFs, from: string, dest: UnionFs, to: string, owner: Identity | undefined, chownRoot: boolean): void {
  const st = src.lstat(from);
  const own = (p: string) => {
    if (owner) dest.chown(p, owner.uid, owner.gid);
    else dest.chown(p, st.uid, st.gid);
  };
  if (st.type === 'dir') {
    if (!dest.exists(to)) dest.mkdir(to, { mode: st.mode });
    if (chownRoot) own(to);
    for (const name of src.readdir(from)) copyEntry(src, join(from, name), dest, join(to, name), owner, true);
    if (chownRoot) {
      dest.chmod(to, st.mode);
      dest.utimes(to, st.mtime);
    }
    return;
  }
  if (st.type === 'symlink') {
    if (dest.exists(to)) dest.unlink(to);
    dest.symlink(src.readlink(from), to);
    return;
  }
  putFile(dest, to, readContent(src, from), st, owner);
}

/** ADD of a local tar: unpacked into the destination with the archive's owners */
function untarInto(dest: UnionFs, data: Content, to: string): void {
  mkdirAll(dest, to, undefined);
  for (const e of readTar(data)) {
    const rel = cleanPath(`/${e.name}`);
    if (rel === '/') continue;
    const p = join(to, rel);
    mkdirAll(dest, dirOf(p), undefined);
    if (e.type === 'dir') {
      if (!dest.exists(p)) dest.mkdir(p, { mode: e.mode });
      dest.chmod(p, e.mode);
    } else if (e.type === 'symlink') {
      if (dest.exists(p)) dest.unlink(p);
      dest.symlink(e.linkname ?? '', p);
      continue;
    } else if (e.type === 'hardlink') {
      const srcPath = join(to, cleanPath(`/${e.linkname ?? ''}`));
      if (dest.exists(srcPath)) dest.writeFile(p, readContent(dest, srcPath), e.mode);
    } else if (e.type === 'file') {
      dest.writeFile(p, e.data ?? zeros(e.size), e.mode);
      dest.chmod(p, e.mode);
    } else continue;
    dest.chown(p, e.uid, e.gid);
    dest.utimes(p, e.mtime);
  }
}

function isArchive(data: Content): boolean {
  try {
    return contentSize(data) >= 512 && looksLikeTar(data) && readTar(data).length >= 0;
  } catch {
    return false;
  }
}

export interface CopyIntoOptions {
  decompress: boolean;
  owner?: Identity;
  /** the host path of the new layer's mount, for error texts */
  mergedDir: () => string;
}

/** MkdirAll's error when `path` exists as something else than a directory */
function notADirectory(dest: UnionFs, path: string, mergedDir: () => string): string | undefined {
  return dest.exists(path) && !isDir(dest, path) ? `mkdir ${mergedDir()}${path}: not a directory` : undefined;
}

export function copyInfoInto(dest: UnionFs, destPath: string, info: CopyInfo, opts: CopyIntoOptions): void {
  const src = info.tree;
  const from = src.realPath(src.fullPath(info.path));
  const st = src.fs.stat(from);
  // dest.fullPath(): symlinks resolved in the layer (a path below a file fails here)
  const root = followSymlinkInScope(dest, destPath, opts.mergedDir);
  if (st.type === 'dir') {
    const bad = notADirectory(dest, root, opts.mergedDir);
    if (bad) throw new Error(`failed to copy directory: ${bad}`);
    const existed = isDir(dest, root);
    mkdirAll(dest, root, opts.owner);
    if (opts.owner && !existed) dest.chown(root, opts.owner.uid, opts.owner.gid);
    for (const name of src.fs.readdir(from)) copyEntry(src.fs, join(from, name), dest, join(root, name), opts.owner, true);
    return;
  }
  const data = readContent(src.fs, from);
  if (opts.decompress && isArchive(data)) {
    untarInto(dest, data, root);
    return;
  }
  let target = root;
  if (destPath.endsWith('/') || isDir(dest, target)) target = join(target, baseOf(info.path));
  const bad = notADirectory(dest, dirOf(target), opts.mergedDir);
  if (bad) throw new Error(`failed to create new directory: ${bad}`);
  mkdirAll(dest, dirOf(target), opts.owner);
  putFile(dest, target, data, st, opts.owner);
}

/** --chown=user[:group]: numbers as is, names from the image's /etc/passwd and /etc/group */
export function parseChown(fs: UnionFs, chown: string): Identity {
  const parts = chown.split(':');
  if (parts.length > 2) throw new Error(`invalid chown string format: ${chown}`);
  const [user, group] = parts.length === 1 ? [parts[0] as string, parts[0] as string] : [parts[0] as string, parts[1] as string];
  const lookup = (file: string, name: string, kind: 'user' | 'group'): number => {
    if (/^-?\d+$/.test(name)) return Number(name);
    let text = '';
    try {
      text = textDecoder.decode(fs.readFile(file));
    } catch {
      throw new Error(`open ${file}: no such file or directory`);
    }
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 3) return Number(f[2]);
    }
    throw new Error(`no such ${kind}: ${name}`);
  };
  let uid: number;
  try {
    uid = lookup('/etc/passwd', user, 'user');
  } catch (err) {
    throw new Error(`can't find uid for user ${user}: ${(err as Error).message}`);
  }
  let gid: number;
  try {
    gid = lookup('/etc/group', group, 'group');
  } catch (err) {
    throw new Error(`can't find gid for group ${group}: ${(err as Error).message}`);
  }
  return { uid, gid };
}
