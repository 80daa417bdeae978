/**
 * A container's root filesystem: read-only image layers (bottom → top) under a
 * writable upper layer, with overlayfs semantics — copy-up on write/chmod,
 * whiteouts for deleted lower paths, opaque directories when a lower directory
 * is removed and made again — plus symlink resolution (absolute links resolve
 * inside this root) and mount points (volumes, binds) that appear inside it.
 * Lookups and the writable-layer bookkeeping are in union-core.ts.
 *
 * `new UnionFs([], new Map())` is a plain in-memory filesystem.
 */
import type { Content, FileStat, FileSystem } from '../../api/fs';
import { FsError, textEncoder } from '../../api/fs';
import { concatContent, contentSize, materialize } from '../../lib/content';
import { copyTree } from './copy-tree';
import { byteOrder, statOf } from './entry-stat';
import { baseName, normalizePath, parentPath, splitPath } from './fs-path';
import { entryContent } from './layer-entry';
import type { VisibleEntry } from './lower-view';
import { UnionCore } from './union-core';

export type { Change } from './union-changes';
export type { MountPoint, UnionFsOptions } from './union-core';

export class UnionFs extends UnionCore implements FileSystem {
  // ---- FileSystem --------------------------------------------------------

  stat(path: string): FileStat {
    const loc = this.locate(path, true);
    if (loc.kind === 'mount') return loc.mount.fs.stat(loc.path);
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    return statOf(e);
  }

  lstat(path: string): FileStat {
    const loc = this.locate(path, false);
    if (loc.kind === 'mount') return loc.mount.fs.lstat(loc.path);
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    return statOf(e);
  }

  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  readFile(path: string): Uint8Array {
    const loc = this.locate(path, true);
    if (loc.kind === 'mount') return loc.mount.fs.readFile(loc.path);
    return materialize(this.readContent(path));
  }

  readContent(path: string): Content {
    const loc = this.locate(path, true);
    if (loc.kind === 'mount') {
      const fs = loc.mount.fs;
      return fs.readContent ? fs.readContent(loc.path) : fs.readFile(loc.path);
    }
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    if (e.kind === 'dir') throw new FsError('EISDIR', path);
    if (e.kind !== 'file') throw new FsError('EINVAL', path);
    return entryContent(loc.path, e);
  }

