/**
 * containerCreate's arguments: the Config, HostConfig and NetworkingConfig the
 * CLI builds, field by field. Every field the API type names is listed with
 * its type; any other key (a case-folded `privileged`, a HostConfig field put
 * in Config) is an error. What a field may hold is the server's policy
 * (src/server/policy), not this shape.
 */
import { z } from 'zod';
import { bool, int, list, nullableStrList, record, str, strict, strList, strMap, text, uint } from './common';

const emptyObject = strict({});
const portSet = record(emptyObject);

export const healthcheck = strict({
  Test: strList.optional(),
  Interval: uint.optional(),
  Timeout: uint.optional(),
  StartPeriod: uint.optional(),
  Retries: uint.optional(),
});

export const containerConfig = strict({
  Hostname: str.optional(),
  Domainname: str.optional(),
  User: str.optional(),
  AttachStdin: bool.optional(),
  AttachStdout: bool.optional(),
  AttachStderr: bool.optional(),
  ExposedPorts: portSet.optional(),
  Tty: bool.optional(),
  OpenStdin: bool.optional(),
  StdinOnce: bool.optional(),
  Env: nullableStrList.optional(),
  Cmd: nullableStrList.optional(),
  Healthcheck: healthcheck.optional(),
  ArgsEscaped: bool.optional(),
  Image: str.optional(),
  Volumes: portSet.nullable().optional(),
  WorkingDir: str.optional(),
  Entrypoint: nullableStrList.optional(),
  NetworkDisabled: bool.optional(),
  MacAddress: str.optional(),
  OnBuild: nullableStrList.optional(),
  Labels: strMap.nullable().optional(),
  StopSignal: str.optional(),
  StopTimeout: int.optional(),
  Shell: strList.optional(),
});

// the daemon refuses an unknown policy or mount type in its own words ("invalid restart policy 'x'",
// `invalid mount config for type "nfs": mount type unknown`): the protocol passes the string on
export const restartPolicy = strict({
  Name: str,
  MaximumRetryCount: int,
});

export const portBinding = strict({ HostIp: str, HostPort: str });
export const portMap = record(list(portBinding).nullable());

export const mountSpec = strict({
  Type: str,
  Source: str.optional(),
  Target: str,
  ReadOnly: bool.optional(),
  Consistency: str.optional(),
  BindOptions: strict({ Propagation: str.optional(), NonRecursive: bool.optional() }).optional(),
  VolumeOptions: strict({
    NoCopy: bool.optional(),
    Labels: strMap.optional(),
    DriverConfig: strict({ Name: str.optional(), Options: strMap.optional() }).optional(),
  }).optional(),
  TmpfsOptions: strict({ SizeBytes: uint.optional(), Mode: uint.optional() }).optional(),
});

/** device lists the CLI always sends empty */
const emptyList = z.array(z.never()).max(0).nullable();

