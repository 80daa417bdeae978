import { describe, expect, it } from 'vitest';
import { textEncoder } from '../../../api/fs';
import type { HttpResponse } from '../../../api/net';
import type { Engine } from '../../engine';
import { daemonError as err, fakeEngine } from '../../volumes/fake-engine.test-helper';
import { connectContainer } from './connect';
import { httpFrom, resolveFrom } from './container-net';
import { createNetwork } from './create';
import { disconnectContainer } from './disconnect';
import { hostHttp } from './host-http';
import { inspectNetwork } from './inspect';
import { addListener } from './listeners';
import { listNetworks } from './list';
import { allocatePorts, releasePorts } from './ports';
import { pruneNetworks } from './prune';
import { removeNetwork } from './remove';

function withContainers(names: Record<string, string>) {
  const e = fakeEngine();
  const records = new Map(
    Object.entries(names).map(([id, name]) => [id, { ID: id, Name: `/${name}`, State: { Running: true }, Config: { Hostname: id.slice(0, 12) } }]),
  );
  return Object.assign(e, { containers: { get: (id: string) => records.get(id) } }) as unknown as ReturnType<typeof fakeEngine> &
    Pick<Engine, 'containers'>;
}

const A = `a${'1'.repeat(63)}`;
const B = `b${'2'.repeat(63)}`;
const C = `c${'3'.repeat(63)}`;

