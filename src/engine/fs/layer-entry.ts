import type { Content } from '../../api/fs';
import { Synthetic, synthetic } from '../../lib/content';

/**
 * What one layer (or a container's writable layer) records for one path.
 * A layer is a Map from absolute path ("/etc/os-release") to LayerEntry.
 * Whiteouts mark deletions of lower-layer paths (overlayfs .wh. files);
 * an opaque dir hides everything below it in lower layers.
 */
export type LayerEntry =
  | {
      kind: 'file';
      mode: number;
      uid: number;
      gid: number;
      mtime: number;
      size: number;
      /**
       * content: bytes or a lazy content. Absent for files known only by size
       * (catalog "binary": true, installed packages): their content is the
       * synthetic stream named by their path (`entryContent`).
       */
      data?: Content;
    }
  | { kind: 'dir'; mode: number; uid: number; gid: number; mtime: number; opaque?: boolean }
  | { kind: 'symlink'; target: string; mode: number; uid: number; gid: number; mtime: number }
  | { kind: 'whiteout' };

export type LayerFiles = Map<string, LayerEntry>;

/** the content of file entry `e` found at `path` (the synthetic stream of its path when it has no data of its own) */
export function entryContent(path: string, e: { size: number; data?: Content }): Content {
  return e.data ?? synthetic(path, e.size);
}

/** `e`'s data is what it would read as without any (the synthetic stream of its path): keep it as no data */
export function isPathContent(path: string, e: { size: number; data?: Content }): boolean {
  const d = e.data;
  return d instanceof Synthetic && d.seed === path && d.offset === 0 && d.size === e.size;
}
