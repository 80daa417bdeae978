/** docker network create [OPTIONS] NETWORK */
import type { IPAMConfig } from '../../../api/network';
import type { CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';
import { kvMap } from '../volume/create';

function ipv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const p = m.slice(1).map(Number);
  if (p.some((x) => x > 255)) return undefined;
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

function inSubnet(subnet: string, ip: string): boolean {
  const [base, bits] = subnet.split('/');
  const b = ipv4(base);
  const a = ipv4(ip);
  const n = Number(bits);
  if (b === undefined || a === undefined || !(n >= 0 && n <= 32)) return false;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** docker/cli consolidateIpam: one config per subnet with its gateway / ip-range */
export function consolidateIpam(subnets: string[], ranges: string[], gateways: string[]): IPAMConfig[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    throw new CliError('every ip-range or gateway must have a corresponding subnet');
  }
  const configs: IPAMConfig[] = subnets.map((s) => ({ Subnet: s }));
  for (const r of ranges) {
    const base = r.split('/')[0];
    const c = configs.find((x) => x.Subnet && inSubnet(x.Subnet, base));
    if (!c) throw new CliError(`no matching subnet for range ${r}`);
    if (c.IPRange) throw new CliError(`cannot configure multiple ranges (${r}, ${c.IPRange}) on the same subnet (${c.Subnet})`);
    c.IPRange = r;
  }
  for (const g of gateways) {
    const c = configs.find((x) => x.Subnet && inSubnet(x.Subnet, g));
    if (!c) throw new CliError(`no matching subnet for gateway ${g}`);
    if (c.Gateway) throw new CliError(`cannot configure multiple gateways (${g}, ${c.Gateway}) for the same subnet (${c.Subnet})`);
    c.Gateway = g;
  }
  return configs;
}

export const networkCreate: CommandSpec = {
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { name: 'aux-address', type: 'list', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', valueName: 'map', default: 'map[]' },
    { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration' },
    { name: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
    { name: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', default: 'bridge' },
    { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet', valueName: 'strings' },
    { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
    { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range', valueName: 'strings' },
    { name: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', default: 'default' },
    { name: 'ipam-opt', type: 'list', usage: 'Set IPAM driver specific options', valueName: 'map', default: 'map[]' },
    { name: 'ipv6', type: 'bool', usage: 'Enable IPv6 networking' },
    { name: 'label', type: 'list', usage: 'Set metadata on a network' },
    { name: 'opt', short: 'o', type: 'list', usage: 'Set driver specific options', valueName: 'map', default: 'map[]' },
    { name: 'scope', type: 'string', usage: "Control the network's scope" },
    { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment', valueName: 'strings' },
  ],
  async run(ctx, flags, args) {
    const ipam = consolidateIpam(flags.list('subnet'), flags.list('ip-range'), flags.list('gateway'));
    const res = await ctx.client.networkCreate({
      Name: args[0],
      CheckDuplicate: true,
      Driver: flags.string('driver'),
      Options: kvMap(flags.list('opt')),
      IPAM: { Driver: flags.string('ipam-driver'), Config: ipam, Options: kvMap(flags.list('ipam-opt')) },
      Internal: flags.bool('internal'),
      EnableIPv6: flags.bool('ipv6'),
      Attachable: flags.bool('attachable'),
      Ingress: flags.bool('ingress'),
      Labels: kvMap(flags.list('label')),
    });
    ctx.io.stdout.write(`${res.Id}\n`);
  },
};
