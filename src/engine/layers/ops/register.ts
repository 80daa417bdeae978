import { generateId } from '../../core/ids';
import type { Engine } from '../../engine';
import type { LayerFiles } from '../../fs/layer-entry';
import { chainIdOf } from '../digest';
import { layerDiffSize, layerTarSize } from '../layer-files';
import type { LayerBlob, LayerRecord } from '../layer-store';

export interface RegisterLayerInput {
  parent?: string;
  diffId: string;
  files: LayerFiles;
  /** defaults to the DiffSize of files */
  size?: number;
  tarSize?: number;
  blob?: LayerBlob;
}

/**
 * Register (or find) the layer `diffId` on top of `parent` and take one
 * reference on it. The caller owns that reference (an image's top layer, or
 * the next layer of a chain being built by registerChain).
 */
export function registerLayer(engine: Engine, input: RegisterLayerInput): LayerRecord {
  const chainId = chainIdOf(input.parent, input.diffId);
  const store = engine.layers;
  let layer = store.get(chainId);
  if (!layer) {
    if (input.parent) {
      const parent = store.get(input.parent);
      if (!parent) throw new Error(`layer ${input.parent} does not exist`);
      parent.refs++;
    }
    layer = {
      chainId,
      diffId: input.diffId,
      parent: input.parent,
      files: input.files,
      size: input.size ?? layerDiffSize(input.files),
      tarSize: input.tarSize ?? layerTarSize(input.files),
      cacheId: generateId(engine.ids),
      refs: 0,
      blobs: [],
    };
    store.byChainId.set(chainId, layer);
  }
  layer.refs++;
  if (input.blob && !layer.blobs.some((b) => b.digest === input.blob!.digest && b.repo === input.blob!.repo)) {
    layer.blobs.push(input.blob);
  }
  return layer;
}

/** take one more reference on an existing layer (a second image on the same top layer) */
export function retainLayer(engine: Engine, chainId: string): void {
  const l = engine.layers.get(chainId);
  if (l) l.refs++;
}

/**
 * Register a whole stack bottom → top and keep exactly one reference on the top
 * layer (for the image that will use it). Returns the top chain ID ('' when
 * empty) and, for each input, whether the layer already existed.
 */
export function registerChain(
  engine: Engine,
  layers: RegisterLayerInput[],
  base?: string,
): { chainId: string; existed: boolean[] } {
  let parent = base;
  const existed: boolean[] = [];
  let held: string | undefined;
  for (const input of layers) {
    const chainId = chainIdOf(parent, input.diffId);
    existed.push(engine.layers.has(chainId));
    registerLayer(engine, { ...input, parent });
    if (held) dropRef(engine, held);
    held = chainId;
    parent = chainId;
  }
  if (!held && base) {
    retainLayer(engine, base);
    held = base;
  }
  return { chainId: held ?? '', existed };
}

function dropRef(engine: Engine, chainId: string): void {
  const l = engine.layers.get(chainId);
  if (l) l.refs--;
}
