/**
 * GET /containers/{id}/stats: resource usage samples (cgroup v1 layout of
 * types.StatsJSON). The numbers are simulated, deterministic and plausible:
 * memory from the container's processes, idle CPU, a few hundred bytes of
 * bridge chatter received, no block I/O. A stopped container reports zeros.
 * Streaming sends one sample per simulated second until the signal aborts.
 */
import type { ContainerStats, ContainerStatsOptions, CpuStats } from '../../../api/archive';
import type { ContainerRecord } from '../../containers/container-record';
import type { Engine } from '../../engine';
import { rfc3339Nano, ZERO_TIME } from '../../images/image-config';
import { MEM_TOTAL, NCPU } from '../../system/daemon-facts';
import { processMemory } from './top';

const NS = 1_000_000;

function cpu(total: number, system: number | undefined, online: number | undefined): CpuStats {
  return {
    cpu_usage: { total_usage: total, usage_in_kernelmode: Math.floor(total / 3), usage_in_usermode: total - Math.floor(total / 3) },
    system_cpu_usage: system,
    online_cpus: online,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
}

function zeroStats(c: ContainerRecord): ContainerStats {
  return {
    read: ZERO_TIME,
    preread: ZERO_TIME,
    pids_stats: {},
    blkio_stats: { io_service_bytes_recursive: null },
    num_procs: 0,
    cpu_stats: cpu(0, undefined, undefined),
    precpu_stats: cpu(0, undefined, undefined),
    memory_stats: {},
    name: c.Name,
    id: c.ID,
  };
}

/** one sample at `now`, the previous one a second earlier */
export function statsSample(c: ContainerRecord, now: number): ContainerStats {
  if (!c.State.Running || c.processes.length === 0) return zeroStats(c);
  const upMs = Math.max(0, now - c.State.StartedAt);
  const rssKiB = c.processes.reduce((n, p) => n + processMemory(p.info.argv).rss, 0);
  const usage = 320 * 1024 + (rssKiB * 1024) / 2;
  const limit = c.HostConfig.Memory > 0 ? Math.min(c.HostConfig.Memory, MEM_TOTAL) : MEM_TOTAL;
  // CPU time spent: a start-up cost, then (almost) idle
  const used = (t: number) => Math.floor(12 * NS + Math.max(0, t - c.State.StartedAt) * 20);
  const system = (t: number) => Math.floor(t * NS * NCPU) % 1e18;
  const bridge = Object.keys(c.NetworkSettings.Networks ?? {}).some((n) => n !== 'none' && n !== 'host');
  const rx = bridge && upMs >= 1000 ? 736 + 90 * Math.min(10, Math.floor(upMs / 60000)) : 0;
  const networks: ContainerStats['networks'] = {};
  let i = 0;
  for (const name of Object.keys(c.NetworkSettings.Networks ?? {})) {
    if (name === 'none' || name === 'host') continue;
    networks[`eth${i++}`] = { rx_bytes: rx, rx_packets: rx > 0 ? 8 : 0, tx_bytes: 0, tx_packets: 0 };
  }
  return {
    read: rfc3339Nano(now),
    preread: rfc3339Nano(now - 1000),
    pids_stats: { current: c.processes.length, limit: 4615 },
    blkio_stats: { io_service_bytes_recursive: [] },
    num_procs: 0,
    cpu_stats: cpu(used(now), system(now), NCPU),
    precpu_stats: cpu(used(now - 1000), system(now - 1000), NCPU),
    memory_stats: { usage, max_usage: usage + 4096 * 64, stats: { total_inactive_file: 0, inactive_file: 0, cache: 0 }, limit },
    name: c.Name,
    id: c.ID,
    networks: bridge ? networks : undefined,
  };
}

export function containerStats(engine: Engine, ref: string, opts: ContainerStatsOptions): Promise<void> {
  const c = engine.containers.resolve(ref);
  if (!opts.stream) {
    opts.onStats(statsSample(c, engine.clock.now()));
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    let cancel: (() => void) | undefined;
    const tick = () => {
      if (opts.signal?.aborted) return resolve();
      opts.onStats(statsSample(c, engine.clock.now()));
      cancel = engine.clock.setTimer(1000, tick);
    };
    opts.signal?.addEventListener('abort', () => {
      cancel?.();
      resolve();
    });
    tick();
  });
}
