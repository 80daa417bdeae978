import { DaemonError, notFound } from '../../../api/errors';
import type { ImageInspect } from '../../../api/image';
import { familiarString } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { emptyContainerConfig } from '../image-config';
import type { ImageRecord } from '../image-store';
import { resolveImage } from './resolve';

const OVERLAY = '/var/lib/docker/overlay2';

function graphDriverData(engine: Engine, img: ImageRecord): Record<string, string> | null {
  if (!img.chainId) return null;
  const chain = engine.layers.chain(img.chainId);
  const top = chain[chain.length - 1];
  const data: Record<string, string> = {};
  const lower = chain
    .slice(0, -1)
    .reverse()
    .map((l) => `${OVERLAY}/${l.cacheId}/diff`);
  if (lower.length) data.LowerDir = lower.join(':');
  data.MergedDir = `${OVERLAY}/${top.cacheId}/merged`;
  data.UpperDir = `${OVERLAY}/${top.cacheId}/diff`;
  data.WorkDir = `${OVERLAY}/${top.cacheId}/work`;
  return data;
}

/** GET /images/{name}/json (moby LookupImage) for a known image record */
export function inspectImageRecord(engine: Engine, img: ImageRecord): ImageInspect {
  const repoTags: string[] = [];
  const repoDigests: string[] = [];
  for (const r of engine.references.referencesOf(img.id)) {
    if (r.tag) repoTags.push(familiarString(r));
    else if (r.digest) repoDigests.push(familiarString(r));
  }
  const c = img.config;
  const history = c.history ?? [];
  const comment = c.comment || (history.length ? (history[history.length - 1].comment ?? '') : '');
  const out: ImageInspect = {
    Id: img.id,
    RepoTags: repoTags,
    RepoDigests: repoDigests,
    Parent: img.parent,
    Comment: comment,
    Created: c.created,
    Container: c.container ?? '',
    ContainerConfig: c.container_config ?? emptyContainerConfig(),
    DockerVersion: c.docker_version ?? '',
    Author: c.author ?? '',
    Config: c.config ?? null,
    Architecture: c.architecture ?? '',
    Os: c.os ?? 'linux',
    Size: img.size,
    VirtualSize: img.size,
    GraphDriver: { Data: graphDriverData(engine, img), Name: 'overlay2' },
    RootFS: { Type: c.rootfs?.type ?? 'layers' },
    Metadata: { LastTagTime: img.lastTagTime },
  };
  const diffIds = c.rootfs?.diff_ids ?? [];
  if (diffIds.length) out.RootFS.Layers = [...diffIds];
  if (c.variant) {
    // keep Go's field order: Variant sits between Architecture and Os
    const { Os, Size, VirtualSize, GraphDriver, RootFS, Metadata, ...head } = out;
    return { ...head, Variant: c.variant, Os, Size, VirtualSize, GraphDriver, RootFS, Metadata };
  }
  return out;
}

/** GET /images/{name}/json: NotFound "no such image: x: No such image: x:latest" */
export function inspectImage(engine: Engine, name: string): ImageInspect {
  try {
    return inspectImageRecord(engine, resolveImage(engine, name));
  } catch (err) {
    if (err instanceof DaemonError && err.kind === 'NotFound') throw notFound(`no such image: ${name}: ${err.message}`);
    throw err;
  }
}
