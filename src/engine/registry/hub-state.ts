/**
 * The simulated Docker Hub's storage: repositories (tags → manifest digest),
 * manifests, and blobs (configs and layers). Loaded from the catalog; users'
 * pushes add to it. Catalog layers are turned into files lazily.
 */
import type { LayerFiles } from '../fs/layer-entry';
import { parseTime } from '../images/image-config';
import {
  type CatalogLayer,
  catalogLayerFiles,
  catalogLayerSize,
  type HubCatalog,
  manifestBytes,
} from './catalog';
import type { LayerPayload } from './remote';

export interface HubRepo {
  tags: Map<string, string>;
  blobs: Set<string>;
}

type HubBlob =
  | { kind: 'config'; json: string }
  | { kind: 'catalog-layer'; layer: CatalogLayer; mtime: number; files?: LayerFiles }
  | { kind: 'layer'; payload: LayerPayload; compressedSize: number };

/**
 * What a Hub holds beyond its catalog (pushed repositories and retagged tags,
 * with their manifests, configs and layers): a restored sandbox's Hub before
 * the catalog is loaded (RegistryService keeps it and applies it then).
 */
export interface HubOverlay {
  /** whole repositories, replacing the catalog's of that name */
  repos: { name: string; tags: [tag: string, digest: string][]; blobs: string[] }[];
  manifests: [digest: string, json: string][];
  configs: [digest: string, json: string][];
  layers: { digest: string; compressedSize: number; payload: LayerPayload }[];
}

export class HubState {
  readonly repos = new Map<string, HubRepo>();
  readonly manifests = new Map<string, string>();
  readonly blobs = new Map<string, HubBlob>();

  constructor(catalog: HubCatalog) {
    for (const [name, tags] of Object.entries(catalog.repositories)) {
      const repo = this.repo(name, true)!;
      for (const [tag, img] of Object.entries(tags)) {
        repo.tags.set(tag, img.manifest_digest);
        this.manifests.set(img.manifest_digest, manifestBytes(img.manifest));
        this.blobs.set(img.config_digest, { kind: 'config', json: img.config });
        repo.blobs.add(img.config_digest);
        const mtime = parseTime((JSON.parse(img.config) as { created: string }).created);
        for (const d of img.manifest.layers) {
          repo.blobs.add(d.digest);
          const layer = catalog.layers[d.digest];
          if (layer && !this.blobs.has(d.digest)) this.blobs.set(d.digest, { kind: 'catalog-layer', layer, mtime });
        }
      }
    }
  }

  repo(name: string, create = false): HubRepo | undefined {
    let r = this.repos.get(name);
    if (!r && create) {
      r = { tags: new Map(), blobs: new Set() };
      this.repos.set(name, r);
    }
    return r;
  }

  layer(digest: string): LayerPayload | undefined {
    const b = this.blobs.get(digest);
    if (!b) return undefined;
    if (b.kind === 'layer') return b.payload;
    if (b.kind !== 'catalog-layer') return undefined;
    if (!b.files) b.files = catalogLayerFiles(b.layer, b.mtime);
    return {
      diffId: b.layer.diff_id,
      size: catalogLayerSize(b.layer),
      tarSize: b.layer.uncompressed_size,
      files: b.files,
    };
  }

  config(digest: string): string | undefined {
    const b = this.blobs.get(digest);
    return b?.kind === 'config' ? b.json : undefined;
  }

  putLayer(digest: string, compressedSize: number, payload: LayerPayload): void {
    if (!this.blobs.has(digest)) this.blobs.set(digest, { kind: 'layer', payload, compressedSize });
  }

  putConfig(digest: string, json: string): void {
    if (!this.blobs.has(digest)) this.blobs.set(digest, { kind: 'config', json });
  }

  /** put a restored Hub's own content over what the catalog gave */
  apply(overlay: HubOverlay): void {
    for (const r of overlay.repos) {
      const repo = this.repo(r.name, true);
      if (!repo) continue;
      repo.tags.clear();
      for (const [tag, digest] of r.tags) repo.tags.set(tag, digest);
      repo.blobs.clear();
      for (const d of r.blobs) repo.blobs.add(d);
    }
    for (const [digest, json] of overlay.manifests) this.manifests.set(digest, json);
    for (const [digest, json] of overlay.configs) this.putConfig(digest, json);
    for (const l of overlay.layers) this.putLayer(l.digest, l.compressedSize, l.payload);
  }
}
