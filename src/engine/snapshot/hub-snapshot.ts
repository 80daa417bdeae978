/**
 * The simulated Docker Hub's state as plain data: only what differs from the
 * catalog it was loaded from (retagged tags, pushed repositories, manifests,
 * configs and layers), since the catalog itself is reloaded on restore.
 */
import type { HubCatalog } from '../registry/catalog';
import type { HubOverlay, HubState } from '../registry/hub-state';
import type { RegistryService } from '../registry/registry-service';
import type { BlobSource, RecordingSink } from './blob-table';
import { type FilesSnapshot, frozenFilesFromSnapshot, frozenFilesSnapshot } from './files-snapshot';

export interface HubRepoSnapshot {
  name: string;
  tags: [tag: string, manifestDigest: string][];
  blobs: string[];
}

export interface HubLayerSnapshot {
  digest: string;
  compressedSize: number;
  diffId: string;
  size: number;
  tarSize: number;
  files: FilesSnapshot;
}

export interface HubSnapshot {
  /** repositories whose tags or blobs differ from the catalog (whole repository) */
  repos: HubRepoSnapshot[];
  manifests: [digest: string, json: string][];
  configs: [digest: string, json: string][];
  layers: HubLayerSnapshot[];
}

interface Baseline {
  tags: Map<string, Map<string, string>>;
  blobs: Map<string, Set<string>>;
  manifests: Set<string>;
  configs: Set<string>;
}

const baselines = new WeakMap<HubCatalog, Baseline>();

function baseline(catalog: HubCatalog): Baseline {
  let b = baselines.get(catalog);
  if (b) return b;
  b = { tags: new Map(), blobs: new Map(), manifests: new Set(), configs: new Set() };
  for (const [name, tags] of Object.entries(catalog.repositories)) {
    const t = new Map<string, string>();
    const blobs = new Set<string>();
    for (const [tag, img] of Object.entries(tags)) {
      t.set(tag, img.manifest_digest);
      b.manifests.add(img.manifest_digest);
      b.configs.add(img.config_digest);
      blobs.add(img.config_digest);
      for (const l of img.manifest.layers) blobs.add(l.digest);
    }
    b.tags.set(name, t);
    b.blobs.set(name, blobs);
  }
  baselines.set(catalog, b);
  return b;
}

function sameMap(a: Map<string, string>, b: Map<string, string> | undefined): boolean {
  if (!b || a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function sameSet(a: Set<string>, b: Set<string> | undefined): boolean {
  if (!b || a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

function snapshotHub(hub: HubState, catalog: HubCatalog, blobs: RecordingSink): HubSnapshot {
  const base = baseline(catalog);
  const out: HubSnapshot = { repos: [], manifests: [], configs: [], layers: [] };
  for (const [name, repo] of hub.repos) {
    if (sameMap(repo.tags, base.tags.get(name)) && sameSet(repo.blobs, base.blobs.get(name))) continue;
    out.repos.push({ name, tags: [...repo.tags], blobs: [...repo.blobs] });
  }
  for (const [digest, json] of hub.manifests) if (!base.manifests.has(digest)) out.manifests.push([digest, json]);
  for (const [digest, blob] of hub.blobs) {
    if (blob.kind === 'config' && !base.configs.has(digest)) out.configs.push([digest, blob.json]);
    else if (blob.kind === 'layer') {
      const p = blob.payload;
      out.layers.push({
        digest,
        compressedSize: blob.compressedSize,
        diffId: p.diffId,
        size: p.size,
        tarSize: p.tarSize,
        files: frozenFilesSnapshot(p.files, blobs),
      });
    }
  }
  return out;
}

/** a snapshot's Hub content, to apply over a Hub freshly loaded from the same catalog (HubState.apply) */
export function hubOverlay(snap: HubSnapshot, blobs: BlobSource): HubOverlay {
  return {
    repos: snap.repos.map((r) => ({ name: r.name, tags: r.tags.map(([t, d]) => [t, d]), blobs: [...r.blobs] })),
    manifests: snap.manifests.map(([d, j]) => [d, j]),
    configs: snap.configs.map(([d, j]) => [d, j]),
    layers: snap.layers.map((l) => ({
      digest: l.digest,
      compressedSize: l.compressedSize,
      payload: { diffId: l.diffId, size: l.size, tarSize: l.tarSize, files: frozenFilesFromSnapshot(l.files, blobs) },
    })),
  };
}

/** the Hub of an engine as plain data: what differs from its catalog, or the restored content still waiting for it */
export function snapshotRegistries(registries: RegistryService, blobs: RecordingSink): HubSnapshot {
  if (registries.hubLoaded()) return snapshotHub(registries.hub, registries.catalogInUse(), blobs);
  const o = registries.pendingOverlay();
  if (!o) return { repos: [], manifests: [], configs: [], layers: [] };
  return {
    repos: o.repos.map((r) => ({ name: r.name, tags: r.tags.map(([t, d]) => [t, d]), blobs: [...r.blobs] })),
    manifests: o.manifests.map(([d, j]) => [d, j]),
    configs: o.configs.map(([d, j]) => [d, j]),
    layers: o.layers.map(({ digest, compressedSize, payload: p }) => ({
      digest,
      compressedSize,
      diffId: p.diffId,
      size: p.size,
      tarSize: p.tarSize,
      files: frozenFilesSnapshot(p.files, blobs),
    })),
  };
}