describe('networks', () => {
  it('starts with bridge, host, none and lists them', () => {
    const e = fakeEngine();
    expect(listNetworks(e).map((n) => `${n.Name} ${n.Driver}`)).toEqual(['none null', 'host host', 'bridge bridge']);
    const bridge = inspectNetwork(e, 'bridge');
    expect(bridge.IPAM).toEqual({ Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16' }] });
    expect(bridge.Options['com.docker.network.bridge.name']).toBe('docker0');
  });

  it('creates user networks from the default pools and refuses duplicates', () => {
    const e = fakeEngine();
    const { Id } = createNetwork(e, { Name: 'my-net', Driver: 'bridge' });
    expect(Id).toMatch(/^[0-9a-f]{64}$/);
    const n = inspectNetwork(e, 'my-net');
    expect(n.IPAM).toEqual({ Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] });
    expect(Object.keys(n)).toEqual([
      'Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels',
    ]);
    expect(n.Created).toBe('2026-11-23T07:31:36Z');
    createNetwork(e, { Name: 'other' });
    expect(inspectNetwork(e, 'other').IPAM.Config[0].Subnet).toBe('172.19.0.0/16');
    expect(err(() => createNetwork(e, { Name: 'my-net' })).message).toBe('network with name my-net already exists');
    expect(err(() => createNetwork(e, { Name: 'x', IPAM: { Config: [{ Subnet: '172.18.5.0/24' }] } })).message).toBe(
      'Pool overlaps with other one on this address space',
    );
    const custom = createNetwork(e, { Name: 'c', IPAM: { Config: [{ Subnet: '10.5.0.0/24' }] } });
    expect(inspectNetwork(e, custom.Id).IPAM.Config).toEqual([{ Subnet: '10.5.0.0/24' }]);
    expect(err(() => inspectNetwork(e, 'nosuch')).kind).toBe('NotFound');
  });

  it('connects containers with addresses from .2, MACs from the address, and refuses removal in use', () => {
    const e = withContainers({ [A]: 'busybox2', [B]: 'busybox1' });
    createNetwork(e, { Name: 'my-net' });
    const ep2 = connectContainer(e, A, 'my-net');
    const ep1 = connectContainer(e, B, 'my-net');
    expect(ep2).toMatchObject({ IPAddress: '172.18.0.2', Gateway: '172.18.0.1', IPPrefixLen: 16, MacAddress: '02:42:ac:12:00:02', Aliases: [A.slice(0, 12)] });
    expect(ep1.IPAddress).toBe('172.18.0.3');
    const n = inspectNetwork(e, 'my-net');
    expect(n.Containers[B]).toEqual({ Name: 'busybox1', EndpointID: ep1.EndpointID, MacAddress: '02:42:ac:12:00:03', IPv4Address: '172.18.0.3/16', IPv6Address: '' });
    expect(err(() => removeNetwork(e, 'my-net')).message).toBe(`error while removing network: network my-net id ${n.Id} has active endpoints`);
    expect(err(() => removeNetwork(e, 'bridge')).message).toBe('bridge is a pre-defined network and cannot be removed');
    expect(resolveFrom(e, A, 'busybox1')).toBe('172.18.0.3');
    disconnectContainer(e, B, 'my-net');
    expect(connectContainer(e, B, 'my-net').IPAddress).toBe('172.18.0.3');
    disconnectContainer(e, A, 'my-net');
    disconnectContainer(e, B, 'my-net');
    removeNetwork(e, 'my-net');
    expect(listNetworks(e).length).toBe(3);
  });

  it('resolves names only on user-defined networks', () => {
    const e = withContainers({ [A]: 'one', [B]: 'two' });
    const ep = connectContainer(e, A, 'bridge');
    expect(ep).toMatchObject({ IPAddress: '172.17.0.2', MacAddress: '02:42:ac:11:00:02', Aliases: null, Gateway: '172.17.0.1' });
    connectContainer(e, B, 'bridge');
    expect(resolveFrom(e, A, 'two')).toBeUndefined();
    expect(resolveFrom(e, A, '172.17.0.3')).toBe('172.17.0.3');
    expect(resolveFrom(e, A, 'localhost')).toBe('127.0.0.1');
  });

  it('prunes unused user networks', () => {
    const e = withContainers({ [A]: 'one' });
    createNetwork(e, { Name: 'used' });
    createNetwork(e, { Name: 'unused' });
    connectContainer(e, A, 'used');
    expect(pruneNetworks(e)).toEqual({ NetworksDeleted: ['unused'] });
  });
});

const ok = (text: string) => async (): Promise<HttpResponse> => ({ status: 200, statusText: 'OK', headers: {}, body: textEncoder.encode(text) });

describe('ports and traffic', () => {
  const ctr = (id: string, name: string, ports: Record<string, { HostIp: string; HostPort: string }[]>, all = false) => ({
    ID: id,
    Name: `/${name}`,
    Image: '',
    Config: { ExposedPorts: { '80/tcp': {} } },
    HostConfig: { PortBindings: ports, PublishAllPorts: all },
  });

  it('allocates like dockerd, including separate IPv4/IPv6 ephemeral pools', () => {
    const e = withContainers({});
    expect(allocatePorts(e, ctr('c1'.padEnd(64, '0'), 'a', {}, true))).toEqual({
      '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '32768' }, { HostIp: '::', HostPort: '32768' }],
    });
    allocatePorts(e, ctr('c2'.padEnd(64, '0'), 'b', { '80/tcp': [{ HostIp: '', HostPort: '80' }] }));
    expect(allocatePorts(e, ctr('c3'.padEnd(64, '0'), 'c', { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] }))).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '32769' }],
    });
    expect(allocatePorts(e, ctr('c4'.padEnd(64, '0'), 'd', { '80/udp': [{ HostIp: '127.0.0.1', HostPort: '8081' }] }))).toEqual({
      '80/tcp': null,
      '80/udp': [{ HostIp: '127.0.0.1', HostPort: '8081' }],
    });
    const ep = connectContainer(e, 'c5'.padEnd(64, '0'), 'bridge', { name: 'web2' });
    const x = err(() =>
      allocatePorts(e, ctr('c5'.padEnd(64, '0'), 'web2', { '80/tcp': [{ HostIp: '', HostPort: '80' }], '443/tcp': [{ HostIp: '', HostPort: '443' }] })),
    );
    expect(x.message).toBe(
      `driver failed programming external connectivity on endpoint web2 (${ep.EndpointID}): Bind for 0.0.0.0:80 failed: port is already allocated`,
    );
    expect(e.networks.mappings.some((m) => m.hostPort === 443)).toBe(false);
    expect(allocatePorts(e, ctr('c6'.padEnd(64, '0'), 'f', { '80/tcp': [{ HostIp: '', HostPort: '' }] }))).toEqual({
      '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '32770' }, { HostIp: '::', HostPort: '32769' }],
    });
    releasePorts(e, { ID: 'c2'.padEnd(64, '0') });
    expect(allocatePorts(e, ctr('c7'.padEnd(64, '0'), 'g', { '80/tcp': [{ HostIp: '', HostPort: '80' }] }))['80/tcp']?.length).toBe(2);
  });

  it('routes host and container HTTP to listeners', async () => {
    const e = withContainers({ [A]: 'web', [B]: 'client', [C]: 'other' });
    createNetwork(e, { Name: 'n1' });
    connectContainer(e, A, 'n1');
    connectContainer(e, B, 'n1');
    connectContainer(e, C, 'bridge');
    allocatePorts(e, ctr(A, 'web', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }));
    expect(await hostHttp(e, { method: 'GET', host: 'localhost', port: 8080, path: '/', headers: {} })).toEqual({ error: 'refused' });
    addListener(e, A, 80, ok('hello'));
    const r = await hostHttp(e, { method: 'GET', host: 'localhost', port: 8080, path: '/', headers: {} });
    expect('status' in r && new TextDecoder().decode(r.body)).toBe('hello');
    expect(await hostHttp(e, { method: 'GET', host: 'web', port: 80, path: '/', headers: {} })).toEqual({ error: 'unresolved' });
    const direct = await hostHttp(e, { method: 'GET', host: '172.18.0.2', port: 80, path: '/', headers: {} });
    expect('status' in direct && direct.status).toBe(200);
    const fromB = await httpFrom(e, B, { method: 'GET', host: 'web', port: 80, path: '/', headers: {} });
    expect('status' in fromB && fromB.status).toBe(200);
    expect(await httpFrom(e, C, { method: 'GET', host: 'web', port: 80, path: '/', headers: {} })).toEqual({ error: 'unresolved' });
    expect(await httpFrom(e, B, { method: 'GET', host: 'localhost', port: 80, path: '/', headers: {} })).toEqual({ error: 'refused' });
  });
});
