/** GET /networks/{id}: the API shape of a network (what `docker network inspect` prints). */
import { notFound } from '../../../api/errors';
import type { EndpointResource, NetworkResource } from '../../../api/network';
import { rfc3339Nano } from '../../system/time-format';
import type { NetworkEngine } from '../network-engine';
import type { NetworkRecord } from '../network-store';

/** the network or NotFound "network x not found" (the client turns it into "Error: No such network: x") */
export function getNetwork(engine: Pick<NetworkEngine, 'networks'>, idOrName: string): NetworkRecord {
  const n = engine.networks.find(idOrName);
  if (!n) throw notFound(`network ${idOrName} not found`);
  return n;
}

/** `withContainers`: inspect fills "Containers"; the list endpoint leaves it empty */
export function toApiNetwork(n: NetworkRecord, withContainers = true): NetworkResource {
  const containers: Record<string, EndpointResource> = {};
  if (withContainers) {
    for (const ep of n.endpoints.values()) {
      containers[ep.containerId] = {
        Name: ep.name,
        EndpointID: ep.endpointId,
        MacAddress: ep.mac,
        IPv4Address: ep.ip && n.subnet ? `${ep.ip}/${n.subnet.prefix}` : '',
        IPv6Address: '',
      };
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: rfc3339Nano(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: n.enableIPv6,
    IPAM: {
      Driver: 'default',
      Options: n.ipamOptions ? { ...n.ipamOptions } : null,
      Config: n.ipamConfig.map((c) => ({ ...c })),
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: { ...n.options },
    Labels: { ...n.labels },
  };
}

export function inspectNetwork(engine: Pick<NetworkEngine, 'networks'>, idOrName: string): NetworkResource {
  return toApiNetwork(getNetwork(engine, idOrName));
}
