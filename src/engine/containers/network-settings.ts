/** A container's NetworkSettings before it is connected (moby at create time). */
import type { NetworkSettings, NetworkingConfig } from '../../api/container';
import type { EndpointSettings } from '../../api/network';
import { emptyEndpoint } from './deps';

/** the network a NetworkMode names: "default" is the bridge */
export function networkNameOf(mode: string): string {
  return mode === 'default' || mode === '' ? 'bridge' : mode;
}

export function initialNetworkSettings(networkMode: string, cfg?: NetworkingConfig): NetworkSettings {
  const name = networkNameOf(networkMode);
  const networks: Record<string, EndpointSettings> = {};
  if (!networkMode.startsWith('container:')) networks[name] = emptyEndpoint(cfg?.EndpointsConfig?.[networkMode] ?? cfg?.EndpointsConfig?.[name]);
  return {
    Bridge: '',
    SandboxID: '',
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    Ports: {},
    SandboxKey: '',
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: '',
    Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    MacAddress: '',
    Networks: networks,
  };
}
