import type { Engine } from '../../engine';
import { sha256Digest } from '../../layers/digest';
import { parseImageConfig, parseTime, ZERO_TIME } from '../image-config';
import type { ImageRecord } from '../image-store';

/**
 * Put an image (config bytes + an already registered top layer) in the store.
 * The caller's layer reference is transferred to the image; if the image
 * already exists, that reference is dropped instead (moby imageStore.Create).
 */
export function registerImage(
  engine: Engine,
  configJson: string,
  chainId: string,
  opts: { parent?: string } = {},
): { image: ImageRecord; created: boolean } {
  const id = sha256Digest(configJson);
  const existing = engine.images.get(id);
  if (existing) {
    if (chainId) {
      const l = engine.layers.get(chainId);
      if (l) l.refs--;
    }
    if (opts.parent && !existing.parent) existing.parent = opts.parent;
    return { image: existing, created: false };
  }
  const config = parseImageConfig(configJson);
  const size = chainId ? engine.layers.chain(chainId).reduce((n, l) => n + l.size, 0) : 0;
  const image: ImageRecord = {
    id,
    configJson,
    config,
    parent: opts.parent ?? config.parent ?? '',
    created: parseTime(config.created),
    chainId,
    size,
    lastTagTime: ZERO_TIME,
  };
  engine.images.byId.set(id, image);
  return { image, created: true };
}
