/**
 * The filesystem contract shared by the virtual host filesystem (src/shell/vfs),
 * the container union filesystem (src/engine/fs) and volumes. Paths are absolute,
 * POSIX style ("/usr/share/nginx/html/index.html"). All calls are synchronous.
 *
 * Errors are thrown as FsError with a POSIX code, so programs can print
 * `cat: /x: No such file or directory` the way coreutils/busybox do.
 */
export type FileType = 'file' | 'dir' | 'symlink';

export interface FileStat {
  type: FileType;
  /** permission bits only, e.g. 0o644 */
  mode: number;
  uid: number;
  gid: number;
  /** bytes (files), 0 for dirs; symlinks: length of the target */
  size: number;
  /** modification time, ms since the epoch (simulated clock) */
  mtime: number;
  /** symlink target */
  target?: string;
}

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES' | 'EPERM' | 'EINVAL' | 'ELOOP' | 'EROFS';

const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EROFS: 'Read-only file system',
};

const ErrorCtor = Error as ErrorConstructor & { stackTraceLimit?: number };

/**
 * A filesystem error (errno + path). Thrown for ordinary outcomes (a PATH
 * lookup stats every directory), so it captures no stack frames: capturing
 * them cost more than the lookup itself.
 */
export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  constructor(code: FsErrorCode, path: string) {
    const limit = ErrorCtor.stackTraceLimit;
    if (typeof limit === 'number') ErrorCtor.stackTraceLimit = 0;
    try {
      super(`${path}: ${FS_ERROR_TEXT[code]}`);
    } finally {
      if (typeof limit === 'number') ErrorCtor.stackTraceLimit = limit;
    }
    this.code = code;
    this.path = path;
    this.name = 'FsError';
  }
  /** "No such file or directory" */
  get text(): string {
    return FS_ERROR_TEXT[this.code];
  }
}

export interface FileSystem {
  /** follows symlinks; throws ENOENT */
  stat(path: string): FileStat;
  /** does not follow the last symlink; throws ENOENT */
  lstat(path: string): FileStat;
  exists(path: string): boolean;
  readFile(path: string): Uint8Array;
  /** creates or truncates; parent must exist */
  writeFile(path: string, data: Uint8Array | string, mode?: number): void;
  appendFile(path: string, data: Uint8Array | string): void;
  /** names only, sorted by byte order */
  readdir(path: string): string[];
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  /** files and symlinks */
  unlink(path: string): void;
  /** recursive removes a whole tree */
  rmdir(path: string, opts?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, mtime: number): void;
  /**
   * Optional: a number that changes whenever anything this filesystem shows
   * changes (entries, contents, modes, owners, times, links, mounts). Callers
   * may keep what they read (a shell's PATH lookups) while it stays the same.
   * NaN when a part cannot tell (NaN never equals itself); absent: not tracked.
   */
  generation?(): number;
}

/**
 * Who a process is for the kernel's permission checks: its effective user,
 * group and supplementary groups. uid 0 passes every read/write/search check.
 */
export interface Credentials {
  uid: number;
  gid: number;
  /** supplementary groups (getgroups), the primary one included */
  groups: number[];
}

export const ROOT_CREDENTIALS: Credentials = { uid: 0, gid: 0, groups: [0] };

export const textEncoder = new TextEncoder();
export const textDecoder = new TextDecoder();
