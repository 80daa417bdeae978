/**
 * A lazy content as plain data, for persistence (IndexedDB, the export file):
 * the descriptor, never the bytes it stands for. Plain-byte parts (a tar's
 * headers) are stored deflated; the synthetic parts as seed and size.
 *
 *   {"t":"s","seed":"/usr/sbin/nginx","size":1422440,"off":0}   synthetic range
 *   {"t":"z","size":10240}                                       zero bytes
 *   {"t":"b","size":1536,"z":"<base64 of raw deflate>"}          plain bytes
 *   {"t":"c","parts":[…]}                                        one after the other
 *   {"t":"g","mtime":0,"name":"x.tar","of":…}                    a gzip file of a content (gzip.ts)
 *
 * As a blob (one per lazy file in a snapshot): UTF-8 JSON of
 * {"format":"dockyard-content","version":1,"content":…}. Reading one checks
 * every field and refuses what it cannot be sure of.
 */
import { deflateSync, inflateSync } from 'fflate';
import { fromBase64, toBase64 } from '../base64';
import { Gzipped } from './gzip';
import { Concat, concatContent, isLazy, Synthetic, Zeros } from './lazy';
import type { Content, LazyContent } from './types';

export type ContentJson =
  | { t: 's'; seed: string; size: number; off?: number }
  | { t: 'z'; size: number }
  | { t: 'b'; size: number; z: string }
  | { t: 'c'; parts: ContentJson[] }
  | { t: 'g'; mtime: number; name?: string; of: ContentJson };

export const CONTENT_BLOB_FORMAT = 'dockyard-content';
export const CONTENT_BLOB_VERSION = 1;

/** the largest lazy content a descriptor may describe (64 GiB) */
export const MAX_LAZY_SIZE = 2 ** 36;
/** the largest plain-byte part of a descriptor once inflated (64 MiB) */
const MAX_BYTES_PART = 2 ** 26;
const MAX_PARTS = 1_000_000;
const MAX_SEED = 4096;
/** gzip of gzip of … : deeper than this is refused */
const MAX_GZIP_DEPTH = 4;

export class ContentJsonError extends Error {
  override name = 'ContentJsonError';
}

function bytesJson(b: Uint8Array): ContentJson {
  return { t: 'b', size: b.length, z: toBase64(deflateSync(b, { level: 6 })) };
}

function partJson(p: Content): ContentJson {
  if (!isLazy(p)) return bytesJson(p);
  if (p instanceof Synthetic) return p.offset ? { t: 's', seed: p.seed, size: p.size, off: p.offset } : { t: 's', seed: p.seed, size: p.size };
  if (p instanceof Zeros) return { t: 'z', size: p.size };
  if (p instanceof Concat) return { t: 'c', parts: p.parts.map(partJson) };
  if (p instanceof Gzipped) {
    const of = partJson(p.inner);
    return p.header.name === undefined ? { t: 'g', mtime: p.header.mtime, of } : { t: 'g', mtime: p.header.mtime, name: p.header.name, of };
  }
  // a lazy content of another kind: its bytes (never expected: every lazy kind is above)
  return bytesJson(p.read(0, p.size));
}

const described = new WeakMap<LazyContent, ContentJson>();

/** the descriptor of a content (computed once per lazy object) */
export function describeContent(c: Content): ContentJson {
  if (!isLazy(c)) return bytesJson(c);
  let j = described.get(c);
  if (!j) {
    j = partJson(c);
    described.set(c, j);
  }
  return j;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sizeAt(v: unknown, path: string, max = MAX_LAZY_SIZE): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max) throw new ContentJsonError(`${path}: not a size (0…${max})`);
  return v;
}

