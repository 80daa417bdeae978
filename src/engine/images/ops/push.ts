import { textEncoder } from '../../../api/fs';
import type { JSONMessage } from '../../../api/jsonmessage';
import {
  familiarName,
  InvalidReferenceError,
  parseNormalizedNamed,
  type Reference,
  refName,
} from '../../../lib/reference';
import type { Engine } from '../../engine';
import { sha256Digest, shortId } from '../../layers/digest';
import type { LayerRecord } from '../../layers/layer-store';
import { manifestBytes, type ManifestV2 } from '../../registry/catalog';
import { encodeLayer } from '../../registry/distribution/layer-codec';
import { openRepository } from '../../registry/ops/open-repository';
import { type Credentials, RegistryError, type RemoteRepository } from '../../registry/remote';
import { addReference } from '../../references/ops/add';
import { imageByReference } from './resolve';

export interface PushOptions {
  auth?: Credentials;
  onMessage: (m: JSONMessage) => void;
}

const LAYER_TYPE = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/** an error that ends the push stream: the CLI prints `message` as is and exits 1 */
export class PushStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PushStreamError';
  }
}

/** the compressed blob a layer is pushed as: the known one, or one computed here */
function blobFor(layer: LayerRecord): { digest: string; size: number } {
  const known = layer.blobs[0];
  if (known) return { digest: known.digest, size: known.size };
  const bytes = encodeLayer({ diffId: layer.diffId, size: layer.size, tarSize: layer.tarSize, files: layer.files });
  return { digest: sha256Digest(bytes), size: Math.max(32, Math.round(layer.tarSize / 2.05)) };
}

function msg(id: string, status: string, current?: number, total?: number): JSONMessage {
  return { status, progressDetail: current === undefined ? {} : { current, total }, id };
}

/**
 * docker push (POST /images/{name}/push): "The push refers to repository […]",
 * per layer (top first) Preparing → Layer already exists | Pushing → Pushed,
 * then "TAG: digest: sha256:… size: N". Failures after the first message are
 * thrown as PushStreamError with the text the daemon streams.
 */
export async function pushImage(engine: Engine, refStr: string, opts: PushOptions): Promise<void> {
  let ref: Reference;
  try {
    ref = parseNormalizedNamed(refStr);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new PushStreamError(err.message);
    throw err;
  }
  const emit = opts.onMessage;
  emit({ status: `The push refers to repository [${refName(ref)}]` });
  const tags = ref.tag
    ? [ref.tag]
    : engine.references
        .all()
        .filter((r) => refName(r.ref) === refName(ref) && r.ref.tag)
        .map((r) => r.ref.tag!)
        .sort();
  const targets = tags
    .map((tag) => ({ tag, image: imageByReference(engine, { ...ref, tag }) }))
    .filter((t) => t.image);
  if (targets.length === 0) throw new PushStreamError(`An image does not exist locally with the tag: ${familiarName(ref)}`);
  let repo: RemoteRepository;
  try {
    repo = await openRepository(engine, ref, opts.auth);
  } catch (err) {
    throw new PushStreamError(err instanceof Error ? err.message : String(err));
  }
  for (const { tag, image } of targets) {
    const layers = image!.chainId ? engine.layers.chain(image!.chainId) : [];
    const top = [...layers].reverse();
    for (const l of top) emit(msg(shortId(l.diffId), 'Preparing'));
    const descriptors = new Map<string, { digest: string; size: number }>();
    try {
      for (const l of top) {
        const id = shortId(l.diffId);
        const blob = blobFor(l);
        descriptors.set(l.chainId, blob);
        if (await repo.hasBlob(blob.digest)) {
          emit(msg(id, 'Layer already exists'));
          continue;
        }
        const first = Math.min(l.tarSize, l.size > 65536 ? 68100 : 512);
        emit(msg(id, 'Pushing', first, l.size));
        await repo.putLayer(blob.digest, blob.size, { diffId: l.diffId, size: l.size, tarSize: l.tarSize, files: l.files });
        emit(msg(id, 'Pushing', l.tarSize, l.size));
        emit(msg(id, 'Pushed'));
        const blobs = l.blobs;
        if (!blobs.some((b) => b.digest === blob.digest && b.repo === refName(ref))) {
          blobs.push({ digest: blob.digest, size: blob.size, repo: refName(ref) });
        }
      }
      if (!(await repo.hasBlob(image!.id))) await repo.putConfig(image!.id, image!.configJson);
      const manifest: ManifestV2 = {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          size: textEncoder.encode(image!.configJson).length,
          digest: image!.id,
        },
        layers: layers.map((l) => {
          const d = descriptors.get(l.chainId)!;
          return { mediaType: LAYER_TYPE, size: d.size, digest: d.digest };
        }),
      };
      const json = manifestBytes(manifest);
      const digest = await repo.putManifest(tag, json);
      emit({ status: `${tag}: digest: ${digest} size: ${json.length}` });
      const digestRef: Reference = { domain: ref.domain, path: ref.path, digest };
      if (!engine.references.get(digestRef)) addReference(engine, digestRef, image!.id);
      engine.events.emit(engine.clock.now(), 'image', 'push', `${familiarName(ref)}:${tag}`, {
        name: familiarName(ref),
      });
    } catch (err) {
      if (err instanceof RegistryError) throw new PushStreamError(err.message);
      throw err;
    }
  }
}
