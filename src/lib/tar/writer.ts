/**
 * Writes a tar archive in one buffer. Headers are ustar; a member that ustar
 * cannot describe (long or non-ASCII name, long link target, huge numbers)
 * gets a pax extended header ('posix') or GNU ././@LongLink members ('gnu').
 * The archive ends with two zero blocks, padded to the blocking factor.
 */
import {
  BLOCK,
  fitsOctal,
  isAscii,
  padded,
  splitUstarPath,
  utf8,
  writeChecksum,
  writeNumber,
  writeString,
} from './header';
import { type Content, concatContent, contentSize, isLazy, materialize, sliceContent, zeros } from '../content';
import { encodePaxRecords } from './pax';
import { NODATA_DEV, type TarEntry, type TarEntryType, type TarWriteOptions } from './types';

const TYPEFLAG: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

/** st_mode file type bits (Go's c_IS* constants) */
const TYPE_BITS: Record<TarEntryType, number> = {
  file: 0o100000,
  hardlink: 0o100000,
  symlink: 0o120000,
  char: 0o020000,
  block: 0o060000,
  dir: 0o040000,
  fifo: 0o010000,
};

/** One 512-byte header or a data run, in output order. */
type Piece = { header: Uint8Array } | { data?: Content; size: number };

function ustarFits(s: string, max: number): boolean {
  return isAscii(s) && s.length <= max;
}

function baseHeader(name: string, typeflag: string, size: number, mtimeSec: number, gnu: boolean): Uint8Array {
  const h = new Uint8Array(BLOCK);
  writeString(h, 'name', name);
  writeNumber(h, 'mode', 0o644);
  writeNumber(h, 'uid', 0);
  writeNumber(h, 'gid', 0);
  writeNumber(h, 'size', size);
  writeNumber(h, 'mtime', mtimeSec);
  writeString(h, 'typeflag', typeflag);
  writeMagic(h, gnu);
  return h;
}

function writeMagic(h: Uint8Array, gnu: boolean): void {
  if (gnu) {
    writeString(h, 'magic', 'ustar ');
    writeString(h, 'version', ' ');
  } else {
    writeString(h, 'magic', 'ustar');
    writeString(h, 'version', '00');
  }
}

function paxHeaderName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  const dir = slash >= 0 ? trimmed.slice(0, slash) : '.';
  const base = slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
  const full = `${dir}/PaxHeaders.0/${base}`;
  return utf8(full).length <= 100 ? full : full.slice(0, 100);
}

