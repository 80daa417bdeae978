/** NetworkApi over the in-process engine. */
import type { Engine } from '../../engine/engine';
import { createNetwork } from '../../engine/networks/ops/create';
import { inspectNetwork } from '../../engine/networks/ops/inspect';
import { listNetworks } from '../../engine/networks/ops/list';
import { networkConnect } from '../../engine/networks/ops/network-connect';
import { networkDisconnect } from '../../engine/networks/ops/network-disconnect';
import { pruneNetworks } from '../../engine/networks/ops/prune';
import { removeNetwork } from '../../engine/networks/ops/remove';
import type { NetworkApi } from '../api/networks';
import { call } from '../errors';

export function networkClient(engine: Engine): NetworkApi {
  return {
    networkCreate: (req) => call(() => createNetwork(engine, req)),
    networkList: (filters = {}) => call(() => listNetworks(engine, filters)),
    networkInspect: (network) => call(() => inspectNetwork(engine, network), { object: 'network', id: network }),
    networkRemove: (network) => call(() => removeNetwork(engine, network), { object: 'network', id: network }),
    networksPrune: (filters = {}) => call(() => pruneNetworks(engine, filters)),
    networkConnect: (network, req) => call(() => networkConnect(engine, network, req)),
    networkDisconnect: (network, container, force = false) => call(() => networkDisconnect(engine, network, container, force)),
  };
}
