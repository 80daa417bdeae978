/**
 * COPY --from's source: an image's root filesystem, hashed lazily like moby's
 * lazySource (header fields as os.Lstat gives them, "root" as the name of
 * uid/gid 0).
 */
import type { LayerFiles } from '../../fs/layer-entry';
import { UnionFs } from '../../fs/union-fs';
import { resolveInScope } from './build-context';
import { ScopedFsError, type SourceTree } from './source-tree';
import { headerHash, TYPE_BITS } from './tarsum';
import { cleanPath } from '../../../lib/dockerignore';

export class ImageSourceTree implements SourceTree {
  readonly fs: UnionFs;
  private readonly sums = new Map<string, string>();

  constructor(layers: LayerFiles[]) {
    this.fs = new UnionFs(layers, new Map());
  }

  fullPath(path: string): string {
    const rel = cleanPath(path.startsWith('/') ? path.slice(1) || '.' : path);
    if (rel === '..' || rel.startsWith('../')) throw new ScopedFsError(`forbidden path outside the build context: ${path} ()`);
    return rel === '.' ? '/' : `/${rel}`;
  }

  realPath(path: string): string {
    return resolveInScope(this.fs, path);
  }

  hash(path: string): string {
    const full = this.realPath(this.fullPath(path));
    const rel = full === '/' ? '.' : full.slice(1);
    let st: ReturnType<UnionFs['lstat']>;
    try {
      st = this.fs.lstat(full);
    } catch {
      return rel;
    }
    const cached = this.sums.get(rel);
    if (cached) return cached;
    const type = st.type === 'dir' ? 'dir' : st.type === 'symlink' ? 'symlink' : 'file';
    const data = type === 'file' && st.size > 0 ? this.fs.readContent(full) : undefined;
    const sum = headerHash(
      {
        name: type === 'dir' ? `${rel}/` : rel,
        mode: (TYPE_BITS[type] ?? 0) | st.mode,
        uid: st.uid,
        gid: st.gid,
        size: type === 'file' ? st.size : 0,
        typeflag: type,
        linkname: st.target ?? '',
        uname: st.uid === 0 ? 'root' : '',
        gname: st.gid === 0 ? 'root' : '',
        devmajor: 0,
        devminor: 0,
      },
      data,
    );
    this.sums.set(rel, sum);
    return sum;
  }
}