/** The header pieces (and data) describing one entry. */
function entryPieces(e: TarEntry, opts: Required<TarWriteOptions>): Piece[] {
  const gnu = opts.format === 'gnu';
  const pieces: Piece[] = [];
  let name = e.name;
  if (e.type === 'dir' && !name.endsWith('/')) name += '/';
  const size = e.type === 'file' ? e.size : 0;
  const mtimeSec = Math.floor(e.mtime / 1000);
  const linkname = e.linkname ?? '';
  const pax: Record<string, string> = {};

  let headerName = name;
  let prefix = '';
  if (!ustarFits(name, 100)) {
    const split = gnu ? undefined : splitUstarPath(name);
    if (split) {
      [prefix, headerName] = split;
    } else if (gnu) {
      pieces.push(...longLink('L', name, mtimeSec));
      headerName = asciiPrefix(name, 100);
    } else {
      pax.path = name;
      headerName = asciiPrefix(name, 100);
    }
  }
  let headerLink = linkname;
  if (!ustarFits(linkname, 100)) {
    if (gnu) {
      pieces.push(...longLink('K', linkname, mtimeSec));
      headerLink = asciiPrefix(linkname, 100);
    } else {
      pax.linkpath = linkname;
      headerLink = asciiPrefix(linkname, 100);
    }
  }
  if (!gnu) {
    if (!fitsOctal(e.uid, 'uid')) pax.uid = String(e.uid);
    if (!fitsOctal(e.gid, 'gid')) pax.gid = String(e.gid);
    if (!fitsOctal(size, 'size')) pax.size = String(size);
    if (e.uname && !ustarFits(e.uname, 32)) pax.uname = e.uname;
    if (e.gname && !ustarFits(e.gname, 32)) pax.gname = e.gname;
  }

  if (Object.keys(pax).length > 0) {
    const records = encodePaxRecords(pax);
    const ph = baseHeader(paxHeaderName(name), 'x', records.length, mtimeSec, gnu);
    writeChecksum(ph);
    pieces.push({ header: ph }, { data: records, size: records.length });
  }

  const h = new Uint8Array(BLOCK);
  writeString(h, 'name', headerName);
  const mode = (e.mode & 0o7777) | (opts.typeBitsInMode ? TYPE_BITS[e.type] : 0);
  writeNumber(h, 'mode', mode);
  writeNumber(h, 'uid', pax.uid ? 0 : e.uid);
  writeNumber(h, 'gid', pax.gid ? 0 : e.gid);
  writeNumber(h, 'size', pax.size ? 0 : size);
  writeNumber(h, 'mtime', mtimeSec);
  writeString(h, 'typeflag', TYPEFLAG[e.type]);
  writeString(h, 'linkname', headerLink);
  writeMagic(h, gnu);
  writeString(h, 'uname', pax.uname ? '' : (e.uname ?? ''));
  writeString(h, 'gname', pax.gname ? '' : (e.gname ?? ''));
  const nodata = e.type === 'file' && !e.data && size > 0;
  if (nodata) {
    writeNumber(h, 'devmajor', NODATA_DEV);
    writeNumber(h, 'devminor', NODATA_DEV);
  } else if (!gnu || e.type === 'char' || e.type === 'block') {
    writeNumber(h, 'devmajor', e.devmajor ?? 0);
    writeNumber(h, 'devminor', e.devminor ?? 0);
  }
  if (prefix) writeString(h, 'prefix', prefix);
  writeChecksum(h);
  pieces.push({ header: h });
  if (size > 0) pieces.push({ data: e.data, size });
  return pieces;
}

function asciiPrefix(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) > 0x7f || out.length >= max) break;
    out += ch;
  }
  return out;
}

function longLink(typeflag: 'L' | 'K', value: string, mtimeSec: number): Piece[] {
  const bytes = utf8(`${value}\0`);
  const h = baseHeader('././@LongLink', typeflag, bytes.length, mtimeSec, true);
  writeString(h, 'uname', 'root');
  writeString(h, 'gname', 'root');
  writeChecksum(h);
  return [{ header: h }, { data: bytes, size: bytes.length }];
}

/**
 * Serialize `entries` in the given order. The archive is lazy when a member's
 * data is (its headers as bytes, the members' contents as they are): a tar of
 * large synthetic files costs its headers.
 */
export function writeTarContent(entries: Iterable<TarEntry>, options: TarWriteOptions = {}): Content {
  const opts: Required<TarWriteOptions> = {
    format: options.format ?? 'posix',
    typeBitsInMode: options.typeBitsInMode ?? false,
    blockingFactor: Math.max(1, options.blockingFactor ?? 1),
  };
  const parts: Content[] = [];
  let total = 0;
  let anyLazy = false;
  for (const e of entries) {
    anyLazy ||= e.data !== undefined && isLazy(e.data);
    for (const p of entryPieces(e, opts)) {
      if ('header' in p) {
        parts.push(p.header);
        total += BLOCK;
        continue;
      }
      const data = p.data ? (contentSize(p.data) === p.size ? p.data : sliceContent(p.data, 0, p.size)) : zeros(p.size);
      const n = contentSize(data);
      parts.push(data);
      // a short data run (a member whose data is shorter than its size) is filled with zero bytes, as before
      parts.push(zeros(padded(p.size) - n));
      total += padded(p.size);
    }
  }
  const record = BLOCK * opts.blockingFactor;
  const end = Math.ceil((total + 2 * BLOCK) / record) * record;
  parts.push(zeros(end - total));
  // an archive of plain members is plain bytes, as before: laziness only where a member is lazy
  const out = concatContent(parts);
  return anyLazy ? out : materialize(out);
}

/** `writeTarContent` as bytes (for archives of plain contents: a lazy member is made into bytes here) */
export function writeTar(entries: Iterable<TarEntry>, options: TarWriteOptions = {}): Uint8Array {
  return materialize(writeTarContent(entries, options));
}
