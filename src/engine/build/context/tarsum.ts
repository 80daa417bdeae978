/**
 * The per-file hash of the legacy builder's cache keys (moby pkg/tarsum v1
 * header selection + builder/remotecontext): sha256 over
 * "name…mode…uid…gid…size…typeflag…linkname…uname…gname…devmajor…devminor…"
 * followed by the file's bytes. `mode` includes the file type bits (0100644).
 */
import { type Content, contentKey, isLazy } from '../../../lib/content';
import type { TarEntryType } from '../../../lib/tar';
import { sha256Digest } from '../../layers/digest';

export const TYPE_BITS: Partial<Record<TarEntryType, number>> = {
  file: 0o100000,
  hardlink: 0o100000,
  symlink: 0o120000,
  char: 0o020000,
  block: 0o060000,
  dir: 0o040000,
  fifo: 0o010000,
};

const TYPEFLAG: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

export interface HashHeader {
  name: string;
  /** mode with type bits */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  typeflag: TarEntryType;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
}

/** hex sha256 of the selected header fields and the content (a lazy content: its key, not its bytes) */
export function headerHash(h: HashHeader, content?: Content): string {
  const head =
    `name${h.name}mode${h.mode}uid${h.uid}gid${h.gid}size${h.size}typeflag${TYPEFLAG[h.typeflag]}` +
    `linkname${h.linkname}uname${h.uname}gname${h.gname}devmajor${h.devmajor}devminor${h.devminor}`;
  const data = content && isLazy(content) ? new TextEncoder().encode(contentKey(content)) : content;
  const headBytes = new TextEncoder().encode(head);
  const all = new Uint8Array(headBytes.length + (data?.length ?? 0));
  all.set(headBytes, 0);
  if (data) all.set(data, headBytes.length);
  return sha256Digest(all).slice('sha256:'.length);
}

/** hashStringSlice: "dir:…" / "multi:…" over the sorted hashes joined with "," */
export function hashStrings(prefix: string, hashes: string[]): string {
  return `${prefix}:${sha256Digest(hashes.join(',')).slice('sha256:'.length)}`;
}
