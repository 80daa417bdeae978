/**
 * Networks, endpoints and port bindings as the Engine API v1.41 shapes them
 * (moby api/types/network, types.NetworkResource, go-connections/nat).
 * Field order is the JSON order docker prints.
 */

export interface IPAMConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

export interface IPAM {
  Driver: string;
  Options: Record<string, string> | null;
  Config: IPAMConfig[];
}

/** One container in `docker network inspect` "Containers" (types.EndpointResource). */
export interface EndpointResource {
  Name: string;
  EndpointID: string;
  MacAddress: string;
  /** "172.18.0.2/16" */
  IPv4Address: string;
  IPv6Address: string;
}

/** GET /networks/{id}: what `docker network inspect` prints. */
export interface NetworkResource {
  Name: string;
  Id: string;
  /** RFC 3339 with nanoseconds, trailing zeros trimmed */
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv6: boolean;
  IPAM: IPAM;
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  /** keyed by container id */
  Containers: Record<string, EndpointResource>;
  Options: Record<string, string>;
  Labels: Record<string, string>;
}

/** POST /networks/create */
export interface NetworkCreateRequest {
  Name: string;
  CheckDuplicate?: boolean;
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  EnableIPv6?: boolean;
  IPAM?: { Driver?: string; Options?: Record<string, string>; Config?: IPAMConfig[] };
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}

export interface NetworkCreateResponse {
  Id: string;
  Warning: string;
}

export interface NetworksPruneReport {
  NetworksDeleted: string[] | null;
}

/** A container's settings on one network (NetworkSettings.Networks[name], network.EndpointSettings). */
export interface EndpointSettings {
  IPAMConfig: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
  Links: string[] | null;
  Aliases: string[] | null;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  MacAddress: string;
  DriverOpts: Record<string, string> | null;
}

/** POST /networks/{id}/connect */
export interface NetworkConnectRequest {
  Container: string;
  EndpointConfig?: {
    IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
    Aliases?: string[];
    Links?: string[];
  };
}

/** One host binding of a container port ({"HostIp":"0.0.0.0","HostPort":"32768"}). */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/** "80/tcp" → bindings; null = exposed but not published */
export type PortMap = Record<string, PortBinding[] | null>;
