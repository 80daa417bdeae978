/** EndpointSettings values as `docker inspect` shows them under NetworkSettings.Networks. */
import type { EndpointSettings } from '../../api/network';

/** what a created (never started) container shows for a network it will join; `cfg` is its EndpointsConfig entry */
export function emptyEndpoint(cfg: Partial<EndpointSettings> = {}): EndpointSettings {
  return {
    IPAMConfig: cfg.IPAMConfig ?? null,
    Links: cfg.Links ?? null,
    Aliases: cfg.Aliases ?? null,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: '',
    DriverOpts: cfg.DriverOpts ?? null,
  };
}

/** the top-level NetworkSettings fields docker fills from the default bridge endpoint */
export interface BridgeFields {
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  MacAddress: string;
}

/** record an endpoint in a container's NetworkSettings (top-level fields follow the default bridge) */
export function setEndpoint(
  settings: BridgeFields & { Networks: Record<string, EndpointSettings> },
  networkName: string,
  ep: EndpointSettings,
): void {
  settings.Networks[networkName] = ep;
  if (networkName === 'bridge') {
    settings.EndpointID = ep.EndpointID;
    settings.Gateway = ep.Gateway;
    settings.IPAddress = ep.IPAddress;
    settings.IPPrefixLen = ep.IPPrefixLen;
    settings.MacAddress = ep.MacAddress;
  }
}

/** forget an endpoint (disconnect) */
export function clearEndpoint(settings: BridgeFields & { Networks: Record<string, EndpointSettings> }, networkName: string): void {
  delete settings.Networks[networkName];
  if (networkName === 'bridge') {
    settings.EndpointID = '';
    settings.Gateway = '';
    settings.IPAddress = '';
    settings.IPPrefixLen = 0;
    settings.MacAddress = '';
  }
}
