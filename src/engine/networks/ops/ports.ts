/**
 * Publishing container ports on the host (libnetwork bridge port mapping +
 * docker-proxy), at container start:
 *  - `-p 80:80` / `-p 80` / `-P` without a host IP bind both 0.0.0.0 and ::;
 *  - an explicit host port already held in that IP's pool fails with
 *    "Bind for 0.0.0.0:80 failed: port is already allocated";
 *  - ephemeral ports come from the IPv4 and IPv6 pools independently, and a
 *    port the kernel would refuse (127.0.0.1:P while 0.0.0.0:P is bound)
 *    is skipped by retrying with the next one, like dockerd's retry loop.
 * Returns NetworkSettings.Ports: every exposed or published port, null when
 * it is not published.
 */
import { systemError } from '../../../api/errors';
import type { PortBinding, PortMap } from '../../../api/network';
import { generateId } from '../../core/ids';
import type { ContainerLike } from '../../volumes/container-like';
import { containerName } from '../../volumes/container-like';
import type { NetworkEngine } from '../network-engine';
import type { PortMapping } from '../network-store';

const MAX_ATTEMPTS = 10;

function isV6(ip: string): boolean {
  return ip.includes(':');
}

function addr(ip: string, port: number): string {
  return `${ip}:${port}`;
}

/** "80/tcp" → [80, "tcp"]; "53" → [53, "tcp"] */
export function splitPortKey(key: string): [number, string] {
  const slash = key.indexOf('/');
  const port = slash < 0 ? key : key.slice(0, slash);
  const dash = port.indexOf('-');
  let proto = 'tcp';
  if (slash >= 0) {
    const next = key.indexOf('/', slash + 1);
    proto = key.slice(slash + 1, next < 0 ? key.length : next);
  }
  return [Number(dash < 0 ? port : port.slice(0, dash)), proto.toLowerCase()];
}

/** the map's keys and the bindings', once each, sorted (Go sorts nat.PortMap keys as strings) */
function sortedKeys(exposed: object, bindings: object): string[] {
  const keys = Object.keys(exposed);
  for (const k of Object.keys(bindings)) if (!Object.hasOwn(exposed, k)) keys.push(k);
  return keys.sort();
}

const WILDCARD_IPS = ['0.0.0.0', '::'];

/** a key that is its own `${port}/${proto}` as splitPortKey reads it */
const CANONICAL_KEY = /^(0|[1-9]\d{0,14})\/[a-z0-9]*$/;

/**
 * the host's mappings by protocol and port: what a bind of one port can conflict with
 * (a port held by one mapping keeps it alone, not in a list: `-p 1-65535:1-65535` adds 131,070)
 */
class MappingIndex {
  private readonly byProto = new Map<string, Map<number, PortMapping | PortMapping[]>>();
  constructor(existing: readonly PortMapping[]) {
    for (const m of existing) this.add(m);
  }
  add(m: PortMapping): void {
    let ports = this.byProto.get(m.proto);
    if (!ports) {
      ports = new Map();
      this.byProto.set(m.proto, ports);
    }
    const held = ports.get(m.hostPort);
    if (held === undefined) ports.set(m.hostPort, m);
    else if (Array.isArray(held)) held.push(m);
    else ports.set(m.hostPort, [held, m]);
  }
  /** would the kernel refuse to bind ip:port because of an existing mapping? (IPv6 sockets are v6-only) */
  conflict(hostIp: string, proto: string, port: number): boolean {
    const held = this.byProto.get(proto)?.get(port);
    if (held === undefined) return false;
    const clash = (m: PortMapping) =>
      isV6(m.hostIp) === isV6(hostIp) && (m.hostIp === hostIp || m.hostIp === '0.0.0.0' || hostIp === '0.0.0.0' || m.hostIp === '::' || hostIp === '::');
    return Array.isArray(held) ? held.some(clash) : clash(held);
  }
}

function endpointIdOf(engine: NetworkEngine, containerId: string): string {
  for (const n of engine.networks.networksOf(containerId)) return n.endpoints.get(containerId)?.endpointId ?? '';
  return generateId(engine.ids);
}

/** the published ports of one container port ("80/tcp" and "80/TCP" are one), and whether a key's map already holds them */
interface Published {
  list: PortBinding[];
  handedOut: boolean;
}

