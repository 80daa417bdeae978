/**
 * The deflate stream (RFC 1951) of a lazy content, itself lazy: its size is
 * known without reading the content, and any range of it is made from the
 * few units it covers. A `gzip` of a `docker save` archive costs nothing until
 * something reads it.
 *
 * The stream is a run of byte-aligned units, each a non-final block followed
 * by an empty stored block (a "sync flush", 00 00 FF FF), then an empty final
 * block (03 00):
 *   - plain bytes: stored blocks of up to 65,535 bytes (no flush needed);
 *   - a synthetic range: one fixed-Huffman block per 32 KiB block of the
 *     stream, written from its tokens (synthetic.ts: literals 0–143 and
 *     258-byte copies 257–512 back), literals only for a partial block;
 *   - zeros: per 32 KiB, a literal 0 and copies of 258 one byte back.
 * Any inflater reads it (fflate, zlib, gzip -d).
 */
import { Concat, isLazy, Synthetic, Zeros } from './lazy';
import { blockTokens, SYNTH_BLOCK, SYNTH_GROUP_LITERALS, SYNTH_GROUPS, SYNTH_LEAD, SYNTH_MATCH, seedHash } from './synthetic';
import type { Content, LazyContent } from './types';

const STORED_MAX = 65535;
/** bits of a fixed-Huffman block's header and of its end-of-block code */
const FIXED_HEADER_BITS = 3;
const EOB_BITS = 7;
/** a length-258 copy (code 285, 8 bits) with a distance code of 5 bits and 7 extra bits (257–512) */
const SYNTH_MATCH_BITS = 8 + 5 + 7;
/** a length-258 copy at distance 1 (code 285, distance code 0 without extra bits) */
const ZERO_MATCH_BITS = 8 + 5;
/** the sync flush after a fixed block: 3 bits of a stored header, then to the byte, then 4 bytes */
function flushedSize(bits: number): number {
  return Math.ceil((bits + 3) / 8) + 4;
}

