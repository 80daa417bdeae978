/** GET /volumes with filters dangling, name, driver, label (moby volume/service List). */
import { invalidParameter } from '../../../api/errors';
import type { FilterArgs, VolumeListResponse } from '../../../api/volume';
import { boolValue, contains, exactMatch, match, matchKVList, validateFilters } from '../../system/filters';
import type { VolumeEngine } from '../volume-engine';
import type { VolumeRecord } from '../volume-store';
import { toApiVolume } from './inspect';

const ACCEPTED = ['driver', 'label', 'name', 'dangling'];

export function filterVolumes(volumes: VolumeRecord[], filters: FilterArgs, accepted = ACCEPTED): VolumeRecord[] {
  validateFilters(filters, accepted);
  let dangling: boolean | undefined;
  if (contains(filters, 'dangling')) {
    dangling = boolValue(filters, 'dangling');
    if (dangling === undefined) throw invalidParameter(`Invalid filter 'dangling=[${filters.dangling.join(' ')}]'`);
  }
  return volumes.filter(
    (v) =>
      exactMatch(filters, 'driver', v.driver) &&
      match(filters, 'name', v.name) &&
      matchKVList(filters, 'label', v.labels) &&
      (dangling === undefined || (v.refs.size === 0) === dangling),
  );
}

export function listVolumes(engine: Pick<VolumeEngine, 'volumes'>, filters: FilterArgs = {}): VolumeListResponse {
  return { Volumes: filterVolumes(engine.volumes.list(), filters).map(toApiVolume), Warnings: null };
}
