import { DaemonError, invalidParameter, notFound, systemError } from '../../../api/errors';
import type { JSONMessage } from '../../../api/jsonmessage';
import {
  familiarName,
  familiarString,
  InvalidReferenceError,
  parseNormalizedNamed,
  type Reference,
  withDefaultTag,
} from '../../../lib/reference';
import type { Engine } from '../../engine';
import { chainIdOf, shortId } from '../../layers/digest';
import { type RegisterLayerInput, registerChain } from '../../layers/ops/register';
import { addReference } from '../../references/ops/add';
import type { ManifestV2 } from '../../registry/catalog';
import { openRepository } from '../../registry/ops/open-repository';
import { type Credentials, RegistryError, type RemoteRepository } from '../../registry/remote';
import type { ImageConfigJson } from '../image-config';
import type { ImageRecord } from '../image-store';
import { downloadMessages, extractMessages, type LayerToPull, layerStartMessages } from './pull-progress';
import { registerImage } from './register';

export interface PullOptions {
  /** the registry credentials the client sent (X-Registry-Auth) */
  auth?: Credentials;
  onMessage: (m: JSONMessage) => void;
}

function parseRef(s: string): Reference {
  try {
    return withDefaultTag(parseNormalizedNamed(s));
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw invalidParameter(err.message);
    throw err;
  }
}

export function registryFailure(err: unknown): DaemonError {
  if (err instanceof DaemonError) return err;
  if (err instanceof RegistryError) return systemError(err.message);
  return systemError(err instanceof Error ? err.message : String(err));
}

function pullDenied(ref: Reference): DaemonError {
  return notFound(
    `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
  );
}

/**
 * docker pull (POST /images/create?fromImage=…): fetch the manifest, the
 * config and the missing layers, register the image, move the tag, record the
 * digest reference. Progress goes to onMessage as the daemon streams it.
 * Errors before the first message are thrown (HTTP error); later ones too —
 * the client layer decides how to show them.
 */
export async function pullImage(engine: Engine, refStr: string, opts: PullOptions): Promise<ImageRecord> {
  const ref = parseRef(refStr);
  const tagOrDigest = ref.digest ?? ref.tag!;
  let repo: RemoteRepository;
  let manifest: { json: string; digest: string } | undefined;
  try {
    repo = await openRepository(engine, ref, opts.auth);
    if (!repo.canRead) throw pullDenied(ref);
    manifest = await repo.getManifest(tagOrDigest);
  } catch (err) {
    if (err instanceof RegistryError && err.code === 'denied') throw pullDenied(ref);
    throw registryFailure(err);
  }
  if (!manifest) {
    throw notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
  }
  const emit = opts.onMessage;
  emit({ status: `Pulling from ${repo.path}`, id: tagOrDigest });

  const m = JSON.parse(manifest.json) as ManifestV2;
  let image = engine.images.get(m.config.digest);
  let downloaded = false;
  if (!image) {
    const configJson = await repo.getConfig(m.config.digest);
    const config = JSON.parse(configJson) as ImageConfigJson;
    const diffIds = config.rootfs?.diff_ids ?? [];
    let parent: string | undefined;
    const plan: (LayerToPull & { digest: string; diffId: string })[] = m.layers.map((d, i) => {
      const chain = chainIdOf(parent, diffIds[i]);
      parent = chain;
      return { id: shortId(d.digest), size: d.size, exists: engine.layers.has(chain), digest: d.digest, diffId: diffIds[i] };
    });
    for (const msg of layerStartMessages(plan)) emit(msg);
    const inputs: RegisterLayerInput[] = [];
    for (const l of plan) {
      const blob = { digest: l.digest, size: l.size, repo: `${ref.domain}/${ref.path}` };
      if (l.exists) {
        inputs.push({ diffId: l.diffId, files: new Map(), blob });
        continue;
      }
      const payload = await repo.getLayer(l.digest);
      for (const msg of downloadMessages(l)) emit(msg);
      inputs.push({ diffId: l.diffId, files: payload.files, size: payload.size, tarSize: payload.tarSize, blob });
      downloaded = true;
    }
    for (const l of plan) if (!l.exists) for (const msg of extractMessages(l)) emit(msg);
    const { chainId } = registerChain(engine, inputs);
    image = registerImage(engine, configJson, chainId).image;
  }
  emit({ status: `Digest: ${manifest.digest}` });
  let tagUpdated = false;
  if (!ref.digest) tagUpdated = addReference(engine, ref, image.id);
  const digestRef: Reference = { domain: ref.domain, path: ref.path, digest: manifest.digest };
  if (!engine.references.get(digestRef)) addReference(engine, digestRef, image.id);
  const requested = familiarString(ref);
  emit({
    status: `Status: ${downloaded || tagUpdated ? 'Downloaded newer image' : 'Image is up to date'} for ${requested}`,
  });
  engine.events.emit(engine.clock.now(), 'image', 'pull', requested, { name: familiarName(ref) });
  return image;
}
