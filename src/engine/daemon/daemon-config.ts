/**
 * The settings of the running daemon that the simulation honours, as dockerd
 * derives them from its flags and /etc/docker/daemon.json: what `docker info`
 * shows (debug, logging driver, labels, experimental, registry mirrors and
 * insecure registries, live restore) and what changes behaviour (pushes and
 * pulls to a registry outside `insecure-registries` speak HTTPS; containers
 * survive a daemon restart with live restore). Keys the file may hold that
 * change nothing visible here are accepted and kept out.
 */
import { contains, formatCidr, parseCidr, parseIp, type Subnet } from '../networks/ipv4';

export interface DaemonConfig {
  debug: boolean;
  liveRestore: boolean;
  experimental: boolean;
  logDriver: string;
  logLevel: string;
  labels: string[];
  /** normalized ("https://mirror.example.com/") and deduplicated */
  registryMirrors: string[];
  /** insecure-registries entries that are networks, 127.0.0.0/8 last */
  insecureCidrs: string[];
  /** insecure-registries entries that are host[:port] names */
  insecureNames: string[];
  dataRoot: string;
  dns: string[];
}

export function defaultDaemonConfig(): DaemonConfig {
  return {
    debug: false,
    liveRestore: false,
    experimental: false,
    logDriver: 'json-file',
    logLevel: 'info',
    labels: [],
    registryMirrors: [],
    insecureCidrs: ['127.0.0.0/8'],
    insecureNames: [],
    dataRoot: '/var/lib/docker',
    dns: [],
  };
}

/** "host:port" → host (brackets of an IPv6 literal removed) */
function hostOf(indexName: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(indexName);
  if (m) return m[1];
  const i = indexName.lastIndexOf(':');
  return i > 0 && indexName.indexOf(':') === i ? indexName.slice(0, i) : indexName;
}

/**
 * registry isSecureIndex: a registry named in insecure-registries, or whose
 * address is in one of its networks (localhost counts as 127.0.0.1), speaks
 * plain HTTP; every other one HTTPS.
 */
export function isSecureRegistry(config: Pick<DaemonConfig, 'insecureCidrs' | 'insecureNames'>, indexName: string): boolean {
  if (config.insecureNames.includes(indexName)) return false;
  const host = hostOf(indexName);
  const ip = host === 'localhost' ? parseIp('127.0.0.1') : parseIp(host);
  if (ip === undefined) return true;
  return !config.insecureCidrs.some((c) => {
    const net = parseCidr(c);
    return net !== undefined && contains(net, ip);
  });
}

/** a CIDR in its canonical form (net.ParseCIDR's ipnet.String()), undefined when `s` is none */
export function canonicalCidr(s: string): string | undefined {
  const net: Subnet | undefined = parseCidr(s);
  if (!net) return undefined;
  return formatCidr(net);
}
