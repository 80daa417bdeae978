/**
 * DELETE /networks/{id}. The predefined networks cannot go; a network with
 * running containers on it has active endpoints.
 */
import { forbidden } from '../../../api/errors';
import type { NetworkEngine } from '../network-engine';
import type { NetworkRecord } from '../network-store';
import { getNetwork } from './inspect';

export function removeNetwork(engine: NetworkEngine, idOrName: string): void {
  const n = getNetwork(engine, idOrName);
  if (n.predefined) throw forbidden(`${n.name} is a pre-defined network and cannot be removed`);
  if (n.endpoints.size > 0) {
    throw forbidden(`error while removing network: network ${n.name} id ${n.id} has active endpoints`);
  }
  destroy(engine, n);
}

export function destroy(engine: NetworkEngine, n: NetworkRecord): void {
  engine.networks.delete(n.id);
  engine.events.emit(engine.clock.now(), 'network', 'destroy', n.id, { name: n.name, type: n.driver });
}
