/**
 * POST /containers/{id}/update (`docker update`): change resource limits and
 * the restart policy of a container (moby ContainerUpdate). The simulator
 * records the limits; the restart policy takes effect at the next exit.
 */
import type { ContainerUpdateConfig } from '../../../api/container';
import { conflict, invalidParameter } from '../../../api/errors';
import type { Engine } from '../../engine';
import { verifyHostConfig } from '../host-config';
import { emitContainerEvent } from '../lifecycle';

const RESOURCE_KEYS = [
  'BlkioWeight',
  'CpuPeriod',
  'CpuQuota',
  'CpuRealtimePeriod',
  'CpuRealtimeRuntime',
  'CpuShares',
  'NanoCpus',
  'CpusetCpus',
  'CpusetMems',
  'KernelMemory',
  'Memory',
  'MemoryReservation',
  'MemorySwap',
  'PidsLimit',
] as const;

/** linuxMinMemory: 6 MiB */
const MIN_MEMORY = 6 * 1024 * 1024;

export function updateContainer(engine: Engine, ref: string, update: ContainerUpdateConfig): { Warnings: string[] } {
  const c = engine.containers.resolve(ref);
  if (c.State.RemovalInProgress || c.State.Dead) throw conflict(`Cannot update container ${c.ID}: container is marked for removal and cannot be "update"`);
  const h = c.HostConfig;
  const policy = update.RestartPolicy && update.RestartPolicy.Name !== '' ? update.RestartPolicy : undefined;
  // verifyContainerSettings
  if (policy) verifyHostConfig({ ...h, AutoRemove: false, RestartPolicy: policy });
  if (update.NanoCpus && (update.CpuPeriod || update.CpuQuota)) {
    throw invalidParameter('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  }
  // verifyPlatformContainerResources (a host with memory and swap limits)
  const memory = update.Memory ?? 0;
  const swap = update.MemorySwap ?? 0;
  if (memory !== 0 && memory < MIN_MEMORY) throw invalidParameter('Minimum memory limit allowed is 6MB');
  if (memory > 0 && swap > 0 && swap < memory) throw invalidParameter('Minimum memoryswap limit should be larger than memory limit, see usage');
  // container.UpdateContainer: a new memory limit above the swap limit already set needs a new swap limit
  const cannot = (msg: string) => conflict(`Cannot update container ${c.ID}: ${msg}`);
  if (memory !== 0 && memory > h.MemorySwap && swap === 0) {
    throw cannot('Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time');
  }
  if (policy && h.AutoRemove && policy.Name !== 'no') throw cannot('Restart policy cannot be updated because AutoRemove is enabled for the container');
  if (policy) h.RestartPolicy = { ...policy };
  const target = h as unknown as Record<string, unknown>;
  const src = update as unknown as Record<string, unknown>;
  for (const k of RESOURCE_KEYS) {
    const v = src[k];
    if (v !== undefined && v !== null && v !== 0 && v !== '') target[k] = v;
  }
  emitContainerEvent(engine, c, 'update');
  return { Warnings: [] };
}
