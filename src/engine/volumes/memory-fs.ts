/**
 * A plain in-memory filesystem (a tree of nodes): the data of one local volume.
 * Implements the shared FileSystem contract (src/api/fs.ts) with POSIX errors.
 */
import { type FileStat, type FileSystem, FsError, textEncoder } from '../../api/fs';

type Node =
  | { type: 'file'; mode: number; uid: number; gid: number; mtime: number; data: Uint8Array }
  | { type: 'dir'; mode: number; uid: number; gid: number; mtime: number; children: Map<string, Node> }
  | { type: 'symlink'; mode: number; uid: number; gid: number; mtime: number; target: string };

type DirNode = Extract<Node, { type: 'dir' }>;

const MAX_LINKS = 40;

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? textEncoder.encode(data) : data;
}

export class MemoryFs implements FileSystem {
  private readonly root: DirNode;

  constructor(private readonly now: () => number = () => 0) {
    this.root = { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: now(), children: new Map() };
  }

  /** Resolve a path to [parent dir, name, node]; follows symlinks in the middle, and at the end when `follow`. */
  private walk(path: string, follow: boolean, depth = 0): { parent: DirNode; name: string; node: Node | undefined; parts: string[] } {
    if (depth > MAX_LINKS) throw new FsError('ELOOP', path);
    const parts: string[] = [];
    let dir: DirNode = this.root;
    const comps = split(path);
    if (comps.length === 0) return { parent: this.root, name: '', node: this.root, parts };
    for (let i = 0; i < comps.length; i++) {
      const name = comps[i];
      if (name === '..') {
        parts.pop();
        dir = this.dirAt(parts, path);
        if (i === comps.length - 1) return { parent: dir, name: '', node: dir, parts: [...parts] };
        continue;
      }
      const node = dir.children.get(name);
      const last = i === comps.length - 1;
      if (last) {
        if (node?.type === 'symlink' && follow) {
          const target = node.target.startsWith('/') ? node.target : `/${[...parts, node.target].join('/')}`;
          return this.walk(target, true, depth + 1);
        }
        return { parent: dir, name, node, parts: [...parts, name] };
      }
      if (!node) throw new FsError('ENOENT', path);
      if (node.type === 'symlink') {
        const target = node.target.startsWith('/') ? node.target : `/${[...parts, node.target].join('/')}`;
        const rest = comps.slice(i + 1).join('/');
        return this.walk(`${target}/${rest}`, follow, depth + 1);
      }
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      parts.push(name);
      dir = node;
    }
    throw new FsError('ENOENT', path);
  }

  private dirAt(parts: string[], path: string): DirNode {
    let d: DirNode = this.root;
    for (const p of parts) {
      const n = d.children.get(p);
      if (n?.type !== 'dir') throw new FsError('ENOTDIR', path);
      d = n;
    }
    return d;
  }

  private get(path: string, follow = true): Node {
    const { node } = this.walk(path, follow);
    if (!node) throw new FsError('ENOENT', path);
    return node;
  }

  private statOf(node: Node): FileStat {
    const st: FileStat = {
      type: node.type,
      mode: node.mode,
      uid: node.uid,
      gid: node.gid,
      size: node.type === 'file' ? node.data.length : node.type === 'symlink' ? node.target.length : 0,
      mtime: node.mtime,
    };
    if (node.type === 'symlink') st.target = node.target;
    return st;
  }

