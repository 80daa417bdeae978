/**
 * POST /commit: a new image from a container's writable layer (moby
 * daemon.CreateImageFromContainer). Config = the container's config with the
 * --change instructions applied; history "created_by" = the container's Cmd
 * joined by spaces, "comment" = --message; parent = the container's image.
 */
import type { ContainerCommitOptions } from '../../../api/archive';
import { conflict, invalidParameter } from '../../../api/errors';
import type { ContainerConfig } from '../../../api/image';
import type { Engine } from '../../engine';
import { createImage } from '../../images/ops/create';
import { tagImage } from '../../images/ops/tag';
import {
  familiarString,
  InvalidReferenceError,
  parseNormalizedNamed,
  type Reference,
  withDefaultTag,
} from '../../../lib/reference';
import { applyConfigChanges } from '../config-changes';
import { snapshotLayer } from './export';

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** a repository[:tag] for a new image; digests are refused like the daemon does */
export function parseReference(s: string): Reference {
  let ref: Reference;
  try {
    ref = parseNormalizedNamed(s);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw invalidParameter(err.message);
    throw err;
  }
  if (ref.digest) throw invalidParameter('refusing to create a tag with a digest reference');
  return ref;
}

export function containerCommit(engine: Engine, ref: string, opts: ContainerCommitOptions): string {
  const c = engine.containers.resolve(ref);
  if (c.State.Dead) throw conflict(`You cannot commit container ${c.ID} which is Dead`);
  if (c.State.RemovalInProgress) throw conflict(`You cannot commit container ${c.ID} which is being removed`);
  const attrs = { ...(c.Config.Labels ?? {}), image: c.Config.Image, name: c.Name.slice(1) };
  const now = engine.clock.now();
  const pause = (opts.pause ?? true) && c.State.Running && !c.State.Paused;
  if (pause) engine.events.emit(now, 'container', 'pause', c.ID, attrs);

  const base: ContainerConfig = clone({ ...c.Config, ...(opts.config ?? {}) });
  const config = applyConfigChanges(base, opts.changes ?? []);
  const upper = snapshotLayer(c.rootfs.upper());
  const image = createImage(engine, {
    parentId: c.Image,
    layers: upper.size > 0 ? upper : undefined,
    config,
    containerConfig: clone(c.Config),
    history: { createdBy: (c.Config.Cmd ?? []).join(' '), comment: opts.comment, author: opts.author },
    author: opts.author,
    comment: opts.comment,
    containerId: c.ID,
    created: now,
  });
  let imageRef = '';
  if (opts.reference) {
    const named = withDefaultTag(parseReference(opts.reference));
    tagImage(engine, image.id, named);
    imageRef = familiarString(named);
  }
  if (pause) engine.events.emit(now, 'container', 'unpause', c.ID, attrs);
  engine.events.emit(now, 'container', 'commit', c.ID, { ...attrs, comment: opts.comment ?? '', imageID: image.id, imageRef });
  return image.id;
}
