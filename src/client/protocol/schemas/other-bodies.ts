/** Request bodies and options of the image, volume, network, system, build and archive operations. */
import { z } from 'zod';
import { authConfig, bool, bytes, filters, int, list, record, str, strict, strList, strMap, text, uint } from './common';
import { containerConfig } from './container-config';

export const imageListOptions = strict({
  all: bool.optional(),
  filters: filters.optional(),
  sharedSize: bool.optional(),
  containerCount: bool.optional(),
});
export const imagePullOptions = strict({ auth: authConfig.optional(), platform: str.optional() });
export const imagePushOptions = strict({ auth: authConfig.optional() });
export const imageRemoveOptions = strict({ force: bool.optional(), noPrune: bool.optional() });
export const imageSearchOptions = strict({ limit: uint.optional(), filters: filters.optional(), auth: authConfig.optional() });

export const volumeCreateBody = strict({
  Name: str.optional(),
  Driver: str.optional(),
  DriverOpts: strMap.optional(),
  Labels: strMap.optional(),
});

const ipamConfig = strict({ Subnet: str.optional(), IPRange: str.optional(), Gateway: str.optional(), AuxiliaryAddresses: strMap.optional() });
export const networkCreateRequest = strict({
  Name: str,
  CheckDuplicate: bool.optional(),
  Driver: str.optional(),
  Internal: bool.optional(),
  Attachable: bool.optional(),
  Ingress: bool.optional(),
  EnableIPv6: bool.optional(),
  IPAM: strict({ Driver: str.optional(), Options: strMap.optional(), Config: list(ipamConfig).optional() }).optional(),
  Options: strMap.optional(),
  Labels: strMap.optional(),
});
export const networkConnectRequest = strict({
  Container: str,
  EndpointConfig: strict({
    IPAMConfig: strict({ IPv4Address: str.optional(), IPv6Address: str.optional() }).nullable().optional(),
    Aliases: strList.optional(),
    Links: strList.optional(),
  }).optional(),
});

export const eventsOptions = strict({ since: str.optional(), until: str.optional(), filters: filters.optional() });

export const containerListOptions = strict({
  all: bool.optional(),
  limit: int.optional(),
  latest: bool.optional(),
  size: bool.optional(),
  filters: filters.optional(),
});
export const containerRemoveOptions = strict({ force: bool.optional(), removeVolumes: bool.optional(), removeLinks: bool.optional() });
export const containerLogsOptions = strict({
  stdout: bool.optional(),
  stderr: bool.optional(),
  since: str.optional(),
  until: str.optional(),
  timestamps: bool.optional(),
  follow: bool.optional(),
  tail: str.optional(),
  details: bool.optional(),
});
export const waitCondition = z.enum(['not-running', 'next-exit', 'removed']);
export const attachOptions = strict({
  stream: bool.optional(),
  stdin: bool.optional(),
  stdout: bool.optional(),
  stderr: bool.optional(),
  logs: bool.optional(),
  detachKeys: str.optional(),
});
/** what the server must know of the client's terminal for exec/attach */
export const ioInfo = strict({ stdinTTY: bool, stdoutTTY: bool, columns: uint.max(10000).optional(), rows: uint.max(10000).optional() });

export const commitOptions = strict({
  reference: str.optional(),
  comment: text.optional(),
  author: str.optional(),
  changes: strList.optional(),
  pause: bool.optional(),
  config: containerConfig.optional(),
});
export const importSource = z.union([strict({ bytes }), strict({ url: str })]);
export const importOptions = strict({ changes: strList.optional(), message: text.optional(), platform: str.optional() });
export const loadOptions = strict({ quiet: bool.optional() });
export const copyToOptions = strict({ allowOverwriteDirWithFile: bool.optional(), copyUIDGID: bool.optional() });
export const statsOptions = strict({ stream: bool });

export const buildOptions = strict({
  tags: strList.optional(),
  dockerfile: str.optional(),
  buildArgs: record(text.nullable()).optional(),
  labels: strMap.optional(),
  noCache: bool.optional(),
  remove: bool.optional(),
  forceRemove: bool.optional(),
  pullParent: bool.optional(),
  suppressOutput: bool.optional(),
  target: str.optional(),
  networkMode: str.optional(),
  platform: str.optional(),
  authConfigs: record(authConfig).optional(),
});

export const httpRequest = strict({
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
  host: str,
  port: uint.max(65535),
  path: text,
  headers: strMap,
  body: bytes.optional(),
  remoteAddr: str.optional(),
});
