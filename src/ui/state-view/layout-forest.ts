/**
 * The images band: every image is a column standing on its layers; layers
 * that images share (same chain ID) are drawn once, spanning the columns of
 * every image built on them (an upside-down icicle of the layer tree). On top
 * of each image sit its containers (thin writable layers), above them its
 * tags with a leader line down to the image.
 */
import { instructionText } from './layers';
import { type Box, fitText, type LayoutOptions, type Link } from './layout-types';
import type { ContainerInfo, ImageInfo, LayerInfo } from './model';
import { objectKey, shortId } from './model';

export const COL_W = 118;
const COL_GAP = 10;
const UNIT_GAP = 26;
const ROW_H = 15;
const CAP_H = 18;
const CT_H = 14;
const CT_GAP = 3;
const CT_INSET = 10;
const TAG_H = 16;
const TAG_GAP = 3;
const MAX_TAGS = 4;
const LEADER_GAP = 8;
const ROW_GAP = 30;

interface Column {
  key: string;
  images: ImageInfo[];
  chain: LayerInfo[];
  containers: ContainerInfo[];
  tags: { tag: string; imageId: string }[];
  label: string;
  title: string;
  tone?: string;
  object?: Box['object'];
  group?: string;
  x: number;
}

interface TrieNode {
  layer?: LayerInfo;
  depth: number;
  children: Map<string, TrieNode>;
  terminals: Column[];
  images: number;
}

const newNode = (depth: number, layer?: LayerInfo): TrieNode => ({ layer, depth, children: new Map(), terminals: [], images: 0 });

/** "my/nginx:v1" → "my/nginx"; "localhost:5000/x:y" → "localhost:5000/x" */
export function repoOf(tag: string): string {
  const i = tag.lastIndexOf(':');
  return i > tag.lastIndexOf('/') ? tag.slice(0, i) : tag;
}

function commonPrefix(chains: LayerInfo[][]): LayerInfo[] {
  const first = chains[0] ?? [];
  let n = first.length;
  for (const c of chains) {
    let i = 0;
    while (i < n && i < c.length && c[i]?.chainId === first[i]?.chainId) i++;
    n = i;
  }
  return first.slice(0, n);
}

function imageColumn(img: ImageInfo, containers: ContainerInfo[]): Column {
  const name = img.repoTags[0] ?? '<none>';
  return {
    key: objectKey('image', img.id),
    images: [img],
    chain: img.layers,
    containers,
    tags: img.repoTags.map((tag) => ({ tag, imageId: img.id })),
    label: img.dangling ? `<none> ${img.shortId}` : img.shortId,
    title: `${name} ${img.shortId}`,
    tone: img.dangling ? 'dangling' : undefined,
    object: { kind: 'image', id: img.id },
    x: 0,
  };
}

function buildColumns(images: readonly ImageInfo[], containers: readonly ContainerInfo[], opts: LayoutOptions): Column[] {
  const byImage = new Map<string, ContainerInfo[]>();
  for (const c of containers) byImage.set(c.imageId, [...(byImage.get(c.imageId) ?? []), c]);
  const sorted = [...images].sort((a, b) => (a.repoTags[0] ?? '\uffff').localeCompare(b.repoTags[0] ?? '\uffff') || a.id.localeCompare(b.id));
  const collapse = opts.collapseImages === 'auto' || opts.collapseImages === undefined ? images.length > 24 : opts.collapseImages;
  const byRepo = new Map<string, ImageInfo[]>();
  if (collapse) for (const img of sorted) if (img.repoTags[0]) byRepo.set(repoOf(img.repoTags[0]), [...(byRepo.get(repoOf(img.repoTags[0])) ?? []), img]);
  const columns: Column[] = [];
  const done = new Set<string>();
  for (const img of sorted) {
    if (done.has(img.id)) continue;
    const repo = img.repoTags[0] ? repoOf(img.repoTags[0]) : undefined;
    const members = repo ? byRepo.get(repo) : undefined;
    const group = `images:${repo}`;
    if (repo && members && members.length > 1 && !opts.expanded?.has(group)) {
      for (const m of members) done.add(m.id);
      columns.push({
        key: `imagegroup:${repo}`,
        images: members,
        chain: commonPrefix(members.map((m) => m.layers)),
        containers: members.flatMap((m) => byImage.get(m.id) ?? []),
        tags: members.flatMap((m) => m.repoTags.map((tag) => ({ tag, imageId: m.id }))),
        label: `${repo} ×${members.length}`,
        title: `${repo}: ${members.length} images`,
        tone: 'group',
        group,
        x: 0,
      });
      continue;
    }
    done.add(img.id);
    columns.push(imageColumn(img, byImage.get(img.id) ?? []));
  }
  // containers whose image is not listed (an intermediate image, or one removed while in use)
  const known = new Set(images.map((i) => i.id));
  const orphans = new Map<string, ContainerInfo[]>();
  for (const c of containers) if (!known.has(c.imageId)) orphans.set(c.imageId, [...(orphans.get(c.imageId) ?? []), c]);
  for (const [id, cs] of orphans) {
    columns.push({
      key: objectKey('image', id),
      images: [],
      chain: [],
      containers: cs,
      tags: [],
      label: shortId(id),
      title: `${cs[0]?.image ?? ''} ${shortId(id)}`,
      tone: 'missing',
      object: { kind: 'image', id },
      x: 0,
    });
  }
  return columns;
}