export function allocatePorts(engine: NetworkEngine, container: ContainerLike): PortMap {
  const bindings = container.HostConfig.PortBindings ?? {};
  const keys = sortedKeys(container.Config.ExposedPorts ?? {}, bindings);
  const publishAll = container.HostConfig.PublishAllPorts;
  const store = engine.networks;
  const made: PortMapping[] = [];
  const index = new MappingIndex(store.mappings);
  const fail = (detail: string): never => {
    removeMappings(engine, new Set(made));
    throw systemError(
      `driver failed programming external connectivity on endpoint ${containerName(container)} (${endpointIdOf(engine, container.ID)}): ${detail}`,
    );
  };
  const bind = (proto: string, hostIp: string, start: number, end: number): number => {
    let port: number | undefined;
    if (start > 0 && start === end) {
      if (!store.ports.requestPort(hostIp, proto, start)) fail(`Bind for ${addr(hostIp, start)} failed: port is already allocated`);
      if (index.conflict(hostIp, proto, start)) {
        store.ports.release(hostIp, proto, start);
        fail(`Error starting userland proxy: listen ${proto}${isV6(hostIp) ? '6' : '4'} ${addr(hostIp, start)}: bind: address already in use`);
      }
      port = start;
    } else if (start > 0) {
      for (let p = start; p <= end && port === undefined; p++) {
        if (index.conflict(hostIp, proto, p)) continue;
        if (store.ports.requestPort(hostIp, proto, p)) port = p;
      }
      if (port === undefined) fail(`Bind for ${addr(hostIp, start)} failed: port is already allocated`);
    } else {
      for (let i = 0; i < MAX_ATTEMPTS && port === undefined; i++) {
        const p = store.ports.requestEphemeral(hostIp, proto);
        if (p === undefined) fail('Bind for all ports failed: all ports are allocated');
        else if (index.conflict(hostIp, proto, p)) store.ports.release(hostIp, proto, p);
        else port = p;
      }
      if (port === undefined) fail(`Bind for ${addr(hostIp, 0)} failed: port is already allocated`);
    }
    return port as number;
  };
  // keys written as Docker writes them ("80/tcp") are each a port of their own; others ("080/TCP") may share one
  const shared = keys.every((k) => CANONICAL_KEY.test(k)) ? undefined : new Map<string, Published>();
  const keyOf: Published[] = [];
  for (const key of keys) {
    const [containerPort, proto] = splitPortKey(key);
    let pub = shared?.get(`${containerPort}/${proto}`);
    if (!pub) {
      pub = { list: [], handedOut: false };
      shared?.set(`${containerPort}/${proto}`, pub);
    }
    keyOf.push(pub);
    let list: PortBinding[] = bindings[key] ?? [];
    if (list.length === 0 && publishAll) list = [{ HostIp: '', HostPort: '' }];
    for (const b of list) {
      const hp = b.HostPort || '';
      const dash = hp.indexOf('-');
      const start = hp === '' ? 0 : Number(dash < 0 ? hp : hp.slice(0, dash));
      const end = dash < 0 ? start : hp.slice(dash + 1) === '' ? start : Number(hp.slice(dash + 1, nextDash(hp, dash)));
      for (const hostIp of b.HostIp ? [b.HostIp] : WILDCARD_IPS) {
        const hostPort = bind(proto, hostIp, start, end);
        const m: PortMapping = { containerId: container.ID, proto, containerPort, hostIp, hostPort };
        store.mappings.push(m);
        made.push(m);
        index.add(m);
        pub.list.push({ HostIp: hostIp, HostPort: String(hostPort) });
      }
    }
  }
  const out: PortMap = {};
  for (let i = 0; i < keys.length; i++) {
    const pub = keyOf[i] as Published;
    if (pub.list.length === 0) out[keys[i] as string] = null;
    else {
      // one container port under two keys gets a list of its own in each
      out[keys[i] as string] = pub.handedOut ? pub.list.map((b) => ({ ...b })) : pub.list;
      pub.handedOut = true;
    }
  }
  return out;
}

/** where the text after the first "-" of a host port ends ("1-2-3".split('-')[1] is "2") */
function nextDash(hp: string, dash: number): number {
  const next = hp.indexOf('-', dash + 1);
  return next < 0 ? hp.length : next;
}

/** take mappings off the host, in one pass over the host's list (a container may publish 131,070 of them) */
function removeMappings(engine: NetworkEngine, gone: ReadonlySet<PortMapping> | ((m: PortMapping) => boolean)): void {
  const test = typeof gone === 'function' ? gone : (m: PortMapping) => gone.has(m);
  const list = engine.networks.mappings;
  let kept = 0;
  for (const m of list) {
    if (test(m)) engine.networks.ports.release(m.hostIp, m.proto, m.hostPort);
    else list[kept++] = m;
  }
  list.length = kept;
}

/** unpublish every host port of the container (stop, kill, removal) */
export function releasePorts(engine: NetworkEngine, container: Pick<ContainerLike, 'ID'>): void {
  removeMappings(engine, (m) => m.containerId === container.ID);
}

/** the host mapping that receives host traffic to `port` on `hostIp` (tcp) */
export function findMapping(engine: Pick<NetworkEngine, 'networks'>, hostIp: string, port: number, proto = 'tcp'): PortMapping | undefined {
  const cands = engine.networks.mappings.filter((m) => m.hostPort === port && m.proto === proto);
  return (
    cands.find((m) => m.hostIp === hostIp) ??
    cands.find((m) => (isV6(hostIp) ? m.hostIp === '::' : m.hostIp === '0.0.0.0')) ??
    cands.find((m) => m.hostIp === '0.0.0.0' || m.hostIp === '::')
  );
}
