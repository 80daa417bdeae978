/**
 * A container's network at start and stop (moby allocateNetwork /
 * releaseNetwork): join every network in its settings, publish its ports;
 * on stop leave them, keeping NetworkID and aliases but clearing the
 * operational data, as `docker inspect` of a stopped container shows.
 */
import type { Engine } from '../engine';
import { generateId } from '../core/ids';
import type { ContainerRecord } from './container-record';
import { allocatePorts, clearListeners, connectContainer, disconnectAll, releasePorts, setEndpoint } from './deps';

export function startNetworking(engine: Engine, c: ContainerRecord): void {
  const ns = c.NetworkSettings;
  const mode = c.HostConfig.NetworkMode;
  if (mode.startsWith('container:')) return;
  try {
    for (const [name, prev] of Object.entries(ns.Networks)) {
      const aliases = (prev.Aliases ?? []).filter((a) => a !== c.ID.slice(0, 12));
      const ep = connectContainer(engine, c.ID, name, {
        aliases: aliases.length > 0 ? aliases : undefined,
        name: c.Name,
        ipv4Address: prev.IPAMConfig?.IPv4Address || undefined,
      });
      if (prev.IPAMConfig) ep.IPAMConfig = prev.IPAMConfig;
      if (prev.DriverOpts) ep.DriverOpts = prev.DriverOpts;
      setEndpoint(ns, name, ep);
    }
    if (!ns.SandboxID) ns.SandboxID = generateId(engine.ids);
    ns.SandboxKey = `/var/run/docker/netns/${ns.SandboxID.slice(0, 12)}`;
    if (mode !== 'host' && mode !== 'none') ns.Ports = allocatePorts(engine, c);
  } catch (err) {
    stopNetworking(engine, c);
    throw err;
  }
}

export function stopNetworking(engine: Engine, c: ContainerRecord): void {
  clearListeners(engine, c.ID);
  releasePorts(engine, c);
  disconnectAll(engine, c.ID);
  const ns = c.NetworkSettings;
  ns.Ports = {};
  ns.EndpointID = '';
  ns.Gateway = '';
  ns.IPAddress = '';
  ns.IPPrefixLen = 0;
  ns.MacAddress = '';
  ns.GlobalIPv6Address = '';
  ns.GlobalIPv6PrefixLen = 0;
  ns.IPv6Gateway = '';
  for (const ep of Object.values(ns.Networks)) {
    ep.EndpointID = '';
    ep.Gateway = '';
    ep.IPAddress = '';
    ep.IPPrefixLen = 0;
    ep.IPv6Gateway = '';
    ep.GlobalIPv6Address = '';
    ep.GlobalIPv6PrefixLen = 0;
    ep.MacAddress = '';
  }
}
