/**
 * The merged, read-only view of an image's layers (bottom → top), applying
 * whiteouts and opaque directories the way overlayfs presents its lowerdirs.
 * Built once per layer stack and shared (never mutated) by every container
 * of the image.
 */
import type { LayerEntry, LayerFiles } from './layer-entry';
import { joinPath, parentPath } from './fs-path';

export type VisibleEntry = Exclude<LayerEntry, { kind: 'whiteout' }>;

export interface LowerView {
  get(path: string): VisibleEntry | undefined;
  /** child names of a directory, in first-seen order */
  children(dir: string): ReadonlySet<string> | undefined;
  readonly size: number;
}

const ROOT: VisibleEntry = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const EMPTY: ReadonlySet<string> = new Set();

class MergedLower implements LowerView {
  readonly entries = new Map<string, VisibleEntry>([['/', ROOT]]);
  readonly kids = new Map<string, Set<string>>();

  get(path: string): VisibleEntry | undefined {
    return this.entries.get(path);
  }
  children(dir: string): ReadonlySet<string> | undefined {
    const e = this.entries.get(dir);
    if (e?.kind !== 'dir') return undefined;
    return this.kids.get(dir) ?? EMPTY;
  }
  get size(): number {
    return this.entries.size;
  }

  removeTree(path: string): void {
    this.removeDescendants(path);
    if (path === '/') return;
    this.entries.delete(path);
    const parent = parentPath(path);
    this.kids.get(parent)?.delete(path.slice(parent === '/' ? 1 : parent.length + 1));
  }

  removeDescendants(path: string): void {
    const kids = this.kids.get(path);
    if (!kids) return;
    for (const name of kids) {
      const child = joinPath(path, name);
      this.removeDescendants(child);
      this.entries.delete(child);
    }
    this.kids.delete(path);
  }

  set(path: string, entry: VisibleEntry): void {
    if (path === '/') {
      if (entry.kind === 'dir') this.entries.set('/', { ...entry, opaque: undefined });
      return;
    }
    const parent = parentPath(path);
    const pe = this.entries.get(parent);
    if (pe?.kind !== 'dir') {
      // a layer that lists a file without its directories: the directories exist implicitly
      if (pe) this.removeTree(parent);
      this.set(parent, { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    }
    let kids = this.kids.get(parent);
    if (!kids) {
      kids = new Set();
      this.kids.set(parent, kids);
    }
    kids.add(path.slice(parent === '/' ? 1 : parent.length + 1));
    this.entries.set(path, entry.kind === 'dir' && entry.opaque ? { ...entry, opaque: undefined } : entry);
  }

  apply(layer: LayerFiles): void {
    for (const [path, e] of layer) {
      if (e.kind === 'whiteout') this.removeTree(path);
      else if (e.kind === 'dir' && e.opaque) this.removeDescendants(path);
      else if (e.kind !== 'dir' && this.entries.get(path)?.kind === 'dir') this.removeDescendants(path);
    }
    for (const [path, e] of layer) if (e.kind !== 'whiteout') this.set(path, e);
  }
}

interface Cached {
  stack: LayerFiles[];
  view: MergedLower;
}

const cache = new WeakMap<LayerFiles, Cached[]>();

/** the merged view of `layers` (bottom → top); identical stacks share one view */
export function lowerView(layers: readonly LayerFiles[]): LowerView {
  const top = layers[layers.length - 1];
  if (top) {
    const hit = cache.get(top)?.find((c) => c.stack.length === layers.length && c.stack.every((l, i) => l === layers[i]));
    if (hit) return hit.view;
  }
  const view = new MergedLower();
  for (const layer of layers) view.apply(layer);
  if (top) {
    const list = cache.get(top) ?? [];
    list.push({ stack: [...layers], view });
    cache.set(top, list);
  }
  return view;
}
