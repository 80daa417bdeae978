/**
 * The network as one container sees it (ContainerNet, src/api/runtime.ts):
 * DNS of the embedded resolver (names, --network-alias and short IDs of
 * containers on a user-defined network it shares; nothing on the default
 * bridge, so busybox's ping says "bad address"), HTTP to other containers'
 * listeners by IP or name, its own listeners on localhost, and the gateway
 * address leading to the host's published ports.
 */
import type { FileSystem } from '../../../api/fs';
import type { HttpRequest, HttpResponse, NetFailure } from '../../../api/net';
import type { ContainerNet } from '../../../api/runtime';
import type { Engine } from '../../engine';
import { createDistributionHandler } from '../../registry/distribution/handler';
import { parseIp } from '../ipv4';
import { isUserDefined } from './connect';
import { hostHttp } from './host-http';
import { addListener, listenerOf } from './listeners';

type NetEngine = Pick<Engine, 'networks' | 'containers'> & Partial<Pick<Engine, 'internet'>>;

function isRunning(engine: NetEngine, id: string): boolean {
  return engine.containers.get(id)?.State.Running ?? false;
}

/** the address a name has for this container, or undefined */
export function resolveFrom(engine: NetEngine, containerId: string, name: string): string | undefined {
  const q = name.toLowerCase().replace(/\.$/, '');
  if (q === 'localhost' || q === 'ip6-localhost') return '127.0.0.1';
  if (parseIp(q) !== undefined) return q;
  const self = engine.containers.get(containerId);
  const mine = engine.networks.networksOf(containerId);
  const ownName = self?.Name.replace(/^\//, '').toLowerCase();
  if (self && (q === self.Config.Hostname?.toLowerCase() || q === ownName)) {
    // /etc/hosts maps the hostname to the container's first address
    for (const n of mine) {
      const ip = n.endpoints.get(containerId)?.ip;
      if (ip) return ip;
    }
  }
  for (const n of mine) {
    if (!isUserDefined(n)) continue;
    for (const ep of n.endpoints.values()) {
      const current = engine.containers.get(ep.containerId)?.Name.replace(/^\//, '') ?? ep.name;
      if (current.toLowerCase() === q || ep.aliases.some((a) => a.toLowerCase() === q)) return ep.ip || undefined;
    }
  }
  // names the embedded DNS does not know go to the host's resolver: the simulated Internet, if any
  if (engine.internet && mine.some((n) => n.driver === 'host' || !!n.endpoints.get(containerId)?.ip)) return engine.internet.resolve(q);
  return undefined;
}

/** which container has this address on a network shared with `from` (undefined: nobody reachable) */
function containerAt(engine: NetEngine, from: string, ip: string): string | undefined {
  for (const n of engine.networks.networksOf(from)) {
    for (const ep of n.endpoints.values()) if (ep.ip === ip) return ep.containerId;
  }
  return undefined;
}

function isGateway(engine: NetEngine, from: string, ip: string): boolean {
  const n = parseIp(ip);
  return engine.networks.networksOf(from).some((net) => net.gateway !== undefined && net.gateway === n);
}

/** the caller's address on a network it shares with the container at `ip` */
function sourceAddress(engine: NetEngine, from: string, ip: string): string | undefined {
  for (const n of engine.networks.networksOf(from)) {
    if (![...n.endpoints.values()].some((ep) => ep.ip === ip)) continue;
    return n.endpoints.get(from)?.ip || undefined;
  }
  return undefined;
}

export async function httpFrom(engine: NetEngine, containerId: string, req: HttpRequest): Promise<HttpResponse | NetFailure> {
  const ip = resolveFrom(engine, containerId, req.host);
  if (ip === undefined) return { error: 'unresolved' };
  if (ip.startsWith('127.') || ip === '0.0.0.0') {
    const h = listenerOf(engine, containerId, req.port);
    return h ? h({ ...req, remoteAddr: req.remoteAddr ?? '127.0.0.1' }) : { error: 'refused' };
  }
  if (isGateway(engine, containerId, ip)) return hostHttp(engine, { ...req, host: '127.0.0.1' });
  const target = containerAt(engine, containerId, ip);
  if (!target && engine.internet?.owns(ip)) return engine.internet.http({ ...req, host: ip });
  if (!target) return { error: 'timeout' };
  const h = isRunning(engine, target) ? listenerOf(engine, target, req.port) : undefined;
  return h ? h({ ...req, remoteAddr: req.remoteAddr ?? sourceAddress(engine, containerId, ip) }) : { error: 'refused' };
}

/**
 * The ContainerNet handed to a container's processes. `fs` is the container's
 * filesystem with its mounts (serveRegistry stores there); by default the
 * container record's root filesystem.
 */
export function containerNetFor(engine: NetEngine, containerId: string, fs?: FileSystem): ContainerNet {
  return {
    resolve: (name) => resolveFrom(engine, containerId, name),
    hasRoute: (ip) => ip.startsWith('127.') || engine.networks.networksOf(containerId).some((n) => n.driver === 'host' || !!n.endpoints.get(containerId)?.ip),
    http: (req) => httpFrom(engine, containerId, req),
    listen: (port, handler) => addListener(engine, containerId, port, handler),
    serveRegistry: (port, root) => {
      const rootFs = fs ?? engine.containers.get(containerId)?.rootfs;
      if (!rootFs) return () => undefined;
      return addListener(engine, containerId, port, createDistributionHandler(rootFs, root));
    },
  };
}
