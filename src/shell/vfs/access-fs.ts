/**
 * A filesystem as one process sees it: every call checks the kernel's
 * permission rules for the process's credentials (effective uid, gid and
 * supplementary groups) before it reaches the filesystem underneath, and what
 * the process creates belongs to it.
 *
 * The rules (Linux, without capabilities other than root's):
 * - uid 0 passes every read, write and search check (CAP_DAC_OVERRIDE) and may
 *   chmod/chown anything (CAP_FOWNER, CAP_CHOWN);
 * - otherwise the owner's bits apply to the owner, the group's bits to a member
 *   of the file's group, the others' bits to everyone else;
 * - reaching a path needs search (x) on every directory on the way;
 * - reading a file or listing a directory needs r, writing a file needs w;
 * - creating, removing or renaming an entry needs w and x on its directory,
 *   and in a sticky directory (/tmp) removing or renaming needs to own the
 *   entry or the directory;
 * - chmod and utimes with explicit times need to own the file (EPERM); chown
 *   needs root, except an owner changing the group to one of its own groups.
 */
import { type Credentials, type FileStat, type FileSystem, FsError } from '../../api/fs';
import { dirName, joinPath, normalizePath, splitPath } from './path';

const R = 4;
const W = 2;
const X = 1;

/** the permission bits (r=4, w=2, x=1) that apply to `creds` for a file with stat `st` */
export function classBits(st: Pick<FileStat, 'mode' | 'uid' | 'gid'>, creds: Credentials): number {
  if (creds.uid === st.uid) return (st.mode >> 6) & 7;
  if (creds.gid === st.gid || creds.groups.includes(st.gid)) return (st.mode >> 3) & 7;
  return st.mode & 7;
}

/** may `creds` do `want` (a mask of r=4, w=2, x=1) to a file with stat `st`? root: always, except x needs one x bit on a file */
export function mayAccess(st: Pick<FileStat, 'mode' | 'uid' | 'gid' | 'type'>, creds: Credentials, want: number): boolean {
  if (creds.uid === 0) return (want & X) === 0 || st.type === 'dir' || (st.mode & 0o111) !== 0;
  return (classBits(st, creds) & want) === want;
}

export class AccessFs implements FileSystem {
  constructor(
    readonly base: FileSystem,
    readonly creds: Credentials,
  ) {}

  /** the filesystem `fs` seen by a process with `creds` (a view of a view sees the base) */
  static as(fs: FileSystem, creds: Credentials): FileSystem {
    const base = fs instanceof AccessFs ? fs.base : fs;
    return new AccessFs(base, creds);
  }

  /** the credentials `fs` checks with (root for a filesystem without checks) */
  static credentialsOf(fs: FileSystem): Credentials | undefined {
    return fs instanceof AccessFs ? fs.creds : undefined;
  }

  /** may the process that sees `fs` do `want` (r=4, w=2, x=1) to `path` itself? (cd needs x on the directory) */
  static allows(fs: FileSystem, path: string, want: number): boolean {
    if (!(fs instanceof AccessFs)) return true;
    try {
      return mayAccess(fs.stat(path), fs.creds, want);
    } catch {
      return false;
    }
  }

  private get root(): boolean {
    return this.creds.uid === 0;
  }

  /** search permission on every directory above `path` */
  private reach(path: string): void {
    if (this.root) return;
    const parts = splitPath(normalizePath(path));
    let dir = '/';
    for (let i = 0; i < parts.length; i++) {
      let st: FileStat;
      try {
        st = this.base.stat(dir);
      } catch {
        return; // the operation itself reports the missing directory
      }
      if (st.type === 'dir' && !mayAccess(st, this.creds, X)) throw new FsError('EACCES', path);
      dir = joinPath(dir, parts[i]);
    }
  }

  private need(path: string, st: FileStat, want: number): void {
    if (!mayAccess(st, this.creds, want)) throw new FsError('EACCES', path);
  }

  private statOrUndefined(path: string, follow = true): FileStat | undefined {
    try {
      return follow ? this.base.stat(path) : this.base.lstat(path);
    } catch {
      return undefined;
    }
  }

  /** w and x on the directory that holds `path` (creating or removing an entry there) */
  private needParent(path: string): FileStat | undefined {
    const parent = this.statOrUndefined(dirName(normalizePath(path)));
    if (parent && !this.root) this.need(path, parent, W | X);
    return parent;
  }

  /** removing or renaming the entry at `path`: its directory writable, and the sticky bit's owner rule */
  private needRemovable(path: string): void {
    const parent = this.needParent(path);
    if (this.root || !parent || (parent.mode & 0o1000) === 0) return;
    const entry = this.statOrUndefined(path, false);
    if (entry && entry.uid !== this.creds.uid && parent.uid !== this.creds.uid) throw new FsError('EACCES', path);
  }

