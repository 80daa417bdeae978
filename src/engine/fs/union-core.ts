/**
 * The lookups and writable-layer bookkeeping of UnionFs (union-fs.ts): a
 * container's root filesystem: read-only image layers (bottom → top) under a
 * writable upper layer, with overlayfs semantics — copy-up on write/chmod,
 * whiteouts for deleted lower paths, opaque directories when a lower directory
 * is removed and made again — plus symlink resolution (absolute links resolve
 * inside this root) and mount points (volumes, binds) that appear inside it.
 */
import type { FileSystem } from '../../api/fs';
import { FsError } from '../../api/fs';
import { byteOrder } from './entry-stat';
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

export abstract class UnionCore {
  protected readonly lower: LowerView;
  protected readonly up: LayerFiles;
  /** children of upper directories (whiteouts included), in insertion order */
  protected readonly upKids = new Map<string, Set<string>>();
  protected readonly mountTable = new Map<string, MountPoint>();
  protected readonly now: () => number;
  /** bumped by every change to the upper layer or the mount table (FileSystem.generation) */
  protected gen = 0;

  constructor(lowers: readonly LayerFiles[], upper: LayerFiles = new Map(), opts: UnionFsOptions = {}) {
    this.lower = lowerView(lowers);
    this.up = upper;
    this.now = opts.now ?? (() => 0);
    for (const path of upper.keys()) if (path !== '/') this.indexChild(path);
  }

  /**
   * FileSystem.generation: changes with the upper layer, the mount table and
   * what the mounted filesystems show (NaN when one of them does not tell).
   * Changes made to the map behind `upper()` directly are not seen.
   */
  generation(): number {
    let g = this.gen;
    for (const m of this.mountTable.values()) g += m.fs.generation ? m.fs.generation() : Number.NaN;
    return g;
  }

  /** a mount change: the sum of the mounts' generations must not come back to an old value */
  private remounted(): void {
    let sum = 0;
    for (const m of this.mountTable.values()) sum += m.fs.generation?.() || 0;
    this.gen += 1 + sum;
  }

  /** the writable layer (live): what `docker diff` / `docker commit` read */
  upper(): LayerFiles {
    return this.up;
  }

  /** `docker diff`: Kind 0 = changed, 1 = added, 2 = deleted; parents before children */
  changes(): Change[] {
    return collectChanges(this.up, this.upKids, this.lower);
  }