/** columns in drawing order for one root subtree: images ending here first, then each child's subtree */
function order(node: TrieNode, out: Column[]): void {
  out.push(...node.terminals);
  for (const child of node.children.values()) order(child, out);
}

export interface ForestResult {
  boxes: Box[];
  links: Link[];
  height: number;
  width: number;
  /** container ID → its slab (or the group slab hiding it) */
  containerBoxes: Map<string, Box>;
  /** image ID → its cap */
  imageBoxes: Map<string, Box>;
}

export function layoutForest(
  images: readonly ImageInfo[],
  containers: readonly ContainerInfo[],
  x0: number,
  y0: number,
  maxWidth: number,
  opts: LayoutOptions,
): ForestResult {
  const columns = buildColumns(images, containers, opts);
  const root = newNode(0);
  const units: { columns: Column[]; node?: TrieNode }[] = [];
  const bare: { columns: Column[] }[] = [];
  for (const col of columns) {
    if (col.chain.length === 0) {
      bare.push({ columns: [col] });
      continue;
    }
    let node = root;
    for (const layer of col.chain) {
      let next = node.children.get(layer.chainId);
      if (!next) {
        next = newNode(node.depth + 1, layer);
        node.children.set(layer.chainId, next);
      }
      next.images += col.images.length || 1;
      node = next;
    }
    node.terminals.push(col);
  }
  for (const child of root.children.values()) {
    const cols: Column[] = [];
    order(child, cols);
    units.push({ columns: cols, node: child });
  }
  units.push(...bare);

  const maxC = Math.max(1, opts.maxContainersPerImage ?? 5);
  const shownContainers = (col: Column): { list: ContainerInfo[]; hidden: number; open: boolean } => {
    const g = `containers:${col.key}`;
    if (col.containers.length <= maxC) return { list: col.containers, hidden: 0, open: false };
    if (opts.expanded?.has(g)) return { list: col.containers, hidden: 0, open: true };
    return { list: col.containers.slice(0, maxC - 1), hidden: col.containers.length - (maxC - 1), open: false };
  };
  const slabCount = (col: Column) => {
    const s = shownContainers(col);
    return s.list.length + (s.hidden > 0 || s.open ? 1 : 0);
  };
  const tagCount = (col: Column) => Math.min(col.tags.length, MAX_TAGS);

  // pack units into rows
  const rows: { units: typeof units; width: number }[] = [];
  for (const u of units) {
    const w = u.columns.length * COL_W + (u.columns.length - 1) * COL_GAP;
    const row = rows[rows.length - 1];
    if (row && row.width + UNIT_GAP + w <= maxWidth) {
      row.units.push(u);
      row.width += UNIT_GAP + w;
    } else rows.push({ units: [u], width: w });
  }

  const boxes: Box[] = [];
  const links: Link[] = [];
  const containerBoxes = new Map<string, Box>();
  const imageBoxes = new Map<string, Box>();
  let y = y0;
  let width = 0;
  for (const row of rows) {
    let x = x0;
    const cols: Column[] = [];
    for (const u of row.units) {
      for (const c of u.columns) {
        c.x = x;
        x += COL_W + COL_GAP;
        cols.push(c);
      }
      x += UNIT_GAP - COL_GAP;
    }
    width = Math.max(width, x - UNIT_GAP);
    const tagZone = Math.max(0, ...cols.map(tagCount)) * (TAG_H + TAG_GAP);
    const above = (c: Column) => c.chain.length * ROW_H + CAP_H + 2 + slabCount(c) * (CT_H + CT_GAP) + LEADER_GAP;
    const base = y + tagZone + Math.max(...cols.map(above));

    // layers, once per trie node, spanning the columns of the images above them
    const placeNode = (node: TrieNode): { x0: number; x1: number } => {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const t of node.terminals) {
        lo = Math.min(lo, t.x);
        hi = Math.max(hi, t.x + COL_W);
      }
      for (const ch of node.children.values()) {
        const r = placeNode(ch);
        lo = Math.min(lo, r.x0);
        hi = Math.max(hi, r.x1);
      }
      const layer = node.layer;
      if (layer) {
        const text = layer.createdBy ? instructionText(layer.createdBy) : shortId(layer.diffId);
        const w = hi - lo;
        boxes.push({
          key: objectKey('layer', layer.chainId),
          role: 'layer',
          x: lo,
          y: base - node.depth * ROW_H,
          w,
          h: ROW_H - 2,
          label: fitText(text, w - 8),
          title: `${shortId(layer.diffId)} ${text}`,
          object: { kind: 'layer', id: layer.chainId },
          tone: node.images > 1 ? 'shared' : undefined,
        });
      }
      return { x0: lo, x1: hi };
    };
    for (const u of row.units) if (u.node) placeNode(u.node);

    for (const col of cols) {
      const top = base - col.chain.length * ROW_H;
      const capY = top - CAP_H - 2;
      const cap: Box = {
        key: col.key,
        role: 'image',
        x: col.x,
        y: capY,
        w: COL_W,
        h: CAP_H,
        label: fitText(col.label, COL_W - 8),
        title: col.title,
        object: col.object,
        group: col.group,
        tone: col.tone,
      };
      boxes.push(cap);
      for (const img of col.images) imageBoxes.set(img.id, cap);
      if (col.object) imageBoxes.set(col.object.id, cap);

      // containers: thin writable layers stacked on the image
      const s = shownContainers(col);
      let cy = capY;
      for (const c of s.list) {
        cy -= CT_H + CT_GAP;
        const b: Box = {
          key: objectKey('container', c.id),
          role: 'container',
          x: col.x + CT_INSET,
          y: cy,
          w: COL_W - CT_INSET,
          h: CT_H,
          label: fitText(c.name, COL_W - CT_INSET - 8),
          title: `${c.name} (${c.shortId}) ${c.status}`,
          object: { kind: 'container', id: c.id },
          tone: c.state,
        };
        boxes.push(b);
        containerBoxes.set(c.id, b);
      }
      if (s.hidden > 0 || s.open) {
        cy -= CT_H + CT_GAP;
        const hidden = col.containers.slice(s.list.length);
        const running = col.containers.filter((c) => c.state === 'running').length;
        const g: Box = {
          key: `containergroup:${col.key}`,
          role: 'container-group',
          x: col.x + CT_INSET,
          y: cy,
          w: COL_W - CT_INSET,
          h: CT_H,
          label: s.open ? '−' : `+${s.hidden}`,
          title: `${col.containers.length} containers, ${running} running`,
          group: `containers:${col.key}`,
        };
        boxes.push(g);
        for (const c of hidden) containerBoxes.set(c.id, g);
      }

      // tags above, pointing down at the image
      const shownTags = col.tags.length > MAX_TAGS ? col.tags.slice(0, MAX_TAGS - 1) : col.tags;
      let ty = y + tagZone - TAG_H - TAG_GAP;
      for (const t of shownTags) {
        boxes.push({
          key: `tag:${t.tag}`,
          role: 'tag',
          x: col.x,
          y: ty,
          w: COL_W,
          h: TAG_H,
          label: fitText(t.tag, COL_W - 10),
          title: t.tag,
          object: { kind: 'image', id: t.imageId },
        });
        ty -= TAG_H + TAG_GAP;
      }
      if (col.tags.length > MAX_TAGS) {
        boxes.push({
          key: `moretags:${col.key}`,
          role: 'more',
          x: col.x,
          y: ty,
          w: COL_W,
          h: TAG_H,
          label: `+${col.tags.length - shownTags.length}`,
          title: col.tags.slice(shownTags.length).map((t) => t.tag).join(' '),
          object: col.object,
          group: col.group,
        });
      }
      if (col.tags.length > 0) {
        links.push({
          key: `leader:${col.key}`,
          kind: 'tag',
          points: [
            { x: col.x + 4, y: y + tagZone - TAG_GAP },
            { x: col.x + 4, y: capY },
          ],
          ends: [col.key],
        });
      }
    }
    y = base + ROW_GAP;
  }
  return { boxes, links, height: Math.max(0, y - y0 - ROW_GAP), width: width - x0, containerBoxes, imageBoxes };
}
