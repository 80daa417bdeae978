/**
 * The learner's virtual host filesystem: directories, files (bytes), symlinks,
 * permission bits, owners and modification times from an injected clock.
 * toJSON()/fromJSON() give a plain-data snapshot the web app can persist.
 */
import { type FileStat, type FileSystem, FsError, textEncoder } from '../../api/fs';
import { fromBase64, toBase64 } from '../../lib/base64';
import { joinPath, splitPath } from './path';

interface Meta {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}
interface DirNode extends Meta {
  type: 'dir';
  children: Map<string, Node>;
}
interface FileNode extends Meta {
  type: 'file';
  data: Uint8Array;
}
interface LinkNode extends Meta {
  type: 'symlink';
  target: string;
}
type Node = DirNode | FileNode | LinkNode;

/** plain-data form of a node (files as base64) */
export type MemoryFsJson =
  | { type: 'dir'; mode: number; uid: number; gid: number; mtime: number; children: Record<string, MemoryFsJson> }
  | { type: 'file'; mode: number; uid: number; gid: number; mtime: number; data: string }
  | { type: 'symlink'; mode: number; uid: number; gid: number; mtime: number; target: string };

/**
 * Snapshot form (sandbox persistence): like MemoryFsJson, but a file's
 * contents past `inlineMax` bytes are stored elsewhere by digest (`blob`).
 */
export type MemoryFsSnapshot =
  | { type: 'dir'; mode: number; uid: number; gid: number; mtime: number; children: Record<string, MemoryFsSnapshot> }
  | { type: 'file'; mode: number; uid: number; gid: number; mtime: number; data?: string; blob?: string }
  | { type: 'symlink'; mode: number; uid: number; gid: number; mtime: number; target: string };

/** where snapshot contents go / come from (a content-addressed table) */
export interface SnapshotBlobs {
  put(data: Uint8Array): string;
  get(digest: string): Uint8Array;
}

/** what a change listener hears: the canonical path and what happened ("rename": `path` is the new path, `from` the old) */
export interface MemoryFsChange {
  path: string;
  action: 'write' | 'delete' | 'rename' | 'mkdir';
  from?: string;
}

export interface MemoryFsOptions {
  now?: () => number;
  /** owner of new entries (default 0:0) */
  uid?: number;
  gid?: number;
}

const MAX_LINKS = 40;

interface Located {
  parent: DirNode;
  name: string;
  node: Node | undefined;
  /** canonical path of the entry */
  path: string;
}

export class MemoryFs implements FileSystem {
  private root: DirNode;
  private readonly now: () => number;
  private readonly uid: number;
  private readonly gid: number;
  private readonly listeners = new Set<(change: MemoryFsChange) => void>();
  /** bumped by every change (FileSystem.generation) */
  private gen = 0;

  constructor(opts: MemoryFsOptions = {}) {
    this.now = opts.now ?? (() => 0);
    this.uid = opts.uid ?? 0;
    this.gid = opts.gid ?? 0;
    this.root = this.newDir(0o755);
  }

  /** hear every change (editor refresh, sandbox autosave); returns unsubscribe */
  generation(): number {
    return this.gen;
  }

