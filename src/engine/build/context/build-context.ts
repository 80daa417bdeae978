/**
 * The build context the client sent (moby builder/remotecontext archive.go):
 * the tar is unpacked into an in-memory filesystem and, like tarsum, every
 * member gets a hash of its header fields and content — the hash COPY/ADD
 * put in `docker history` ("COPY file:<sha256> in /app/hello.txt").
 */
import { readContent, textDecoder } from '../../../api/fs';
import { type Content, zeros } from '../../../lib/content';
import { cleanPath, matchesPatterns, readDockerignore } from '../../../lib/dockerignore';
import { readTar, type TarEntry } from '../../../lib/tar';
import { UnionFs } from '../../fs/union-fs';
import { ScopedFsError, type SourceTree } from './source-tree';
import { headerHash, TYPE_BITS } from './tarsum';

export class BuildContext implements SourceTree {
  readonly fs = new UnionFs([], new Map());
  private readonly sums = new Map<string, string>();

  /** throws TarFormatError for a broken archive */
  static fromTar(tar: Content): BuildContext {
    const ctx = new BuildContext();
    for (const e of readTar(tar)) ctx.add(e);
    return ctx;
  }

  private add(e: TarEntry): void {
    const rel = cleanPath(`/${e.name}`).slice(1);
    if (rel === '') return;
    const data = e.type === 'file' ? (e.data ?? zeros(e.size)) : undefined;
    this.sums.set(
      rel,
      headerHash(
        {
          name: e.name,
          mode: (TYPE_BITS[e.type] ?? 0) | e.mode,
          uid: e.uid,
          gid: e.gid,
          size: e.type === 'file' ? e.size : 0,
          typeflag: e.type,
          linkname: e.linkname ?? '',
          uname: '',
          gname: '',
          devmajor: e.devmajor ?? 0,
          devminor: e.devminor ?? 0,
        },
        data,
      ),
    );
    const p = `/${rel}`;
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (!this.fs.exists(parent)) this.fs.mkdir(parent, { recursive: true, mode: 0o755 });
    if (e.type === 'dir') {
      if (!this.fs.exists(p)) this.fs.mkdir(p, { mode: e.mode });
      else this.fs.chmod(p, e.mode);
    } else if (e.type === 'symlink') {
      this.fs.symlink(e.linkname ?? '', p);
    } else if (e.type === 'hardlink') {
      const src = `/${cleanPath(`/${e.linkname ?? ''}`).slice(1)}`;
      if (this.fs.exists(src)) this.fs.writeFile(p, readContent(this.fs, src), e.mode);
    } else if (e.type === 'file') {
      this.fs.writeFile(p, data ?? new Uint8Array(), e.mode);
    } else return;
    if (e.type !== 'symlink') {
      this.fs.chown(p, e.uid, e.gid);
      this.fs.utimes(p, e.mtime);
    }
  }

  /** FullPath: the path inside the context; ".." escaping it is refused */
  fullPath(path: string): string {
    const rel = cleanPath(path.startsWith('/') ? path.slice(1) || '.' : path);
    if (rel === '..' || rel.startsWith('../')) throw new ScopedFsError(`forbidden path outside the build context: ${path} ()`);
    return rel === '.' ? '/' : `/${rel}`;
  }

  /** Hash(): the tarsum of the file the path leads to (symlinks followed), or the path itself */
  hash(path: string): string {
    const full = this.realPath(this.fullPath(path));
    const rel = full.slice(1);
    return this.sums.get(rel) ?? path;
  }

  /** the path with every symlink resolved inside the context (FollowSymlinkInScope) */
  realPath(path: string): string {
    return resolveInScope(this.fs, path);
  }

  remove(path: string): void {
    const p = this.fullPath(path);
    if (!this.fs.exists(p)) return;
    if (this.fs.lstat(p).type === 'dir') this.fs.rmdir(p, { recursive: true });
    else this.fs.unlink(p);
  }

  readText(path: string): string {
    return textDecoder.decode(this.fs.readFile(this.fullPath(path)));
  }

  /** removeDockerfile: drop .dockerignore and the Dockerfile when .dockerignore excludes them */
  applyDockerignore(dockerfile: string): void {
    if (!this.fs.exists('/.dockerignore')) return;
    let patterns: string[];
    try {
      patterns = readDockerignore(this.readText('.dockerignore'));
    } catch {
      return;
    }
    for (const f of ['.dockerignore', dockerfile]) {
      let rm = false;
      try {
        rm = matchesPatterns(f, patterns);
      } catch {
        rm = false;
      }
      if (rm) this.remove(f);
    }
  }
}

/** resolve symlinks of an absolute path inside `fs`, absolute targets relative to its root */
export function resolveInScope(fs: UnionFs, path: string): string {
  const todo = path.split('/').filter((s) => s !== '');
  const done: string[] = [];
  let hops = 0;
  while (todo.length > 0) {
    const seg = todo.shift() as string;
    if (seg === '.') continue;
    if (seg === '..') {
      done.pop();
      continue;
    }
    const cur = `/${[...done, seg].join('/')}`;
    let isLink = false;
    try {
      isLink = fs.lstat(cur).type === 'symlink';
    } catch {
      isLink = false;
    }
    if (isLink && hops++ < 255) {
      const target = fs.readlink(cur);
      if (target.startsWith('/')) done.length = 0;
      todo.unshift(...target.split('/').filter((s) => s !== ''));
      continue;
    }
    done.push(seg);
  }
  return `/${done.join('/')}`;
}
