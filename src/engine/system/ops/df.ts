/**
 * GET /system/df (moby daemon SystemDiskUsage): images as `docker images`
 * lists them (tagged, digested, or dangling heads) with their shared and
 * unique sizes, every container with the size of its writable layer, every
 * volume with its data size and number of users, and the build cache.
 * LayersSize counts every image layer once, however many images share it.
 */
import type { DiskUsage, DiskUsageContainer, DiskUsageImage } from '../../../api/system';
import { familiarString } from '../../../lib/reference';
import { stateStatus, stateText } from '../../containers/container-state';
import { command } from '../../containers/ops/list';
import type { ContainerRecord } from '../../containers/container-record';
import type { Engine } from '../../engine';
import { volumeWithUsage } from '../../volumes/ops/inspect';

type DfEngine = Pick<Engine, 'images' | 'layers' | 'references' | 'containers' | 'volumes' | 'clock'>;

/** bytes in a container's writable layer (files and symlinks), like SizeRw */
export function writableLayerSize(c: ContainerRecord): number {
  let total = 0;
  for (const e of c.rootfs.upper().values()) {
    if (e.kind === 'file') total += e.size;
    else if (e.kind === 'symlink') total += e.target.length;
  }
  return total;
}

function imageRows(engine: DfEngine): DiskUsageImage[] {
  const all = engine.images.all();
  const chains = new Map(all.map((img) => [img.id, img.chainId ? engine.layers.chain(img.chainId) : []]));
  const layerUsers = new Map<string, number>();
  for (const chain of chains.values()) for (const l of chain) layerUsers.set(l.chainId, (layerUsers.get(l.chainId) ?? 0) + 1);
  const rows: DiskUsageImage[] = [];
  for (const img of all) {
    const refs = engine.references.referencesOf(img.id);
    if (refs.length === 0 && engine.images.children(img.id).length > 0) continue;
    const tags = refs.filter((r) => r.tag && !r.digest).map((r) => familiarString(r));
    const digests = refs.filter((r) => r.digest).map((r) => familiarString(r));
    let shared = 0;
    for (const l of chains.get(img.id) ?? []) if ((layerUsers.get(l.chainId) ?? 0) > 1) shared += l.size;
    rows.push({
      Containers: engine.containers.list().filter((c) => c.Image === img.id).length,
      Created: Math.floor(img.created / 1000),
      Id: img.id,
      Labels: img.config.config?.Labels ?? null,
      ParentId: img.parent,
      RepoDigests: digests.length ? digests : refs.length ? [] : ['<none>@<none>'],
      RepoTags: tags.length ? tags : refs.length ? [] : ['<none>:<none>'],
      SharedSize: shared,
      Size: img.size,
      VirtualSize: img.size,
    });
  }
  return rows.sort((a, b) => b.Created - a.Created);
}

function containerRow(engine: DfEngine, c: ContainerRecord): DiskUsageContainer {
  const refs = engine.references.referencesOf(c.Image);
  const image = c.Config.Image || (refs[0] ? familiarString(refs[0]) : c.Image);
  return {
    Id: c.ID,
    Names: [c.Name],
    Image: image,
    ImageID: c.Image,
    Command: command(c),
    Created: Math.floor(c.Created / 1000),
    State: stateStatus(c.State),
    Status: stateText(c.State, engine.clock.now()),
    SizeRw: writableLayerSize(c),
    SizeRootFs: 0,
    Mounts: c.Mounts.map((m) => ({ Type: m.Type, Name: m.Name })),
  };
}

export function diskUsage(engine: DfEngine): DiskUsage {
  const layersSize = engine.layers.all().reduce((n, l) => n + l.size, 0);
  return {
    LayersSize: layersSize,
    Images: imageRows(engine),
    Containers: engine.containers.list().map((c) => containerRow(engine, c)).reverse(),
    Volumes: engine.volumes.list().map(volumeWithUsage),
    BuildCache: [],
    BuilderSize: 0,
  };
}
