/**
 * ip addr / ip route, ifconfig, hostname -I: the interfaces a process sees.
 * On the host: lo, eth0 (the LAN) and docker0; in a container: lo and eth0
 * with the address dockerd gave it (from the container's /etc/hosts).
 */
import type { Program, ProgramContext } from '../interpreter/types';
import { HOST_NET } from '../runtime/host-facts';
import { decode, isBusybox } from './util';

interface Iface {
  name: string;
  ip: string;
  prefix: number;
  mac: string;
  up: boolean;
  index: number;
}

function containerIp(ctx: ProgramContext): string | undefined {
  try {
    const hosts = decode(ctx.fs.readFile('/etc/hosts'));
    const host = ctx.container?.hostname ?? '';
    for (const line of hosts.split('\n')) {
      const f = line.trim().split(/\s+/);
      if (f.length > 1 && f.slice(1).includes(host) && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]) && !f[0].startsWith('127.')) return f[0];
    }
  } catch {
    // no /etc/hosts: no network
  }
  return undefined;
}

/** dockerd's MAC for an address: 02:42 followed by the four bytes of the IP */
function macOf(ip: string): string {
  return `02:42:${ip
    .split('.')
    .map((b) => Number(b).toString(16).padStart(2, '0'))
    .join(':')}`;
}

function interfaces(ctx: ProgramContext): Iface[] {
  const lo: Iface = { name: 'lo', ip: '127.0.0.1', prefix: 8, mac: '00:00:00:00:00:00', up: true, index: 1 };
  if (ctx.container) {
    const ip = containerIp(ctx);
    return ip ? [lo, { name: 'eth0', ip, prefix: 16, mac: macOf(ip), up: true, index: 2 }] : [lo];
  }
  return [
    lo,
    { name: 'eth0', ip: HOST_NET.ip, prefix: HOST_NET.prefix, mac: HOST_NET.mac, up: true, index: 2 },
    { name: 'docker0', ip: HOST_NET.docker0, prefix: 16, mac: HOST_NET.docker0Mac, up: false, index: 3 },
  ];
}

