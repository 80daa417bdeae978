/**
 * Between the engine's layer maps (LayerFiles) and tar members, the way
 * Docker's pkg/archive lays them out: relative names without "./", a trailing
 * "/" on directories, members in filepath.Walk order (byte order per
 * directory, parents first), overlay whiteouts as ".wh.<name>" members and
 * opaque directories as "<dir>/.wh..wh..opq".
 */
import { byteOrder } from '../fs/entry-stat';
import { entryContent, type LayerEntry, type LayerFiles } from '../fs/layer-entry';
import type { LowerView, VisibleEntry } from '../fs/lower-view';
import { memberPath, type TarEntry, type TarWriteOptions } from '../../lib/tar';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

/** how Docker writes image and container tars */
export const DOCKER_TAR: TarWriteOptions = { format: 'posix', typeBitsInMode: true };

function owner(id: number): string {
  return id === 0 ? 'root' : '';
}

/**
 * the tar member for one visible entry; `name` is relative ("etc/hosts"),
 * `path` the entry's absolute path in its layer (what names the synthetic
 * content of a file without data of its own; default "/" + name)
 */
export function tarEntryOf(name: string, e: VisibleEntry, path = `/${name}`): TarEntry {
  const common = { uid: e.uid, gid: e.gid, uname: owner(e.uid), gname: owner(e.gid), mtime: e.mtime, mode: e.mode & 0o7777 };
  switch (e.kind) {
    case 'dir':
      return { ...common, name: name.endsWith('/') ? name : `${name}/`, type: 'dir', size: 0 };
    case 'symlink':
      return { ...common, name, type: 'symlink', size: 0, linkname: e.target };
    case 'file':
      return { ...common, name, type: 'file', size: e.size, data: entryContent(path, e) };
  }
}

/** every path of a merged view below `root`, parents first, siblings in byte order */
export function walkView(view: LowerView, root = '/'): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    const kids = view.children(dir);
    if (!kids) return;
    for (const name of [...kids].sort(byteOrder)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      out.push(path);
      if (view.get(path)?.kind === 'dir') visit(path);
    }
  };
  visit(root);
  return out;
}

/** a whole root filesystem as tar members (docker export) */
export function viewToTarEntries(view: LowerView): TarEntry[] {
  return walkView(view).map((p) => tarEntryOf(p.slice(1), view.get(p)!));
}

/** one layer as a layer tar (docker save, layer diff): whiteouts included */
export function layerToTarEntries(files: LayerFiles): TarEntry[] {
  const out: TarEntry[] = [];
  const paths = [...files.keys()].filter((p) => p !== '/').sort(walkOrder);
  for (const path of paths) {
    const e = files.get(path)!;
    const rel = path.slice(1);
    if (e.kind === 'whiteout') {
      const slash = rel.lastIndexOf('/');
      const name = `${rel.slice(0, slash + 1)}${WHITEOUT_PREFIX}${rel.slice(slash + 1)}`;
      out.push({ name, type: 'file', mode: 0, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, size: 0, data: new Uint8Array() });
      continue;
    }
    out.push(tarEntryOf(rel, e));
    if (e.kind === 'dir' && e.opaque) {
      out.push({ name: `${rel}/${OPAQUE_MARKER}`, type: 'file', mode: 0, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, size: 0, data: new Uint8Array() });
    }
  }
  return out;
}

/** filepath.Walk order of absolute paths: compare component by component */
export function walkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return byteOrder(pa[i], pb[i]);
  }
  return pa.length - pb.length;
}

/**
 * Members of a layer (or rootfs) tar as a layer map. Whiteout members become
 * whiteouts, the opaque marker marks its directory opaque, hard links copy
 * their target, device nodes and fifos are dropped (the simulator has none).
 * Missing parent directories are implied by the union filesystem.
 */
export function tarEntriesToLayer(entries: Iterable<TarEntry>): LayerFiles {
  const files: LayerFiles = new Map();
  for (const t of entries) {
    const path = memberPath(t.name);
    if (!path || path === '/') continue;
    const slash = path.lastIndexOf('/');
    const dir = slash === 0 ? '/' : path.slice(0, slash);
    const base = path.slice(slash + 1);
    if (base === OPAQUE_MARKER) {
      const d = files.get(dir);
      if (d?.kind === 'dir') d.opaque = true;
      else files.set(dir, { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: t.mtime, opaque: true });
      continue;
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      files.set(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT_PREFIX.length)}`, { kind: 'whiteout' });
      continue;
    }
    const entry = layerEntryOf(t, files);
    if (!entry) continue;
    const prev = files.get(path);
    if (entry.kind === 'dir' && prev?.kind === 'dir' && prev.opaque) entry.opaque = true;
    files.set(path, entry);
  }
  return files;
}

function layerEntryOf(t: TarEntry, files: LayerFiles): LayerEntry | undefined {
  const meta = { mode: t.mode & 0o7777, uid: t.uid, gid: t.gid, mtime: t.mtime };
  switch (t.type) {
    case 'dir':
      return { kind: 'dir', ...meta };
    case 'symlink':
      return { kind: 'symlink', ...meta, target: t.linkname ?? '' };
    case 'file':
      return { kind: 'file', ...meta, size: t.size, data: t.data };
    case 'hardlink': {
      const target = files.get(memberPath(t.linkname ?? '') ?? '');
      if (target?.kind !== 'file') return undefined;
      return { ...target, ...meta };
    }
    default:
      return undefined;
  }
}
