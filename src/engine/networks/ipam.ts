/**
 * Address management (libnetwork ipam "default" driver): subnets for new
 * networks come from the default pools 172.17.0.0/16 … 172.31.0.0/16, then
 * 192.168.0.0/20, 192.168.16.0/20, …; addresses inside a subnet are handed
 * out lowest-free first from .2 (.1 is the gateway).
 */
import { broadcast, contains, overlaps, parseCidr, type Subnet } from './ipv4';
import type { NetworkRecord } from './network-store';

function* defaultPools(): Generator<Subnet> {
  for (let b = 17; b <= 31; b++) yield { base: ((172 << 24) | (b << 16)) >>> 0, prefix: 16 };
  for (let c = 0; c < 256; c += 16) yield { base: ((192 << 24) | (168 << 16) | (c << 8)) >>> 0, prefix: 20 };
}

/** the first default pool no existing network overlaps */
export function nextPool(networks: NetworkRecord[]): Subnet | undefined {
  const used = networks.map((n) => n.subnet).filter((s): s is Subnet => !!s);
  for (const pool of defaultPools()) if (!used.some((u) => overlaps(u, pool))) return pool;
  return undefined;
}

export function overlapsExisting(networks: NetworkRecord[], s: Subnet): boolean {
  return networks.some((n) => n.subnet && overlaps(n.subnet, s));
}

/** lowest free host address of the network's subnet, or undefined when full */
export function allocateIp(n: NetworkRecord): number | undefined {
  if (!n.subnet) return undefined;
  const last = broadcast(n.subnet);
  for (let ip = n.subnet.base + 1; ip < last; ip++) {
    if (!n.usedIps.has(ip)) {
      n.usedIps.add(ip);
      return ip;
    }
  }
  return undefined;
}

export function releaseIp(n: NetworkRecord, ip: number): void {
  if (ip !== n.gateway) n.usedIps.delete(ip);
}

export { contains, parseCidr };
