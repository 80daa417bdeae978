/**
 * The merged, read-only view of an image's layers (bottom → top), applying
 * whiteouts and opaque directories the way overlayfs presents its lowerdirs.
 *
 * Memory: every container stacks its own small "-init" layer on its image's
 * layers, so a view is built as a flat merge of all layers but the top one
 * (cached and shared, never mutated, by every container of the image) plus a
 * copy-on-write overlay that applies the top layer: it holds only the entries
 * and child lists that layer changes. Both run the same merge algorithm, so
 * the result is the same as merging the whole stack from scratch.
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
  /** entries set by this view (all of them when there is no base) */
  private readonly entries = new Map<string, VisibleEntry>();
  /** child lists owned by this view (copied from the base before the first change) */
  private readonly kids = new Map<string, Set<string>>();
  /** base paths this view removed (made on first use: most overlays remove nothing) */
  private removed?: Set<string>;
  /** base directories whose children this view removed as a whole */
  private noKids?: Set<string>;
  private count: number;

  /** `base` is a finished view, read only: this one records its differences from it */
  constructor(private readonly base?: MergedLower) {
    if (base) this.count = base.size;
    else {
      this.entries.set('/', ROOT);
      this.count = 1;
    }
  }

  get(path: string): VisibleEntry | undefined {
    const own = this.entries.get(path);
    if (own !== undefined || !this.base || this.removed?.has(path)) return own;
    return this.base.get(path);
  }
  children(dir: string): ReadonlySet<string> | undefined {
    const e = this.get(dir);
    if (e?.kind !== 'dir') return undefined;
    return this.kidsOf(dir) ?? EMPTY;
  }
  get size(): number {
    return this.count;
  }

  private kidsOf(dir: string): ReadonlySet<string> | undefined {
    const own = this.kids.get(dir);
    if (own !== undefined || !this.base || this.noKids?.has(dir)) return own;
    return this.base.kidsOf(dir);
  }

  /** the child list of `dir` to modify (copy-on-write from the base) */
  private ownKids(dir: string): Set<string> | undefined {
    let own = this.kids.get(dir);
    if (own === undefined) {
      const inherited = this.base && !this.noKids?.has(dir) ? this.base.kidsOf(dir) : undefined;
      if (inherited === undefined) return undefined;
      own = new Set(inherited);
      this.kids.set(dir, own);
    }
    return own;
  }

  private setEntry(path: string, entry: VisibleEntry): void {
    if (this.get(path) === undefined) this.count++;
    this.entries.set(path, entry);
    this.removed?.delete(path);
  }

  private deleteEntry(path: string): void {
    if (this.get(path) === undefined) return;
    this.count--;
    this.entries.delete(path);
    if (this.base) (this.removed ??= new Set()).add(path);
  }

  private dropKids(path: string): void {
    this.kids.delete(path);
    if (this.base) (this.noKids ??= new Set()).add(path);
  }

  removeTree(path: string): void {
    this.removeDescendants(path);
    if (path === '/') return;
    this.deleteEntry(path);
    const parent = parentPath(path);
    this.ownKids(parent)?.delete(path.slice(parent === '/' ? 1 : parent.length + 1));
  }

  removeDescendants(path: string): void {
    const kids = this.kidsOf(path);
    if (!kids) return;
    for (const name of kids) {
      const child = joinPath(path, name);
      this.removeDescendants(child);
      this.deleteEntry(child);
    }
    this.dropKids(path);
  }

  set(path: string, entry: VisibleEntry): void {
    if (path === '/') {
      if (entry.kind === 'dir') this.setEntry('/', { ...entry, opaque: undefined });
      return;
    }
    const parent = parentPath(path);
    const pe = this.get(parent);
    if (pe?.kind !== 'dir') {
      // a layer that lists a file without its directories: the directories exist implicitly
      if (pe) this.removeTree(parent);
      this.set(parent, { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    }
    let kids = this.ownKids(parent);
    if (!kids) {
      kids = new Set();
      this.kids.set(parent, kids);
    }
    kids.add(path.slice(parent === '/' ? 1 : parent.length + 1));
    this.setEntry(path, entry.kind === 'dir' && entry.opaque ? { ...entry, opaque: undefined } : entry);
  }

  apply(layer: LayerFiles): void {
    for (const [path, e] of layer) {
      if (e.kind === 'whiteout') this.removeTree(path);
      else if (e.kind === 'dir' && e.opaque) this.removeDescendants(path);
      else if (e.kind !== 'dir' && this.get(path)?.kind === 'dir') this.removeDescendants(path);
    }
    for (const [path, e] of layer) if (e.kind !== 'whiteout') this.set(path, e);
  }
}

interface Cached {
  stack: LayerFiles[];
  view: MergedLower;
}

/** views by their top layer: full stacks (what lowerView returns) and flat bases (all layers merged in one view) */
const views = new WeakMap<LayerFiles, Cached[]>();
const flats = new WeakMap<LayerFiles, Cached[]>();

function lookup(cache: WeakMap<LayerFiles, Cached[]>, layers: readonly LayerFiles[]): MergedLower | undefined {
  const top = layers[layers.length - 1];
  if (!top) return undefined;
  return cache.get(top)?.find((c) => c.stack.length === layers.length && c.stack.every((l, i) => l === layers[i]))?.view;
}

function remember(cache: WeakMap<LayerFiles, Cached[]>, layers: readonly LayerFiles[], view: MergedLower): void {
  const top = layers[layers.length - 1];
  if (!top) return;
  const list = cache.get(top) ?? [];
  list.push({ stack: [...layers], view });
  cache.set(top, list);
}

/** every layer merged into one view, shared by identical stacks */
function flatView(layers: readonly LayerFiles[]): MergedLower {
  const hit = lookup(flats, layers);
  if (hit) return hit;
  const view = new MergedLower();
  for (const layer of layers) view.apply(layer);
  remember(flats, layers, view);
  return view;
}

/** the merged view of `layers` (bottom → top); identical stacks share one view */
export function lowerView(layers: readonly LayerFiles[]): LowerView {
  const hit = lookup(views, layers);
  if (hit) return hit;
  let view: MergedLower;
  if (layers.length < 2) {
    view = flatView(layers);
  } else {
    view = new MergedLower(flatView(layers.slice(0, -1)));
    view.apply(layers[layers.length - 1]!);
  }
  remember(views, layers, view);
  return view;
}
