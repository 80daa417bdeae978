/**
 * Every network the daemon knows (libnetwork's controller state), plus the
 * host-side state of the network stack: published port bindings, the two
 * ephemeral-port allocators and the HTTP listeners of container processes.
 * State only; operations live in ./ops.
 *
 * At construction it holds the three networks dockerd always creates, in the
 * order dockerd creates them: `none` (null driver), `host`, `bridge`
 * (172.17.0.0/16, gateway 172.17.0.1, bridge docker0).
 */
import type { HttpHandler } from '../../api/net';
import type { Clock } from '../core/clock';
import { generateId, type IdSource } from '../core/ids';
import { PortAllocator } from './port-allocator';
import { type Subnet, parseCidr } from './ipv4';

export interface EndpointRecord {
  containerId: string;
  /** container name without the leading slash, as at connect time */
  name: string;
  endpointId: string;
  /** dotted IPv4 ("172.18.0.2") */
  ip: string;
  mac: string;
  /** --network-alias / connect --alias */
  aliases: string[];
}

export interface NetworkRecord {
  id: string;
  name: string;
  /** "bridge" | "host" | "null" */
  driver: string;
  /** ms since the epoch */
  created: number;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  /** the `docker network create --subnet/--gateway` config as given (inspect shows it as is) */
  ipamConfig: { Subnet?: string; Gateway?: string; IPRange?: string }[];
  /** null for the predefined networks (inspect shows "Options": null) */
  ipamOptions: Record<string, string> | null;
  /** the subnet addresses are allocated in (undefined for host/none) */
  subnet?: Subnet;
  /** numeric IPv4 of the gateway */
  gateway?: number;
  options: Record<string, string>;
  labels: Record<string, string>;
  /** true for bridge/host/none: cannot be removed */
  predefined: boolean;
  /** by container ID, in connect order */
  endpoints: Map<string, EndpointRecord>;
  /** numeric IPv4 addresses in use (gateway included) */
  usedIps: Set<number>;
}

/** One published host port, as the port mapper holds it. */
export interface PortMapping {
  containerId: string;
  /** "tcp" | "udp" | "sctp" */
  proto: string;
  containerPort: number;
  /** "0.0.0.0", "::", "127.0.0.1" */
  hostIp: string;
  hostPort: number;
}

export const DEFAULT_BRIDGE_OPTIONS: Record<string, string> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'false',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

export class NetworkStore {
  private readonly byId = new Map<string, NetworkRecord>();
  /** published host ports, in the order they were bound */
  readonly mappings: PortMapping[] = [];
  /** ephemeral ports for IPv4 host addresses and for IPv6 ones, independent like dockerd's */
  readonly ports = new PortAllocator();
  /** HTTP listeners of container processes: container ID → port → handler */
  readonly listeners = new Map<string, Map<number, HttpHandler>>();

  constructor(ids: IdSource, clock: Clock) {
    const now = clock.now();
    const base = { internal: false, attachable: false, enableIPv6: false, labels: {}, predefined: true, ipamOptions: null };
    this.add({ ...base, id: generateId(ids), name: 'none', driver: 'null', created: now, ipamConfig: [], options: {} });
    this.add({ ...base, id: generateId(ids), name: 'host', driver: 'host', created: now, ipamConfig: [], options: {} });
    const subnet = parseCidr('172.17.0.0/16');
    if (!subnet) throw new Error('bad default subnet');
    this.add({
      ...base,
      id: generateId(ids),
      name: 'bridge',
      driver: 'bridge',
      created: now,
      ipamConfig: [{ Subnet: '172.17.0.0/16' }],
      subnet,
      gateway: subnet.base + 1,
      options: { ...DEFAULT_BRIDGE_OPTIONS },
    });
  }

  add(n: Omit<NetworkRecord, 'endpoints' | 'usedIps'>): NetworkRecord {
    const rec: NetworkRecord = { ...n, endpoints: new Map(), usedIps: new Set() };
    if (rec.gateway !== undefined) rec.usedIps.add(rec.gateway);
    this.byId.set(rec.id, rec);
    return rec;
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** in creation order */
  list(): NetworkRecord[] {
    return [...this.byId.values()];
  }

  byName(name: string): NetworkRecord | undefined {
    return this.list().find((n) => n.name === name);
  }

  /**
   * dockerd's lookup: full ID, then exact name, then unique ID prefix.
   * Returns undefined when nothing (or more than one prefix match) is found.
   */
  find(idOrName: string): NetworkRecord | undefined {
    if (!idOrName) return undefined;
    const byId = this.byId.get(idOrName);
    if (byId) return byId;
    const named = this.byName(idOrName);
    if (named) return named;
    const matches = this.list().filter((n) => n.id.startsWith(idOrName));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** networks a container has an endpoint on */
  networksOf(containerId: string): NetworkRecord[] {
    return this.list().filter((n) => n.endpoints.has(containerId));
  }
}
