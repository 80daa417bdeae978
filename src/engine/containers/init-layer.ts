/**
 * The "-init" layer dockerd puts between the image and a container's writable
 * layer (moby daemon/initlayer): /.dockerenv, the mount points of /dev, /proc,
 * /sys and the files it bind-mounts over (/etc/hostname, /etc/hosts,
 * /etc/resolv.conf). Being a lower layer, none of it shows in `docker diff`.
 */
import { textEncoder } from '../../api/fs';
import type { LayerEntry, LayerFiles } from '../fs/layer-entry';


export interface InitLayerInfo {
  hostname: string;
  domainname: string;
  /** the container's IPv4 on its first network, '' when not connected */
  ip: string;
  /** extra /etc/hosts lines ("1.2.3.4\ta") from --add-host */
  extraHosts: string[];
  /** nameservers for /etc/resolv.conf */
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  mtime: number;
}

export function hostsFile(info: InitLayerInfo): string {
  let s =
    '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
  for (const h of info.extraHosts) s += `${h}\n`;
  if (info.ip) {
    const fqdn = info.domainname ? `${info.hostname}.${info.domainname}\t${info.hostname}` : info.hostname;
    s += `${info.ip}\t${fqdn}\n`;
  }
  return s;
}

export function resolvConf(info: InitLayerInfo): string {
  let s = '';
  if (info.dnsSearch.length > 0) s += `search ${info.dnsSearch.join(' ')}\n`;
  for (const ns of info.dns) s += `nameserver ${ns}\n`;
  if (info.dnsOptions.length > 0) s += `options ${info.dnsOptions.join(' ')}\n`;
  return s;
}

/** the content of the empty files (no bytes to change: shared by every container) */
const EMPTY = new Uint8Array(0);

export function initLayer(info: InitLayerInfo): LayerFiles {
  const t = info.mtime;
  const dir = (mode = 0o755): LayerEntry => ({ kind: 'dir', mode, uid: 0, gid: 0, mtime: t });
  const file = (text: string, mode = 0o644): LayerEntry => {
    const data = text === '' ? EMPTY : textEncoder.encode(text);
    return { kind: 'file', mode, uid: 0, gid: 0, mtime: t, size: data.length, data };
  };
  return new Map<string, LayerEntry>([
    ['/.dockerenv', file('', 0o755)],
    ['/dev', dir()],
    ['/dev/console', file('', 0o755)],
    ['/dev/pts', dir()],
    ['/dev/shm', dir(0o1777)],
    ['/etc', dir()],
    ['/etc/hostname', file(`${info.hostname}\n`)],
    ['/etc/hosts', file(hostsFile(info))],
    ['/etc/mtab', { kind: 'symlink', target: '/proc/mounts', mode: 0o777, uid: 0, gid: 0, mtime: t }],
    ['/etc/resolv.conf', file(resolvConf(info))],
    ['/proc', dir(0o555)],
    ['/sys', dir(0o555)],
  ]);
}
