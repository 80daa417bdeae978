/**
 * Lazy contents: a synthetic stream (seed + size, see synthetic.ts), a run of
 * zero bytes, and a concatenation of parts (a tar archive: its headers as
 * bytes, its members' contents as they are). All immutable: a slice or a
 * concatenation shares its parts, so a `docker save` of a 190 MB image costs
 * its headers, not its bytes.
 */
import { SYNTH_BLOCK, seedHash, syntheticBlock } from './synthetic';
import type { Content, LazyContent } from './types';

/** a plain byte run this long or shorter is copied when joined to its neighbours */
const SMALL = 4096;

export function isLazy(c: Content): c is LazyContent {
  return !(c instanceof Uint8Array);
}

export function contentSize(c: Content): number {
  return isLazy(c) ? c.size : c.length;
}

function clampRange(size: number, start: number, end: number): [number, number] {
  const s = Math.max(0, Math.min(size, Math.floor(start)));
  const e = Math.max(s, Math.min(size, Math.floor(end)));
  return [s, e];
}

/** the bytes [offset, offset + size) of the synthetic stream named `seed` */
export class Synthetic implements LazyContent {
  readonly lazy = true;
  private hash: [number, number] | undefined;
  /** the last block made (sequential reads ask for it again) */
  private last: { index: number; bytes: Uint8Array } | undefined;
  constructor(
    readonly seed: string,
    readonly size: number,
    readonly offset = 0,
  ) {}

  private block(index: number): Uint8Array {
    if (this.last?.index === index) return this.last.bytes;
    this.hash ??= seedHash(this.seed);
    const bytes = syntheticBlock(this.hash, index);
    this.last = { index, bytes };
    return bytes;
  }

  read(start: number, end: number): Uint8Array {
    const [s, e] = clampRange(this.size, start, end);
    const out = new Uint8Array(e - s);
    let pos = this.offset + s;
    const stop = this.offset + e;
    while (pos < stop) {
      const index = Math.floor(pos / SYNTH_BLOCK);
      const inBlock = pos - index * SYNTH_BLOCK;
      const take = Math.min(SYNTH_BLOCK - inBlock, stop - pos);
      out.set(this.block(index).subarray(inBlock, inBlock + take), pos - this.offset - s);
      pos += take;
    }
    return out;
  }

  slice(start: number, end: number): Content {
    const [s, e] = clampRange(this.size, start, end);
    if (s === 0 && e === this.size) return this;
    if (e - s <= 0) return new Uint8Array(0);
    return new Synthetic(this.seed, e - s, this.offset + s);
  }
}

/** `size` zero bytes (tar padding, a sparse file) */
export class Zeros implements LazyContent {
  readonly lazy = true;
  constructor(readonly size: number) {}
  read(start: number, end: number): Uint8Array {
    const [s, e] = clampRange(this.size, start, end);
    return new Uint8Array(e - s);
  }
  slice(start: number, end: number): Content {
    const [s, e] = clampRange(this.size, start, end);
    if (s === 0 && e === this.size) return this;
    return zeros(e - s);
  }
}

/** zero bytes: plain when small */
export function zeros(n: number): Content {
  return n <= SMALL ? new Uint8Array(n) : new Zeros(n);
}

/** parts one after the other; made by concatContent (flat, no empty part, at least one lazy part) */
export class Concat implements LazyContent {
  readonly lazy = true;
  readonly size: number;
  /** starts[i] = offset of parts[i]; starts[parts.length] = size */
  private readonly starts: number[];
  constructor(readonly parts: readonly Content[]) {
    this.starts = [0];
    let n = 0;
    for (const p of parts) {
      n += contentSize(p);
      this.starts.push(n);
    }
    this.size = n;
  }

