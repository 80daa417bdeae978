/**
 * HTTP from the learner's machine (curl on the host, and the daemon's own
 * push/pull to 127.0.0.1:5000): localhost, 127.0.0.1 and 0.0.0.0 reach the
 * published host ports and through them the container's listener, and so
 * does the machine's own LAN address (HOST_LAN_IP); container
 * addresses on a bridge are reachable directly (Linux routes to docker0).
 * Container names do not resolve on the host.
 */
import type { HttpRequest, HttpResponse, NetFailure } from '../../../api/net';
import type { Engine } from '../../engine';
import { HOST_LAN_IP } from '../../system/daemon-facts';
import { formatIp, parseIp } from '../ipv4';
import { listenerOf } from './listeners';
import { findMapping } from './ports';

type NetEngine = Pick<Engine, 'networks' | 'containers'> & Partial<Pick<Engine, 'internet'>>;

const LOCAL = ['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]', 'ip6-localhost'];

function running(engine: NetEngine, id: string): boolean {
  return engine.containers.get(id)?.State.Running ?? false;
}

/** the host's address on the container's first network (docker-proxy and direct routes come from the bridge gateway) */
function gatewayFor(engine: NetEngine, containerId: string): string | undefined {
  const gw = engine.networks.networksOf(containerId).find((n) => n.gateway !== undefined)?.gateway;
  return gw === undefined ? undefined : formatIp(gw);
}

export async function hostHttp(engine: NetEngine, request: HttpRequest): Promise<HttpResponse | NetFailure> {
  const host = request.host.toLowerCase();
  const req = (id: string): HttpRequest => (request.remoteAddr ? request : { ...request, remoteAddr: gatewayFor(engine, id) });
  let hostIp: string | undefined;
  if (LOCAL.includes(host) || host.startsWith('127.')) hostIp = host.includes(':') ? '::1' : '127.0.0.1';
  else if (host === HOST_LAN_IP) hostIp = HOST_LAN_IP;
  else if (parseIp(host) !== undefined) {
    // a container address: straight to the container
    for (const n of engine.networks.list()) {
      for (const ep of n.endpoints.values()) {
        if (ep.ip !== host) continue;
        const h = running(engine, ep.containerId) ? listenerOf(engine, ep.containerId, request.port) : undefined;
        return h ? h(req(ep.containerId)) : { error: 'refused' };
      }
    }
    // a gateway address is the host itself
    if (engine.networks.list().some((n) => n.gateway !== undefined && n.gateway === parseIp(host))) hostIp = '127.0.0.1';
    else if (engine.internet?.owns(host)) return engine.internet.http(request);
    else return { error: 'timeout' };
  } else if (engine.internet?.resolve(host)) return engine.internet.http(request);
  else return { error: 'unresolved' };

  const m = findMapping(engine, hostIp === '::1' ? '::' : hostIp, request.port);
  if (!m || !running(engine, m.containerId)) return { error: 'refused' };
  const h = listenerOf(engine, m.containerId, m.containerPort);
  return h ? h(req(m.containerId)) : { error: 'refused' };
}
