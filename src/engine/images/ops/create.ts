import type { ContainerConfig } from '../../../api/image';
import type { Engine } from '../../engine';
import type { LayerFiles } from '../../fs/layer-entry';
import { diffIdOf } from '../../layers/layer-files';
import { type RegisterLayerInput, registerChain } from '../../layers/ops/register';
import {
  DOCKER_VERSION,
  type HistoryJson,
  type ImageConfigJson,
  rfc3339Nano,
  serializeImageConfig,
} from '../image-config';
import type { ImageRecord } from '../image-store';
import { registerImage } from './register';

export interface CreateImageInput {
  /** the image this one is built on (commit, build steps); undefined for import/scratch */
  parentId?: string;
  /** the new top layer, or undefined when the step adds no layer (metadata-only build step) */
  layers: LayerFiles | undefined;
  /** the image's Config (what containers of it start with) */
  config: Partial<ContainerConfig>;
  /** the config of the container that made it ("container_config"); omitted: empty */
  containerConfig?: Partial<ContainerConfig>;
  /** the history entry of this step */
  history: { createdBy?: string; comment?: string; author?: string };
  author?: string;
  /** image comment (commit --message, import's "Imported from -") */
  comment?: string;
  /** 64-hex id of the container it was made from */
  containerId?: string;
  /** ms since the epoch (engine.clock.now()) */
  created: number;
}

/**
 * Make an image: commit, build steps and import use this. The new image keeps
 * its parent's layers and history and adds one entry (and one layer, if any).
 */
export function createImage(engine: Engine, input: CreateImageInput): ImageRecord {
  const parent = input.parentId ? engine.images.get(input.parentId) : undefined;
  const diffIds = [...(parent?.config.rootfs?.diff_ids ?? [])];
  const stack: RegisterLayerInput[] = [];
  if (input.layers) {
    const diffId = diffIdOf(input.layers);
    stack.push({ diffId, files: input.layers });
    diffIds.push(diffId);
  }
  const { chainId } = registerChain(engine, stack, parent?.chainId || undefined);
  const created = rfc3339Nano(input.created);
  const entry: HistoryJson = { created };
  if (input.history.author) entry.author = input.history.author;
  if (input.history.createdBy) entry.created_by = input.history.createdBy;
  if (input.history.comment) entry.comment = input.history.comment;
  if (!input.layers) entry.empty_layer = true;
  const config: ImageConfigJson = {
    architecture: 'amd64',
    author: input.author,
    comment: input.comment,
    config: { ...input.config } as ContainerConfig,
    container: input.containerId,
    container_config: (input.containerConfig ?? {}) as ContainerConfig,
    created,
    docker_version: DOCKER_VERSION,
    history: [...(parent?.config.history ?? []), entry],
    os: 'linux',
    parent: parent?.id,
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  const { image } = registerImage(engine, serializeImageConfig(config), chainId, { parent: parent?.id });
  return image;
}

/**
 * Register an image from exact config bytes and its layers' files bottom →
 * top (docker load). Diff IDs come from the config's rootfs when given there.
 */
export function createImageFromConfig(engine: Engine, configJson: string, layers: LayerFiles[]): ImageRecord {
  const parsed = JSON.parse(configJson) as ImageConfigJson;
  const ids = parsed.rootfs?.diff_ids ?? [];
  const stack = layers.map((files, i) => ({ diffId: ids[i] ?? diffIdOf(files), files }));
  const { chainId } = registerChain(engine, stack);
  return registerImage(engine, configJson, chainId).image;
}
