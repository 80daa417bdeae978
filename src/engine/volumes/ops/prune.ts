/**
 * POST /volumes/prune (Docker 20.10: every local volume no container uses,
 * named or anonymous). Reclaimed space is the size of the removed volumes' data.
 */
import type { FilterArgs, VolumesPruneReport } from '../../../api/volume';
import { validateFilters } from '../../system/filters';
import type { VolumeEngine } from '../volume-engine';
import { treeSize } from '../volume-size';
import { matchPruneLabels } from '../../system/prune-labels';

export function pruneVolumes(engine: VolumeEngine, filters: FilterArgs = {}): VolumesPruneReport {
  validateFilters(filters, ['label', 'label!']);
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const v of engine.volumes.list()) {
    if (v.refs.size > 0 || !matchPruneLabels(filters, v.labels)) continue;
    const size = treeSize(v.fs);
    engine.volumes.delete(v.name);
    engine.events.emit(engine.clock.now(), 'volume', 'destroy', v.name, { driver: v.driver });
    deleted.push(v.name);
    reclaimed += size;
  }
  engine.events.emit(engine.clock.now(), 'volume', 'prune', '', { reclaimed: String(reclaimed) });
  return { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
}
