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

export function updateContainer(engine: Engine, ref: string, update: ContainerUpdateConfig): { Warnings: string[] } {
  const c = engine.containers.resolve(ref);
  if (c.State.RemovalInProgress || c.State.Dead) throw conflict(`Cannot update container ${c.ID}: container is marked for removal and cannot be "update"`);
  const h = c.HostConfig;
  if (update.RestartPolicy && update.RestartPolicy.Name !== '') {
    if (h.AutoRemove && update.RestartPolicy.Name !== 'no') {
      throw invalidParameter(`Cannot update container ${c.ID}: Restart policy cannot be updated because AutoRemove is enabled for the container`);
    }
    verifyHostConfig({ ...h, RestartPolicy: update.RestartPolicy });
    h.RestartPolicy = { ...update.RestartPolicy };
  }
  if (update.NanoCpus && (update.CpuPeriod || update.CpuQuota)) {
    throw invalidParameter('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  }
  const target = h as unknown as Record<string, unknown>;
  const src = update as unknown as Record<string, unknown>;
  for (const k of RESOURCE_KEYS) {
    const v = src[k];
    if (v !== undefined && v !== null && v !== 0 && v !== '') target[k] = v;
  }
  emitContainerEvent(engine, c, 'update');
  return { Warnings: [] };
}