export const hostConfig = strict({
  Binds: nullableStrList.optional(),
  ContainerIDFile: str.optional(),
  LogConfig: strict({ Type: str, Config: strMap }).optional(),
  NetworkMode: str.optional(),
  PortBindings: portMap.optional(),
  RestartPolicy: restartPolicy.optional(),
  AutoRemove: bool.optional(),
  VolumeDriver: str.optional(),
  VolumesFrom: nullableStrList.optional(),
  CapAdd: nullableStrList.optional(),
  CapDrop: nullableStrList.optional(),
  CgroupnsMode: str.optional(),
  Dns: nullableStrList.optional(),
  DnsOptions: nullableStrList.optional(),
  DnsSearch: nullableStrList.optional(),
  ExtraHosts: nullableStrList.optional(),
  GroupAdd: nullableStrList.optional(),
  IpcMode: str.optional(),
  Cgroup: str.optional(),
  Links: nullableStrList.optional(),
  OomScoreAdj: int.optional(),
  PidMode: str.optional(),
  Privileged: bool.optional(),
  PublishAllPorts: bool.optional(),
  ReadonlyRootfs: bool.optional(),
  SecurityOpt: nullableStrList.optional(),
  StorageOpt: strMap.optional(),
  Tmpfs: strMap.optional(),
  UTSMode: str.optional(),
  UsernsMode: str.optional(),
  ShmSize: uint.optional(),
  Sysctls: strMap.optional(),
  Runtime: str.optional(),
  ConsoleSize: z.tuple([uint, uint]).optional(),
  Isolation: str.optional(),
  CpuShares: int.optional(),
  Memory: int.optional(),
  NanoCpus: int.optional(),
  CgroupParent: str.optional(),
  BlkioWeight: int.optional(),
  BlkioWeightDevice: emptyList.optional(),
  BlkioDeviceReadBps: emptyList.optional(),
  BlkioDeviceWriteBps: emptyList.optional(),
  BlkioDeviceReadIOps: emptyList.optional(),
  BlkioDeviceWriteIOps: emptyList.optional(),
  CpuPeriod: int.optional(),
  CpuQuota: int.optional(),
  CpuRealtimePeriod: int.optional(),
  CpuRealtimeRuntime: int.optional(),
  CpusetCpus: str.optional(),
  CpusetMems: str.optional(),
  Devices: emptyList.optional(),
  DeviceCgroupRules: nullableStrList.optional(),
  DeviceRequests: emptyList.optional(),
  KernelMemory: int.optional(),
  KernelMemoryTCP: int.optional(),
  MemoryReservation: int.optional(),
  MemorySwap: int.optional(),
  MemorySwappiness: int.nullable().optional(),
  OomKillDisable: bool.nullable().optional(),
  PidsLimit: int.nullable().optional(),
  Ulimits: emptyList.optional(),
  CpuCount: int.optional(),
  CpuPercent: int.optional(),
  IOMaximumIOps: int.optional(),
  IOMaximumBandwidth: int.optional(),
  Mounts: list(mountSpec).optional(),
  MaskedPaths: nullableStrList.optional(),
  ReadonlyPaths: nullableStrList.optional(),
  Init: bool.optional(),
});

export const endpointConfig = strict({
  IPAMConfig: strict({ IPv4Address: str.optional(), IPv6Address: str.optional(), LinkLocalIPs: strList.optional() })
    .nullable()
    .optional(),
  Links: nullableStrList.optional(),
  Aliases: nullableStrList.optional(),
  NetworkID: str.optional(),
  EndpointID: str.optional(),
  Gateway: str.optional(),
  IPAddress: str.optional(),
  IPPrefixLen: uint.optional(),
  IPv6Gateway: str.optional(),
  GlobalIPv6Address: str.optional(),
  GlobalIPv6PrefixLen: uint.optional(),
  MacAddress: str.optional(),
  DriverOpts: strMap.nullable().optional(),
});

export const networkingConfig = strict({ EndpointsConfig: record(endpointConfig) });

export const updateConfig = strict({
  BlkioWeight: int.optional(),
  CpuPeriod: int.optional(),
  CpuQuota: int.optional(),
  CpuRealtimePeriod: int.optional(),
  CpuRealtimeRuntime: int.optional(),
  CpuShares: int.optional(),
  NanoCpus: int.optional(),
  CpusetCpus: str.optional(),
  CpusetMems: str.optional(),
  KernelMemory: int.optional(),
  Memory: int.optional(),
  MemoryReservation: int.optional(),
  MemorySwap: int.optional(),
  PidsLimit: int.nullable().optional(),
  RestartPolicy: restartPolicy.optional(),
});

export const execConfig = strict({
  User: str.optional(),
  Privileged: bool.optional(),
  Tty: bool.optional(),
  AttachStdin: bool.optional(),
  AttachStderr: bool.optional(),
  AttachStdout: bool.optional(),
  Detach: bool.optional(),
  DetachKeys: str.optional(),
  Env: strList.optional(),
  WorkingDir: str.optional(),
  Cmd: strList,
});

export { text };
