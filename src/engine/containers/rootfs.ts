/** Assemble a container's root filesystem: image layers, init layer, writable layer, mounts. */
import { textDecoder } from '../../api/fs';
import type { Engine } from '../engine';
import type { LayerFiles } from '../fs/layer-entry';
import { UnionFs } from '../fs/union-fs';
import type { ContainerRecord } from './container-record';
import { applyMounts, imageLayers } from './deps';
import { initLayer } from './init-layer';

const BUILTIN_MODES = new Set(['default', 'bridge', 'host', 'none']);

/** nameservers like dockerd: the host's (without localhost ones) or Google's as the fallback */
function hostNameservers(engine: Pick<Engine, 'hostFs'>): string[] {
  try {
    const text = textDecoder.decode(engine.hostFs.readFile('/etc/resolv.conf'));
    const ns = [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1] as string).filter((ip) => !/^127\.|^::1$/.test(ip));
    if (ns.length > 0) return ns;
  } catch {
    // no resolv.conf on the simulated host
  }
  return ['8.8.8.8', '8.8.4.4'];
}

function firstIp(c: ContainerRecord): string {
  for (const ep of Object.values(c.NetworkSettings.Networks)) if (ep.IPAddress) return ep.IPAddress;
  return '';
}

const nowFns = new WeakMap<Engine['clock'], () => number>();

/** one `now` function per engine clock, shared by every container's filesystem */
function clockNow(engine: Engine): () => number {
  let fn = nowFns.get(engine.clock);
  if (!fn) {
    const clock = engine.clock;
    fn = () => clock.now();
    nowFns.set(clock, fn);
  }
  return fn;
}

export function buildRootfs(
  engine: Engine,
  c: ContainerRecord,
  upper: LayerFiles = c.rootfs?.upper() ?? new Map(),
  withMounts = true,
): UnionFs {
  const h = c.HostConfig;
  const userNet = !BUILTIN_MODES.has(h.NetworkMode);
  const init = initLayer({
    hostname: c.Config.Hostname,
    domainname: c.Config.Domainname,
    ip: firstIp(c),
    extraHosts: (h.ExtraHosts ?? []).map((e) => {
      const i = e.indexOf(':');
      return i < 0 ? e : `${e.slice(i + 1)}\t${e.slice(0, i)}`;
    }),
    dns: h.Dns && h.Dns.length > 0 ? h.Dns : userNet ? ['127.0.0.11'] : hostNameservers(engine),
    dnsSearch: h.DnsSearch ?? [],
    dnsOptions: h.DnsOptions && h.DnsOptions.length > 0 ? h.DnsOptions : userNet ? ['ndots:0'] : [],
    mtime: c.Created,
  });
  const fs = new UnionFs([...imageLayers(engine, c.Image), init], upper, { now: clockNow(engine) });
  if (withMounts) applyMounts(engine, fs, c.Mounts);
  return fs;
}
