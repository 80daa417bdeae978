/**
 * POST /networks/create (moby daemon/network.go + libnetwork bridge driver).
 * Only the bridge driver can make new networks; `host` and `null` exist once.
 */
import { conflict, forbidden, invalidParameter, notFound } from '../../../api/errors';
import type { NetworkCreateRequest, NetworkCreateResponse } from '../../../api/network';
import { generateId } from '../../core/ids';
import { allocateIp, nextPool, overlapsExisting } from '../ipam';
import { contains, formatCidr, formatIp, parseCidr, parseIp } from '../ipv4';
import type { NetworkEngine } from '../network-engine';
import type { NetworkRecord } from '../network-store';
import type { Subnet } from '../ipv4';

const PREDEFINED = ['bridge', 'host', 'none'];

export function createNetwork(engine: NetworkEngine, req: NetworkCreateRequest): NetworkCreateResponse {
  const name = req.Name ?? '';
  const driver = req.Driver || 'bridge';
  if (PREDEFINED.includes(name)) throw forbidden(`operation is not permitted on predefined ${name} network`);
  if (engine.networks.byName(name)) throw conflict(`network with name ${name} already exists`);
  if (driver === 'host' || driver === 'null') throw forbidden(`only one instance of "${driver}" network is allowed`);
  if (driver !== 'bridge') throw notFound(`plugin "${driver}" not found`);

  const configs = req.IPAM?.Config ?? [];
  const ipamConfig: NetworkRecord['ipamConfig'] = [];
  let subnet: Subnet | undefined;
  let gateway: number | undefined;
  const v4 = configs.find((c) => !c.Subnet?.includes(':'));
  if (v4?.Subnet) {
    subnet = parseCidr(v4.Subnet);
    if (!subnet) throw invalidParameter(`Invalid subnet ${v4.Subnet} : invalid CIDR address: ${v4.Subnet}`);
    if (overlapsExisting(engine.networks.list(), subnet)) throw forbidden('Pool overlaps with other one on this address space');
    if (v4.Gateway) {
      gateway = parseIp(v4.Gateway);
      if (gateway === undefined) throw invalidParameter(`Invalid gateway ${v4.Gateway}`);
      if (!contains(subnet, gateway)) throw forbidden(`no matching subnet for gateway ${v4.Gateway}`);
    }
    const cfg: NetworkRecord['ipamConfig'][number] = { Subnet: v4.Subnet };
    if (v4.IPRange) cfg.IPRange = v4.IPRange;
    if (v4.Gateway) cfg.Gateway = v4.Gateway;
    ipamConfig.push(cfg);
  } else {
    subnet = nextPool(engine.networks.list());
    if (!subnet) throw forbidden('could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
    ipamConfig.push({ Subnet: formatCidr(subnet), Gateway: '' });
  }
  const rec = engine.networks.add({
    id: generateId(engine.ids),
    name,
    driver,
    created: engine.clock.now(),
    internal: !!req.Internal,
    attachable: !!req.Attachable,
    enableIPv6: !!req.EnableIPv6,
    ipamConfig,
    ipamOptions: { ...(req.IPAM?.Options ?? {}) },
    subnet,
    options: { ...(req.Options ?? {}) },
    labels: { ...(req.Labels ?? {}) },
    predefined: false,
  });
  // the gateway takes the first address unless one was given
  if (gateway === undefined) {
    gateway = allocateIp(rec);
    if (gateway !== undefined && !v4?.Subnet) ipamConfig[0].Gateway = formatIp(gateway);
  } else rec.usedIps.add(gateway);
  rec.gateway = gateway;
  engine.events.emit(engine.clock.now(), 'network', 'create', rec.id, { name, type: driver });
  return { Id: rec.id, Warning: '' };
}
