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

interface Request {
  key: string;
  proto: string;
  containerPort: number;
  hostIp: string;
  /** 0 = ephemeral */
  start: number;
  end: number;
}

function isV6(ip: string): boolean {
  return ip.includes(':');
}

function addr(ip: string, port: number): string {
  return `${ip}:${port}`;
}

/** "80/tcp" → [80, "tcp"]; "53" → [53, "tcp"] */
export function splitPortKey(key: string): [number, string] {
  const [p, proto = 'tcp'] = key.split('/');
  return [Number(p.split('-')[0]), proto.toLowerCase()];
}

function sortKeys(keys: string[]): string[] {
  return [...new Set(keys)].sort();
}

function requests(container: ContainerLike): { keys: string[]; reqs: Request[] } {
  const bindings = container.HostConfig.PortBindings ?? {};
  const exposed = Object.keys(container.Config.ExposedPorts ?? {});
  const keys = sortKeys([...exposed, ...Object.keys(bindings)]);
  const reqs: Request[] = [];
  for (const key of keys) {
    const [containerPort, proto] = splitPortKey(key);
    let list: PortBinding[] = bindings[key] ?? [];
    if (list.length === 0 && container.HostConfig.PublishAllPorts) list = [{ HostIp: '', HostPort: '' }];
    for (const b of list) {
      const [s, e] = (b.HostPort || '').split('-');
      const start = s ? Number(s) : 0;
      const end = e ? Number(e) : start;
      const ips = b.HostIp ? [b.HostIp] : ['0.0.0.0', '::'];
      for (const hostIp of ips) reqs.push({ key, proto, containerPort, hostIp, start, end });
    }
  }
  return { keys, reqs };
}

/** the host's mappings by protocol and port: what a bind of one port can conflict with */
class MappingIndex {
  private readonly byPort = new Map<string, PortMapping[]>();
  constructor(existing: readonly PortMapping[]) {
    for (const m of existing) this.add(m);
  }
  add(m: PortMapping): void {
    const k = `${m.proto}/${m.hostPort}`;
    const list = this.byPort.get(k);
    if (list) list.push(m);
    else this.byPort.set(k, [m]);
  }
  /** would the kernel refuse to bind ip:port because of an existing mapping? (IPv6 sockets are v6-only) */
  conflict(hostIp: string, proto: string, port: number): boolean {
    return (this.byPort.get(`${proto}/${port}`) ?? []).some(
      (m) => isV6(m.hostIp) === isV6(hostIp) && (m.hostIp === hostIp || m.hostIp === '0.0.0.0' || hostIp === '0.0.0.0' || m.hostIp === '::' || hostIp === '::'),
    );
  }
}

function endpointIdOf(engine: NetworkEngine, containerId: string): string {
  for (const n of engine.networks.networksOf(containerId)) return n.endpoints.get(containerId)?.endpointId ?? '';
  return generateId(engine.ids);
}

export function allocatePorts(engine: NetworkEngine, container: ContainerLike): PortMap {
  const { keys, reqs } = requests(container);
  const store = engine.networks;
  const made: PortMapping[] = [];
  const index = new MappingIndex(store.mappings);
  const fail = (detail: string): never => {
    removeMappings(engine, new Set(made));
    throw systemError(
      `driver failed programming external connectivity on endpoint ${containerName(container)} (${endpointIdOf(engine, container.ID)}): ${detail}`,
    );
  };
  for (const r of reqs) {
    let port: number | undefined;
    if (r.start > 0 && r.start === r.end) {
      if (!store.ports.requestPort(r.hostIp, r.proto, r.start)) fail(`Bind for ${addr(r.hostIp, r.start)} failed: port is already allocated`);
      if (index.conflict(r.hostIp, r.proto, r.start)) {
        store.ports.release(r.hostIp, r.proto, r.start);
        fail(`Error starting userland proxy: listen ${r.proto}${isV6(r.hostIp) ? '6' : '4'} ${addr(r.hostIp, r.start)}: bind: address already in use`);
      }
      port = r.start;
    } else if (r.start > 0) {
      for (let p = r.start; p <= r.end && port === undefined; p++) {
        if (index.conflict(r.hostIp, r.proto, p)) continue;
        if (store.ports.requestPort(r.hostIp, r.proto, p)) port = p;
      }
      if (port === undefined) fail(`Bind for ${addr(r.hostIp, r.start)} failed: port is already allocated`);
    } else {
      for (let i = 0; i < MAX_ATTEMPTS && port === undefined; i++) {
        const p = store.ports.requestEphemeral(r.hostIp, r.proto);
        if (p === undefined) fail('Bind for all ports failed: all ports are allocated');
        else if (index.conflict(r.hostIp, r.proto, p)) store.ports.release(r.hostIp, r.proto, p);
        else port = p;
      }
      if (port === undefined) fail(`Bind for ${addr(r.hostIp, 0)} failed: port is already allocated`);
    }
    const m: PortMapping = { containerId: container.ID, proto: r.proto, containerPort: r.containerPort, hostIp: r.hostIp, hostPort: port as number };
    store.mappings.push(m);
    made.push(m);
    index.add(m);
  }
  const byKey = new Map<string, PortMapping[]>();
  for (const m of made) {
    const k = `${m.containerPort}/${m.proto}`;
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  }
  const out: PortMap = {};
  for (const key of keys) {
    const [containerPort, proto] = splitPortKey(key);
    const mine = byKey.get(`${containerPort}/${proto}`) ?? [];
    out[key] = mine.length ? mine.map((m) => ({ HostIp: m.hostIp, HostPort: String(m.hostPort) })) : null;
  }
  return out;
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
