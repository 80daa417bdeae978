/**
 * layoutStateModel: places a StateModel on a canvas in four bands, top to
 * bottom: registries, images (layers, tags, containers), networks, volumes.
 * Pure and deterministic: the same model and viewport give the same layout,
 * so keys stay stable and a moved tag animates from its old place.
 */
import { layoutForest } from './layout-forest';
import { flow, networkCards, registryCards, volumeCards } from './layout-flow';
import {
  BAND_GAP,
  BAND_TITLE,
  type Band,
  type BandId,
  type Box,
  type Layout,
  type LayoutOptions,
  type Link,
  PAD,
  type Viewport,
} from './layout-types';
import type { ContainerInfo, StateModel } from './model';
import { objectKey } from './model';

export type { Layout, LayoutOptions, Viewport } from './layout-types';

/** a curve-free elbow from the bottom/top middle of `a` to the middle of `b` */
function connect(a: Box, b: Box): { x: number; y: number }[] {
  const ax = a.x + a.w / 2;
  const bx = b.x + b.w / 2;
  const down = a.y < b.y;
  const ay = down ? a.y + a.h : a.y;
  const by = down ? b.y : b.y + b.h;
  const my = (ay + by) / 2;
  return [
    { x: ax, y: ay },
    { x: ax, y: my },
    { x: bx, y: my },
    { x: bx, y: by },
  ];
}

export function layoutStateModel(model: StateModel, viewport: Viewport, opts: LayoutOptions = {}, hubLabel = 'Docker Hub'): Layout {
  const maxWidth = Math.max(480, viewport.width) - 2 * PAD;
  const boxes: Box[] = [];
  const links: Link[] = [];
  const bands: Band[] = [];
  const containers = new Map<string, ContainerInfo>(model.containers.map((c) => [c.id, c]));
  let y = PAD;
  let width = 0;
  const band = (id: BandId, place: (top: number) => { height: number; width: number }) => {
    const top = y + BAND_TITLE;
    const r = place(top);
    bands.push({ id, x: PAD, y, w: Math.max(r.width, 200), h: BAND_TITLE + r.height });
    width = Math.max(width, r.width);
    y = top + r.height + BAND_GAP;
  };

  band('registries', (top) => flow(registryCards(model.registries, opts, hubLabel), PAD, top, maxWidth, boxes));
  let forest: ReturnType<typeof layoutForest> | undefined;
  band('images', (top) => {
    forest = layoutForest(model.images, model.containers, PAD, top, maxWidth, opts);
    boxes.push(...forest.boxes);
    links.push(...forest.links);
    return { height: forest.height, width: forest.width };
  });
  band('networks', (top) => flow(networkCards(model.networks, containers, opts), PAD, top, maxWidth, boxes));
  band('volumes', (top) => flow(volumeCards(model.volumes, containers, opts), PAD, top, maxWidth, boxes));

  const byKey = new Map(boxes.map((b) => [b.key, b]));
  if (forest) {
    const f = forest;
    // volumes → the containers mounting them
    for (const v of model.volumes) {
      const vb = byKey.get(objectKey('volume', v.name));
      if (!vb) continue;
      for (const id of v.containers) {
        const cb = f.containerBoxes.get(id);
        if (cb) links.push({ key: `vlink:${v.name}:${id}`, kind: 'volume', points: connect(vb, cb), ends: [vb.key, objectKey('container', id)] });
      }
    }
    // private registries → the container serving them; repositories → their local images
    for (const r of model.registries) {
      const rb = byKey.get(objectKey('registry', r.host));
      const cb = r.containerId ? f.containerBoxes.get(r.containerId) : undefined;
      if (rb && cb && r.containerId) {
        links.push({ key: `rlink:${r.host}`, kind: 'registry', points: connect(rb, cb), ends: [rb.key, objectKey('container', r.containerId)] });
      }
      for (const repo of r.repositories) {
        const chip = byKey.get(objectKey('repository', repo.fullName));
        if (!chip) continue;
        for (const id of repo.images) {
          const ib = f.imageBoxes.get(id);
          if (ib) links.push({ key: `plink:${repo.fullName}:${id}`, kind: 'repository', points: connect(chip, ib), ends: [chip.key, objectKey('image', id)] });
        }
      }
    }
  }
  return { width: width + 2 * PAD, height: y - BAND_GAP + PAD, bands, boxes, links };
}

/** the scale that shows the whole layout in the viewport (never above 1) */
export function fitScale(layout: Layout, viewport: Viewport): number {
  if (layout.width <= 0 || layout.height <= 0) return 1;
  return Math.max(0.1, Math.min(1, viewport.width / layout.width, viewport.height / layout.height));
}
