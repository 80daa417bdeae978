/**
 * What pull and push need from a registry, whatever it is: the simulated
 * Docker Hub (in memory, hub-repository.ts) or a `registry` container reached
 * over the simulated network (distribution/client.ts).
 */
import type { LayerFiles } from '../fs/layer-entry';

export interface LayerPayload {
  diffId: string;
  /** DiffSize */
  size: number;
  /** uncompressed tar bytes */
  tarSize: number;
  files: LayerFiles;
}

export interface FetchedManifest {
  json: string;
  digest: string;
}

/**
 * A failure the daemon reports in its own words; `message` is the daemon's
 * text ("manifest unknown", "denied: requested access to the resource is
 * denied", `Get "http://…": dial tcp …: connect: connection refused`).
 */
export class RegistryError extends Error {
  constructor(
    readonly code: 'manifest-unknown' | 'denied' | 'unauthorized' | 'unreachable' | 'blob-unknown' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface RemoteRepository {
  /** path inside the registry: "library/ubuntu", "ubuntu" */
  readonly path: string;
  /** may we pull / push here with these credentials */
  readonly canRead: boolean;
  readonly canWrite: boolean;
  /** undefined when the tag/digest is unknown */
  getManifest(tagOrDigest: string): Promise<FetchedManifest | undefined>;
  getConfig(digest: string): Promise<string>;
  getLayer(digest: string): Promise<LayerPayload>;
  hasBlob(digest: string): Promise<boolean>;
  putConfig(digest: string, json: string): Promise<void>;
  putLayer(digest: string, compressedSize: number, layer: LayerPayload): Promise<void>;
  putManifest(tag: string, json: string): Promise<string>;
}

export interface Credentials {
  username?: string;
  password?: string;
}
