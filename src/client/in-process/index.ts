/**
 * The EngineClient for the simulator: calls the engine in the same process.
 * Each domain lives in its own file; this only merges them.
 */
import type { Engine } from '../../engine/engine';
import type { EngineClient } from '../engine-client';
import { archiveClient } from './archive';
import { buildClient } from './build';
import { containerClient } from './containers';
import { hostNetworkFor } from './host-network';
import { imageClient } from './images';
import { networkClient } from './networks';
import { registryClient } from './registry';
import { systemClient } from './system';
import { volumeClient } from './volumes';

export function createInProcessClient(engine: Engine): EngineClient {
  return {
    ...imageClient(engine),
    ...containerClient(engine),
    ...archiveClient(engine),
    ...volumeClient(engine),
    ...networkClient(engine),
    ...systemClient(engine),
    ...buildClient(engine),
    ...registryClient(engine),
    hostNetwork: hostNetworkFor(engine),
  };
}
