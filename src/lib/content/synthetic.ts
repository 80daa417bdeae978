/**
 * The generator of synthetic contents: the bytes of a stream named by a seed,
 * made block by block (32 KiB, each block on its own, so any range is made
 * without the blocks before it). Deterministic: the same seed gives the same
 * bytes in every browser and in Node, today and after a reload.
 *
 * A block looks like what it stands for (a program, a library, an archive
 * member): a run of 512 literal bytes, then 81 groups of 139 literal bytes and
 * a 258-byte copy of something 257–512 bytes back, then 99 literal bytes.
 * Literals are 0–143 (so every byte of a stream is). The stream has no end:
 * a content is a range of it (seed, offset, size). This is
 * exactly what one fixed-Huffman deflate block says (literals of 8 bits,
 * matches of length 258 with distance codes 16–17), so a compressor can write
 * the deflate stream of a synthetic content without reading it, and its size
 * is known beforehand (`syntheticDeflatedSize`): about 36 % of the content,
 * like the layers of the real images.
 *
 * This layout is a format: persisted sandboxes keep only (seed, size), so it
 * must not change (a new layout would need a new descriptor version).
 */

export const SYNTH_BLOCK = 32768;
/** literals at the start of a block */
export const SYNTH_LEAD = 512;
/** literals before each match */
export const SYNTH_GROUP_LITERALS = 139;
export const SYNTH_MATCH = 258;
export const SYNTH_GROUP = SYNTH_GROUP_LITERALS + SYNTH_MATCH;
/** groups (literals + match) in a block */
export const SYNTH_GROUPS = Math.floor((SYNTH_BLOCK - SYNTH_LEAD) / SYNTH_GROUP);
/** literals at the end of a block */
export const SYNTH_TAIL = SYNTH_BLOCK - SYNTH_LEAD - SYNTH_GROUPS * SYNTH_GROUP;

/** two 32-bit hashes of a seed (FNV-1a and a multiplicative one over its UTF-16 units) */
export function seedHash(seed: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x85ebca6b) ^ (b >>> 13);
  }
  return [a >>> 0, b >>> 0];
}

/** a small PRNG (sfc32) whose state starts from the seed's hashes and the block index */
function blockRng(h: [number, number], index: number): () => number {
  let a = h[0] ^ Math.imul(index + 1, 0x9e3779b1);
  let b = h[1] ^ Math.imul(index + 1, 0x85ebca77);
  let c = 0x6a09e667 ^ index;
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

function fillLiterals(out: Uint8Array, from: number, count: number, rng: () => number): void {
  let i = from;
  const end = from + count;
  while (i < end) {
    let x = rng();
    for (let k = 0; k < 4 && i < end; k++, i++) {
      out[i] = ((x & 0xff) * 144) >>> 8;
      x >>>= 8;
    }
  }
}

/** the tokens of a block, as a deflate writer needs them */
export interface BlockTokens {
  /** the literal bytes, in stream order (lead, each group's, tail) */
  literals: Uint8Array;
  /** each match's distance (257–512), in stream order; every match is SYNTH_MATCH long */
  distances: Uint16Array;
}

/** the tokens of block `index` of the stream of `h` */
export function blockTokens(h: [number, number], index: number): BlockTokens {
  const rng = blockRng(h, index);
  const literals = new Uint8Array(SYNTH_BLOCK - SYNTH_GROUPS * SYNTH_MATCH);
  const distances = new Uint16Array(SYNTH_GROUPS);
  fillLiterals(literals, 0, SYNTH_LEAD, rng);
  let li = SYNTH_LEAD;
  for (let g = 0; g < SYNTH_GROUPS; g++) {
    fillLiterals(literals, li, SYNTH_GROUP_LITERALS, rng);
    li += SYNTH_GROUP_LITERALS;
    distances[g] = 257 + (rng() & 0xff);
  }
  fillLiterals(literals, li, SYNTH_TAIL, rng);
  return { literals, distances };
}

/** the bytes of block `index` of the stream of `h` */
export function syntheticBlock(h: [number, number], index: number): Uint8Array {
  const out = new Uint8Array(SYNTH_BLOCK);
  const rng = blockRng(h, index);
  fillLiterals(out, 0, SYNTH_LEAD, rng);
  let pos = SYNTH_LEAD;
  for (let g = 0; g < SYNTH_GROUPS; g++) {
    fillLiterals(out, pos, SYNTH_GROUP_LITERALS, rng);
    pos += SYNTH_GROUP_LITERALS;
    const dist = 257 + (rng() & 0xff);
    // an LZ77 copy: may overlap its own output (distance 257 < length 258)
    for (let k = 0; k < SYNTH_MATCH; k++, pos++) out[pos] = out[pos - dist];
  }
  fillLiterals(out, pos, SYNTH_TAIL, rng);
  return out;
}
