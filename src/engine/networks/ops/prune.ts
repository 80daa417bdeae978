/** POST /networks/prune: user-defined networks without endpoints (filters until, label, label!). */
import type { NetworksPruneReport } from '../../../api/network';
import type { FilterArgs } from '../../../api/volume';
import { validateFilters } from '../../system/filters';
import { matchPruneLabels } from '../../system/prune-labels';
import { parseUntil } from '../../system/timestamp';
import type { NetworkEngine } from '../network-engine';
import { destroy } from './remove';

export function pruneNetworks(engine: NetworkEngine, filters: FilterArgs = {}): NetworksPruneReport {
  validateFilters(filters, ['until', 'label', 'label!']);
  const until = parseUntil(filters, engine.clock.now());
  const deleted: string[] = [];
  for (const n of engine.networks.list()) {
    if (n.predefined || n.endpoints.size > 0) continue;
    if (until !== undefined && n.created > until) continue;
    if (!matchPruneLabels(filters, n.labels)) continue;
    destroy(engine, n);
    deleted.push(n.name);
  }
  engine.events.emit(engine.clock.now(), 'network', 'prune', '', { reclaimed: '0' });
  return { NetworksDeleted: deleted.length ? deleted : null };
}
