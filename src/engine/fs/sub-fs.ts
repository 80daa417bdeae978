/**
 * A directory of another FileSystem seen as a whole filesystem: what a bind
 * mount (`-v /host/dir:/app`) puts inside a container. Paths are kept inside
 * `root` lexically ("/../x" stays under it).
 */
import type { Content, FileStat, FileSystem } from '../../api/fs';
import { FsError, readContent } from '../../api/fs';
import { normalizePath } from './fs-path';

export class SubFs implements FileSystem {
  constructor(
    private readonly base: FileSystem,
    private readonly root: string,
  ) {}

  private p(path: string): string {
    const inner = normalizePath(path);
    const root = normalizePath(this.root);
    return inner === '/' ? root : root === '/' ? inner : `${root}${inner}`;
  }

  /** re-throw errors with the caller's path, not the host path */
  private wrap<T>(path: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof FsError) throw new FsError(err.code, path);
      throw err;
    }
  }

  stat(path: string): FileStat {
    return this.wrap(path, () => this.base.stat(this.p(path)));
  }
  lstat(path: string): FileStat {
    return this.wrap(path, () => this.base.lstat(this.p(path)));
  }
  exists(path: string): boolean {
    return this.base.exists(this.p(path));
  }
  readFile(path: string): Uint8Array {
    return this.wrap(path, () => this.base.readFile(this.p(path)));
  }
  readContent(path: string): Content {
    return this.wrap(path, () => readContent(this.base, this.p(path)));
  }
  writeFile(path: string, data: Content | string, mode?: number): void {
    this.wrap(path, () => this.base.writeFile(this.p(path), data, mode));
  }
  appendFile(path: string, data: Content | string): void {
    this.wrap(path, () => this.base.appendFile(this.p(path), data));
  }
  readdir(path: string): string[] {
    return this.wrap(path, () => this.base.readdir(this.p(path)));
  }
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void {
    this.wrap(path, () => this.base.mkdir(this.p(path), opts));
  }
  unlink(path: string): void {
    this.wrap(path, () => this.base.unlink(this.p(path)));
  }
  rmdir(path: string, opts?: { recursive?: boolean }): void {
    this.wrap(path, () => this.base.rmdir(this.p(path), opts));
  }
  rename(from: string, to: string): void {
    this.wrap(from, () => this.base.rename(this.p(from), this.p(to)));
  }
  symlink(target: string, path: string): void {
    this.wrap(path, () => this.base.symlink(target, this.p(path)));
  }
  readlink(path: string): string {
    return this.wrap(path, () => this.base.readlink(this.p(path)));
  }
  chmod(path: string, mode: number): void {
    this.wrap(path, () => this.base.chmod(this.p(path), mode));
  }
  chown(path: string, uid: number, gid: number): void {
    this.wrap(path, () => this.base.chown(this.p(path), uid, gid));
  }
  utimes(path: string, mtime: number): void {
    this.wrap(path, () => this.base.utimes(this.p(path), mtime));
  }
  /** the base filesystem's: any change there counts (FileSystem.generation) */
  generation(): number {
    return this.base.generation ? this.base.generation() : Number.NaN;
  }
}