  onChange(fn: (change: MemoryFsChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(path: string, action: MemoryFsChange['action'], from?: string): void {
    this.gen++;
    if (this.listeners.size === 0) return;
    const change: MemoryFsChange = from === undefined ? { path, action } : { path, action, from };
    for (const l of [...this.listeners]) l(change);
  }

  private newDir(mode: number): DirNode {
    return { type: 'dir', mode, uid: this.uid, gid: this.gid, mtime: this.now(), children: new Map() };
  }

  /** walk to the entry named by `path`; intermediate symlinks are always followed, the last one only if `follow` */
  private locate(path: string, follow: boolean, depth = 0): Located {
    if (depth > MAX_LINKS) throw new FsError('ELOOP', path);
    const parts = splitPath(path);
    let dir = this.root;
    let dirPath = '/';
    if (parts.length === 0) return { parent: this.root, name: '', node: this.root, path: '/' };
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      const last = i === parts.length - 1;
      if (name === '..') {
        const up = this.locate(dirPath === '/' ? '/' : dirPath.slice(0, dirPath.lastIndexOf('/')) || '/', true, depth);
        dir = up.node as DirNode;
        dirPath = up.path;
        if (last) return { parent: dir, name: '', node: dir, path: dirPath };
        continue;
      }
      let node = dir.children.get(name);
      const here = joinPath(dirPath, name);
      if (node?.type === 'symlink' && (!last || follow)) {
        const rest = parts.slice(i + 1).join('/');
        const target = node.target.startsWith('/') ? node.target : `${dirPath}/${node.target}`;
        return this.locate(rest ? `${target}/${rest}` : target, follow, depth + 1);
      }
      if (last) return { parent: dir, name, node, path: here };
      if (!node) throw new FsError('ENOENT', path);
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      dir = node;
      dirPath = here;
      node = undefined;
    }
    throw new FsError('ENOENT', path);
  }

  private get(path: string, follow = true): Node {
    const l = this.locate(path, follow);
    if (!l.node) throw new FsError('ENOENT', path);
    return l.node;
  }

  private statOf(n: Node): FileStat {
    const base = { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
    if (n.type === 'dir') return { type: 'dir', size: 0, ...base };
    if (n.type === 'file') return { type: 'file', size: n.data.length, ...base };
    return { type: 'symlink', size: n.target.length, target: n.target, ...base };
  }

  stat(path: string): FileStat {
    return this.statOf(this.get(path, true));
  }
  lstat(path: string): FileStat {
    return this.statOf(this.get(path, false));
  }
  exists(path: string): boolean {
    try {
      return this.locate(path, true).node !== undefined;
    } catch {
      return false;
    }
  }
  readFile(path: string): Uint8Array {
    const n = this.get(path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return (n as FileNode).data;
  }
  writeFile(path: string, data: Uint8Array | string, mode = 0o644): void {
    const l = this.locate(path, true);
    const bytes = typeof data === 'string' ? textEncoder.encode(data) : data;
    if (l.node?.type === 'dir' || l.name === '') throw new FsError('EISDIR', path);
    if (l.node?.type === 'file') {
      l.node.data = bytes;
      l.node.mtime = this.now();
      this.changed(l.path, 'write');
      return;
    }
    l.parent.children.set(l.name, { type: 'file', data: bytes, mode, uid: this.uid, gid: this.gid, mtime: this.now() });
    l.parent.mtime = this.now();
    this.changed(l.path, 'write');
  }
  appendFile(path: string, data: Uint8Array | string): void {
    const l = this.locate(path, true);
    if (l.node?.type !== 'file') {
      this.writeFile(path, data);
      return;
    }
    const add = typeof data === 'string' ? textEncoder.encode(data) : data;
    const out = new Uint8Array(l.node.data.length + add.length);
    out.set(l.node.data);
    out.set(add, l.node.data.length);
    l.node.data = out;
    l.node.mtime = this.now();
    this.changed(l.path, 'write');
  }
  readdir(path: string): string[] {
    const n = this.get(path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...n.children.keys()].sort(byteOrder);
  }
  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const mode = opts.mode ?? 0o755;
    if (opts.recursive) {
      let cur = '';
      for (const part of splitPath(path)) {
        cur = `${cur}/${part}`;
        const l = this.locate(cur, true);
        if (!l.node) {
          l.parent.children.set(l.name, this.newDir(mode));
          l.parent.mtime = this.now();
          this.changed(l.path, 'mkdir');
        } else if (l.node.type !== 'dir') throw new FsError('ENOTDIR', path);
      }
      return;
    }
    const l = this.locate(path, false);
    if (l.node || l.name === '') throw new FsError('EEXIST', path);
    l.parent.children.set(l.name, this.newDir(mode));
    l.parent.mtime = this.now();
    this.changed(l.path, 'mkdir');
  }
  unlink(path: string): void {
    const l = this.locate(path, false);
    if (!l.node) throw new FsError('ENOENT', path);
    if (l.node.type === 'dir') throw new FsError('EISDIR', path);
    l.parent.children.delete(l.name);
    l.parent.mtime = this.now();
    this.changed(l.path, 'delete');
  }
  rmdir(path: string, opts: { recursive?: boolean } = {}): void {
    const l = this.locate(path, false);
    if (!l.node) throw new FsError('ENOENT', path);
    if (l.node.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (l.name === '') throw new FsError('EINVAL', path);
    if (!opts.recursive && l.node.children.size > 0) throw new FsError('ENOTEMPTY', path);
    l.parent.children.delete(l.name);
    l.parent.mtime = this.now();
    this.changed(l.path, 'delete');
  }
  rename(from: string, to: string): void {
    const src = this.locate(from, false);
    if (!src.node) throw new FsError('ENOENT', from);
    const dst = this.locate(to, false);
    if (dst.path === src.path) return;
    if (src.node.type === 'dir' && (dst.path + '/').startsWith(src.path + '/')) throw new FsError('EINVAL', to);
    if (dst.node?.type === 'dir') {
      if (src.node.type !== 'dir') throw new FsError('EISDIR', to);
      if (dst.node.children.size > 0) throw new FsError('ENOTEMPTY', to);
    } else if (dst.node && src.node.type === 'dir') throw new FsError('ENOTDIR', to);
    src.parent.children.delete(src.name);
    dst.parent.children.set(dst.name, src.node);
    src.parent.mtime = dst.parent.mtime = this.now();
    this.changed(dst.path, 'rename', src.path);
  }
  symlink(target: string, path: string): void {
    const l = this.locate(path, false);
    if (l.node || l.name === '') throw new FsError('EEXIST', path);
    l.parent.children.set(l.name, { type: 'symlink', target, mode: 0o777, uid: this.uid, gid: this.gid, mtime: this.now() });
    this.changed(l.path, 'write');
  }
  readlink(path: string): string {
    const n = this.get(path, false);
    if (n.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target;
  }
  chmod(path: string, mode: number): void {
    this.get(path).mode = mode & 0o7777;
    this.changed(path, 'write');
  }
  chown(path: string, uid: number, gid: number): void {
    const n = this.get(path);
    n.uid = uid;
    n.gid = gid;
    this.changed(path, 'write');
  }
  utimes(path: string, mtime: number): void {
    this.get(path).mtime = mtime;
    this.changed(path, 'write');
  }

  /** plain data with contents past `inlineMax` bytes in `blobs` (by digest) */
  toSnapshot(blobs: Pick<SnapshotBlobs, 'put'>, inlineMax = 1024): MemoryFsSnapshot {
    return nodeToSnapshot(this.root, blobs, inlineMax);
  }
  static fromSnapshot(snap: MemoryFsSnapshot, blobs: Pick<SnapshotBlobs, 'get'>, opts: MemoryFsOptions = {}): MemoryFs {
    const fs = new MemoryFs(opts);
    const root = snapshotToNode(snap, blobs);
    if (root.type !== 'dir') throw new FsError('ENOTDIR', '/');
    fs.root = root;
    return fs;
  }

  toJSON(): MemoryFsJson {
    return nodeToJson(this.root);
  }
  static fromJSON(json: MemoryFsJson, opts: MemoryFsOptions = {}): MemoryFs {
    const fs = new MemoryFs(opts);
    const root = jsonToNode(json);
    if (root.type !== 'dir') throw new FsError('ENOTDIR', '/');
    fs.root = root;
    return fs;
  }
}

function byteOrder(a: string, b: string): number {
  const x = textEncoder.encode(a);
  const y = textEncoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function nodeToJson(n: Node): MemoryFsJson {
  const meta = { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
  if (n.type === 'file') return { type: 'file', ...meta, data: toBase64(n.data) };
  if (n.type === 'symlink') return { type: 'symlink', ...meta, target: n.target };
  // no prototype: a file named __proto__ is a key like any other
  const children: Record<string, MemoryFsJson> = Object.create(null);
  for (const [k, v] of n.children) children[k] = nodeToJson(v);
  return { type: 'dir', ...meta, children };
}

function jsonToNode(j: MemoryFsJson): Node {
  const meta = { mode: j.mode, uid: j.uid, gid: j.gid, mtime: j.mtime };
  if (j.type === 'file') return { type: 'file', ...meta, data: fromBase64(j.data) };
  if (j.type === 'symlink') return { type: 'symlink', ...meta, target: j.target };
  const children = new Map<string, Node>();
  for (const [k, v] of Object.entries(j.children)) children.set(k, jsonToNode(v));
  return { type: 'dir', ...meta, children };
}

function nodeToSnapshot(n: Node, blobs: Pick<SnapshotBlobs, 'put'>, inlineMax: number): MemoryFsSnapshot {
  const meta = { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
  if (n.type === 'file') return n.data.length > inlineMax ? { type: 'file', ...meta, blob: blobs.put(n.data) } : { type: 'file', ...meta, data: toBase64(n.data) };
  if (n.type === 'symlink') return { type: 'symlink', ...meta, target: n.target };
  const children: Record<string, MemoryFsSnapshot> = Object.create(null);
  for (const [k, v] of n.children) children[k] = nodeToSnapshot(v, blobs, inlineMax);
  return { type: 'dir', ...meta, children };
}

function snapshotToNode(j: MemoryFsSnapshot, blobs: Pick<SnapshotBlobs, 'get'>): Node {
  if (typeof j !== 'object' || j === null) throw new FsError('EINVAL', '/');
  const meta = { mode: j.mode, uid: j.uid, gid: j.gid, mtime: j.mtime };
  if (j.type === 'file') {
    const data = j.blob !== undefined ? blobs.get(j.blob) : fromBase64(j.data ?? '');
    return { type: 'file', ...meta, data };
  }
  if (j.type === 'symlink') return { type: 'symlink', ...meta, target: String(j.target) };
  if (j.type !== 'dir' || typeof j.children !== 'object' || j.children === null) throw new FsError('EINVAL', '/');
  const children = new Map<string, Node>();
  for (const [k, v] of Object.entries(j.children)) children.set(k, snapshotToNode(v, blobs));
  return { type: 'dir', ...meta, children };
}
