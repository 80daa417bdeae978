import { describe, expect, it } from 'vitest';
import { buildStateModel } from './build-model';
import { chainIds } from './layers';
import { fitScale, layoutStateModel } from './layout';
import type { Box, Layout } from './layout-types';
import type { ContainerInfo, ContainerState, ImageInfo, StateModel } from './model';
import { deriveRegistries } from './registries';
import { testSandbox } from './test-sandbox';

const hex = (n: number, salt: string) => {
  let s = '';
  let x = n * 2654435761 + salt.length * 97;
  while (s.length < 64) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += x.toString(16).padStart(8, '0');
  }
  return s.slice(0, 64);
};

/** 50 images on 5 bases (some built on others), 100 containers, 6 networks, 20 volumes */
function bigModel(): StateModel {
  const images: ImageInfo[] = [];
  const bases = [0, 1, 2, 3, 4].map((b) => [0, 1, 2].map((l) => `sha256:${hex(b * 10 + l, 'base')}`));
  for (let i = 0; i < 50; i++) {
    const parent = i >= 10 && i % 3 === 0 ? images[i - 10] : undefined;
    const below = parent ? parent.layers.map((l) => l.diffId) : (bases[i % 5] as string[]);
    const diffIds = [...below, ...Array.from({ length: 1 + (i % 3) }, (_, k) => `sha256:${hex(i * 7 + k, 'own')}`)];
    const chains = chainIds(diffIds);
    const id = `sha256:${hex(i, 'img')}`;
    const repo = `app${i % 20}`;
    images.push({
      id,
      shortId: id.slice(7, 19),
      repoTags: i === 49 ? [] : i % 11 === 0 ? [`${repo}:v${i}`, `${repo}:latest`, `reg.example:5000/${repo}:v${i}`, `x/${repo}:a`, `x/${repo}:b`] : [`${repo}:v${i}`],
      repoDigests: i % 4 === 0 ? [`${repo}@sha256:${hex(i, 'dig')}`] : [],
      dangling: i === 49,
      size: 1000 * i,
      created: 1_700_000_000 + i,
      layers: diffIds.map((diffId, k) => ({ diffId, chainId: chains[k] as string, createdBy: `/bin/sh -c echo layer ${k} of image ${i}` })),
      containers: [],
    });
  }
  const states: ContainerState[] = ['running', 'paused', 'exited', 'created'];
  const containers: ContainerInfo[] = [];
  for (let i = 0; i < 100; i++) {
    const img = i < 30 ? images[0] : images[i % 50];
    if (!img) throw new Error('x');
    const id = hex(i, 'ctr');
    const c: ContainerInfo = {
      id,
      shortId: id.slice(0, 12),
      name: `container_${i}`,
      image: img.repoTags[0] ?? img.shortId,
      imageId: img.id,
      state: states[i % 4] as ContainerState,
      status: 'Up 1 second',
      ports: i === 5 ? [{ PrivatePort: 5000, PublicPort: 5000, Type: 'tcp', IP: '0.0.0.0' }] : [],
      networks: [`net${i % 6}`],
      volumes: i % 5 === 0 ? [`vol${i % 20}`] : [],
    };
    containers.push(c);
    img.containers.push(id);
  }
  const networks = Array.from({ length: 6 }, (_, n) => ({
    id: hex(n, 'net'),
    name: `net${n}`,
    driver: 'bridge',
    builtin: false,
    containers: containers.filter((c) => c.networks.includes(`net${n}`)).map((c) => c.id),
  }));
  const volumes = Array.from({ length: 20 }, (_, v) => ({
    name: `vol${v}`,
    driver: 'local',
    anonymous: false,
    containers: containers.filter((c) => c.volumes.includes(`vol${v}`)).map((c) => c.id),
  }));
  return { images, containers, networks, volumes, registries: deriveRegistries(images, containers), inspect: {} };
}

function overlaps(layout: Layout): string[] {
  const out: string[] = [];
  const bs = layout.boxes;
  const related = (a: Box, b: Box) => a.parent === b.key || b.parent === a.key;
  for (let i = 0; i < bs.length; i++) {
    for (let j = i + 1; j < bs.length; j++) {
      const a = bs[i] as Box;
      const b = bs[j] as Box;
      if (related(a, b)) continue;
      const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ix > 0.01 && iy > 0.01) out.push(`${a.key} × ${b.key}`);
    }
  }
  return out;
}

function checkInside(layout: Layout): void {
  for (const b of layout.boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.w).toBeLessThanOrEqual(layout.width + 0.01);
    expect(b.y + b.h).toBeLessThanOrEqual(layout.height + 0.01);
    expect(b.w).toBeGreaterThan(0);
  }
}