  writeFile(path: string, data: Content | string, mode?: number): void {
    const loc = this.locate(path, true);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.writeFile(loc.path, data, mode);
      return;
    }
    const content = typeof data === 'string' ? textEncoder.encode(data) : data;
    const size = contentSize(content);
    const e = this.entry(loc.path);
    if (e?.kind === 'dir') throw new FsError('EISDIR', path);
    if (e && e.kind === 'file') {
      this.copyUpParents(loc.path);
      this.setUpper(loc.path, { ...e, data: content, size, mtime: this.now() });
      return;
    }
    this.create(loc.path, { kind: 'file', mode: mode ?? 0o644, uid: 0, gid: 0, mtime: this.now(), size, data: content });
  }

  appendFile(path: string, data: Content | string): void {
    const loc = this.locate(path, true);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.appendFile(loc.path, data);
      return;
    }
    const e = this.entry(loc.path);
    if (!e) {
      this.writeFile(path, data);
      return;
    }
    const old = this.readContent(path);
    const add = typeof data === 'string' ? textEncoder.encode(data) : data;
    this.writeFile(path, concatContent([old, add]));
  }

  readdir(path: string): string[] {
    const loc = this.locate(path, true);
    if (loc.kind === 'mount') return loc.mount.fs.readdir(loc.path);
    const dir = loc.path;
    const e = this.entry(dir);
    if (!e) throw new FsError('ENOENT', path);
    if (e.kind !== 'dir') throw new FsError('ENOTDIR', path);
    const names = this.unionNames(dir);
    for (const m of this.mountTable.keys()) if (m !== '/' && parentPath(m) === dir) names.add(baseName(m));
    return [...names].sort(byteOrder);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    if (opts.recursive) {
      const parts = splitPath(normalizePath(path));
      for (let i = 1; i <= parts.length; i++) {
        const prefix = `/${parts.slice(0, i).join('/')}`;
        let st: FileStat | undefined;
        try {
          st = this.stat(prefix);
        } catch (err) {
          if (!(err instanceof FsError) || err.code !== 'ENOENT') throw err;
        }
        if (st && st.type !== 'dir') throw new FsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', path);
        if (!st) this.mkdir(prefix, { mode: opts.mode });
      }
      return;
    }
    const loc = this.locate(path, false);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.mkdir(loc.path, opts);
      return;
    }
    if (this.entry(loc.path)) throw new FsError('EEXIST', path);
    this.create(loc.path, { kind: 'dir', mode: opts.mode ?? 0o755, uid: 0, gid: 0, mtime: this.now() });
  }

  unlink(path: string): void {
    const loc = this.locate(path, false);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.unlink(loc.path);
      return;
    }
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    if (e.kind === 'dir') throw new FsError('EISDIR', path);
    this.removeAt(loc.path);
  }

  rmdir(path: string, opts: { recursive?: boolean } = {}): void {
    const loc = this.locate(path, false);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.rmdir(loc.path, opts);
      return;
    }
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    if (!opts.recursive) {
      if (e.kind !== 'dir') throw new FsError('ENOTDIR', path);
      if (this.readdir(loc.path).length > 0) throw new FsError('ENOTEMPTY', path);
    }
    if (loc.path === '/') throw new FsError('EINVAL', path);
    for (const m of this.mountTable.keys()) if (m.startsWith(`${loc.path}/`)) throw new FsError('EINVAL', path);
    this.removeAt(loc.path);
  }

  rename(from: string, to: string): void {
    const src = this.locate(from, false);
    const dst = this.locate(to, false);
    this.writable(src, from);
    this.writable(dst, to);
    if (src.kind === 'mount' && dst.kind === 'mount' && src.mount === dst.mount) {
      src.mount.fs.rename(src.path, dst.path);
      return;
    }
    const st = this.lstat(from);
    let dstStat: FileStat | undefined;
    try {
      dstStat = this.lstat(to);
    } catch {
      dstStat = undefined;
    }
    if (src.kind === 'union' && dst.kind === 'union') {
      if (src.path === dst.path) return;
      if (dst.path.startsWith(`${src.path}/`)) throw new FsError('EINVAL', to);
    }
    if (dstStat) {
      if (st.type === 'dir' && dstStat.type !== 'dir') throw new FsError('ENOTDIR', to);
      if (st.type !== 'dir' && dstStat.type === 'dir') throw new FsError('EISDIR', to);
      if (dstStat.type === 'dir') {
        if (this.readdir(to).length > 0) throw new FsError('ENOTEMPTY', to);
        this.rmdir(to);
      } else {
        this.unlink(to);
      }
    }
    copyTree(this, from, this, to);
    if (st.type === 'dir') this.rmdir(from, { recursive: true });
    else this.unlink(from);
  }

  symlink(target: string, path: string): void {
    const loc = this.locate(path, false);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.symlink(target, loc.path);
      return;
    }
    if (this.entry(loc.path)) throw new FsError('EEXIST', path);
    this.create(loc.path, { kind: 'symlink', target, mode: 0o777, uid: 0, gid: 0, mtime: this.now() });
  }

  readlink(path: string): string {
    const loc = this.locate(path, false);
    if (loc.kind === 'mount') return loc.mount.fs.readlink(loc.path);
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    if (e.kind !== 'symlink') throw new FsError('EINVAL', path);
    return e.target;
  }

  chmod(path: string, mode: number): void {
    this.modify(path, true, (e) => {
      e.mode = mode & 0o7777;
    }, (fs, p) => fs.chmod(p, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    this.modify(path, true, (e) => {
      e.uid = uid;
      e.gid = gid;
    }, (fs, p) => fs.chown(p, uid, gid));
  }

  utimes(path: string, mtime: number): void {
    this.modify(path, true, (e) => {
      e.mtime = mtime;
    }, (fs, p) => fs.utimes(p, mtime));
  }

  private modify(path: string, follow: boolean, change: (e: VisibleEntry) => void, onMount: (fs: FileSystem, p: string) => void): void {
    const loc = this.locate(path, follow);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      onMount(loc.mount.fs, loc.path);
      return;
    }
    if (loc.path === '/') return;
    const entry = this.entry(loc.path);
    if (!entry) throw new FsError('ENOENT', path);
    const copy = this.copyUp(loc.path, entry);
    change(copy);
    this.gen++;
  }

}
