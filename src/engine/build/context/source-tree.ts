/**
 * Where COPY/ADD read from: the build context, or (COPY --from) another
 * stage's or image's root filesystem (moby builder.Source).
 */
import type { UnionFs } from '../../fs/union-fs';

export interface SourceTree {
  readonly fs: UnionFs;
  /** the absolute path inside the tree; throws ScopedFsError when ".." leaves it */
  fullPath(path: string): string;
  /** the cache hash of a path (relative to the tree's root) */
  hash(path: string): string;
  /** the path with symlinks resolved inside the tree */
  realPath(path: string): string;
}

/** an error whose message is the daemon's text, as is */
export class ScopedFsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopedFsError';
  }
}
