/**
 * GET /images/get: `docker save` (moby image/tarexport, 20.10 layout):
 *   <v1 id>/VERSION "1.0", <v1 id>/json, <v1 id>/layer.tar   one directory per layer
 *   <image id hex>.json                                      the config bytes
 *   manifest.json  [{"Config","RepoTags","Layers"}]
 *   repositories   {"repo":{"tag":"<top v1 id>"}}            when something is tagged
 * Members sorted by name; layer tars as Docker writes them, padded with zero
 * blocks to the layer's recorded tar size so that `docker load` progress
 * shows the same sizes. The archive is lazy (src/lib/content): the layers'
 * large files stay synthetic, so saving a 190 MB image costs its headers.
 */
import { notFound } from '../../../api/errors';
import { textEncoder } from '../../../api/fs';
import { type Content, concatContent, contentSize, zeros } from '../../../lib/content';
import { type TarEntry, writeTarContent } from '../../../lib/tar';
import { familiarString, parseNormalizedNamed, type Reference, refName, withDefaultTag } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { goJson, type ImageConfigJson, orderedContainerConfig, ZERO_TIME } from '../../images/image-config';
import type { ImageRecord } from '../../images/image-store';
import { resolveImage } from '../../images/ops/resolve';
import { digestHex, sha256Digest } from '../../layers/digest';
import type { LayerFiles } from '../../fs/layer-entry';
import { DOCKER_TAR, layerToTarEntries } from '../layer-tar';

const enc = textEncoder;

interface SaveItem {
  image: ImageRecord;
  tags: string[];
}

/** the repository:tag references pointing at `imageId` within `repo` (all repos when undefined) */
function tagsOf(engine: Engine, imageId: string, repo?: string): string[] {
  const out: string[] = [];
  for (const { ref, imageId: id } of engine.references.all()) {
    if (id !== imageId || ref.digest || !ref.tag) continue;
    if (repo !== undefined && refName(ref) !== repo) continue;
    out.push(familiarString(ref));
  }
  return out;
}

function collect(engine: Engine, names: string[]): SaveItem[] {
  const items: SaveItem[] = [];
  const add = (image: ImageRecord, tag?: string) => {
    let item = items.find((i) => i.image.id === image.id);
    if (!item) {
      item = { image, tags: [] };
      items.push(item);
    }
    if (tag && !item.tags.includes(tag)) item.tags.push(tag);
  };
  for (const name of names) {
    let ref: Reference | undefined;
    try {
      ref = parseNormalizedNamed(name);
    } catch {
      ref = undefined;
    }
    if (ref && !ref.tag && !ref.digest && !/^[a-f0-9]{1,64}$/.test(name)) {
      // a repository name alone: every tag of it
      const repo = refName(ref);
      const tagged = engine.references.all().filter(({ ref: r }) => refName(r) === repo && r.tag && !r.digest);
      if (tagged.length === 0) throw notFound(`No such image: ${name}`);
      for (const { ref: r, imageId } of tagged) {
        const img = engine.images.get(imageId);
        if (img) add(img, familiarString(r));
      }
      continue;
    }
    const image = resolveImage(engine, name);
    add(image, ref?.tag && !/^[a-f0-9]{64}$/.test(name) ? familiarString(withDefaultTag(ref)) : undefined);
  }
  return items;
}

function v1LayerJson(id: string, parent: string | undefined, top: ImageRecord | undefined): string {
  if (top) {
    const c: ImageConfigJson = top.config;
    const out: Record<string, unknown> = { id };
    if (parent) out.parent = parent;
    if (c.comment) out.comment = c.comment;
    out.created = c.created;
    if (c.container) out.container = c.container;
    out.container_config = orderedContainerConfig(c.container_config ?? {});
    if (c.docker_version) out.docker_version = c.docker_version;
    if (c.author) out.author = c.author;
    if (c.config) out.config = orderedContainerConfig(c.config);
    out.architecture = c.architecture ?? 'amd64';
    out.os = c.os ?? 'linux';
    return goJson(out);
  }
  const out: Record<string, unknown> = { id };
  if (parent) out.parent = parent;
  out.created = ZERO_TIME;
  out.container_config = orderedContainerConfig({});
  return goJson(out);
}

/** the layer tar of a layer, padded to its recorded tar size; computed once per layer (layers never change) */
const layerTars = new WeakMap<object, Content>();
function layerTar(layer: { files: LayerFiles; tarSize: number }): Content {
  let tar = layerTars.get(layer.files);
  if (!tar) {
    tar = writeTarContent(layerToTarEntries(layer.files), DOCKER_TAR);
    const n = contentSize(tar);
    if (layer.tarSize > n && (layer.tarSize - n) % 512 === 0) tar = concatContent([tar, zeros(layer.tarSize - n)]);
    layerTars.set(layer.files, tar);
  }
  return tar;
}

export function imageSave(engine: Engine, names: string[]): Content {
  const items = collect(engine, names);
  const files = new Map<string, { data: Content; mtime: number } | { dir: true; mtime: number }>();
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const { image, tags } of items) {
    const layers = image.chainId ? engine.layers.chain(image.chainId) : [];
    const mtime = image.created;
    let parent: string | undefined;
    const layerPaths: string[] = [];
    layers.forEach((layer, i) => {
      const isTop = i === layers.length - 1;
      const v1 = digestHex(sha256Digest(`${layer.chainId} ${parent ?? ''}${isTop ? ` ${image.id}` : ''}`));
      if (!files.has(`${v1}/`)) {
        const tar = layerTar(layer);
        files.set(`${v1}/`, { dir: true, mtime });
        files.set(`${v1}/VERSION`, { data: enc.encode('1.0'), mtime });
        files.set(`${v1}/json`, { data: enc.encode(v1LayerJson(v1, parent, isTop ? image : undefined)), mtime });
        files.set(`${v1}/layer.tar`, { data: tar, mtime });
      }
      layerPaths.push(`${v1}/layer.tar`);
      parent = v1;
    });
    const configName = `${digestHex(image.id)}.json`;
    files.set(configName, { data: enc.encode(image.configJson), mtime });
    manifest.push({ Config: configName, RepoTags: tags.length > 0 ? tags : null, Layers: layerPaths });
    for (const t of tags) {
      const colon = t.lastIndexOf(':');
      const repo = t.slice(0, colon);
      repositories[repo] = { ...(repositories[repo] ?? {}), [t.slice(colon + 1)]: parent ?? '' };
    }
  }
  files.set('manifest.json', { data: enc.encode(`${goJson(manifest)}\n`), mtime: 0 });
  if (Object.keys(repositories).length > 0) files.set('repositories', { data: enc.encode(`${goJson(repositories)}\n`), mtime: 0 });
  const entries: TarEntry[] = [...files.keys()].sort().map((name) => {
    const f = files.get(name)!;
    const base = { name, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: f.mtime };
    if ('dir' in f) return { ...base, type: 'dir', mode: 0o755, size: 0 };
    return { ...base, type: 'file', mode: 0o644, size: contentSize(f.data), data: f.data };
  });
  for (const { image } of items) engine.events.emit(engine.clock.now(), 'image', 'save', image.id, { name: image.id });
  return writeTarContent(entries, DOCKER_TAR);
}

export { tagsOf };
