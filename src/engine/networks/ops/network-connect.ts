/**
 * POST /networks/{id}/connect (`docker network connect`). A running container
 * joins at once; a stopped one only records the network in its settings (it
 * joins at the next start, and dockerd does not even check the network
 * exists until then).
 */
import { forbidden } from '../../../api/errors';
import type { NetworkConnectRequest } from '../../../api/network';
import type { Engine } from '../../engine';
import { emptyEndpoint, setEndpoint } from '../endpoint-settings';
import { connectContainer, isUserDefined } from './connect';
import { getNetwork } from './inspect';

export function networkConnect(engine: Pick<Engine, 'networks' | 'containers' | 'clock' | 'ids' | 'events'>, networkRef: string, req: NetworkConnectRequest): void {
  const c = engine.containers.resolve(req.Container);
  const cfg = req.EndpointConfig ?? {};
  const mode = c.HostConfig.NetworkMode;
  if (mode === 'none' || Object.keys(c.NetworkSettings.Networks).includes('none')) {
    throw forbidden('container cannot be connected to multiple networks with one of the networks in private (none) mode');
  }
  if (mode === 'host' || mode.startsWith('container:')) {
    throw forbidden('container sharing network namespace with another container or host cannot be connected to any other network');
  }
  if (!c.State.Running) {
    const n = engine.networks.find(networkRef);
    const key = n?.name ?? networkRef;
    if (n && !isUserDefined(n) && (cfg.Aliases?.length ?? 0) > 0) {
      throw forbidden('network-scoped alias is supported only for containers in user defined networks');
    }
    const userNet = !n || isUserDefined(n);
    const ep = emptyEndpoint({ Aliases: userNet ? [...(cfg.Aliases ?? []), c.ID.slice(0, 12)] : null });
    if (userNet) {
      ep.IPAMConfig = { ...(cfg.IPAMConfig ?? {}) };
      ep.DriverOpts = {};
    }
    c.NetworkSettings.Networks[key] = ep;
    return;
  }
  const n = getNetwork(engine, networkRef);
  // updateNetworkSettings: only a container in host mode may be on the host network
  if (n.driver === 'host') throw forbidden('container cannot be disconnected from host network or connected to host network');
  const ep = connectContainer(engine, c.ID, n.id, {
    aliases: cfg.Aliases,
    name: c.Name,
    ipv4Address: cfg.IPAMConfig?.IPv4Address,
  });
  if (isUserDefined(n)) {
    ep.IPAMConfig = { ...(cfg.IPAMConfig ?? {}) };
    ep.DriverOpts = {};
  }
  setEndpoint(c.NetworkSettings, n.name, ep);
}
