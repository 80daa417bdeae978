/**
 * Images by ID (moby image store): the config bytes, parsed config, the top
 * layer's chain ID and local metadata (parent link, last tag time). State
 * only: operations are in ops/.
 */
import type { ImageConfigJson } from './image-config';

export interface ImageRecord {
  /** "sha256:" + sha256 of configJson */
  id: string;
  /** the config bytes, byte for byte */
  configJson: string;
  config: ImageConfigJson;
  /** parent image ID ('' when none): set for images made by commit/build */
  parent: string;
  /** ms since the epoch (config "created") */
  created: number;
  /** chain ID of the top layer, '' for an image without layers */
  chainId: string;
  /** sum of the layers' DiffSize */
  size: number;
  /** RFC3339Nano of the last `docker tag`/commit/build tag, ZERO_TIME otherwise */
  lastTagTime: string;
}

export class ImageStore {
  readonly byId = new Map<string, ImageRecord>();

  get(id: string): ImageRecord | undefined {
    return this.byId.get(id);
  }

  all(): ImageRecord[] {
    return [...this.byId.values()];
  }

  /** images whose parent is `id` */
  children(id: string): ImageRecord[] {
    return this.all().filter((i) => i.parent === id);
  }

  /** images that are nobody's parent (moby Heads) */
  heads(): ImageRecord[] {
    const parents = new Set(this.all().map((i) => i.parent));
    return this.all().filter((i) => !parents.has(i.id));
  }

  /** ids starting with a hex prefix ("sha256:" optional) */
  search(prefix: string): ImageRecord[] {
    const p = prefix.startsWith('sha256:') ? prefix : `sha256:${prefix}`;
    return this.all().filter((i) => i.id.startsWith(p));
  }
}
