/**
 * POST /images/load: `docker load` of a `docker save` archive (moby
 * tarexport.Load). Layers already present are skipped; new ones show
 * "Loading layer" progress (unless quiet). Repo tags are applied (an older
 * image holding the tag is announced as renamed); loaded images have no
 * repo digest. Texts are the daemon's, with its temporary directory.
 */
import type { ImageLoadOptions } from '../../../api/archive';
import { systemError } from '../../../api/errors';
import { textDecoder } from '../../../api/fs';
import { type Content, contentSize, materialize, zeros } from '../../../lib/content';
import { familiarString, withDefaultTag } from '../../../lib/reference';
import { memberPath, readTar, TarFormatError } from '../../../lib/tar';
import type { Engine } from '../../engine';
import type { LayerFiles } from '../../fs/layer-entry';
import type { ImageConfigJson } from '../../images/image-config';
import { registerImage } from '../../images/ops/register';
import { imageByReference } from '../../images/ops/resolve';
import { tagImage } from '../../images/ops/tag';
import { chainIdOf, shortId } from '../../layers/digest';
import { type RegisterLayerInput, registerChain } from '../../layers/ops/register';
import { parseReference } from './commit';
import { gunzipArchive, parseLayerTar } from './import';

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
}

const dec = textDecoder;

/** Go's progress reader reports the first 32 KiB read, then every 512 KiB, then the end */
function progressSteps(total: number): number[] {
  const steps: number[] = [];
  let cur = Math.min(32768, total);
  steps.push(cur);
  while (cur < total) {
    cur = Math.min(total, cur + 524288);
    steps.push(cur);
  }
  steps.push(total);
  return steps;
}

/** a lazy archive (a `docker save` kept in a file) is read without making its layers' bytes */
export async function imageLoad(engine: Engine, input: Content, opts: ImageLoadOptions = {}): Promise<void> {
  const emit = opts.onMessage ?? (() => undefined);
  const bytes = gunzipArchive(input);
  const tmp = `/var/lib/docker/tmp/docker-import-${1_000_000_000 + engine.ids.int(3_000_000_000)}`;
  const files = new Map<string, Content>();
  try {
    for (const e of readTar(bytes)) {
      const p = memberPath(e.name);
      if (p && e.type === 'file') files.set(p.slice(1), e.data ?? zeros(e.size));
    }
  } catch (err) {
    if (err instanceof TarFormatError) throw systemError(err.message);
    throw err;
  }
  const open = (name: string): Content => {
    const f = files.get(memberPath(name)?.slice(1) ?? name);
    if (!f) throw systemError(`open ${tmp}/${name}: no such file or directory`);
    return f;
  };
  if (!files.has('manifest.json')) {
    open('repositories');
    throw systemError('loading legacy (v1) image archives without manifest.json is not supported by the Dockyard simulator');
  }
  let manifest: ManifestItem[];
  try {
    manifest = JSON.parse(dec.decode(materialize(open('manifest.json')))) as ManifestItem[];
    if (!Array.isArray(manifest)) throw new Error('not an array');
  } catch {
    throw systemError('json: cannot unmarshal manifest.json into Go value of type []tarexport.manifestItem');
  }
  for (const item of manifest) {
    const configJson = dec.decode(materialize(open(item.Config)));
    let config: ImageConfigJson;
    try {
      config = JSON.parse(configJson) as ImageConfigJson;
    } catch {
      throw systemError(`invalid image JSON, no RootFS key`);
    }
    const diffIds = config.rootfs?.diff_ids ?? [];
    const layers = item.Layers ?? [];
    if (diffIds.length !== layers.length) {
      throw systemError(`invalid manifest, layers length mismatch: expected ${diffIds.length}, got ${layers.length}`);
    }
    const stack: RegisterLayerInput[] = [];
    let parent: string | undefined;
    for (let i = 0; i < layers.length; i++) {
      const chainId = chainIdOf(parent, diffIds[i]);
      const existing = engine.layers.get(chainId);
      let layerFiles: LayerFiles;
      let tarSize: number | undefined;
      if (existing) {
        layerFiles = existing.files;
      } else {
        const tar = open(layers[i]);
        tarSize = contentSize(tar);
        if (!opts.quiet) {
          for (const current of progressSteps(tarSize)) {
            emit({ status: 'Loading layer', progressDetail: { current, total: tarSize }, id: shortId(chainId) });
          }
        }
        layerFiles = parseLayerTar(tar);
      }
      stack.push({ diffId: diffIds[i], files: layerFiles, tarSize });
      parent = chainId;
    }
    const { chainId } = registerChain(engine, stack);
    const { image } = registerImage(engine, configJson, chainId);
    engine.events.emit(engine.clock.now(), 'image', 'load', image.id, { name: image.id });
    const tags = item.RepoTags ?? [];
    for (const t of tags) {
      const ref = withDefaultTag(parseReference(t));
      const old = imageByReference(engine, ref);
      if (old && old.id !== image.id) {
        emit({ stream: `The image ${familiarString(ref)} already exists, renaming the old one with ID ${old.id} to empty string\n` });
      }
      tagImage(engine, image.id, ref);
      emit({ stream: `Loaded image: ${familiarString(ref)}\n` });
    }
    if (tags.length === 0) emit({ stream: `Loaded image ID: ${image.id}\n` });
  }
}
