/** POST /networks/{id}/disconnect (`docker network disconnect [-f]`). */
import { forbidden } from '../../../api/errors';
import type { Engine } from '../../engine';
import { clearEndpoint } from '../endpoint-settings';
import { disconnectContainer } from './disconnect';
import { getNetwork } from './inspect';

export function networkDisconnect(
  engine: Pick<Engine, 'networks' | 'containers' | 'clock' | 'ids' | 'events'>,
  networkRef: string,
  containerRef: string,
  force = false,
): void {
  const c = engine.containers.find(containerRef);
  if (!c) {
    if (force) {
      // -f: clean up an endpoint whose container is gone
      const n = getNetwork(engine, networkRef);
      for (const ep of n.endpoints.values()) if (ep.name === containerRef) disconnectContainer(engine, ep.containerId, n.id);
      return;
    }
    engine.containers.resolve(containerRef);
    return;
  }
  if (!c.State.Running) {
    const n = engine.networks.find(networkRef);
    const key = n?.name ?? networkRef;
    if (!(key in c.NetworkSettings.Networks)) throw forbidden(`container ${c.ID} is not connected to the network ${networkRef}`);
    clearEndpoint(c.NetworkSettings, key);
    return;
  }
  const n = getNetwork(engine, networkRef);
  if (!n.endpoints.has(c.ID)) throw forbidden(`container ${c.ID} is not connected to network ${networkRef}`);
  disconnectContainer(engine, c.ID, n.id);
  clearEndpoint(c.NetworkSettings, n.name);
}
