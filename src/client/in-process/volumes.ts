/** VolumeApi over the in-process engine. */
import type { Engine } from '../../engine/engine';
import { createVolume } from '../../engine/volumes/ops/create';
import { inspectVolume, toApiVolume } from '../../engine/volumes/ops/inspect';
import { listVolumes } from '../../engine/volumes/ops/list';
import { pruneVolumes } from '../../engine/volumes/ops/prune';
import { removeVolume } from '../../engine/volumes/ops/remove';
import type { VolumeApi } from '../api/volumes';
import { call } from '../errors';

export function volumeClient(engine: Engine): VolumeApi {
  return {
    volumeCreate: (body) => call(() => toApiVolume(createVolume(engine, body))),
    volumeList: (filters = {}) => call(() => listVolumes(engine, filters)),
    volumeInspect: (name) => call(() => inspectVolume(engine, name), { object: 'volume', id: name }),
    volumeRemove: (name, force = false) => call(() => removeVolume(engine, name, force), { object: 'volume', id: name }),
    volumesPrune: (filters = {}) => call(() => pruneVolumes(engine, filters)),
  };
}
