/**
 * Consistency rules of the engine's stores that no sequence of docker commands
 * may break. Returns the broken rules as readable strings (empty = all hold).
 */
import type { Engine } from '../../src/engine/engine';

/**
 * `forceDeleted`: image IDs removed by `docker rmi -f` while a container used
 * them. Docker allows that (checked on Docker 20.10: the container keeps the
 * deleted image's ID and still starts), so such containers are not reported.
 */
export function storeInvariants(engine: Engine, forceDeleted: ReadonlySet<string> = new Set()): string[] {
  const broken: string[] = [];
  const images = new Set(engine.images.all().map((i) => i.id));

  for (const { ref, imageId } of engine.references.all()) {
    if (!images.has(imageId)) broken.push(`reference ${String(ref)} points to missing image ${imageId}`);
  }
  for (const c of engine.containers.list()) {
    if (!images.has(c.Image) && !forceDeleted.has(c.Image)) broken.push(`container ${c.Name} uses missing image ${c.Image}`);
    for (const m of c.Mounts ?? []) {
      if (m.Type === 'volume' && m.Name && !engine.volumes.has(m.Name)) broken.push(`container ${c.Name} mounts missing volume ${m.Name}`);
    }
  }
  for (const img of engine.images.all()) {
    if (img.chainId && !engine.layers.has(img.chainId)) broken.push(`image ${img.id} has missing top layer ${img.chainId}`);
  }
  // a layer is referenced at least once by every image whose top layer it is and by every layer stacked on
  // it (the engine may hold more references, e.g. for containers built on it), and never kept without one
  const want = new Map<string, number>();
  for (const img of engine.images.all()) if (img.chainId) want.set(img.chainId, (want.get(img.chainId) ?? 0) + 1);
  for (const l of engine.layers.all()) {
    if (l.parent) want.set(l.parent, (want.get(l.parent) ?? 0) + 1);
    if (l.parent && !engine.layers.has(l.parent)) broken.push(`layer ${l.chainId} sits on missing layer ${l.parent}`);
  }
  for (const l of engine.layers.all()) {
    const n = want.get(l.chainId) ?? 0;
    if (l.refs < n) broken.push(`layer ${l.chainId} has ${l.refs} references, at least ${n} expected`);
    if (l.refs <= 0) broken.push(`layer ${l.chainId} is kept without any reference`);
  }
  return broken;
}
