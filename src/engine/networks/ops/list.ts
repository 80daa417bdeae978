/** GET /networks with filters driver, id, label, name, scope, type, dangling (moby daemon/network/filter.go). */
import { invalidParameter } from '../../../api/errors';
import type { NetworkResource } from '../../../api/network';
import type { FilterArgs } from '../../../api/volume';
import { boolValue, contains, exactMatch, match, matchKVList, validateFilters } from '../../system/filters';
import type { NetworkEngine } from '../network-engine';
import type { NetworkRecord } from '../network-store';
import { toApiNetwork } from './inspect';

const ACCEPTED = ['dangling', 'driver', 'type', 'name', 'id', 'label', 'scope'];

export function filterNetworks(networks: NetworkRecord[], filters: FilterArgs): NetworkRecord[] {
  validateFilters(filters, ACCEPTED);
  for (const t of filters.type ?? []) {
    if (t !== 'custom' && t !== 'builtin') throw invalidParameter(`invalid filter: 'type'='${t}'`);
  }
  let dangling: boolean | undefined;
  if (contains(filters, 'dangling')) {
    dangling = boolValue(filters, 'dangling');
    if (dangling === undefined) {
      throw invalidParameter(`invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`);
    }
  }
  return networks.filter((n) => {
    if (!exactMatch(filters, 'driver', n.driver)) return false;
    if (!match(filters, 'name', n.name)) return false;
    if (contains(filters, 'id') && !(filters.id ?? []).some((p) => n.id.startsWith(p) || new RegExp(`^${p}`).test(n.id))) return false;
    if (!matchKVList(filters, 'label', n.labels)) return false;
    if (!exactMatch(filters, 'scope', 'local')) return false;
    if (contains(filters, 'type')) {
      const kind = n.predefined ? 'builtin' : 'custom';
      if (!(filters.type ?? []).includes(kind)) return false;
    }
    if (dangling !== undefined) {
      const unused = !n.predefined && n.endpoints.size === 0;
      if (unused !== dangling) return false;
    }
    return true;
  });
}

export function listNetworks(engine: Pick<NetworkEngine, 'networks'>, filters: FilterArgs = {}): NetworkResource[] {
  return filterNetworks(engine.networks.list(), filters).map((n) => toApiNetwork(n, false));
}