  /** the part holding byte `pos` (0 ≤ pos < size) */
  private partAt(pos: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  read(start: number, end: number): Uint8Array {
    const [s, e] = clampRange(this.size, start, end);
    const out = new Uint8Array(e - s);
    if (e === s) return out;
    let i = this.partAt(s);
    let pos = s;
    while (pos < e) {
      const p = this.parts[i];
      const base = this.starts[i];
      const from = pos - base;
      const to = Math.min(contentSize(p), e - base);
      out.set(isLazy(p) ? p.read(from, to) : p.subarray(from, to), pos - s);
      pos = base + to;
      i++;
    }
    return out;
  }

  slice(start: number, end: number): Content {
    const [s, e] = clampRange(this.size, start, end);
    if (s === 0 && e === this.size) return this;
    if (e === s) return new Uint8Array(0);
    const first = this.partAt(s);
    const last = this.partAt(e - 1);
    if (first === last) return sliceContent(this.parts[first], s - this.starts[first], e - this.starts[first]);
    const out: Content[] = [sliceContent(this.parts[first], s - this.starts[first], contentSize(this.parts[first]))];
    for (let i = first + 1; i < last; i++) out.push(this.parts[i]);
    out.push(sliceContent(this.parts[last], 0, e - this.starts[last]));
    return concatContent(out);
  }
}

export function sliceContent(c: Content, start: number, end: number): Content {
  if (isLazy(c)) return c.slice(start, end);
  const [s, e] = clampRange(c.length, start, end);
  return s === 0 && e === c.length ? c : c.subarray(s, e);
}

/** `b` continues `a` (the next bytes of the same stream, or more zeros): one part */
function joined(a: Content, b: Content): Content | undefined {
  if (a instanceof Synthetic && b instanceof Synthetic && a.seed === b.seed && a.offset + a.size === b.offset) {
    return new Synthetic(a.seed, a.size + b.size, a.offset);
  }
  if (a instanceof Zeros && b instanceof Zeros) return new Zeros(a.size + b.size);
  return undefined;
}

/** the contents one after the other: plain bytes when none is lazy, else a flat Concat (or its one part) */
export function concatContent(parts: readonly Content[]): Content {
  const flat: Content[] = [];
  let bytes: Uint8Array[] = [];
  let bytesLen = 0;
  const flushBytes = () => {
    if (bytes.length === 0) return;
    flat.push(bytes.length === 1 ? bytes[0] : joinBytes(bytes, bytesLen));
    bytes = [];
    bytesLen = 0;
  };
  const push = (p: Content) => {
    const n = contentSize(p);
    if (n === 0) return;
    if (p instanceof Zeros && n <= SMALL) p = new Uint8Array(n);
    if (!isLazy(p)) {
      bytes.push(p);
      bytesLen += n;
      return;
    }
    flushBytes();
    const prev = flat[flat.length - 1];
    const j = prev !== undefined && isLazy(prev) ? joined(prev, p) : undefined;
    if (j) flat[flat.length - 1] = j;
    else flat.push(p);
  };
  for (const p of parts) {
    if (p instanceof Concat) for (const q of p.parts) push(q);
    else push(p);
  }
  flushBytes();
  if (flat.length === 0) return new Uint8Array(0);
  if (flat.length === 1) return flat[0];
  return new Concat(flat);
}

function joinBytes(parts: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** every byte, now (for programs that need the whole of a file: keep it for small contents) */
export function materialize(c: Content): Uint8Array {
  return isLazy(c) ? c.read(0, c.size) : c;
}

/** default size of the chunks a lazy content is read in */
export const CHUNK = 65536;

/** the content in chunks of at most `chunk` bytes (lazy parts made one chunk at a time) */
export function* contentChunks(c: Content, chunk = CHUNK): Generator<Uint8Array> {
  const n = contentSize(c);
  if (!isLazy(c)) {
    for (let off = 0; off < n; off += chunk) yield c.subarray(off, Math.min(n, off + chunk));
    return;
  }
  for (let off = 0; off < n; off += chunk) yield c.read(off, Math.min(n, off + chunk));
}

/** the lazy parts of a content, with plain-byte runs between them (what a writer can pass on unmade) */
export function contentParts(c: Content): readonly Content[] {
  return c instanceof Concat ? c.parts : [c];
}

/** a synthetic content (plain bytes when empty) */
export function synthetic(seed: string, size: number): Content {
  return size <= 0 ? new Uint8Array(0) : new Synthetic(seed, size);
}
