import type { Content } from '../content/types';

/**
 * One member of a tar archive, independent of the header format that carried
 * it (ustar, pax extended headers, GNU long names).
 */
export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface TarEntry {
  /**
   * The member name as stored in the archive, e.g. "bin/", "bin/arch",
   * "./etc/hosts". Directories conventionally end with "/" (the writer adds it).
   */
  name: string;
  type: TarEntryType;
  /** permission bits only (07777) */
  mode: number;
  uid: number;
  gid: number;
  /** user/group names ("root"); empty when unknown */
  uname?: string;
  gname?: string;
  /** modification time, ms since the epoch (tar stores whole seconds) */
  mtime: number;
  /** content size in bytes (files only; 0 otherwise) */
  size: number;
  /**
   * File content. Absent when the content is not known, only its size
   * (Dockyard's stand-in binaries): the writer then stores `size` zero bytes
   * and marks the member by setting its devmajor/devminor fields (meaningless
   * for regular files, ignored by other tar programs) to NODATA_DEV, so that
   * reading the archive back yields an entry without data again. The marker
   * costs no extra blocks: archive sizes stay what Docker's would be.
   * A lazy content (src/lib/content) stays lazy through the writer and the reader.
   */
  data?: Content;
  /** symlink target or hard link source */
  linkname?: string;
  devmajor?: number;
  devminor?: number;
}

/** How the writer lays out headers. */
export interface TarWriteOptions {
  /**
   * 'posix': magic "ustar\0" + version "00", pax extended headers for long or
   * non-ASCII names (what Go's archive/tar, hence Docker, writes).
   * 'gnu': magic "ustar  \0", GNU ././@LongLink members (GNU tar's default).
   */
  format?: 'posix' | 'gnu';
  /**
   * Store the file type bits in the mode field (0100755 instead of 0000755),
   * as Docker's pkg/archive does for export, save and build contexts.
   */
  typeBitsInMode?: boolean;
  /**
   * Pad the archive to a multiple of this many 512-byte blocks (GNU tar's
   * default record is 20 blocks = 10240 bytes). Docker writes no padding (1).
   */
  blockingFactor?: number;
}

/** devmajor = devminor = this on a regular file: its bytes are unknown (see TarEntry.data). */
export const NODATA_DEV = 0o7777777;

/** Thrown for malformed archives; `message` is Go's archive/tar text. */
export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}
