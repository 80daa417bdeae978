/**
 * A container's HostConfig as the daemon stores it: what the client sent, in
 * Go's field order, zero values for what it did not send, and the daemon's
 * defaults (json-file logs, private IPC, 64 MiB /dev/shm, runc, masked paths).
 */
import { invalidParameter } from '../../api/errors';
import type { HostConfig } from '../../api/container';

const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

export function normalizeHostConfig(h: Partial<HostConfig> = {}): HostConfig {
  const privileged = h.Privileged ?? false;
  const out: Partial<HostConfig> = {
    Binds: h.Binds ?? null,
    ContainerIDFile: h.ContainerIDFile ?? '',
    LogConfig: { Type: h.LogConfig?.Type || 'json-file', Config: h.LogConfig?.Config ?? {} },
    NetworkMode: h.NetworkMode || 'default',
    PortBindings: h.PortBindings ?? {},
    RestartPolicy: { Name: h.RestartPolicy?.Name ?? '', MaximumRetryCount: h.RestartPolicy?.MaximumRetryCount ?? 0 },
    AutoRemove: h.AutoRemove ?? false,
    VolumeDriver: h.VolumeDriver ?? '',
    VolumesFrom: h.VolumesFrom ?? null,
    CapAdd: h.CapAdd ?? null,
    CapDrop: h.CapDrop ?? null,
    CgroupnsMode: h.CgroupnsMode || 'host',
    Dns: h.Dns ?? null,
    DnsOptions: h.DnsOptions ?? null,
    DnsSearch: h.DnsSearch ?? null,
    ExtraHosts: h.ExtraHosts ?? null,
    GroupAdd: h.GroupAdd ?? null,
    IpcMode: h.IpcMode || 'private',
    Cgroup: h.Cgroup ?? '',
    Links: h.Links ?? null,
    OomScoreAdj: h.OomScoreAdj ?? 0,
    PidMode: h.PidMode ?? '',
    Privileged: privileged,
    PublishAllPorts: h.PublishAllPorts ?? false,
    ReadonlyRootfs: h.ReadonlyRootfs ?? false,
    SecurityOpt: h.SecurityOpt ?? null,
  };
  if (h.StorageOpt && Object.keys(h.StorageOpt).length > 0) out.StorageOpt = h.StorageOpt;
  if (h.Tmpfs && Object.keys(h.Tmpfs).length > 0) out.Tmpfs = h.Tmpfs;
  out.UTSMode = h.UTSMode ?? '';
  out.UsernsMode = h.UsernsMode ?? '';
  out.ShmSize = h.ShmSize || 67108864;
  if (h.Sysctls && Object.keys(h.Sysctls).length > 0) out.Sysctls = h.Sysctls;
  Object.assign(out, {
    Runtime: h.Runtime || 'runc',
    ConsoleSize: h.ConsoleSize ?? [0, 0],
    Isolation: h.Isolation ?? '',
    CpuShares: h.CpuShares ?? 0,
    Memory: h.Memory ?? 0,
    NanoCpus: h.NanoCpus ?? 0,
    CgroupParent: h.CgroupParent ?? '',
    BlkioWeight: h.BlkioWeight ?? 0,
    BlkioWeightDevice: h.BlkioWeightDevice ?? null,
    BlkioDeviceReadBps: h.BlkioDeviceReadBps ?? null,
    BlkioDeviceWriteBps: h.BlkioDeviceWriteBps ?? null,
    BlkioDeviceReadIOps: h.BlkioDeviceReadIOps ?? null,
    BlkioDeviceWriteIOps: h.BlkioDeviceWriteIOps ?? null,
    CpuPeriod: h.CpuPeriod ?? 0,
    CpuQuota: h.CpuQuota ?? 0,
    CpuRealtimePeriod: h.CpuRealtimePeriod ?? 0,
    CpuRealtimeRuntime: h.CpuRealtimeRuntime ?? 0,
    CpusetCpus: h.CpusetCpus ?? '',
    CpusetMems: h.CpusetMems ?? '',
    Devices: h.Devices ?? null,
    DeviceCgroupRules: h.DeviceCgroupRules ?? null,
    DeviceRequests: h.DeviceRequests ?? null,
    KernelMemory: h.KernelMemory ?? 0,
    KernelMemoryTCP: h.KernelMemoryTCP ?? 0,
    MemoryReservation: h.MemoryReservation ?? 0,
    MemorySwap: h.MemorySwap ?? 0,
    MemorySwappiness: h.MemorySwappiness ?? null,
    OomKillDisable: h.OomKillDisable ?? false,
    PidsLimit: h.PidsLimit ?? null,
    Ulimits: h.Ulimits ?? null,
    CpuCount: h.CpuCount ?? 0,
    CpuPercent: h.CpuPercent ?? 0,
    IOMaximumIOps: h.IOMaximumIOps ?? 0,
    IOMaximumBandwidth: h.IOMaximumBandwidth ?? 0,
  });
  if (h.Mounts && h.Mounts.length > 0) out.Mounts = h.Mounts;
  out.MaskedPaths = h.MaskedPaths ?? (privileged ? null : [...MASKED_PATHS]);
  out.ReadonlyPaths = h.ReadonlyPaths ?? (privileged ? null : [...READONLY_PATHS]);
  if (h.Init !== undefined) out.Init = h.Init;
  // built field by field, `out` is a slow dictionary object (3 KB per container): a copy is compact
  return { ...out } as HostConfig;
}

/** daemon-side checks of verifyContainerSettings that concern the simulator */
export function verifyHostConfig(h: HostConfig): void {
  const p = h.RestartPolicy;
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (p.MaximumRetryCount !== 0) throw invalidParameter(`maximum retry count cannot be used with restart policy '${p.Name}'`);
      break;
    case 'on-failure':
      if (p.MaximumRetryCount < 0) throw invalidParameter('maximum retry count cannot be negative');
      break;
    case '':
      break;
    default:
      throw invalidParameter(`invalid restart policy '${p.Name}'`);
  }
  if (h.AutoRemove && p.Name !== '' && p.Name !== 'no') {
    throw invalidParameter("can't create 'AutoRemove' container with restart policy");
  }
  const portBindings = h.PortBindings ?? {};
  for (const port in portBindings) {
    if (!Object.hasOwn(portBindings, port)) continue;
    for (const b of portBindings[port] ?? []) {
      if (b.HostPort !== '' && !/^\d+(-\d+)?$/.test(b.HostPort)) throw invalidParameter(`invalid port specification: "${b.HostPort}"`);
    }
    if (!/^\d+(-\d+)?(\/[a-z]+)?$/.test(port)) throw invalidParameter(`invalid port specification: "${port}"`);
  }
}
