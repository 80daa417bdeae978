/**
 * A layer's files (LayerFiles: path → entry) as plain data, contents in the
 * blob table. Image layers never change once registered, so their plain form
 * is computed once and shared by every snapshot (and a restored layer is
 * shared by every engine restored from the same snapshot data).
 */
import { type FileSystem, readContent } from '../../api/fs';
import { contentBlob, contentFromBlob, contentSize, isLazy } from '../../lib/content';
import { isPathContent, type LayerEntry, type LayerFiles } from '../fs/layer-entry';
import type { BlobSink, BlobSource, RecordingSink } from './blob-table';

/**
 * one entry: f = file (d: digest of the bytes blob; z: digest of a lazy
 * content's descriptor blob; neither: the synthetic content of its path), d =
 * dir, l = symlink, w = whiteout
 */
export type EntrySnapshot =
  | { k: 'f'; m: number; u: number; g: number; t: number; s: number; d?: string; z?: string }
  | { k: 'd'; m: number; u: number; g: number; t: number; o?: true }
  | { k: 'l'; m: number; u: number; g: number; t: number; l: string }
  | { k: 'w' };

export type FilesSnapshot = [path: string, entry: EntrySnapshot][];

function entrySnapshot(path: string, e: LayerEntry, blobs: BlobSink): EntrySnapshot {
  switch (e.kind) {
    case 'file': {
      const out: EntrySnapshot = { k: 'f', m: e.mode, u: e.uid, g: e.gid, t: e.mtime, s: e.size };
      if (e.data && !isPathContent(path, e)) {
        if (isLazy(e.data)) out.z = blobs.put(contentBlob(e.data));
        else out.d = blobs.put(e.data);
      }
      return out;
    }
    case 'dir': {
      const out: EntrySnapshot = { k: 'd', m: e.mode, u: e.uid, g: e.gid, t: e.mtime };
      if (e.opaque) out.o = true;
      return out;
    }
    case 'symlink':
      return { k: 'l', m: e.mode, u: e.uid, g: e.gid, t: e.mtime, l: e.target };
    default:
      return { k: 'w' };
  }
}

function entryOf(s: EntrySnapshot, blobs: BlobSource): LayerEntry {
  switch (s.k) {
    case 'f': {
      const e: LayerEntry = { kind: 'file', mode: s.m, uid: s.u, gid: s.g, mtime: s.t, size: s.s };
      if (s.z !== undefined) {
        e.data = contentFromBlob(blobs.get(s.z));
        if (contentSize(e.data) !== s.s) throw new Error(`content of ${s.s} bytes has ${contentSize(e.data)}`);
      } else if (s.d !== undefined) e.data = blobs.get(s.d);
      return e;
    }
    case 'd': {
      const e: LayerEntry = { kind: 'dir', mode: s.m, uid: s.u, gid: s.g, mtime: s.t };
      if (s.o) e.opaque = true;
      return e;
    }
    case 'l':
      return { kind: 'symlink', mode: s.m, uid: s.u, gid: s.g, mtime: s.t, target: s.l };
    case 'w':
      return { kind: 'whiteout' };
    default:
      throw new Error(`unknown file entry kind ${JSON.stringify((s as { k?: unknown }).k)}`);
  }
}

/** plain form of a layer that may still change (a container's writable layer, a volume) */
export function filesSnapshot(files: LayerFiles, blobs: BlobSink): FilesSnapshot {
  const out: FilesSnapshot = [];
  for (const [path, e] of files) out.push([path, entrySnapshot(path, e, blobs)]);
  return out;
}

export function filesFromSnapshot(snap: FilesSnapshot, blobs: BlobSource): LayerFiles {
  if (!Array.isArray(snap)) throw new Error('file list is not an array');
  const files: LayerFiles = new Map();
  for (const item of snap) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'object' || item[1] === null) {
      throw new Error('bad file entry');
    }
    files.set(item[0], entryOf(item[1], blobs));
  }
  return files;
}

interface Frozen {
  snap: FilesSnapshot;
  digests: string[];
}
const frozen = new WeakMap<LayerFiles, Frozen>();
const thawed = new WeakMap<FilesSnapshot, LayerFiles>();

/** plain form of an image layer (immutable): computed once per layer */
export function frozenFilesSnapshot(files: LayerFiles, blobs: RecordingSink): FilesSnapshot {
  const hit = frozen.get(files);
  if (hit) {
    // the table may have dropped the bytes since (old history trimmed): put them back
    reput(files, blobs);
    blobs.note(hit.digests);
    return hit.snap;
  }
  const digests = new Set<string>();
  const sink: BlobSink = {
    put: (data) => {
      const d = blobs.put(data);
      digests.add(d);
      return d;
    },
  };
  const snap = filesSnapshot(files, sink);
  frozen.set(files, { snap, digests: [...digests] });
  thawed.set(snap, files);
  return snap;
}

function reput(files: LayerFiles, blobs: BlobSink): void {
  for (const [path, e] of files) {
    if (e.kind !== 'file' || !e.data || isPathContent(path, e)) continue;
    blobs.put(isLazy(e.data) ? contentBlob(e.data) : e.data);
  }
}

/** an image layer from its plain form; the same plain form gives the same LayerFiles */
export function frozenFilesFromSnapshot(snap: FilesSnapshot, blobs: BlobSource): LayerFiles {
  const hit = thawed.get(snap);
  if (hit) return hit;
  const files = filesFromSnapshot(snap, blobs);
  thawed.set(snap, files);
  frozen.set(files, { snap, digests: digestsOf(snap) });
  return files;
}

function digestsOf(snap: FilesSnapshot): string[] {
  const out = new Set<string>();
  for (const [, e] of snap) {
    if (e.k === 'f' && e.d !== undefined) out.add(e.d);
    if (e.k === 'f' && e.z !== undefined) out.add(e.z);
  }
  return [...out];
}

/** every path of a filesystem as a layer (a volume whose filesystem is not a UnionFs) */
export function walkFileSystem(fs: FileSystem): LayerFiles {
  const files: LayerFiles = new Map();
  const visit = (dir: string) => {
    for (const name of fs.readdir(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = fs.lstat(path);
      const meta = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
      if (st.type === 'dir') {
        files.set(path, { kind: 'dir', ...meta });
        visit(path);
      } else if (st.type === 'symlink') files.set(path, { kind: 'symlink', target: fs.readlink(path), ...meta });
      else {
        const data = readContent(fs, path);
        files.set(path, { kind: 'file', ...meta, size: contentSize(data), data });
      }
    }
  };
  visit('/');
  return files;
}
