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
      /** content; absent for binary files known only by size (catalog "binary": true) */
      data?: Uint8Array;
    }
  | { kind: 'dir'; mode: number; uid: number; gid: number; mtime: number; opaque?: boolean }
  | { kind: 'symlink'; target: string; mode: number; uid: number; gid: number; mtime: number }
  | { kind: 'whiteout' };

export type LayerFiles = Map<string, LayerEntry>;
