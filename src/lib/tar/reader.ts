/**
 * Reads a tar archive: ustar, pax extended ('x') and global ('g') headers,
 * GNU long names ('L') and long link targets ('K'), old v7 directories
 * ("name/" with typeflag '0'). Members of other types (GNU sparse, volume
 * labels) are skipped. Errors carry Go's archive/tar texts.
 */
import { type Content, contentSize, isLazy, sliceContent } from '../content';
import { BLOCK, isZeroBlock, padded, readNumber, readString, verifyChecksum } from './header';
import { decodePaxRecords } from './pax';
import { NODATA_DEV, type TarEntry, type TarEntryType, TarFormatError } from './types';

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
};

const dec = new TextDecoder();

function cString(b: Uint8Array): string {
  const nul = b.indexOf(0);
  return dec.decode(nul >= 0 ? b.subarray(0, nul) : b);
}

/** Every member, in archive order. */
export function readTar(bytes: Content): TarEntry[] {
  return [...iterateTar(bytes)];
}

/** bytes [start, end) of an archive (a header, a pax record): copied out of a lazy one */
function range(src: Content, start: number, end: number): Uint8Array {
  return isLazy(src) ? src.read(start, end) : src.subarray(start, end);
}

/** True when `bytes` starts with something that parses as a tar header. */
export function looksLikeTar(bytes: Content): boolean {
  if (contentSize(bytes) < BLOCK) return false;
  const first = range(bytes, 0, BLOCK);
  if (isZeroBlock(first, 0)) return true;
  return verifyChecksum(first);
}

/**
 * The members of an archive in order. A member's data is a copy of its bytes,
 * or, in a lazy archive, the lazy slice of the archive it occupies.
 */
export function* iterateTar(src: Content): Generator<TarEntry> {
  const length = contentSize(src);
  let off = 0;
  let globalPax: Record<string, string> = {};
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + BLOCK <= length) {
    const h = range(src, off, off + BLOCK);
    if (isZeroBlock(h, 0)) return; // end-of-archive marker
    if (!verifyChecksum(h)) throw new TarFormatError('archive/tar: invalid tar header');
    off += BLOCK;
    const typeflag = readString(h, 'typeflag');
    let size = readNumber(h, 'size');
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (off + size > length) throw new TarFormatError('unexpected EOF');
      const body = range(src, off, off + size);
      off += padded(size);
      if (typeflag === 'x') pax = { ...pax, ...decodePaxRecords(body) };
      else if (typeflag === 'g') globalPax = { ...globalPax, ...decodePaxRecords(body) };
      else if (typeflag === 'L') longName = cString(body);
      else longLink = cString(body);
      continue;
    }
    const rec = { ...globalPax, ...pax };
    pax = {};
    const magic = readString(h, 'magic');
    const version = readString(h, 'version');
    const isGnu = magic === 'ustar ' && version === ' ';
    let name = readString(h, 'name');
    const prefix = magic === 'ustar' && !isGnu ? readString(h, 'prefix') : '';
    if (prefix) name = `${prefix}/${name}`;
    if (longName !== undefined) name = longName;
    if (rec.path !== undefined) name = rec.path;
    let linkname = readString(h, 'linkname');
    if (longLink !== undefined) linkname = longLink;
    if (rec.linkpath !== undefined) linkname = rec.linkpath;
    longName = undefined;
    longLink = undefined;
    if (rec.size !== undefined) size = Number.parseInt(rec.size, 10);
    if (!Number.isFinite(size) || size < 0) throw new TarFormatError('archive/tar: invalid tar header');

    let type: TarEntryType | undefined = TYPES[typeflag];
    if (type === 'file' && typeflag !== '7' && name.endsWith('/')) type = 'dir';
    if (off + (type === undefined || type === 'file' ? size : 0) > length) {
      throw new TarFormatError('unexpected EOF');
    }
    const start = off;
    off += padded(Math.min(size, length - off));
    if (type === undefined) continue; // unsupported member types are skipped

    const mtimeSec = rec.mtime !== undefined ? Number.parseFloat(rec.mtime) : readNumber(h, 'mtime');
    const entry: TarEntry = {
      name,
      type,
      mode: readNumber(h, 'mode') & 0o7777,
      uid: rec.uid !== undefined ? Number.parseInt(rec.uid, 10) : readNumber(h, 'uid'),
      gid: rec.gid !== undefined ? Number.parseInt(rec.gid, 10) : readNumber(h, 'gid'),
      uname: rec.uname ?? readString(h, 'uname'),
      gname: rec.gname ?? readString(h, 'gname'),
      mtime: Math.round(mtimeSec * 1000),
      size: type === 'file' ? size : 0,
    };
    const nodata = readNumber(h, 'devmajor') === NODATA_DEV && readNumber(h, 'devminor') === NODATA_DEV;
    if (type === 'file' && !nodata) entry.data = isLazy(src) ? sliceContent(src, start, start + size) : src.slice(start, start + size);
    if (type === 'symlink' || type === 'hardlink') entry.linkname = linkname;
    if (type === 'char' || type === 'block') {
      entry.devmajor = readNumber(h, 'devmajor');
      entry.devminor = readNumber(h, 'devminor');
    }
    yield entry;
  }
  if (off < length && !isZeroBlock(padTo(range(src, off, Math.min(length, off + BLOCK))), 0)) throw new TarFormatError('unexpected EOF');
}

function padTo(bytes: Uint8Array): Uint8Array {
  const b = new Uint8Array(BLOCK);
  b.set(bytes.subarray(0, BLOCK));
  return b;
}

/**
 * The path a member names, as an absolute POSIX path: "./bin/" → "/bin",
 * "etc/hosts" → "/etc/hosts", "." → "/". Returns undefined for names that
 * escape the root ("../x").
 */
export function memberPath(name: string): string | undefined {
  const parts: string[] = [];
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') return undefined;
    parts.push(p);
  }
  return `/${parts.join('/')}`;
}
