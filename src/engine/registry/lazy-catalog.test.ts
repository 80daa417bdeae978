/**
 * The Hub's catalog given as a loader (the web app's: fetched while the page
 * starts, parsed on first use of the Hub): loaded once, on first use; a
 * failure reads as an unreachable Hub and the next use tries again; a restored
 * sandbox's pushed repositories wait for it and survive a snapshot meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { type ContainerTestEngine, lazyHubEngine } from '../containers/test-support';
import { listImages } from '../images/ops/list';
import { pullImage } from '../images/ops/pull';
import { pushImage } from '../images/ops/push';
import { tagImage } from '../images/ops/tag';
import { standinCatalog } from '../images/test-engine';
import { SeededIds } from '../core/ids';
import { BlobTable } from '../snapshot/blob-table';
import { restoreEngine } from '../snapshot/restore-engine';
import { shutdownEngine } from '../snapshot/respawn';
import { snapshotEngine } from '../snapshot/snapshot-engine';
import type { HubCatalog } from './catalog';
import { HUB_PASSWORD } from './hub-auth';
import { searchImages } from './ops/search';

const quiet = { onMessage: () => undefined };

/** a loader of the stand-in catalog that counts its calls and fails while `failing` */
function loader() {
  const l = {
    calls: 0,
    failing: false,
    load: async (): Promise<HubCatalog> => {
      l.calls++;
      if (l.failing) throw new Error('HTTP 503');
      return standinCatalog();
    },
  };
  return l;
}

async function pushedEngine(): Promise<ContainerTestEngine> {
  const t = await lazyHubEngine(async () => standinCatalog());
  await pullImage(t.engine, 'busybox', quiet);
  const id = listImages(t.engine, {})[0]?.Id;
  if (!id) throw new Error('no image');
  tagImage(t.engine, id, 'learner/mybox:v1');
  await pushImage(t.engine, 'learner/mybox:v1', { ...quiet, auth: { username: 'learner', password: HUB_PASSWORD } });
  return t;
}

describe('a Hub catalog given as a loader', () => {
  it('is loaded on first use of the Hub, once', async () => {
    const l = loader();
    const { engine } = await lazyHubEngine(l.load);
    expect(l.calls).toBe(0);
    expect(engine.registries.hubLoaded()).toBe(false);
    await Promise.all([pullImage(engine, 'busybox', quiet), pullImage(engine, 'nginx:alpine', quiet)]);
    await pullImage(engine, 'hello-world', quiet);
    expect(l.calls).toBe(1);
    expect(listImages(engine, {}).flatMap((i) => i.RepoTags ?? []).sort()).toEqual(['busybox:latest', 'hello-world:latest', 'nginx:alpine']);
  });

  it('reads as an unreachable Hub while it fails, and is tried again on the next use', async () => {
    const l = loader();
    l.failing = true;
    const { engine } = await lazyHubEngine(l.load);
    await expect(pullImage(engine, 'busybox', quiet)).rejects.toThrow('Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host');
    await expect(searchImages(engine, 'nginx', {})).rejects.toThrow('lookup index.docker.io: no such host');
    l.failing = false;
    await pullImage(engine, 'busybox', quiet);
    expect(l.calls).toBe(3);
    expect((await searchImages(engine, 'nginx', {})).length).toBeGreaterThan(0);
  });

  it('keeps a restored sandbox’s pushed repositories until it is loaded, through a snapshot too', async () => {
    const { engine, clock, runtime } = await pushedEngine();
    const blobs = new BlobTable();
    const snap = JSON.parse(JSON.stringify(snapshotEngine(engine, blobs)));
    expect(snap.hub.repos.map((r: { name: string }) => r.name)).toEqual(['learner/mybox']);
    shutdownEngine(engine);

    // restored with a Hub not loaded yet, then snapshotted again before any use of the Hub
    const l = loader();
    const restored = restoreEngine(snap, { clock, ids: new SeededIds(5), hostFs: engine.hostFs, catalog: l.load, runtime }, blobs);
    const again = JSON.parse(JSON.stringify(snapshotEngine(restored, blobs)));
    expect(l.calls).toBe(0);
    expect(again.hub).toEqual(snap.hub);
    shutdownEngine(restored);

    // restored from that, the pushed image is on the Hub once it is used
    const l2 = loader();
    const third = restoreEngine(again, { clock, ids: new SeededIds(6), hostFs: engine.hostFs, catalog: l2.load, runtime }, blobs);
    await pullImage(third, 'learner/mybox:v1', quiet);
    expect(l2.calls).toBe(1);
    expect(third.registries.hub.repo('learner/mybox')?.tags.has('v1')).toBe(true);
    expect(third.registries.hubSearch('mybox', 25).map((r) => r.name)).toEqual(['learner/mybox']);
  });
});
