/**
 * A container joins a network (libnetwork endpoint create + join): it gets
 * the lowest free address of the subnet, a MAC derived from it, an endpoint
 * ID, and on user-defined networks its short ID as a DNS alias next to any
 * --network-alias. Called by container start for each of its networks and by
 * `docker network connect` for a running container.
 */
import { forbidden, invalidParameter } from '../../../api/errors';
import type { EndpointSettings } from '../../../api/network';
import { generateId } from '../../core/ids';
import { allocateIp } from '../ipam';
import { contains, formatIp, macFromIp, parseIp } from '../ipv4';
import type { NetworkEngine } from '../network-engine';
import type { NetworkRecord } from '../network-store';
import { getNetwork } from './inspect';

export interface ConnectOptions {
  /** --network-alias / --alias */
  aliases?: string[];
  /** the container's name without "/" (looked up in engine.containers when absent) */
  name?: string;
  /** --ip */
  ipv4Address?: string;
}

/** user-defined bridge networks have an embedded DNS; the default bridge and host/none do not */
export function isUserDefined(n: NetworkRecord): boolean {
  return !n.predefined;
}

type EngineWithContainers = NetworkEngine & { containers?: { get(id: string): { Name: string } | undefined } };

export function connectContainer(engine: EngineWithContainers, containerId: string, networkRef: string, opts: ConnectOptions = {}): EndpointSettings {
  const n = getNetwork(engine, networkRef);
  const rawName = opts.name ?? engine.containers?.get(containerId)?.Name ?? containerId.slice(0, 12);
  const name = rawName.startsWith('/') ? rawName.slice(1) : rawName;
  if (n.endpoints.has(containerId)) throw forbidden(`endpoint with name ${name} already exists in network ${n.name}`);
  const given = opts.aliases ?? [];
  if (given.length > 0 && !isUserDefined(n)) {
    throw forbidden('network-scoped alias is supported only for containers in user defined networks');
  }
  let ip: number | undefined;
  if (n.subnet) {
    if (opts.ipv4Address) {
      if (!isUserDefined(n) || !n.ipamConfig.some((c) => c.Subnet)) {
        throw invalidParameter('user specified IP address is supported only when connecting to networks with user configured subnets');
      }
      ip = parseIp(opts.ipv4Address);
      if (ip === undefined || !contains(n.subnet, ip)) throw invalidParameter(`Invalid address ${opts.ipv4Address}: It does not belong to any of this network's subnets`);
      if (n.usedIps.has(ip)) throw forbidden(`Address already in use`);
      n.usedIps.add(ip);
    } else {
      ip = allocateIp(n);
      if (ip === undefined) throw forbidden(`no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
    }
  }
  const aliases = isUserDefined(n) ? [...given, containerId.slice(0, 12)] : [];
  const endpointId = generateId(engine.ids);
  const ipText = ip !== undefined ? formatIp(ip) : '';
  const mac = ip !== undefined ? macFromIp(ip) : '';
  n.endpoints.set(containerId, { containerId, name, endpointId, ip: ipText, mac, aliases });
  engine.events.emit(engine.clock.now(), 'network', 'connect', n.id, { container: containerId, name: n.name, type: n.driver });
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: isUserDefined(n) ? aliases : null,
    NetworkID: n.id,
    EndpointID: endpointId,
    Gateway: n.gateway !== undefined && ip !== undefined ? formatIp(n.gateway) : '',
    IPAddress: ipText,
    IPPrefixLen: ip !== undefined && n.subnet ? n.subnet.prefix : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: mac,
    DriverOpts: null,
  };
}