  /** a new entry belongs to the process that made it */
  private own(path: string): void {
    const st = this.statOrUndefined(path, false);
    if (st && st.type !== 'symlink' && (st.uid !== this.creds.uid || st.gid !== this.creds.gid)) this.base.chown(path, this.creds.uid, this.creds.gid);
  }

  stat(path: string): FileStat {
    this.reach(path);
    return this.base.stat(path);
  }
  lstat(path: string): FileStat {
    this.reach(path);
    return this.base.lstat(path);
  }
  exists(path: string): boolean {
    try {
      this.reach(path);
    } catch {
      return false;
    }
    return this.base.exists(path);
  }
  readFile(path: string): Uint8Array {
    this.reach(path);
    const st = this.base.stat(path);
    if (st.type !== 'dir') this.need(path, st, R);
    return this.base.readFile(path);
  }
  private writeCheck(path: string): boolean {
    this.reach(path);
    const st = this.statOrUndefined(path);
    if (st) {
      if (st.type !== 'dir') this.need(path, st, W);
      return false;
    }
    this.needParent(path);
    return true;
  }
  writeFile(path: string, data: Uint8Array | string, mode?: number): void {
    const created = this.writeCheck(path);
    this.base.writeFile(path, data, mode);
    if (created) this.own(path);
  }
  appendFile(path: string, data: Uint8Array | string): void {
    const created = this.writeCheck(path);
    this.base.appendFile(path, data);
    if (created) this.own(path);
  }
  readdir(path: string): string[] {
    this.reach(path);
    const st = this.base.stat(path);
    if (st.type === 'dir') this.need(path, st, R);
    return this.base.readdir(path);
  }
  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    if (!opts.recursive) {
      this.reach(path);
      if (!this.statOrUndefined(path, false)) this.needParent(path);
      this.base.mkdir(path, opts);
      this.own(path);
      return;
    }
    let cur = '/';
    for (const part of splitPath(normalizePath(path))) {
      const next = joinPath(cur, part);
      const st = this.statOrUndefined(next);
      if (!st) {
        this.reach(next);
        this.needParent(next);
        this.base.mkdir(next, { mode: opts.mode });
        this.own(next);
      } else if (st.type !== 'dir') throw new FsError('ENOTDIR', path);
      cur = next;
    }
  }
  unlink(path: string): void {
    this.reach(path);
    this.needRemovable(path);
    this.base.unlink(path);
  }
  rmdir(path: string, opts: { recursive?: boolean } = {}): void {
    this.reach(path);
    this.needRemovable(path);
    if (opts.recursive && !this.root) this.needTreeRemovable(path);
    this.base.rmdir(path, opts);
  }
  /** every directory of a tree must be listable and writable to empty it */
  private needTreeRemovable(path: string): void {
    const st = this.statOrUndefined(path, false);
    if (st?.type !== 'dir') return;
    this.need(path, st, R | W | X);
    for (const name of this.base.readdir(path)) {
      const child = joinPath(path, name);
      const cst = this.statOrUndefined(child, false);
      if (cst?.type === 'dir') this.needTreeRemovable(child);
      else if (cst && (st.mode & 0o1000) !== 0 && cst.uid !== this.creds.uid && st.uid !== this.creds.uid) throw new FsError('EACCES', child);
    }
  }
  rename(from: string, to: string): void {
    this.reach(from);
    this.reach(to);
    this.needRemovable(from);
    if (this.statOrUndefined(to, false)) this.needRemovable(to);
    else this.needParent(to);
    this.base.rename(from, to);
  }
  symlink(target: string, path: string): void {
    this.reach(path);
    if (!this.statOrUndefined(path, false)) this.needParent(path);
    this.base.symlink(target, path);
  }
  readlink(path: string): string {
    this.reach(path);
    return this.base.readlink(path);
  }
  chmod(path: string, mode: number): void {
    this.reach(path);
    const st = this.base.stat(path);
    if (!this.root && st.uid !== this.creds.uid) throw new FsError('EPERM', path);
    this.base.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    this.reach(path);
    const st = this.base.stat(path);
    if (!this.root) {
      const owner = st.uid === this.creds.uid;
      const keepsUser = uid === st.uid;
      const ownGroup = gid === st.gid || gid === this.creds.gid || this.creds.groups.includes(gid);
      if (!(owner && keepsUser && ownGroup)) throw new FsError('EPERM', path);
    }
    this.base.chown(path, uid, gid);
  }
  utimes(path: string, mtime: number): void {
    this.reach(path);
    const st = this.base.stat(path);
    if (!this.root && st.uid !== this.creds.uid && !mayAccess(st, this.creds, W)) throw new FsError('EACCES', path);
    this.base.utimes(path, mtime);
  }
  generation(): number {
    return this.base.generation ? this.base.generation() : Number.NaN;
  }
}

/** root's view of `fs`, without checks */
export function unchecked(fs: FileSystem): FileSystem {
  return fs instanceof AccessFs ? fs.base : fs;
}