  abstract mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  abstract exists(path: string): boolean;
  abstract writeFile(path: string, data: Uint8Array | string, mode?: number): void;
  abstract readdir(path: string): string[];

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
    this.remounted();
    this.mountTable.set(loc.path, { path: loc.path, fs, readonly });
  }

  unmount(path: string): void {
    this.remounted();
    this.mountTable.delete(normalizePath(path));
  }

  mounts(): MountPoint[] {
    return [...this.mountTable.values()];
  }

  // ---- lookups ------------------------------------------------------------

  /** the entry a path shows after upper/lower/whiteout/opaque rules (no symlink resolution) */
  protected entry(path: string): VisibleEntry | undefined {
    const u = this.up.get(path);
    if (u) return u.kind === 'whiteout' ? undefined : u;
    if (this.hiddenByUpper(path)) return undefined;
    return this.lower.get(path);
  }

  /** is a lower path hidden by an upper ancestor that is opaque, a whiteout or not a directory */
  protected hiddenByUpper(path: string): boolean {
    if (this.up.size === 0) return false;
    // the ancestors of `path` (without "/" and itself), outermost first, without building the list
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      const ua = this.up.get(path.slice(0, i));
      if (ua && (ua.kind !== 'dir' || ua.opaque)) return true;
    }
    return false;
  }

  /** the lower entry at `path` as the upper layer lets it show through its ancestors */
  protected lowerAt(path: string): VisibleEntry | undefined {
    return this.hiddenByUpper(path) ? undefined : this.lower.get(path);
  }

  /**
   * Resolve `input` to a canonical location. Intermediate components must exist
   * (ENOENT) and be directories (ENOTDIR); the last one may be missing.
   */
  protected locate(input: string, followLast: boolean): Loc {
    let pending = splitPath(input);
    /** next component of `pending` */
    let at = 0;
    /** the canonical path so far ("/" for none) */
    let path = '/';
    let links = 0;
    const mounts = this.mountTable.size > 0;
    while (at < pending.length) {
      const name = pending[at++] as string;
      if (name === '..') {
        path = parentPath(path);
        continue;
      }
      path = path === '/' ? `/${name}` : `${path}/${name}`;
      const mount = mounts ? this.mountTable.get(path) : undefined;
      if (mount) return { kind: 'mount', mount, path: normalizePath(pending.slice(at).join('/')) };
      const isLast = at === pending.length;
      const e = this.entry(path);
      if (!e) {
        if (isLast) return { kind: 'union', path };
        throw new FsError('ENOENT', input);
      }
      if (e.kind === 'symlink' && (!isLast || followLast)) {
        if (++links > MAX_LINKS) throw new FsError('ELOOP', input);
        path = e.target.startsWith('/') ? '/' : parentPath(path);
        pending = [...splitPath(e.target), ...pending.slice(at)];
        at = 0;
        continue;
      }
      if (!isLast && e.kind !== 'dir') throw new FsError('ENOTDIR', input);
    }
    const root = mounts ? this.mountTable.get('/') : undefined;
    if (root && path === '/') return { kind: 'mount', mount: root, path: '/' };
    return { kind: 'union', path };
  }

  protected writable(loc: Loc, input: string): void {
    if (loc.kind === 'mount' && loc.mount.readonly) throw new FsError('EROFS', input);
  }

  // ---- upper layer bookkeeping -------------------------------------------

  protected indexChild(path: string): void {
    const parent = parentPath(path);
    let kids = this.upKids.get(parent);
    if (!kids) {
      kids = new Set();
      this.upKids.set(parent, kids);
    }
    kids.add(baseName(path));
  }

  protected setUpper(path: string, e: LayerEntry): void {
    if (!this.up.has(path)) this.indexChild(path);
    this.up.set(path, e);
    this.gen++;
  }

  protected deleteUpper(path: string): void {
    if (!this.up.delete(path)) return;
    this.gen++;
    this.upKids.get(parentPath(path))?.delete(baseName(path));
  }

  /** copy up every ancestor directory of `path` that lives only in lower layers */
  protected copyUpParents(path: string): void {
    for (const a of ancestors(path)) {
      if (this.up.has(a)) continue;
      const e = this.lower.get(a);
      if (e?.kind !== 'dir') throw new FsError('ENOENT', path);
      this.setUpper(a, { kind: 'dir', mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime });
    }
  }

  /** an upper copy of the entry at `path` (copy-up), ready to be modified */
  protected copyUp(path: string, e: VisibleEntry): VisibleEntry {
    if (this.up.get(path) === e) return e;
    this.copyUpParents(path);
    const copy: VisibleEntry = e.kind === 'dir' ? { kind: 'dir', mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime } : { ...e };
    this.setUpper(path, copy);
    return copy;
  }

  protected touchParent(path: string): void {
    const parent = parentPath(path);
    if (parent === '/') return;
    const e = this.up.get(parent);
    if (e && e.kind === 'dir') {
      e.mtime = this.now();
      this.gen++;
    }
  }

  /** remove `path` (already known to exist as `e`) and, for directories, everything below */
  protected removeAt(path: string): void {
    const kids = this.upKids.get(path);
    if (kids) for (const name of [...kids]) this.removeUpperTree(joinPath(path, name));
    this.copyUpParents(path);
    if (this.lowerAt(path)) this.setUpper(path, { kind: 'whiteout' });
    else this.deleteUpper(path);
    this.touchParent(path);
  }

  protected removeUpperTree(path: string): void {
    const kids = this.upKids.get(path);
    if (kids) for (const name of [...kids]) this.removeUpperTree(joinPath(path, name));
    this.upKids.delete(path);
    this.deleteUpper(path);
  }

  /** create a new entry where nothing is visible now */
  protected create(path: string, e: VisibleEntry): void {
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

  /** names in a union directory, mounts not applied */
  protected unionNames(dir: string): Set<string> {
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
