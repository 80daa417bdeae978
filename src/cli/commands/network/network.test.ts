import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../api/errors';
import type { NetworkResource } from '../../../api/network';
import type { EngineClient } from '../../../client/engine-client';
import { runWith } from '../system/cli-harness.test-helper';
import { consolidateIpam } from './create';
import { networkCommands } from '.';

function net(name: string, id: string, driver: string): NetworkResource {
  return {
    Name: name,
    Id: id.repeat(64).slice(0, 64),
    Created: '2026-11-23T07:31:58.735Z',
    Scope: 'local',
    Driver: driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: {},
    Labels: {},
  };
}

const created: unknown[] = [];
const client = {
  networkList: async () => [net('none', 'c', 'null'), net('my-net', 'd', 'bridge'), net('bridge', 'a', 'bridge'), net('host', 'b', 'host')],
  networkCreate: async (req: unknown) => {
    created.push(req);
    return { Id: 'e'.repeat(64), Warning: '' };
  },
  networkInspect: async (ref: string) => {
    if (ref === 'my-net') return net('my-net', 'd', 'bridge');
    throw new ClientError('NotFound', `Error: No such network: ${ref}`, '');
  },
  networkRemove: async (ref: string) => {
    if (ref !== 'my-net') throw new ClientError('NotFound', `Error: No such network: ${ref}`, '');
  },
  networksPrune: async () => ({ NetworksDeleted: ['my-net'] }),
} as unknown as EngineClient;

const run = (argv: string[], stdin = '') => runWith(networkCommands, client, argv, stdin);

describe('docker network', () => {
  it('ls is sorted by name with 12-char IDs', async () => {
    expect((await run(['network', 'ls'])).out).toBe(
      'NETWORK ID     NAME      DRIVER    SCOPE\naaaaaaaaaaaa   bridge    bridge    local\nbbbbbbbbbbbb   host      host      local\ndddddddddddd   my-net    bridge    local\ncccccccccccc   none      null      local\n',
    );
    expect((await run(['network', 'ls', '-q', '--no-trunc'])).out.split('\n')[0]).toBe('a'.repeat(64));
    expect((await run(['network', 'ls', '--format', '{{.Name}} {{.Driver}}'])).out).toBe('bridge bridge\nhost host\nmy-net bridge\nnone null\n');
  });

  it('create sends the IPAM config and prints the ID', async () => {
    const r = await run(['network', 'create', '-d', 'bridge', '--subnet', '10.5.0.0/24', '--gateway', '10.5.0.9', '--label', 'a=b', 'x']);
    expect(r).toEqual({ status: 0, out: `${'e'.repeat(64)}\n`, err: '' });
    expect(created.at(-1)).toMatchObject({ Name: 'x', Driver: 'bridge', IPAM: { Config: [{ Subnet: '10.5.0.0/24', Gateway: '10.5.0.9' }] }, Labels: { a: 'b' } });
    expect(() => consolidateIpam(['10.9.0.0/24'], [], ['10.8.0.1'])).toThrow('no matching subnet for gateway 10.8.0.1');
    expect(() => consolidateIpam([], [], ['10.8.0.1'])).toThrow('every ip-range or gateway must have a corresponding subnet');
  });

  it('inspect, rm and prune print like docker', async () => {
    const i = await run(['network', 'inspect', 'my-net']);
    expect(i.out.startsWith('[\n    {\n        "Name": "my-net",\n        "Id": "dddd')).toBe(true);
    expect(await run(['network', 'inspect', 'nosuch'])).toEqual({ status: 1, out: '[]\n', err: 'Error: No such network: nosuch\n' });
    expect(await run(['network', 'rm', 'nosuch', 'my-net'])).toEqual({ status: 1, out: 'my-net\n', err: 'Error: No such network: nosuch\n' });
    expect((await run(['network', 'prune', '-f'])).out).toBe('Deleted Networks:\nmy-net\n\n');
  });
});
