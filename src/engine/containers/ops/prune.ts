/** POST /containers/prune: remove every stopped container (filters: until, label, label!). */
import type { ContainersPruneReport } from '../../../api/container';
import { invalidParameter } from '../../../api/errors';
import type { FilterArgs } from '../../../api/volume';
import type { Engine } from '../../engine';
import { matchKVList, validateFilters } from '../../system/filters';
import { containerSizeRw } from '../container-size';
import { parseTimestamp } from '../timestamps';
import { removeContainer } from './remove';

export function pruneContainers(engine: Engine, filters: FilterArgs = {}): ContainersPruneReport {
  validateFilters(filters, ['until', 'label', 'label!']);
  let until: number | undefined;
  for (const u of filters.until ?? []) {
    const t = parseTimestamp(u, engine.clock.now());
    if (t === undefined) throw invalidParameter(`Unable to parse timestamp ${u}`);
    until = t;
  }
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const c of engine.containers.list()) {
    if (c.State.Running) continue;
    if (until !== undefined && c.Created >= until) continue;
    if (!matchKVList(filters, 'label', c.Config.Labels)) continue;
    const not = filters['label!'] ?? [];
    if (not.length > 0 && matchKVList({ label: not }, 'label', c.Config.Labels)) continue;
    const size = containerSizeRw(c);
    removeContainer(engine, c.ID, {});
    deleted.push(c.ID);
    reclaimed += size;
  }
  engine.events.emit(engine.clock.now(), 'container', 'prune', '', { reclaimed: String(reclaimed) });
  return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
}
