import { DaemonError, invalidParameter } from '../../../api/errors';
import type { ImageDeleteResponseItem, ImagesPruneReport } from '../../../api/image';
import { refString } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { contains, validateFilters } from '../../system/filters';
import { parseTime } from '../image-config';
import { removeImage } from './remove';
import { hasOwnKey } from '../../../lib/own';

const ACCEPTED = ['dangling', 'label', 'label!', 'until'];

function matchLabels(f: Record<string, string[]>, labels: Record<string, string> | null | undefined): boolean {
  const l = labels ?? {};
  const has = (v: string) => {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    return hasOwnKey(l, k) && (eq < 0 || l[k] === v.slice(eq + 1));
  };
  if (contains(f, 'label') && !f.label.every(has)) return false;
  if (contains(f, 'label!') && f['label!'].some(has)) return false;
  return true;
}

/** Go duration or timestamp of `until` → ms cutoff */
function untilCutoff(engine: Engine, v: string): number {
  const d = /^(\d+(?:\.\d+)?)(h|m|s|ms)$/.exec(v);
  if (d) {
    const mult = { h: 3600000, m: 60000, s: 1000, ms: 1 }[d[2] as 'h' | 'm' | 's' | 'ms'];
    return engine.clock.now() - Number(d[1]) * mult;
  }
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = parseTime(v);
  if (Number.isNaN(t)) throw invalidParameter(`failed to parse value as time or duration: "${v}"`);
  return t;
}

/** moby's imageDeleteFailed: a conflict or an image already gone skips the reference, the prune goes on */
function skippable(err: unknown): boolean {
  return err instanceof DaemonError && (err.kind === 'Conflict' || err.kind === 'NotFound');
}

/** POST /images/prune (moby image_prune.go): dangling images, or all unused with dangling=false */
export function pruneImages(engine: Engine, filters: Record<string, string[]> = {}): ImagesPruneReport {
  validateFilters(filters, ACCEPTED);
  let danglingOnly = true;
  if (contains(filters, 'dangling')) {
    const v = filters.dangling;
    if (v.includes('false') || v.includes('0')) danglingOnly = false;
    else if (!v.includes('true') && !v.includes('1')) throw invalidParameter(`Invalid filter 'dangling=[${v.join(' ')}]'`);
  }
  const until = contains(filters, 'until') ? untilCutoff(engine, filters.until[0]) : undefined;
  const candidates = danglingOnly ? engine.images.heads() : engine.images.all();
  const layerSizes = new Map(engine.layers.all().map((l) => [l.chainId, l.size]));
  // the images to prune are chosen before any is deleted (deleting one untags or deletes others)
  const top = candidates.filter((img) => {
    if (engine.references.referencesOf(img.id).length === 0 && engine.images.children(img.id).length > 0) return false;
    if (until !== undefined && img.created > until) return false;
    return matchLabels(filters, img.config.config?.Labels);
  });
  const deleted: ImageDeleteResponseItem[] = [];
  const attempt = (target: string) => {
    try {
      deleted.push(...removeImage(engine, target));
    } catch (err) {
      if (!skippable(err)) throw err;
    }
  };
  for (const img of top) {
    if (!engine.images.get(img.id)) continue;
    // the references it has now: an earlier deletion may have removed some
    const refs = engine.references.referencesOf(img.id);
    if (refs.length > 0) {
      const shouldDelete = !danglingOnly || !refs.some((r) => r.tag);
      if (shouldDelete) for (const r of refs) attempt(refString(r));
    } else {
      attempt(img.id.slice(7));
    }
  }
  let space = 0;
  for (const d of deleted) if (d.Deleted && layerSizes.has(d.Deleted)) space += layerSizes.get(d.Deleted)!;
  engine.events.emit(engine.clock.now(), 'image', 'prune', '', { reclaimed: String(space) });
  return { ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: space };
}
