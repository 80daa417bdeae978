/**
 * The 512-byte tar header: field offsets, octal/base-256 numbers, checksum.
 * Layout from POSIX ustar (pax) and GNU tar; numeric field formatting follows
 * Go's archive/tar (zero-padded octal, NUL-terminated), which is what Docker
 * writes.
 */
import { TarFormatError } from './types';

export const BLOCK = 512;

/** [offset, length] of every header field */
export const F = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const satisfies Record<string, readonly [number, number]>;

export type Field = keyof typeof F;

const enc = new TextEncoder();
const dec = new TextDecoder();

export function utf8(s: string): Uint8Array {
  return enc.encode(s);
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Largest value an octal field of `len` bytes holds (len-1 digits + NUL). */
export function octalMax(len: number): number {
  return 8 ** (len - 1) - 1;
}

export function fitsOctal(value: number, field: Field): boolean {
  return Number.isInteger(value) && value >= 0 && value <= octalMax(F[field][1]);
}

export function writeString(h: Uint8Array, field: Field, s: string): void {
  const [off, len] = F[field];
  const b = utf8(s);
  h.set(b.subarray(0, len), off);
}

/** Zero-padded octal, NUL-terminated; base-256 (GNU) when it does not fit. */
export function writeNumber(h: Uint8Array, field: Field, value: number): void {
  const [off, len] = F[field];
  if (fitsOctal(value, field)) {
    const s = value.toString(8).padStart(len - 1, '0');
    h.set(utf8(s), off);
    h[off + len - 1] = 0;
    return;
  }
  // base-256: high bit of the first byte set, big-endian two's complement
  let v = BigInt(Math.trunc(value));
  if (v < 0n) v += 1n << BigInt(8 * len);
  for (let i = len - 1; i >= 0; i--) {
    h[off + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  h[off] = (h[off] & 0x7f) | 0x80;
}

export function readString(h: Uint8Array, field: Field): string {
  const [off, len] = F[field];
  let end = off;
  while (end < off + len && h[end] !== 0) end++;
  return dec.decode(h.subarray(off, end));
}

export function readNumber(h: Uint8Array, field: Field): number {
  const [off, len] = F[field];
  if (h[off] & 0x80) {
    let v = BigInt(h[off] & 0x7f);
    const negative = (h[off] & 0x40) !== 0;
    for (let i = 1; i < len; i++) v = (v << 8n) | BigInt(h[off + i]);
    if (negative) v -= 1n << BigInt(8 * len - 1);
    return Number(v);
  }
  let s = '';
  for (let i = off; i < off + len; i++) {
    const c = h[i];
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  s = s.trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError('archive/tar: invalid tar header');
  return Number.parseInt(s, 8);
}

/** Unsigned sum of the header bytes with the checksum field read as spaces. */
export function checksum(h: Uint8Array): number {
  const [off, len] = F.chksum;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= off && i < off + len ? 0x20 : h[i];
  return sum;
}

/** Signed variant (some old tars computed it with signed chars). */
function signedChecksum(h: Uint8Array): number {
  const [off, len] = F.chksum;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= off && i < off + len ? 0x20 : (h[i] << 24) >> 24;
  return sum;
}

/** Go writes 6 octal digits, NUL, space. */
export function writeChecksum(h: Uint8Array): void {
  const [off] = F.chksum;
  const s = checksum(h).toString(8).padStart(6, '0');
  h.set(utf8(s), off);
  h[off + 6] = 0;
  h[off + 7] = 0x20;
}

export function verifyChecksum(h: Uint8Array): boolean {
  let stored: number;
  try {
    stored = readNumber(h, 'chksum');
  } catch {
    return false;
  }
  return stored === checksum(h) || stored === signedChecksum(h);
}

export function isZeroBlock(b: Uint8Array, off: number): boolean {
  for (let i = off; i < off + BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

/** Bytes to the next block boundary. */
export function padded(n: number): number {
  return Math.ceil(n / BLOCK) * BLOCK;
}

/**
 * Split a long ASCII name into ustar prefix (≤155) and name (≤100) at a slash,
 * the rule Go's archive/tar applies before falling back to pax.
 */
export function splitUstarPath(name: string): [string, string] | undefined {
  if (!isAscii(name) || name.length <= 100) return undefined;
  let length = name.length;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}
