/**
 * allocatePorts and releasePorts on small random scenarios, against what they
 * returned before big port sets were allocated as runs (the golden file was
 * written by the former per-port code): the published ports, the ephemeral
 * allocation order (IPv4 and IPv6 pools apart, the kernel's retry), the
 * conflict errors, and what the host holds afterwards.
 */
import { describe, expect, it } from 'vitest';
import { xorshift } from '../../../lib/xorshift';
import type { PortMap } from '../../../api/network';
import { fakeEngine } from '../../volumes/fake-engine.test-helper';
import { allocatePorts, findMapping, releasePorts, splitPortKey } from './ports';

const rng = xorshift;

const IPS = ['', '', '', '0.0.0.0', '::', '127.0.0.1', '::1'];
const HOST_PORTS = ['', '', '8080', '8081', '8080-8082', '8081-8083', '32768', '32769', '32768-32770', '60999', '1', '1-3', '2-4'];
const PROTOS = ['tcp', 'tcp', 'udp', 'sctp'];

function randomContainer(r: (n: number) => number, i: number) {
  const key = () => `${[80, 81, 82, 8080, 1, 2][r(6)]}/${PROTOS[r(4)]}`;
  const exposed: Record<string, Record<string, never>> = {};
  for (let k = r(4); k > 0; k--) exposed[key()] = {};
  const bindings: PortMap = {};
  for (let k = r(5); k > 0; k--) {
    const list = [];
    for (let b = r(3); b > 0; b--) list.push({ HostIp: IPS[r(IPS.length)] as string, HostPort: HOST_PORTS[r(HOST_PORTS.length)] as string });
    bindings[key()] = list;
  }
  return {
    ID: `c${i}`.padEnd(64, '0'),
    Name: `/c${i}`,
    Image: '',
    Config: { ExposedPorts: exposed },
    HostConfig: { PortBindings: bindings, PublishAllPorts: r(3) === 0 },
  };
}

/** one scenario: containers published and unpublished in turn; what each step returned or threw, and the host at the end */
function scenario(seed: number): unknown[] {
  const r = rng(seed);
  const e = fakeEngine();
  const out: unknown[] = [];
  const live: string[] = [];
  for (let i = 0, n = 2 + r(6); i < n; i++) {
    if (live.length > 0 && r(4) === 0) {
      const id = live.splice(r(live.length), 1)[0] as string;
      releasePorts(e, { ID: id });
      out.push(['release', id.slice(0, 3)]);
      continue;
    }
    const c = randomContainer(r, i);
    try {
      out.push(['ports', allocatePorts(e, c)]);
      live.push(c.ID);
    } catch (err) {
      out.push(['error', (err as Error).message]);
    }
  }
  out.push(['host', e.networks.mappings.map((m) => `${m.containerId.slice(0, 3)} ${m.proto} ${m.containerPort} ${m.hostIp} ${m.hostPort}`)]);
  out.push(['pools', e.networks.ports.state().map((p) => ({ ...p, used: [...p.used].sort((a, b) => a - b) }))]);
  out.push(['find', [1, 2, 8080, 32768].map((p) => findMapping(e, '127.0.0.1', p)?.containerId.slice(0, 3) ?? null)]);
  return out;
}

describe('allocatePorts on random scenarios', () => {
  it('publishes, refuses and releases as the per-port code did', async () => {
    const lines: string[] = [];
    for (let seed = 1; seed <= 200; seed++) lines.push(`${seed} ${JSON.stringify(scenario(seed))}`);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./ports-golden.txt');
  });
});

describe('splitPortKey', () => {
  it('reads keys as the split-based code did, odd ones included', () => {
    const former = (key: string): [number, string] => {
      const [p, proto = 'tcp'] = key.split('/');
      return [Number((p as string).split('-')[0]), proto.toLowerCase()];
    };
    for (const key of ['80/tcp', '80', '80/UDP', '080/tcp', '80-90/tcp', '80/', '/tcp', '', '80//udp', '80/tcp/x', '-5/tcp', 'x/sctp', '1-2-3']) {
      expect(splitPortKey(key), key).toEqual(former(key));
    }
  });
});

describe('allocatePorts with keys that are one port', () => {
  it('gives each key its own list, as before', () => {
    const e = fakeEngine();
    const c = {
      ID: 'd'.repeat(64),
      Name: '/d',
      Image: '',
      Config: { ExposedPorts: { '80/TCP': {}, '080/tcp': {} } },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    };
    const out = allocatePorts(e, c);
    const one = [{ HostIp: '127.0.0.1', HostPort: '32768' }];
    expect(out).toEqual({ '080/tcp': one, '80/TCP': one, '80/tcp': one });
    expect(out['080/tcp']).not.toBe(out['80/tcp']);
    expect(out['80/TCP']).not.toBe(out['80/tcp']);
  });
});
