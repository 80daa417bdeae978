/**
 * A container's root filesystem: read-only image layers (bottom → top) under a
 * writable upper layer, with overlayfs semantics — copy-up on write/chmod,
 * whiteouts for deleted lower paths, opaque directories when a lower directory
 * is removed and made again — plus symlink resolution (absolute links resolve
 * inside this root) and mount points (volumes, binds) that appear inside it.
 *
 * `new UnionFs([], new Map())` is a plain in-memory filesystem.
 */
import type { FileStat, FileSystem } from '../../api/fs';
import { FsError } from '../../api/fs';
import { byteOrder, statOf, toBytes } from './entry-stat';
import { copyTree } from './copy-tree';
import { ancestors, baseName, joinPath, normalizePath, parentPath, splitPath } from './fs-path';
import type { LayerEntry, LayerFiles } from './layer-entry';
import { lowerView, type LowerView, type VisibleEntry } from './lower-view';
import { collectChanges, type Change } from './union-changes';

export type { Change } from './union-changes';

export interface MountPoint {
  /** canonical path inside the container */
  path: string;
  fs: FileSystem;
  readonly: boolean;
}

export interface UnionFsOptions {
  /** mtime of new and changed entries (the engine passes engine.clock.now) */
  now?: () => number;
}

type Loc = { kind: 'union'; path: string } | { kind: 'mount'; mount: MountPoint; path: string };

const MAX_LINKS = 40;

export class UnionFs implements FileSystem {
  private readonly lower: LowerView;
  private readonly up: LayerFiles;
  /** children of upper directories (whiteouts included), in insertion order */
  private readonly upKids = new Map<string, Set<string>>();
  private readonly mountTable = new Map<string, MountPoint>();
  private readonly now: () => number;

  constructor(lowers: readonly LayerFiles[], upper: LayerFiles = new Map(), opts: UnionFsOptions = {}) {
    this.lower = lowerView(lowers);
    this.up = upper;
    this.now = opts.now ?? (() => 0);
    for (const path of upper.keys()) if (path !== '/') this.indexChild(path);
  }

  /** the writable layer (live): what `docker diff` / `docker commit` read */
  upper(): LayerFiles {
    return this.up;
  }

  /** `docker diff`: Kind 0 = changed, 1 = added, 2 = deleted; parents before children */
  changes(): Change[] {
    return collectChanges(this.up, this.upKids, this.lower);
  }

  // ---- mounts -------------------------------------------------------------

  /** make `fs` appear at `path` (created in the writable layer when missing, as dockerd does) */
  mount(path: string, fs: FileSystem, readonly = false): void {
    let fileMount = false;
    try {
      fileMount = fs.stat('/').type === 'file';
    } catch {
      // an unreadable root mounts like a directory
    }
    if (fileMount) {
      // a single file bind-mounted (`-v /host/app.conf:/etc/app.conf`): its mount point is a file
      this.mkdir(parentPath(normalizePath(path)), { recursive: true });
      if (!this.exists(path)) this.writeFile(path, '');
    } else {
      this.mkdir(path, { recursive: true });
    }
    const loc = this.locate(path, true);
    if (loc.kind !== 'union') throw new FsError('EINVAL', path);
    this.mountTable.set(loc.path, { path: loc.path, fs, readonly });
  }

  unmount(path: string): void {
    this.mountTable.delete(normalizePath(path));
  }

  mounts(): MountPoint[] {
    return [...this.mountTable.values()];
  }

  // ---- lookups ------------------------------------------------------------

  /** the entry a path shows after upper/lower/whiteout/opaque rules (no symlink resolution) */
  private entry(path: string): VisibleEntry | undefined {
    const u = this.up.get(path);
    if (u) return u.kind === 'whiteout' ? undefined : u;
    if (this.hiddenByUpper(path)) return undefined;
    return this.lower.get(path);
  }

