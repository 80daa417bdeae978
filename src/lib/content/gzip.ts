/**
 * A gzip file (RFC 1952) of a content, lazy when the content is: header,
 * the lazy deflate stream of deflate.ts, and a trailer (CRC-32 and size)
 * whose CRC is computed, a chunk at a time, only when the trailer is read.
 * `gunzip` of such a file gives back the content it was made from without
 * inflating anything (`gunzipped`); any other gzip reader inflates it.
 */
import { Deflated } from './deflate';
import { CHUNK, concatContent, contentChunks, contentSize, isLazy } from './lazy';
import type { Content, LazyContent } from './types';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const crcs = new WeakMap<object, number>();

/** CRC-32 (gzip's) of a content, streamed; kept per lazy content */
export function contentCrc32(c: Content): number {
  if (isLazy(c)) {
    const hit = crcs.get(c);
    if (hit !== undefined) return hit;
  }
  let crc = 0xffffffff;
  for (const chunk of contentChunks(c, CHUNK * 16)) {
    for (let i = 0; i < chunk.length; i++) crc = (CRC_TABLE[(crc ^ (chunk[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  const out = (crc ^ 0xffffffff) >>> 0;
  if (isLazy(c)) crcs.set(c, out);
  return out;
}

/** the 8 bytes after the deflate stream: CRC-32 and size mod 2^32, little-endian */
class Trailer implements LazyContent {
  readonly lazy = true;
  readonly size = 8;
  constructor(readonly of: Content) {}
  read(start: number, end: number): Uint8Array {
    const crc = contentCrc32(this.of);
    const n = contentSize(this.of) % 2 ** 32;
    const b = new Uint8Array(8);
    const v = new DataView(b.buffer);
    v.setUint32(0, crc, true);
    v.setUint32(4, n, true);
    return b.slice(Math.max(0, start), Math.min(8, end));
  }
  slice(start: number, end: number): Content {
    return this.read(start, end);
  }
}

export interface GzipHeader {
  /** FNAME (what `gzip file` records; absent from stdin) */
  name?: string;
  /** MTIME in ms (0: none) */
  mtime: number;
}

function headerBytes(h: GzipHeader): Uint8Array {
  const name = h.name === undefined ? undefined : new TextEncoder().encode(h.name);
  const out = new Uint8Array(10 + (name ? name.length + 1 : 0));
  const secs = Math.floor(h.mtime / 1000) >>> 0;
  out.set([0x1f, 0x8b, 8, name ? 8 : 0, secs & 0xff, (secs >>> 8) & 0xff, (secs >>> 16) & 0xff, secs >>> 24, 0, 3]);
  if (name) out.set(name, 10);
  return out;
}

/** a gzip file of `inner`: header + lazy deflate stream + lazy trailer */
export class Gzipped implements LazyContent {
  readonly lazy = true;
  readonly size: number;
  private readonly body: Content;
  constructor(
    readonly inner: Content,
    readonly header: GzipHeader,
  ) {
    this.body = concatContent([headerBytes(header), new Deflated(inner), new Trailer(inner)]);
    this.size = contentSize(this.body);
  }
  read(start: number, end: number): Uint8Array {
    return isLazy(this.body) ? this.body.read(start, end) : this.body.slice(start, end);
  }
  slice(start: number, end: number): Content {
    if (start <= 0 && end >= this.size) return this;
    return isLazy(this.body) ? this.body.slice(start, end) : this.body.slice(start, end);
  }
}

/** gzip of a content, lazy (use for lazy contents: plain bytes compress better with a real deflater) */
export function gzipContent(inner: Content, header: GzipHeader): Gzipped {
  return new Gzipped(inner, header);
}

/** the content a lazy gzip file was made from (no inflating), or undefined for any other content */
export function gunzipped(c: Content): Content | undefined {
  return c instanceof Gzipped ? c.inner : undefined;
}
