/** VolumeApi and NetworkApi on a real engine; volume driver options and non-local drivers are refused. */
import type { NetworkApi } from '../../client/api/networks';
import type { VolumeApi } from '../../client/api/volumes';
import { call } from '../../client/errors';
import { refuse } from '../policy/refusal';
import { checkCaps } from './caps';
import { type EngineContext, filtersParam, seg } from './engine-context';
import { assertContainer, assertLabelled, sessionFilters, sessionLabels } from './ownership';

export function volumeClient(ctx: EngineContext): VolumeApi {
  const { t, policy } = ctx;
  return {
    volumeCreate: (b) =>
      call(async () => {
        if (b.Driver && b.Driver !== 'local') refuse(`the ${b.Driver} volume driver (--driver)`);
        if (b.DriverOpts && Object.keys(b.DriverOpts).length > 0) refuse('volume driver options (--opt)');
        await checkCaps(ctx, 'volume');
        return t.json('POST', '/volumes/create', { body: { Name: b.Name ?? '', Driver: 'local', DriverOpts: {}, Labels: sessionLabels(policy, b.Labels) ?? {} } });
      }),
    volumeList: (filters) => call(() => t.json('GET', '/volumes', { query: { filters: filtersParam(sessionFilters(policy, filters)) } })),
    volumeInspect: (name) =>
      call(async () => {
        await assertLabelled(t, policy, 'volume', name);
        return t.json('GET', `/volumes/${seg(name)}`);
      }, { object: 'volume', id: name }),
    volumeRemove: (name, force) =>
      call(async () => {
        await assertLabelled(t, policy, 'volume', name);
        await t.json('DELETE', `/volumes/${seg(name)}`, { query: { force: force ? '1' : undefined } });
      }, { object: 'volume', id: name }),
    volumesPrune: (filters) => call(() => t.json('POST', '/volumes/prune', { query: { filters: filtersParam(sessionFilters(policy, filters)) } })),
  };
}

export function networkClient(ctx: EngineContext): NetworkApi {
  const { t, policy } = ctx;
  return {
    networkCreate: (r) =>
      call(async () => {
        if (r.Driver && r.Driver !== 'bridge') refuse(`the ${r.Driver} network driver (--driver)`);
        if (r.Options && Object.keys(r.Options).length > 0) refuse('network driver options (--opt)');
        if (r.IPAM?.Driver && r.IPAM.Driver !== 'default') refuse('an IPAM driver (--ipam-driver)');
        if (r.Ingress) refuse('an ingress network');
        await checkCaps(ctx, 'network');
        const ipam = r.IPAM ? { Driver: 'default', Options: r.IPAM.Options ?? {}, Config: (r.IPAM.Config ?? []).map((c) => ({ Subnet: c.Subnet, IPRange: c.IPRange, Gateway: c.Gateway, AuxiliaryAddresses: c.AuxiliaryAddresses })) } : undefined;
        return t.json('POST', '/networks/create', {
          body: { Name: r.Name, CheckDuplicate: r.CheckDuplicate ?? true, Driver: r.Driver || 'bridge', Internal: r.Internal, Attachable: r.Attachable, EnableIPv6: r.EnableIPv6, IPAM: ipam, Options: {}, Labels: sessionLabels(policy, r.Labels) ?? {} },
        });
      }),
    networkList: (filters) => call(() => t.json('GET', '/networks', { query: { filters: filtersParam(sessionFilters(policy, filters)) } })),
    networkInspect: (id) =>
      call(async () => {
        await assertLabelled(t, policy, 'network', id);
        return t.json('GET', `/networks/${seg(id)}`);
      }, { object: 'network', id }),
    networkRemove: (id) =>
      call(async () => {
        await assertLabelled(t, policy, 'network', id);
        await t.json('DELETE', `/networks/${seg(id)}`);
      }, { object: 'network', id }),
    networksPrune: (filters) => call(() => t.json('POST', '/networks/prune', { query: { filters: filtersParam(sessionFilters(policy, filters)) } })),
    networkConnect: (id, r) =>
      call(async () => {
        await assertLabelled(t, policy, 'network', id);
        await assertContainer(t, policy, r.Container);
        const ep = r.EndpointConfig ? { IPAMConfig: r.EndpointConfig.IPAMConfig, Aliases: r.EndpointConfig.Aliases, Links: r.EndpointConfig.Links } : undefined;
        await t.json('POST', `/networks/${seg(id)}/connect`, { body: { Container: r.Container, EndpointConfig: ep } });
      }),
    networkDisconnect: (id, container, force) =>
      call(async () => {
        await assertLabelled(t, policy, 'network', id);
        await assertContainer(t, policy, container);
        await t.json('POST', `/networks/${seg(id)}/disconnect`, { body: { Container: container, Force: force ?? false } });
      }),
  };
}