  /** is a lower path hidden by an upper ancestor that is opaque, a whiteout or not a directory */
  private hiddenByUpper(path: string): boolean {
    for (const a of ancestors(path)) {
      const ua = this.up.get(a);
      if (ua && (ua.kind !== 'dir' || ua.opaque)) return true;
    }
    return false;
  }

  /** the lower entry at `path` as the upper layer lets it show through its ancestors */
  private lowerAt(path: string): VisibleEntry | undefined {
    return this.hiddenByUpper(path) ? undefined : this.lower.get(path);
  }

  /**
   * Resolve `input` to a canonical location. Intermediate components must exist
   * (ENOENT) and be directories (ENOTDIR); the last one may be missing.
   */
  private locate(input: string, followLast: boolean): Loc {
    let pending = splitPath(input);
    let canon: string[] = [];
    let links = 0;
    while (pending.length > 0) {
      const name = pending.shift() as string;
      if (name === '..') {
        canon.pop();
        continue;
      }
      canon.push(name);
      const path = `/${canon.join('/')}`;
      const mount = this.mountTable.get(path);
      if (mount) return { kind: 'mount', mount, path: normalizePath(pending.join('/')) };
      const isLast = pending.length === 0;
      const e = this.entry(path);
      if (!e) {
        if (isLast) return { kind: 'union', path };
        throw new FsError('ENOENT', input);
      }
      if (e.kind === 'symlink' && (!isLast || followLast)) {
        if (++links > MAX_LINKS) throw new FsError('ELOOP', input);
        canon.pop();
        if (e.target.startsWith('/')) canon = [];
        pending = [...splitPath(e.target), ...pending];
        continue;
      }
      if (!isLast && e.kind !== 'dir') throw new FsError('ENOTDIR', input);
    }
    const root = this.mountTable.get('/');
    if (root && canon.length === 0) return { kind: 'mount', mount: root, path: '/' };
    return { kind: 'union', path: `/${canon.join('/')}` };
  }

  private writable(loc: Loc, input: string): void {
    if (loc.kind === 'mount' && loc.mount.readonly) throw new FsError('EROFS', input);
  }

  // ---- upper layer bookkeeping -------------------------------------------

  private indexChild(path: string): void {
    const parent = parentPath(path);
    let kids = this.upKids.get(parent);
    if (!kids) {
      kids = new Set();
      this.upKids.set(parent, kids);
    }
    kids.add(baseName(path));
  }

  private setUpper(path: string, e: LayerEntry): void {
    if (!this.up.has(path)) this.indexChild(path);
    this.up.set(path, e);
  }

  private deleteUpper(path: string): void {
    if (!this.up.delete(path)) return;
    this.upKids.get(parentPath(path))?.delete(baseName(path));
  }

  /** copy up every ancestor directory of `path` that lives only in lower layers */
  private copyUpParents(path: string): void {
    for (const a of ancestors(path)) {
      if (this.up.has(a)) continue;
      const e = this.lower.get(a);
      if (e?.kind !== 'dir') throw new FsError('ENOENT', path);
      this.setUpper(a, { kind: 'dir', mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime });
    }
  }

  /** an upper copy of the entry at `path` (copy-up), ready to be modified */
  private copyUp(path: string, e: VisibleEntry): VisibleEntry {
    if (this.up.get(path) === e) return e;
    this.copyUpParents(path);
    const copy: VisibleEntry = e.kind === 'dir' ? { kind: 'dir', mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime } : { ...e };
    this.setUpper(path, copy);
    return copy;
  }

  private touchParent(path: string): void {
    const parent = parentPath(path);
    if (parent === '/') return;
    const e = this.up.get(parent);
    if (e && e.kind === 'dir') e.mtime = this.now();
  }

  /** remove `path` (already known to exist as `e`) and, for directories, everything below */
  private removeAt(path: string): void {
    const kids = this.upKids.get(path);
    if (kids) for (const name of [...kids]) this.removeUpperTree(joinPath(path, name));
    this.copyUpParents(path);
    if (this.lowerAt(path)) this.setUpper(path, { kind: 'whiteout' });
    else this.deleteUpper(path);
    this.touchParent(path);
  }