function broadcast(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, b) => (acc << 8) + Number(b), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = (n | ~mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

function network(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, b) => (acc << 8) + Number(b), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const v = (n & mask) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (v >>> s) & 255).join('.')}/${prefix}`;
}

function netmask(prefix: number): string {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.');
}

function ipAddr(ctx: ProgramContext, only?: string): string {
  const bb = isBusybox(ctx);
  let out = '';
  for (const i of interfaces(ctx)) {
    if (only && i.name !== only) continue;
    if (i.name === 'lo') {
      out += `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue ${bb ? 'qlen 1000' : 'state UNKNOWN group default qlen 1000'}\n`;
      out += '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n';
      if (!ctx.container) out += '    inet6 ::1/128 scope host noprefixroute \n       valid_lft forever preferred_lft forever\n';
      continue;
    }
    const flags = i.up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
    if (ctx.container) out += `${i.index}: ${i.name}@if${i.index + 4}: <${flags},M-DOWN> mtu 1500 qdisc noqueue ${bb ? '' : 'state UP group default '}\n`;
    else out += `${i.index}: ${i.name}: <${flags}> mtu 1500 qdisc ${i.name === 'eth0' ? 'fq_codel state UP' : 'noqueue state DOWN'} group default${i.name === 'eth0' ? ' qlen 1000' : ''}\n`;
    out += `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${ctx.container && !bb ? ' link-netnsid 0' : ''}\n`;
    out += `    inet ${i.ip}/${i.prefix} brd ${broadcast(i.ip, i.prefix)} scope global ${!ctx.container && i.name === 'eth0' ? 'dynamic ' : ''}${i.name}\n`;
    out += `       valid_lft ${!ctx.container && i.name === 'eth0' ? '85317sec preferred_lft 85317sec' : 'forever preferred_lft forever'}\n`;
  }
  return out;
}

function ipRoute(ctx: ProgramContext): string {
  if (ctx.container) {
    const eth = interfaces(ctx).find((i) => i.name === 'eth0');
    if (!eth) return '';
    const gw = network(eth.ip, eth.prefix).replace(/\.0\/\d+$/, '.1');
    return isBusybox(ctx)
      ? `default via ${gw} dev eth0 \n${network(eth.ip, eth.prefix)} dev eth0 scope link  src ${eth.ip} \n`
      : `default via ${gw} dev eth0 \n${network(eth.ip, eth.prefix)} dev eth0 proto kernel scope link src ${eth.ip} \n`;
  }
  return `default via ${HOST_NET.gateway} dev eth0 proto dhcp src ${HOST_NET.ip} metric 100 \n${network(HOST_NET.ip, HOST_NET.prefix)} dev eth0 proto kernel scope link src ${HOST_NET.ip} metric 100 \n172.17.0.0/16 dev docker0 proto kernel scope link src ${HOST_NET.docker0} linkdown \n`;
}

export const ip: Program = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-4' && a !== '-c' && a !== '--color=never');
  const obj = args[0] ?? '';
  const bb = isBusybox(ctx);
  const is = (word: string, full: string) => word !== '' && full.startsWith(word);
  if (obj === '') {
    ctx.io.stderr.write(
      bb
        ? 'BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n'
        : 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n',
    );
    return bb ? 1 : 255;
  }
  if (is(obj, 'address') || obj === 'a' || obj === 'addr') {
    const dev = args.indexOf('dev') >= 0 ? args[args.indexOf('dev') + 1] : args[1] === 'show' && args[2] ? args[2] : undefined;
    if (dev && !interfaces(ctx).some((i) => i.name === dev)) {
      ctx.io.stderr.write(`Device "${dev}" does not exist.\n`);
      return 1;
    }
    ctx.io.stdout.write(ipAddr(ctx, dev));
    return 0;
  }
  if (is(obj, 'route') || obj === 'r') {
    ctx.io.stdout.write(ipRoute(ctx));
    return 0;
  }
  if (is(obj, 'link') || obj === 'l') {
    ctx.io.stdout.write(
      ipAddr(ctx)
        .split('\n')
        .filter((l) => !/^\s+(inet|valid_lft)/.test(l))
        .join('\n'),
    );
    return 0;
  }
  ctx.io.stderr.write(bb ? `ip: unknown command ${obj}\n` : `Object "${obj}" is unknown, try "ip help".\n`);
  return bb ? 1 : 255;
};

export const ifconfig: Program = async (ctx) => {
  const bb = isBusybox(ctx);
  const showAll = ctx.argv.includes('-a');
  const only = ctx.argv.slice(1).find((a) => !a.startsWith('-'));
  const list = interfaces(ctx).filter((i) => (only ? i.name === only : i.up || showAll || !bb));
  if (only && list.length === 0) {
    ctx.io.stderr.write(bb ? `ifconfig: ${only}: error fetching interface information: Device not found\n` : `${only}: error fetching interface information: Device not found\n`);
    return 1;
  }
  let out = '';
  for (const i of list) {
    if (bb) {
      out +=
        i.name === 'lo'
          ? 'lo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n'
          : `${i.name.padEnd(10)}Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  \n          inet addr:${i.ip}  Bcast:${broadcast(i.ip, i.prefix)}  Mask:${netmask(i.prefix)}\n          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n`;
      out += `          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:${i.name === 'lo' ? 1000 : 0} \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n`;
      continue;
    }
    if (i.name === 'lo') {
      out += 'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n        inet 127.0.0.1  netmask 255.0.0.0\n        inet6 ::1  prefixlen 128  scopeid 0x10<host>\n        loop  txqueuelen 1000  (Local Loopback)\n';
    } else {
      out += `${i.name}: flags=${i.up ? '4163<UP,BROADCAST,RUNNING,MULTICAST>' : '4099<UP,BROADCAST,MULTICAST>'}  mtu 1500\n        inet ${i.ip}  netmask ${netmask(i.prefix)}  broadcast ${broadcast(i.ip, i.prefix)}\n        ether ${i.mac}  txqueuelen ${i.name === 'eth0' && !ctx.container ? 1000 : 0}  (Ethernet)\n`;
    }
    out += '        RX packets 0  bytes 0 (0.0 B)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets 0  bytes 0 (0.0 B)\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n';
  }
  ctx.io.stdout.write(out);
  return 0;
};

/** hostname -I: every address but the loopback's */
export function hostAddresses(ctx: ProgramContext): string[] {
  return interfaces(ctx)
    .filter((i) => i.name !== 'lo')
    .map((i) => i.ip);
}
