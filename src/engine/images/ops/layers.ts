import type { Engine } from '../../engine';
import type { LayerFiles } from '../../fs/layer-entry';

/** The files of each layer of an image, bottom → top (for the union filesystem). */
export function imageLayers(engine: Engine, imageId: string): LayerFiles[] {
  const img = engine.images.get(imageId);
  if (!img?.chainId) return [];
  return engine.layers.chain(img.chainId).map((l) => l.files);
}
