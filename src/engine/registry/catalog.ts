/**
 * The stand-in Docker Hub's content (test/fixtures/standin-hub.json, format in
 * shared/fidelity/README.md "Catalog of the stand-in Hub"): repositories with
 * their tags (schema-2 manifest, manifest digest, config bytes) and layers
 * (compressed size, diff ID, uncompressed size, file list).
 */
import { textEncoder } from '../../api/fs';
import type { LayerEntry, LayerFiles } from '../fs/layer-entry';

export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
}

export interface ManifestV2 {
  schemaVersion: number;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}

export interface CatalogFile {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** "0o100755": type bits + permissions, octal */
  mode: string;
  uid: number;
  gid: number;
  size: number;
  target?: string;
  /** content of text files up to 8 KiB */
  text?: string;
  binary?: boolean;
}

export interface CatalogLayer {
  /** compressed size */
  size: number;
  diff_id: string;
  uncompressed_size: number;
  files: CatalogFile[];
}

export interface CatalogImage {
  manifest: ManifestV2;
  manifest_digest: string;
  config_digest: string;
  /** the config JSON byte for byte */
  config: string;
}

export interface HubCatalog {
  registry?: string;
  /** "library/ubuntu" → tag → image */
  repositories: Record<string, Record<string, CatalogImage>>;
  /** compressed layer digest → layer */
  layers: Record<string, CatalogLayer>;
  /** `docker search` rows of the catalog's user repositories ("wangxiong/lnmp"); the learner catalog only */
  search?: Record<string, CatalogSearchEntry>;
}

/** a user repository's description and star count on the Hub */
export interface CatalogSearchEntry {
  description: string;
  star_count: number;
}

/** tags the runner uses behind the learner's back (`hubctl retag`) */
export function isHiddenTag(tag: string): boolean {
  return tag.includes('-fidelity-');
}

function parseMode(mode: string): number {
  const n = Number.parseInt(mode.replace(/^0o/, ''), 8);
  return Number.isNaN(n) ? 0o644 : n & 0o7777;
}

/** the catalog's file list as LayerFiles; `mtime` stands for the layer's creation */
export function catalogLayerFiles(layer: CatalogLayer, mtime: number): LayerFiles {
  const files: LayerFiles = new Map();
  for (const f of layer.files) {
    const base = { mode: parseMode(f.mode), uid: f.uid, gid: f.gid, mtime };
    let e: LayerEntry;
    if (f.type === 'dir') e = { kind: 'dir', ...base };
    else if (f.type === 'symlink') e = { kind: 'symlink', target: f.target ?? '', ...base };
    else if (f.text !== undefined) {
      const data = textEncoder.encode(f.text);
      e = { kind: 'file', ...base, size: data.length, data };
    } else e = { kind: 'file', ...base, size: f.size };
    files.set(f.path, e);
  }
  return files;
}

/** DiffSize of a catalog layer: file sizes + symlink target lengths */
export function catalogLayerSize(layer: CatalogLayer): number {
  let n = 0;
  for (const f of layer.files) {
    if (f.type === 'file') n += f.size;
    else if (f.type === 'symlink') n += (f.target ?? '').length;
  }
  return n;
}

/** manifests are served as Go's json.MarshalIndent with 3 spaces */
export function manifestBytes(m: ManifestV2): string {
  return JSON.stringify(m, null, 3);
}