  private removeUpperTree(path: string): void {
    const kids = this.upKids.get(path);
    if (kids) for (const name of [...kids]) this.removeUpperTree(joinPath(path, name));
    this.upKids.delete(path);
    this.deleteUpper(path);
  }

  /** create a new entry where nothing is visible now */
  private create(path: string, e: VisibleEntry): void {
    this.copyUpParents(path);
    const hidden = this.up.get(path)?.kind === 'whiteout' || this.lowerAt(path) !== undefined;
    if (e.kind === 'dir' && hidden) {
      // overlayfs: a directory made over a deleted lower path is opaque
      this.removeUpperTree(path);
      this.setUpper(path, { ...e, opaque: true });
    } else {
      this.setUpper(path, e);
    }
    this.touchParent(path);
  }

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
    const e = this.entry(loc.path);
    if (!e) throw new FsError('ENOENT', path);
    if (e.kind === 'dir') throw new FsError('EISDIR', path);
    if (e.kind !== 'file') throw new FsError('EINVAL', path);
    return e.data ?? new Uint8Array(e.size);
  }

  writeFile(path: string, data: Uint8Array | string, mode?: number): void {
    const loc = this.locate(path, true);
    this.writable(loc, path);
    if (loc.kind === 'mount') {
      loc.mount.fs.writeFile(loc.path, data, mode);
      return;
    }
    const bytes = toBytes(data);
    const e = this.entry(loc.path);
    if (e?.kind === 'dir') throw new FsError('EISDIR', path);
    if (e && e.kind === 'file') {
      this.copyUpParents(loc.path);
      this.setUpper(loc.path, { ...e, data: bytes, size: bytes.length, mtime: this.now() });
      return;
    }
    this.create(loc.path, { kind: 'file', mode: mode ?? 0o644, uid: 0, gid: 0, mtime: this.now(), size: bytes.length, data: bytes });
  }

  appendFile(path: string, data: Uint8Array | string): void {
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
    const old = this.readFile(path);
    const add = toBytes(data);
    const joined = new Uint8Array(old.length + add.length);
    joined.set(old);
    joined.set(add, old.length);
    this.writeFile(path, joined);
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

  /** names in a union directory, mounts not applied */
  private unionNames(dir: string): Set<string> {
    const names = new Set<string>();
    const u = this.up.get(dir);
    const lowerShows = !(u?.kind === 'dir' && u.opaque) && (dir === '/' || !this.hiddenByUpper(dir));
    if (lowerShows) {
      for (const n of this.lower.children(dir) ?? []) {
        if (this.up.get(joinPath(dir, n))?.kind !== 'whiteout') names.add(n);
      }
    }
    for (const n of this.upKids.get(dir) ?? []) {
      if (this.up.get(joinPath(dir, n))?.kind !== 'whiteout') names.add(n);
    }
    return names;
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
  }

  // ---- whole-tree views --------------------------------------------------

  /** every visible path of the root filesystem (mounts excluded), parents before children: `docker export` */
  *walk(dir = '/'): Generator<[string, VisibleEntry]> {
    const e = this.entry(dir);
    if (!e) return;
    if (dir !== '/') yield [dir, e];
    if (e.kind !== 'dir') return;
    const names = [...this.unionNames(dir)].sort(byteOrder);
    for (const name of names) {
      const child = joinPath(dir, name);
      if (this.mountTable.has(child)) {
        const ce = this.entry(child);
        if (ce) yield [child, ce];
      } else {
        yield* this.walk(child);
      }
    }
  }

  /** the visible entry at a canonical path (no symlink resolution, mounts not applied) */
  entryAt(path: string): VisibleEntry | undefined {
    return this.entry(normalizePath(path));
  }
}
