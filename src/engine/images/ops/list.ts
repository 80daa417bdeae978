import { invalidParameter } from '../../../api/errors';
import type { ImageListOptions, ImageSummary } from '../../../api/image';
import { BadPatternError, familiarMatch, familiarString } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { contains, matchKVList, validateFilters } from '../../system/filters';
import type { ImageRecord } from '../image-store';
import { resolveImage } from './resolve';

const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference'];

function summary(img: ImageRecord, repoDigests: string[], repoTags: string[]): ImageSummary {
  return {
    Containers: -1,
    Created: Math.floor(img.created / 1000),
    Id: img.id,
    Labels: img.config.config?.Labels ?? null,
    ParentId: img.parent,
    RepoDigests: repoDigests,
    RepoTags: repoTags,
    SharedSize: -1,
    Size: img.size,
    VirtualSize: img.size,
  };
}

/** GET /images/json (moby daemon/images/images.go Images), newest first */
export function listImages(engine: Engine, opts: ImageListOptions = {}): ImageSummary[] {
  const f = opts.filters ?? {};
  validateFilters(f, ACCEPTED);
  let danglingOnly = false;
  if (contains(f, 'dangling')) {
    const v = f.dangling;
    if (v.includes('true')) danglingOnly = true;
    else if (!v.includes('false')) throw invalidParameter(`Invalid filter 'dangling=[${v.join(' ')}]'`);
  }
  const before = (f.before ?? []).map((v) => resolveImage(engine, v)).pop();
  const since = (f.since ?? []).map((v) => resolveImage(engine, v)).pop();
  const selected = danglingOnly ? engine.images.heads() : engine.images.all();
  const out: ImageSummary[] = [];
  const createdMs = new Map<string, number>();
  for (const img of selected) {
    if (before && img.created >= before.created) continue;
    if (since && img.created <= since.created) continue;
    if (contains(f, 'label') && !matchKVList(f, 'label', img.config.config?.Labels)) continue;
    const repoDigests: string[] = [];
    const repoTags: string[] = [];
    let skip = false;
    for (const ref of engine.references.referencesOf(img.id)) {
      if (contains(f, 'reference')) {
        let found = false;
        for (const pattern of f.reference) {
          try {
            found = familiarMatch(pattern, ref);
          } catch (err) {
            if (err instanceof BadPatternError) throw invalidParameter(err.message);
            throw err;
          }
          if (found) break;
        }
        if (!found) continue;
      }
      if (ref.digest) repoDigests.push(familiarString(ref));
      if (ref.tag) {
        if (danglingOnly) {
          skip = true;
          break;
        }
        repoTags.push(familiarString(ref));
      }
    }
    if (skip) continue;
    if (repoDigests.length === 0 && repoTags.length === 0) {
      if (!opts.all && engine.images.children(img.id).length > 0) continue;
      if (contains(f, 'dangling') && !danglingOnly) continue;
      if (contains(f, 'reference')) continue;
      repoDigests.push('<none>@<none>');
      repoTags.push('<none>:<none>');
    }
    const s = summary(img, repoDigests, repoTags);
    if (opts.containerCount) s.Containers = engine.containers.list().filter((c) => c.Image === img.id).length;
    out.push(s);
    createdMs.set(img.id, img.created);
  }
  if (opts.sharedSize) addSharedSizes(engine, out);
  // sort.Sort(sort.Reverse(byCreated)): newest first (ms here, so same-second builds keep their order)
  return out.reverse().sort((a, b) => createdMs.get(b.Id)! - createdMs.get(a.Id)!);
}

function addSharedSizes(engine: Engine, summaries: ImageSummary[]): void {
  const refs = new Map<string, number>();
  for (const img of engine.images.all()) {
    for (const l of img.chainId ? engine.layers.chain(img.chainId) : []) refs.set(l.chainId, (refs.get(l.chainId) ?? 0) + 1);
  }
  for (const s of summaries) {
    const img = engine.images.get(s.Id)!;
    s.SharedSize = 0;
    for (const l of img.chainId ? engine.layers.chain(img.chainId) : []) {
      if ((refs.get(l.chainId) ?? 0) > 1) s.SharedSize += l.size;
    }
  }
}