function parsePart(v: unknown, path: string, top: boolean, count: { parts: number; gzip: number }): Content {
  if (!isRecord(v)) throw new ContentJsonError(`${path}: not an object`);
  if (++count.parts > MAX_PARTS) throw new ContentJsonError(`${path}: more than ${MAX_PARTS} parts`);
  switch (v.t) {
    case 's': {
      if (typeof v.seed !== 'string' || v.seed.length > MAX_SEED) throw new ContentJsonError(`${path}.seed: not a seed`);
      const size = sizeAt(v.size, `${path}.size`);
      const off = v.off === undefined ? 0 : sizeAt(v.off, `${path}.off`, Number.MAX_SAFE_INTEGER - size);
      return size === 0 ? new Uint8Array(0) : new Synthetic(v.seed, size, off);
    }
    case 'z':
      return new Zeros(sizeAt(v.size, `${path}.size`));
    case 'b': {
      const size = sizeAt(v.size, `${path}.size`, MAX_BYTES_PART);
      if (typeof v.z !== 'string') throw new ContentJsonError(`${path}.z: not base64`);
      let bytes: Uint8Array;
      try {
        bytes = inflateSync(fromBase64(v.z), { out: new Uint8Array(size) });
      } catch {
        throw new ContentJsonError(`${path}.z: not deflated bytes`);
      }
      if (bytes.length !== size) throw new ContentJsonError(`${path}: ${bytes.length} bytes, not ${size}`);
      return bytes;
    }
    case 'c': {
      if (!top) throw new ContentJsonError(`${path}: nested parts`);
      if (!Array.isArray(v.parts)) throw new ContentJsonError(`${path}.parts: not an array`);
      const parts = v.parts.map((p, i) => parsePart(p, `${path}.parts[${i}]`, false, count));
      const total = parts.reduce((n, p) => n + (isLazy(p) ? p.size : p.length), 0);
      if (total > MAX_LAZY_SIZE) throw new ContentJsonError(`${path}: larger than ${MAX_LAZY_SIZE} bytes`);
      return concatContent(parts);
    }
    case 'g': {
      if (typeof v.mtime !== 'number' || !Number.isSafeInteger(v.mtime) || v.mtime < 0) throw new ContentJsonError(`${path}.mtime: not a time`);
      if (v.name !== undefined && (typeof v.name !== 'string' || v.name.length > MAX_SEED || v.name.includes('\0'))) throw new ContentJsonError(`${path}.name: not a name`);
      if (++count.gzip > MAX_GZIP_DEPTH) throw new ContentJsonError(`${path}: gzip nested too deep`);
      const inner = parsePart(v.of, `${path}.of`, true, count);
      count.gzip--;
      const out = new Gzipped(inner, v.name === undefined ? { mtime: v.mtime } : { mtime: v.mtime, name: v.name });
      if (out.size > MAX_LAZY_SIZE) throw new ContentJsonError(`${path}: larger than ${MAX_LAZY_SIZE} bytes`);
      return out;
    }
    default:
      throw new ContentJsonError(`${path}.t: not one of "s", "z", "b", "c", "g"`);
  }
}

/** a content from its descriptor; throws ContentJsonError saying what is wrong */
export function contentFromJson(v: unknown): Content {
  return parsePart(v, 'content', true, { parts: 0, gzip: 0 });
}

const blobs = new WeakMap<LazyContent, Uint8Array>();
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** the descriptor blob of a lazy content (the same array every time: callers may cache by it) */
export function contentBlob(c: LazyContent): Uint8Array {
  let b = blobs.get(c);
  if (!b) {
    b = encoder.encode(JSON.stringify({ format: CONTENT_BLOB_FORMAT, version: CONTENT_BLOB_VERSION, content: describeContent(c) }));
    blobs.set(c, b);
  }
  return b;
}

/** a lazy content from its descriptor blob; throws ContentJsonError */
export function contentFromBlob(bytes: Uint8Array): Content {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new ContentJsonError('content descriptor: not JSON');
  }
  if (!isRecord(v) || v.format !== CONTENT_BLOB_FORMAT) throw new ContentJsonError('content descriptor: not a dockyard-content blob');
  if (v.version !== CONTENT_BLOB_VERSION) throw new ContentJsonError(`content descriptor: unknown version ${String(v.version)}`);
  const c = contentFromJson(v.content);
  if (isLazy(c)) blobs.set(c, bytes);
  return c;
}
