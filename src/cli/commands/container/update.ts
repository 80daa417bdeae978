/** docker update / docker container update [OPTIONS] CONTAINER...: resource limits and the restart policy. */
import type { ContainerUpdateConfig } from '../../../api/container';
import { CliError, type CommandSpec } from '../../framework/command';
import { reportError } from '../../framework/errors';
import { OptionsError, parseRestartPolicy } from './container-options';

export const containerUpdateCommand: CommandSpec = {
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'blkio-weight', type: 'uint', valueName: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
    { name: 'cpu-period', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-rt-period', type: 'int', usage: 'Limit the CPU real-time period in microseconds' },
    { name: 'cpu-rt-runtime', type: 'int', usage: 'Limit the CPU real-time runtime in microseconds' },
    { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpus', type: 'string', valueName: 'decimal', usage: 'Number of CPUs' },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'kernel-memory', type: 'bytes', usage: 'Kernel memory limit' },
    { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
    { name: 'memory-swap', type: 'bytes', usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
    { name: 'pids-limit', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)' },
    { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  async run(ctx, flags, args) {
    if (flags.changed.size === 0) throw new CliError('you must provide one or more flags when using this command');
    const num = (n: string) => (typeof flags.values[n] === 'number' ? (flags.values[n] as number) : 0);
    const update: ContainerUpdateConfig = {
      BlkioWeight: num('blkio-weight'),
      CpuPeriod: num('cpu-period'),
      CpuQuota: num('cpu-quota'),
      CpuRealtimePeriod: num('cpu-rt-period'),
      CpuRealtimeRuntime: num('cpu-rt-runtime'),
      CpuShares: num('cpu-shares'),
      CpusetCpus: flags.string('cpuset-cpus'),
      CpusetMems: flags.string('cpuset-mems'),
      KernelMemory: num('kernel-memory'),
      Memory: num('memory'),
      MemoryReservation: num('memory-reservation'),
      MemorySwap: num('memory-swap'),
      PidsLimit: flags.changed.has('pids-limit') ? num('pids-limit') : null,
    };
    if (flags.string('cpus') !== '') {
      const n = Number(flags.string('cpus'));
      if (!Number.isFinite(n)) throw reportError('update', `invalid argument "${flags.string('cpus')}" for "--cpus" flag: failed to parse ${flags.string('cpus')} as a rational number`);
      update.NanoCpus = Math.round(n * 1e9);
    }
    if (flags.changed.has('restart')) {
      try {
        update.RestartPolicy = parseRestartPolicy(flags.string('restart'));
      } catch (err) {
        if (err instanceof OptionsError) throw new CliError(err.message);
        throw err;
      }
    }
    const errs: string[] = [];
    const warns: string[] = [];
    for (const name of args) {
      try {
        const r = await ctx.client.containerUpdate(name, update);
        ctx.io.stdout.write(`${name}\n`);
        warns.push(...r.Warnings);
      } catch (err) {
        errs.push(err instanceof Error ? err.message : String(err));
      }
    }
    if (warns.length > 0) ctx.io.stdout.write(`${warns.join('\n')}\n`);
    if (errs.length > 0) throw new CliError(errs.join('\n'));
  },
};

/** docker update */
export const updateCommand: CommandSpec = { ...containerUpdateCommand };