class BitWriter {
  private readonly out: Uint8Array;
  private pos = 0;
  private acc = 0;
  private n = 0;
  constructor(size: number) {
    this.out = new Uint8Array(size);
  }
  /** `count` bits of `value`, least significant first */
  bits(value: number, count: number): void {
    this.acc |= value << this.n;
    this.n += count;
    while (this.n >= 8) {
      this.out[this.pos++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  /** a Huffman code, most significant bit first */
  code(value: number, count: number): void {
    let rev = 0;
    for (let i = 0; i < count; i++) rev |= ((value >>> i) & 1) << (count - 1 - i);
    this.bits(rev, count);
  }
  literal(b: number): void {
    // fixed code of literals 0–143: 0x30 + b, 8 bits
    this.code(0x30 + b, 8);
  }
  /** end of block, then an empty stored block: the stream is byte-aligned again */
  endAndFlush(): Uint8Array {
    this.code(0, EOB_BITS);
    this.bits(0, 3);
    if (this.n > 0) this.bits(0, 8 - this.n);
    this.out.set([0, 0, 0xff, 0xff], this.pos);
    this.pos += 4;
    return this.out.subarray(0, this.pos);
  }
}

const LEN258 = 0b11000101; // literal/length code 285
function fixedBlockStart(w: BitWriter): void {
  w.bits(0, 1); // not final
  w.bits(1, 2); // fixed Huffman
}

function literalsUnitSize(n: number): number {
  return flushedSize(FIXED_HEADER_BITS + 8 * n + EOB_BITS);
}

function literalsUnit(bytes: Uint8Array): Uint8Array {
  const w = new BitWriter(literalsUnitSize(bytes.length));
  fixedBlockStart(w);
  for (const b of bytes) w.literal(b);
  return w.endAndFlush();
}

const FULL_SYNTH_UNIT = flushedSize(FIXED_HEADER_BITS + 8 * (SYNTH_BLOCK - SYNTH_GROUPS * SYNTH_MATCH) + SYNTH_GROUPS * SYNTH_MATCH_BITS + EOB_BITS);

function synthUnit(h: [number, number], index: number): Uint8Array {
  const { literals, distances } = blockTokens(h, index);
  const w = new BitWriter(FULL_SYNTH_UNIT);
  fixedBlockStart(w);
  // the token order of synthetic.ts: a lead of literals, groups of literals + one copy, a tail
  let li = 0;
  for (; li < SYNTH_LEAD; li++) w.literal(literals[li] as number);
  for (let g = 0; g < SYNTH_GROUPS; g++) {
    for (let k = 0; k < SYNTH_GROUP_LITERALS; k++) w.literal(literals[li++] as number);
    w.code(LEN258, 8);
    const d = distances[g] as number;
    // distance codes 16 (257–384) and 17 (385–512), 7 extra bits each
    if (d <= 384) {
      w.code(16, 5);
      w.bits(d - 257, 7);
    } else {
      w.code(17, 5);
      w.bits(d - 385, 7);
    }
  }
  for (; li < literals.length; li++) w.literal(literals[li] as number);
  return w.endAndFlush();
}

function zerosUnitBits(n: number): number {
  const matches = Math.floor((n - 1) / SYNTH_MATCH);
  const rest = n - 1 - matches * SYNTH_MATCH;
  return FIXED_HEADER_BITS + 8 + matches * ZERO_MATCH_BITS + rest * 8 + EOB_BITS;
}

function zerosUnit(n: number): Uint8Array {
  const w = new BitWriter(flushedSize(zerosUnitBits(n)));
  fixedBlockStart(w);
  w.literal(0);
  const matches = Math.floor((n - 1) / SYNTH_MATCH);
  for (let i = 0; i < matches; i++) {
    w.code(LEN258, 8);
    w.code(0, 5);
  }
  for (let i = 1 + matches * SYNTH_MATCH; i < n; i++) w.literal(0);
  return w.endAndFlush();
}

/** one part's deflate units: how many, the size of each, and each made on demand */
interface Units {
  count: number;
  size(i: number): number;
  make(i: number): Uint8Array;
}

function bytesUnits(b: Uint8Array): Units {
  const count = Math.max(1, Math.ceil(b.length / STORED_MAX));
  const len = (i: number) => Math.min(STORED_MAX, b.length - i * STORED_MAX);
  return {
    count,
    size: (i) => len(i) + 5,
    make: (i) => {
      const n = len(i);
      const out = new Uint8Array(n + 5);
      out.set([0, n & 0xff, n >>> 8, ~n & 0xff, (~n >>> 8) & 0xff]);
      out.set(b.subarray(i * STORED_MAX, i * STORED_MAX + n), 5);
      return out;
    },
  };
}

function zerosUnits(n: number): Units {
  const count = Math.ceil(n / SYNTH_BLOCK);
  const len = (i: number) => Math.min(SYNTH_BLOCK, n - i * SYNTH_BLOCK);
  const full = flushedSize(zerosUnitBits(SYNTH_BLOCK));
  return { count, size: (i) => (len(i) === SYNTH_BLOCK ? full : flushedSize(zerosUnitBits(len(i)))), make: (i) => zerosUnit(len(i)) };
}

function syntheticUnits(s: Synthetic): Units {
  const first = Math.floor(s.offset / SYNTH_BLOCK);
  const end = s.offset + s.size;
  const last = Math.floor((end - 1) / SYNTH_BLOCK);
  const count = last - first + 1;
  const range = (i: number): [number, number] => {
    const b = first + i;
    return [Math.max(s.offset, b * SYNTH_BLOCK), Math.min(end, (b + 1) * SYNTH_BLOCK)];
  };
  let h: [number, number] | undefined;
  return {
    count,
    size: (i) => {
      const [a, z] = range(i);
      return z - a === SYNTH_BLOCK ? FULL_SYNTH_UNIT : literalsUnitSize(z - a);
    },
    make: (i) => {
      const [a, z] = range(i);
      if (z - a === SYNTH_BLOCK) {
        h ??= seedHash(s.seed);
        return synthUnit(h, first + i);
      }
      return literalsUnit(s.read(a - s.offset, z - s.offset));
    },
  };
}

function unitsOf(p: Content): Units {
  if (!isLazy(p)) return bytesUnits(p);
  if (p instanceof Synthetic) return syntheticUnits(p);
  if (p instanceof Zeros) return zerosUnits(p.size);
  // any other lazy kind: its bytes as stored blocks, a chunk at a time
  const count = Math.max(1, Math.ceil(p.size / STORED_MAX));
  return {
    count,
    size: (i) => Math.min(STORED_MAX, p.size - i * STORED_MAX) + 5,
    make: (i) => bytesUnits(p.read(i * STORED_MAX, Math.min(p.size, (i + 1) * STORED_MAX))).make(0),
  };
}

/** a part's units in the stream: where they start, how many bytes they take */
interface Placed {
  units: Units;
  start: number;
  size: number;
}

const FINAL_BLOCK = new Uint8Array([3, 0]);

/** the raw deflate stream of `inner`, lazy */
export class Deflated implements LazyContent {
  readonly lazy = true;
  readonly size: number;
  private readonly placed: Placed[] = [];
  private last: { part: number; unit: number; bytes: Uint8Array } | undefined;
  constructor(readonly inner: Content) {
    let pos = 0;
    const parts = inner instanceof Concat ? inner.parts : [inner];
    for (const p of parts) {
      const units = unitsOf(p);
      // the first and the last unit may be partial; the middle ones have one size
      const total = units.count <= 3 ? sumSizes(units) : units.size(0) + units.size(units.count - 1) + (units.count - 2) * units.size(1);
      this.placed.push({ units, start: pos, size: total });
      pos += total;
    }
    this.size = pos + FINAL_BLOCK.length;
  }

  private unitAt(p: Placed, off: number): { index: number; start: number } {
    const u = p.units;
    const s0 = u.size(0);
    if (u.count === 1 || off < s0) return { index: 0, start: 0 };
    if (u.count === 2) return { index: 1, start: s0 };
    const mid = u.size(1);
    const k = Math.floor((off - s0) / mid);
    if (k < u.count - 2) return { index: 1 + k, start: s0 + k * mid };
    return { index: u.count - 1, start: s0 + (u.count - 2) * mid };
  }

  private unitBytes(part: number, unit: number): Uint8Array {
    if (this.last?.part === part && this.last.unit === unit) return this.last.bytes;
    const bytes = (this.placed[part] as Placed).units.make(unit);
    this.last = { part, unit, bytes };
    return bytes;
  }

  read(start: number, end: number): Uint8Array {
    const s = Math.max(0, Math.min(this.size, Math.floor(start)));
    const e = Math.max(s, Math.min(this.size, Math.floor(end)));
    const out = new Uint8Array(e - s);
    let pos = s;
    let pi = this.partAt(pos);
    while (pos < e) {
      if (pi >= this.placed.length) {
        const from = pos - (this.size - FINAL_BLOCK.length);
        out.set(FINAL_BLOCK.subarray(from, from + (e - pos)), pos - s);
        break;
      }
      const p = this.placed[pi] as Placed;
      if (pos >= p.start + p.size) {
        pi++;
        continue;
      }
      const { index, start: uStart } = this.unitAt(p, pos - p.start);
      const bytes = this.unitBytes(pi, index);
      const from = pos - p.start - uStart;
      const take = Math.min(bytes.length - from, e - pos);
      out.set(bytes.subarray(from, from + take), pos - s);
      pos += take;
    }
    return out;
  }

  private partAt(pos: number): number {
    let lo = 0;
    let hi = this.placed.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.placed[mid] as Placed).start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  slice(start: number, end: number): Content {
    const s = Math.max(0, Math.min(this.size, Math.floor(start)));
    const e = Math.max(s, Math.min(this.size, Math.floor(end)));
    if (s === 0 && e === this.size) return this;
    return new Slice(this, s, e - s);
  }
}

function sumSizes(u: Units): number {
  let n = 0;
  for (let i = 0; i < u.count; i++) n += u.size(i);
  return n;
}

/** a range of a lazy content of another kind (a deflate stream, a gzip file) */
export class Slice implements LazyContent {
  readonly lazy = true;
  constructor(
    readonly of: LazyContent,
    readonly offset: number,
    readonly size: number,
  ) {}
  read(start: number, end: number): Uint8Array {
    const s = Math.max(0, Math.min(this.size, Math.floor(start)));
    const e = Math.max(s, Math.min(this.size, Math.floor(end)));
    return this.of.read(this.offset + s, this.offset + e);
  }
  slice(start: number, end: number): Content {
    const s = Math.max(0, Math.min(this.size, Math.floor(start)));
    const e = Math.max(s, Math.min(this.size, Math.floor(end)));
    return new Slice(this.of, this.offset + s, e - s);
  }
}
