import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../api/errors';
import { containerTestEngine } from '../../containers/test-support';
import { createContainer } from '../../containers/ops/create';
import { startContainer } from '../../containers/ops/start';
import { containerNetFor } from './container-net';
import { createNetwork } from './create';
import { networkConnect } from './network-connect';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DaemonError) return e.message;
    throw e;
  }
  return 'no error';
}

async function running(network?: string) {
  const t = await containerTestEngine();
  const { Id } = createContainer(t.engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, hostConfig: network ? { NetworkMode: network } : {}, name: 'c1' });
  startContainer(t.engine, Id);
  return { ...t, id: Id };
}

describe('network connect', () => {
  it('refuses the host network for a container that is not in host mode', async () => {
    const { engine } = await running();
    expect(message(() => networkConnect(engine, 'host', { Container: 'c1' }))).toBe('container cannot be disconnected from host network or connected to host network');
  });

  it('refuses a fixed address outside the network subnets', async () => {
    const { engine } = await running();
    createNetwork(engine, { Name: 'fixed', IPAM: { Config: [{ Subnet: '10.10.0.0/24', Gateway: '10.10.0.1' }] } });
    expect(message(() => networkConnect(engine, 'fixed', { Container: 'c1', EndpointConfig: { IPAMConfig: { IPv4Address: '10.20.0.5' } } }))).toBe(
      "Invalid address 10.20.0.5: It does not belong to any of this network's subnets",
    );
    expect(message(() => networkConnect(engine, 'fixed', { Container: 'c1', EndpointConfig: { IPAMConfig: { IPv4Address: '10.10.0.50' } } }))).toBe('no error');
  });
});

describe('routes', () => {
  it('a container on --network none reaches only loopback', async () => {
    const none = await running('none');
    expect(containerNetFor(none.engine, none.id).hasRoute?.('8.8.8.8')).toBe(false);
    expect(containerNetFor(none.engine, none.id).hasRoute?.('127.0.0.1')).toBe(true);
    const bridged = await running();
    expect(containerNetFor(bridged.engine, bridged.id).hasRoute?.('8.8.8.8')).toBe(true);
  });
});
