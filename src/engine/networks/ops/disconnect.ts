/** A container leaves a network (endpoint leave + delete): its address goes back to the pool. */
import { forbidden } from '../../../api/errors';
import { parseIp } from '../ipv4';
import { releaseIp } from '../ipam';
import type { NetworkEngine } from '../network-engine';
import { getNetwork } from './inspect';
import { clearListeners } from './listeners';

export function disconnectContainer(engine: NetworkEngine, containerId: string, networkRef: string): void {
  const n = getNetwork(engine, networkRef);
  const ep = n.endpoints.get(containerId);
  if (!ep) throw forbidden(`container ${containerId} is not connected to network ${networkRef}`);
  n.endpoints.delete(containerId);
  const ip = parseIp(ep.ip);
  if (ip !== undefined) releaseIp(n, ip);
  engine.events.emit(engine.clock.now(), 'network', 'disconnect', n.id, { container: containerId, name: n.name, type: n.driver });
}

/**
 * leave every network (container stop / removal); no error when there is
 * nothing to leave. The container's network namespace goes with it, so its
 * processes' listening sockets are gone too.
 */
export function disconnectAll(engine: NetworkEngine, containerId: string): void {
  for (const n of engine.networks.networksOf(containerId)) disconnectContainer(engine, containerId, n.id);
  clearListeners(engine, containerId);
}