  stat(path: string): FileStat {
    return this.statOf(this.get(path, true));
  }
  lstat(path: string): FileStat {
    return this.statOf(this.get(path, false));
  }
  exists(path: string): boolean {
    try {
      this.get(path, true);
      return true;
    } catch {
      return false;
    }
  }
  readFile(path: string): Uint8Array {
    const n = this.get(path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    if (n.type !== 'file') throw new FsError('EINVAL', path);
    return n.data;
  }
  writeFile(path: string, data: Uint8Array | string, mode = 0o644): void {
    const { parent, name, node } = this.walk(path, true);
    if (!name) throw new FsError('EISDIR', path);
    if (node?.type === 'dir') throw new FsError('EISDIR', path);
    if (node?.type === 'file') {
      node.data = toBytes(data);
      node.mtime = this.now();
      return;
    }
    parent.children.set(name, { type: 'file', mode, uid: 0, gid: 0, mtime: this.now(), data: toBytes(data) });
    parent.mtime = this.now();
  }
  appendFile(path: string, data: Uint8Array | string): void {
    const { node } = this.walk(path, true);
    if (node?.type !== 'file') {
      this.writeFile(path, data);
      return;
    }
    const add = toBytes(data);
    const out = new Uint8Array(node.data.length + add.length);
    out.set(node.data);
    out.set(add, node.data.length);
    node.data = out;
    node.mtime = this.now();
  }
  readdir(path: string): string[] {
    const n = this.get(path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...n.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const mode = opts.mode ?? 0o755;
    if (opts.recursive) {
      let cur = '';
      for (const part of split(path)) {
        cur += `/${part}`;
        const { parent, name, node } = this.walk(cur, true);
        if (node) {
          if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
          continue;
        }
        parent.children.set(name, { type: 'dir', mode, uid: 0, gid: 0, mtime: this.now(), children: new Map() });
      }
      return;
    }
    const { parent, name, node } = this.walk(path, false);
    if (node || !name) throw new FsError('EEXIST', path);
    parent.children.set(name, { type: 'dir', mode, uid: 0, gid: 0, mtime: this.now(), children: new Map() });
    parent.mtime = this.now();
  }
  unlink(path: string): void {
    const { parent, name, node } = this.walk(path, false);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    parent.children.delete(name);
    parent.mtime = this.now();
  }
  rmdir(path: string, opts: { recursive?: boolean } = {}): void {
    const { parent, name, node } = this.walk(path, false);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (!name) {
      // the volume root itself: empty it
      if (!opts.recursive && node.children.size > 0) throw new FsError('ENOTEMPTY', path);
      node.children.clear();
      return;
    }
    if (!opts.recursive && node.children.size > 0) throw new FsError('ENOTEMPTY', path);
    parent.children.delete(name);
    parent.mtime = this.now();
  }
  rename(from: string, to: string): void {
    const src = this.walk(from, false);
    if (!src.node || !src.name) throw new FsError('ENOENT', from);
    const dst = this.walk(to, false);
    if (!dst.name) throw new FsError('EINVAL', to);
    if (dst.node?.type === 'dir' && src.node.type !== 'dir') throw new FsError('EISDIR', to);
    if (dst.node?.type === 'dir' && dst.node.children.size > 0) throw new FsError('ENOTEMPTY', to);
    if (src.node.type === 'dir' && `${dst.parts.join('/')}/`.startsWith(`${src.parts.join('/')}/`)) throw new FsError('EINVAL', to);
    src.parent.children.delete(src.name);
    dst.parent.children.set(dst.name, src.node);
  }
  symlink(target: string, path: string): void {
    const { parent, name, node } = this.walk(path, false);
    if (node || !name) throw new FsError('EEXIST', path);
    parent.children.set(name, { type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: this.now(), target });
  }
  readlink(path: string): string {
    const n = this.get(path, false);
    if (n.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target;
  }
  chmod(path: string, mode: number): void {
    this.get(path).mode = mode & 0o7777;
  }
  chown(path: string, uid: number, gid: number): void {
    const n = this.get(path, false);
    n.uid = uid;
    n.gid = gid;
  }
  utimes(path: string, mtime: number): void {
    this.get(path).mtime = mtime;
  }
}

/** Bytes of regular files (and symlink targets) under `dir`, like `du` of a volume's _data. */
export function treeSize(fs: FileSystem, dir = '/'): number {
  let total = 0;
  for (const name of fs.readdir(dir)) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = fs.lstat(p);
    if (st.type === 'dir') total += treeSize(fs, p);
    else total += st.size;
  }
  return total;
}
