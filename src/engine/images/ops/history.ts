import type { HistoryResponseItem } from '../../../api/image';
import { familiarString } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { chainIdOf } from '../../layers/digest';
import { parseTime } from '../image-config';
import { resolveImage } from './resolve';

/**
 * docker history (GET /images/{name}/history, moby image_history.go): one row
 * per history entry, newest first, "<missing>" where no local image stands for
 * that step; IDs and tags filled in along the parent chain.
 */
export function imageHistory(engine: Engine, name: string): HistoryResponseItem[] {
  const img = resolveImage(engine, name);
  const diffIds = img.config.rootfs?.diff_ids ?? [];
  const rows: HistoryResponseItem[] = [];
  let layerCounter = 0;
  let chain: string | undefined;
  for (const h of img.config.history ?? []) {
    let size = 0;
    if (!h.empty_layer && layerCounter < diffIds.length) {
      chain = chainIdOf(chain, diffIds[layerCounter]);
      size = engine.layers.get(chain)?.size ?? 0;
      layerCounter++;
    }
    rows.unshift({
      Comment: h.comment ?? '',
      Created: Math.floor(parseTime(h.created) / 1000),
      CreatedBy: h.created_by ?? '',
      Id: '<missing>',
      Size: size,
      Tags: null,
    });
  }
  let cur: typeof img | undefined = img;
  for (const row of rows) {
    if (!cur) break;
    row.Id = cur.id;
    const tags = engine.references
      .referencesOf(cur.id)
      .filter((r) => r.tag)
      .map((r) => familiarString(r));
    row.Tags = tags.length ? tags : null;
    cur = cur.parent ? engine.images.get(cur.parent) : undefined;
  }
  return rows;
}
