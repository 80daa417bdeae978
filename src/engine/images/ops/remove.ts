import { conflict, DaemonError, invalidParameter } from '../../../api/errors';
import type { ImageDeleteResponseItem } from '../../../api/image';
import {
  familiarString,
  InvalidReferenceError,
  parseNormalizedNamed,
  type Reference,
  refName,
  withDefaultTag,
} from '../../../lib/reference';
import type { Engine } from '../../engine';
import { shortId } from '../../layers/digest';
import { releaseLayer } from '../../layers/ops/release';
import { resolveImage } from './resolve';

const DEPENDENT_CHILD = 1;
const RUNNING_CONTAINER = 2;
const ACTIVE_REFERENCE = 4;
const STOPPED_CONTAINER = 8;
const HARD = DEPENDENT_CHILD | RUNNING_CONTAINER;
const SOFT = ACTIVE_REFERENCE | STOPPED_CONTAINER;

class DeleteConflict extends DaemonError {
  constructor(
    readonly hard: boolean,
    readonly used: boolean,
    imageId: string,
    detail: string,
  ) {
    super('Conflict', `conflict: unable to delete ${shortId(imageId)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${detail}`);
  }
}

/** all references from one repository with at most one tag (moby isSingleReference) */
function isSingleReference(refs: Reference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: Reference | undefined;
  const canonical = new Set<string>();
  for (const r of refs) {
    if (r.digest) canonical.add(refName(r));
    else if (!single) single = r;
    else return false;
  }
  const s = single ?? refs[0];
  return canonical.size === 1 && canonical.has(refName(s));
}

function isImageIdPrefix(imageId: string, s: string): boolean {
  return imageId.startsWith(s) || imageId.slice(7).startsWith(s);
}

function containersUsing(engine: Engine, imageId: string, running?: boolean) {
  return engine.containers.list().find((c) => c.Image === imageId && (running === undefined || c.State.Running === running));
}

function checkConflict(engine: Engine, imageId: string, mask: number): DeleteConflict | undefined {
  if (mask & DEPENDENT_CHILD && engine.images.children(imageId).length > 0) {
    return new DeleteConflict(true, false, imageId, 'image has dependent child images');
  }
  if (mask & RUNNING_CONTAINER) {
    const c = containersUsing(engine, imageId, true);
    if (c) return new DeleteConflict(true, true, imageId, `image is being used by running container ${c.ID.slice(0, 12)}`);
  }
  if (mask & ACTIVE_REFERENCE && engine.references.referencesOf(imageId).length > 0) {
    return new DeleteConflict(false, false, imageId, 'image is referenced in multiple repositories');
  }
  if (mask & STOPPED_CONTAINER) {
    const c = containersUsing(engine, imageId, false);
    if (c) return new DeleteConflict(false, true, imageId, `image is being used by stopped container ${c.ID.slice(0, 12)}`);
  }
  return undefined;
}

function untag(engine: Engine, imageId: string, ref: Reference, records: ImageDeleteResponseItem[]): void {
  const r = withDefaultTag(ref);
  engine.references.delete(r);
  engine.events.emit(engine.clock.now(), 'image', 'untag', imageId, { name: imageId });
  records.push({ Untagged: familiarString(r) });
}

function isDangling(engine: Engine, imageId: string): boolean {
  return engine.references.referencesOf(imageId).length === 0 && engine.images.children(imageId).length === 0;
}

function deleteHelper(
  engine: Engine,
  imageId: string,
  records: ImageDeleteResponseItem[],
  force: boolean,
  prune: boolean,
  quiet: boolean,
): void {
  const c = checkConflict(engine, imageId, force ? HARD : HARD | SOFT);
  if (c) {
    if (quiet && (!isDangling(engine, imageId) || c.used)) return;
    throw c;
  }
  const img = engine.images.get(imageId)!;
  for (const ref of engine.references.referencesOf(imageId)) untag(engine, imageId, ref, records);
  engine.images.byId.delete(imageId);
  const removed = img.chainId ? releaseLayer(engine, img.chainId) : [];
  engine.events.emit(engine.clock.now(), 'image', 'delete', imageId, { name: imageId });
  records.push({ Deleted: imageId });
  for (const l of removed) records.push({ Deleted: l.chainId });
  if (prune && img.parent && engine.images.get(img.parent)) deleteHelper(engine, img.parent, records, false, true, true);
}

/**
 * docker rmi (DELETE /images/{name}), the rules of moby image_delete.go: by
 * reference only the reference goes unless it was the last one; by ID every
 * reference goes when they are all in one repository; hard conflicts (child
 * images, running containers) and soft ones (other references, stopped
 * containers; ignored with force).
 */
export function removeImage(
  engine: Engine,
  imageRef: string,
  opts: { force?: boolean; noPrune?: boolean } = {},
): ImageDeleteResponseItem[] {
  const force = !!opts.force;
  const prune = !opts.noPrune;
  const img = resolveImage(engine, imageRef);
  const records: ImageDeleteResponseItem[] = [];
  let refs = engine.references.referencesOf(img.id);
  let removedRepositoryRef = false;
  if (!isImageIdPrefix(img.id, imageRef)) {
    if (!force && isSingleReference(refs)) {
      const c = containersUsing(engine, img.id);
      if (c) {
        throw conflict(
          `conflict: unable to remove repository reference "${imageRef}" (must force) - container ${c.ID.slice(0, 12)} is using its referenced image ${shortId(img.id)}`,
        );
      }
    }
    let parsed: Reference;
    try {
      parsed = withDefaultTag(parseNormalizedNamed(imageRef));
    } catch (err) {
      if (err instanceof InvalidReferenceError) throw invalidParameter(err.message);
      throw err;
    }
    untag(engine, img.id, parsed, records);
    refs = engine.references.referencesOf(img.id);
    if (!parsed.digest) {
      const sameRepoTag = refs.some((r) => !r.digest && refName(r) === refName(parsed));
      if (!sameRepoTag) {
        const remaining: Reference[] = [];
        for (const r of refs) {
          if (r.digest && refName(r) === refName(parsed)) untag(engine, img.id, r, records);
          else remaining.push(r);
        }
        refs = remaining;
      }
    }
    if (refs.length > 0) return records;
    removedRepositoryRef = true;
  } else if (isSingleReference(refs)) {
    const mask = force ? HARD : HARD | (SOFT & ~ACTIVE_REFERENCE);
    const c = checkConflict(engine, img.id, mask);
    if (c) throw c;
    for (const r of refs) untag(engine, img.id, r, records);
  }
  deleteHelper(engine, img.id, records, force, prune, removedRepositoryRef);
  return records;
}