describe('layoutStateModel', () => {
  it('has no overlapping boxes with 50 images and 100 containers (grouped and ungrouped)', () => {
    const model = bigModel();
    for (const opts of [{}, { collapseImages: false }, { collapseImages: false, expanded: new Set(['containers:image:' + model.images[0]?.id]) }]) {
      const layout = layoutStateModel(model, { width: 1280, height: 800 }, opts);
      expect(overlaps(layout)).toEqual([]);
      const first = layout.boxes[0] as Box;
      expect(overlaps({ ...layout, boxes: [...layout.boxes, { ...first, key: 'probe', x: first.x + 1 }] })).not.toEqual([]);
      checkInside(layout);
      const keys = layout.boxes.map((b) => b.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(layout.width).toBeLessThanOrEqual(1280 + 200);
      expect(fitScale(layout, { width: 1280, height: 800 })).toBeLessThanOrEqual(1);
    }
  });

  it('draws a shared layer once, spanning the images built on it', () => {
    const model = bigModel();
    const layout = layoutStateModel(model, { width: 1280, height: 800 }, { collapseImages: false });
    const base = model.images[0]?.layers[0]?.chainId;
    const drawn = layout.boxes.filter((b) => b.key === `layer:${base}`);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.tone).toBe('shared');
    const users = model.images.filter((i) => i.layers[0]?.chainId === base).map((i) => layout.boxes.find((b) => b.key === `image:${i.id}`));
    expect(users.length).toBeGreaterThan(1);
    for (const cap of users) {
      if (!cap || !drawn[0]) throw new Error('missing');
      expect(cap.x).toBeGreaterThanOrEqual(drawn[0].x);
      expect(cap.x + cap.w).toBeLessThanOrEqual(drawn[0].x + drawn[0].w);
    }
  });

  it('groups: images by repository past 24 images, containers past 5 per image, long lists in a box', () => {
    const model = bigModel();
    const layout = layoutStateModel(model, { width: 1280, height: 800 });
    expect(layout.boxes.some((b) => b.key === 'imagegroup:app0')).toBe(true);
    const group = layout.boxes.find((b) => b.role === 'container-group');
    expect(group?.label).toMatch(/^\+\d+$/);
    expect(layout.boxes.filter((b) => b.role === 'more').length).toBeGreaterThan(0);
    const dangling = layout.boxes.find((b) => b.role === 'image' && b.tone === 'dangling');
    expect(dangling?.label.startsWith('<none>')).toBe(true);
  });

  it('lays out a live sandbox: tag leader lines, volume links, the private registry', async () => {
    const { sim, sh } = testSandbox(3);
    for (const l of [
      'docker pull nginx',
      'docker run -d --name web -v data:/d nginx',
      'docker network create n',
      'docker network connect n web',
      'docker tag nginx my/nginx:v1',
      'docker run -d -p 5000:5000 --name reg registry:2',
    ]) {
      await sh(l);
    }
    const model = await buildStateModel(sim.client);
    const layout = layoutStateModel(model, { width: 1000, height: 700 });
    expect(overlaps(layout)).toEqual([]);
    checkInside(layout);
    const nginx = model.images.find((i) => i.repoTags.includes('nginx:latest'));
    const tag = layout.boxes.find((b) => b.key === 'tag:my/nginx:v1');
    expect(tag?.object).toEqual({ kind: 'image', id: nginx?.id });
    const web = model.containers.find((c) => c.name === 'web');
    expect(layout.links.some((l) => l.kind === 'volume' && l.ends.includes(`container:${web?.id}`))).toBe(true);
    expect(layout.boxes.filter((b) => b.object?.id === web?.id).map((b) => b.role).sort()).toEqual(['chip', 'chip', 'chip', 'container']);
    expect(layout.bands.map((b) => b.id)).toEqual(['registries', 'images', 'networks', 'volumes']);
  });

  it('keeps a tag key when the tag moves to another image (so it animates)', async () => {
    const { sim, sh } = testSandbox(4);
    await sh('docker pull nginx');
    await sh('docker pull busybox');
    await sh('docker tag nginx mine:latest');
    const before = layoutStateModel(await buildStateModel(sim.client), { width: 1000, height: 700 }).boxes.find((b) => b.key === 'tag:mine:latest');
    await sh('docker tag busybox mine:latest');
    const after = layoutStateModel(await buildStateModel(sim.client), { width: 1000, height: 700 }).boxes.find((b) => b.key === 'tag:mine:latest');
    expect(before && after).toBeTruthy();
    expect(before?.x).not.toBe(after?.x);
    expect(before?.object?.id).not.toBe(after?.object?.id);
  });
});
