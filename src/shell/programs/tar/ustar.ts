/**
 * ustar archives (POSIX.1-1988) with the GNU long-name ('L'/'K') and PAX ('x')
 * extensions on reading and PAX on writing for long paths. Independent of the
 * engine's tar code on purpose.
 */
import { textDecoder, textEncoder } from '../../../api/fs';

export interface TarEntry {
  /** path as stored ("bin/", "bin/arch", "./etc/passwd") */
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** seconds since the epoch */
  mtime: number;
  linkname: string;
  data: Uint8Array;
}

export class TarFormatError extends Error {}

function str(b: Uint8Array, off: number, len: number): string {
  const s = b.subarray(off, off + len);
  const end = s.indexOf(0);
  return textDecoder.decode(end < 0 ? s : s.subarray(0, end));
}

function octal(b: Uint8Array, off: number, len: number): number {
  if (b[off] & 0x80) {
    let v = 0;
    for (let i = 1; i < len; i++) v = v * 256 + b[off + i];
    return v;
  }
  const s = str(b, off, len).trim();
  return s === '' ? 0 : Number.parseInt(s, 8);
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let text = textDecoder.decode(data);
  while (text.length) {
    const m = /^(\d+) ([^=]+)=/.exec(text);
    if (!m) break;
    const len = Number(m[1]);
    const rec = textEncoder.encode(text).subarray(0, len);
    const recText = textDecoder.decode(rec);
    out[m[2]] = recText.slice(m[0].length, -1);
    text = textDecoder.decode(textEncoder.encode(text).subarray(len));
  }
  return out;
}

const TYPES: Record<string, TarEntry['type']> = { '0': 'file', '\0': 'file', '': 'file', '5': 'dir', '2': 'symlink', '1': 'hardlink' };

export function readTar(buf: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (sum !== octal(h, 148, 8)) throw new TarFormatError('This does not look like a tar archive');
    const size = octal(h, 124, 12);
    const flag = String.fromCharCode(h[156]);
    const data = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'L') {
      longName = str(data, 0, data.length);
      continue;
    }
    if (flag === 'K') {
      longLink = str(data, 0, data.length);
      continue;
    }
    if (flag === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (flag === 'g') continue;
    const prefix = str(h, 345, 155);
    const base = str(h, 0, 100);
    out.push({
      name: pax.path ?? longName ?? (prefix ? `${prefix}/${base}` : base),
      type: TYPES[flag] ?? 'other',
      mode: octal(h, 100, 8) & 0o7777,
      uid: octal(h, 108, 8),
      gid: octal(h, 116, 8),
      uname: str(h, 265, 32),
      gname: str(h, 297, 32),
      mtime: octal(h, 136, 12),
      linkname: pax.linkpath ?? longLink ?? str(h, 157, 100),
      data: flag === '0' || flag === '\0' ? data : new Uint8Array(0),
    });
    longName = longLink = undefined;
    pax = {};
  }
  return out;
}

function putStr(h: Uint8Array, off: number, len: number, s: string): void {
  h.set(textEncoder.encode(s).subarray(0, len), off);
}
function putOctal(h: Uint8Array, off: number, len: number, v: number): void {
  putStr(h, off, len, `${v.toString(8).padStart(len - 1, '0')}\0`);
}

function header(name: string, e: Pick<TarEntry, 'mode' | 'uid' | 'gid' | 'mtime' | 'linkname' | 'uname' | 'gname'>, size: number, flag: string): Uint8Array {
  const h = new Uint8Array(512);
  let prefix = '';
  let base = name;
  if (textEncoder.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut > 0 && name.length - cut - 1 <= 100) {
      prefix = name.slice(0, cut);
      base = name.slice(cut + 1);
    }
  }
  putStr(h, 0, 100, base);
  putOctal(h, 100, 8, e.mode);
  putOctal(h, 108, 8, e.uid);
  putOctal(h, 116, 8, e.gid);
  putOctal(h, 124, 12, size);
  putOctal(h, 136, 12, Math.floor(e.mtime));
  h[156] = flag.charCodeAt(0);
  putStr(h, 157, 100, e.linkname);
  putStr(h, 257, 8, 'ustar\x0000');
  putStr(h, 265, 32, e.uname);
  putStr(h, 297, 32, e.gname);
  putStr(h, 345, 155, prefix);
  h.fill(32, 148, 156);
  let sum = 0;
  for (const x of h) sum += x;
  putStr(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = textEncoder.encode(body).length;
  len += String(len).length;
  if (String(len).length !== String(len - String(len).length).length) len++;
  return `${len}${body}`;
}

const FLAG: Record<TarEntry['type'], string> = { file: '0', dir: '5', symlink: '2', hardlink: '1', other: '0' };

export function writeTar(entries: TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const size = e.type === 'file' ? e.data.length : 0;
    const nameBytes = textEncoder.encode(e.name).length;
    const needsPax = (nameBytes > 100 && !(e.name.lastIndexOf('/', 155) > 0 && e.name.length - e.name.lastIndexOf('/', 155) - 1 <= 100)) || textEncoder.encode(e.linkname).length > 100;
    if (needsPax) {
      const pax = textEncoder.encode(paxRecord('path', e.name) + (e.linkname.length > 100 ? paxRecord('linkpath', e.linkname) : ''));
      blocks.push(header(`PaxHeaders/${e.name.slice(-80)}`, e, pax.length, 'x'), pad(pax));
    }
    blocks.push(header(e.name, e, size, FLAG[e.type]));
    if (size) blocks.push(pad(e.data));
  }
  blocks.push(new Uint8Array(1024));
  let n = 0;
  for (const b of blocks) n += b.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

function pad(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
}
