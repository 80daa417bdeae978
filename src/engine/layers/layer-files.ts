/**
 * Facts about one layer's files: its size as the daemon reports it (overlay2
 * DiffSize: regular file sizes plus symlink target lengths, directories 0), the
 * tar stream size, and the diff ID of layers made here (sha256 of a canonical
 * serialization, standing in for sha256 of the uncompressed tar).
 */
import { textEncoder } from '../../api/fs';
import { contentKey, isLazy } from '../../lib/content';
import { isPathContent, type LayerEntry, type LayerFiles } from '../fs/layer-entry';
import { sha256Digest } from './digest';

export function layerDiffSize(files: LayerFiles): number {
  let n = 0;
  for (const e of files.values()) {
    if (e.kind === 'file') n += e.size;
    else if (e.kind === 'symlink') n += e.target.length;
  }
  return n;
}

/** bytes of the layer as an uncompressed tar: 512-byte headers, padded data, 1 KiB trailer */
export function layerTarSize(files: LayerFiles): number {
  let n = 1024;
  for (const e of files.values()) {
    n += 512;
    if (e.kind === 'file') n += Math.ceil(e.size / 512) * 512;
  }
  return n;
}

function entryLine(path: string, e: LayerEntry): string {
  switch (e.kind) {
    case 'file':
      return `f ${path} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.mtime} ${e.size}`;
    case 'dir':
      return `d ${path} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.mtime}${e.opaque ? ' opaque' : ''}`;
    case 'symlink':
      return `l ${path} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.mtime} ${e.target}`;
    case 'whiteout':
      return `w ${path}`;
  }
}

/**
 * canonical bytes of a layer: sorted entries, file contents inline (a lazy
 * content by its key, the hash of its descriptor: hashing its bytes would
 * cost seconds for a large archive)
 */
export function serializeLayer(files: LayerFiles): Uint8Array {
  const paths = [...files.keys()].sort();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (const p of paths) {
    const e = files.get(p)!;
    const head = textEncoder.encode(`${entryLine(p, e)}\n`);
    chunks.push(head);
    total += head.length;
    // a binary that reads as the stream of its path is the same file as one without data (an import of an export)
    if (e.kind === 'file' && e.data && !isPathContent(p, e)) {
      const data = isLazy(e.data) ? textEncoder.encode(`${contentKey(e.data)}\n`) : e.data;
      chunks.push(data);
      total += data.length;
    }
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** the diff ID of a layer made in the simulator */
export function diffIdOf(files: LayerFiles): string {
  return sha256Digest(serializeLayer(files));
}
