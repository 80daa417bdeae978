/**
 * docker container stats [OPTIONS] [CONTAINER...]: usage computed from the
 * daemon's samples the way docker/cli does (CPU delta over system delta ×
 * online CPUs, memory minus inactive file cache, summed network and block
 * I/O). --no-stream prints one table; otherwise the screen is redrawn on each
 * sample until Ctrl-C.
 */
import type { ContainerStats } from '../../../api/archive';
import { bytesSize, humanSizeWithPrecision } from '../../../lib/units';
import { CliError, type CommandContext, type CommandSpec } from '../../framework/command';
import { formatRows } from '../system/template-output';

const HEADERS = {
  Container: 'CONTAINER',
  ID: 'CONTAINER ID',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};
const DEFAULT = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

const pct = (n: number) => `${n.toFixed(2)}%`;

export function statsRow(s: ContainerStats, typed: string, noTrunc: boolean): Record<string, string> {
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage;
  const sysDelta = (s.cpu_stats.system_cpu_usage ?? 0) - (s.precpu_stats.system_cpu_usage ?? 0);
  const online = s.cpu_stats.online_cpus ?? 0;
  const cpu = sysDelta > 0 && cpuDelta > 0 ? (cpuDelta / sysDelta) * online * 100 : 0;
  const usage = s.memory_stats.usage ?? 0;
  const inactive = s.memory_stats.stats?.total_inactive_file ?? s.memory_stats.stats?.inactive_file;
  const mem = inactive !== undefined && inactive < usage ? usage - inactive : usage;
  const limit = s.memory_stats.limit ?? 0;
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    rx += n.rx_bytes;
    tx += n.tx_bytes;
  }
  let read = 0;
  let write = 0;
  for (const e of s.blkio_stats.io_service_bytes_recursive ?? []) {
    const op = e.op.toLowerCase();
    if (op === 'read') read += e.value;
    else if (op === 'write') write += e.value;
  }
  return {
    Container: typed,
    ID: noTrunc ? s.id : s.id.slice(0, 12),
    Name: s.name.replace(/^\//, ''),
    CPUPerc: pct(cpu),
    MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`,
    MemPerc: pct(limit !== 0 ? (mem / limit) * 100 : 0),
    NetIO: `${humanSizeWithPrecision(rx, 3)} / ${humanSizeWithPrecision(tx, 3)}`,
    BlockIO: `${humanSizeWithPrecision(read, 3)} / ${humanSizeWithPrecision(write, 3)}`,
    PIDs: String(s.pids_stats.current ?? 0),
  };
}

async function targets(ctx: CommandContext, args: string[], all: boolean): Promise<string[]> {
  if (args.length > 0) return args;
  const list = await ctx.client.containerList({ all });
  return list.map((c) => c.Id);
}

export const containerStatsCommand: CommandSpec = {
  use: 'stats [OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  args: { kind: 'any' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'format', type: 'string', usage: 'Pretty-print images using a Go template' },
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  ],
  async run(ctx, flags, args) {
    const noTrunc = flags.bool('no-trunc');
    const format = flags.string('format') || DEFAULT;
    let names: string[];
    try {
      names = await targets(ctx, args, flags.bool('all'));
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    const latest = new Map<string, ContainerStats>();
    const render = () => {
      const rows = names.filter((n) => latest.has(n)).map((n) => statsRow(latest.get(n)!, n, noTrunc));
      return formatRows(format, rows, HEADERS, '*formatter.statsContext');
    };
    if (flags.bool('no-stream')) {
      const errors: string[] = [];
      for (const n of names) {
        try {
          await ctx.client.containerStats(n, { stream: false, onStats: (s) => latest.set(n, s) });
        } catch (err) {
          errors.push(err instanceof Error ? err.message : String(err));
        }
      }
      if (errors.length > 0) throw new CliError(errors.join('\n'));
      ctx.io.stdout.write(render());
      return;
    }
    const signal = ctx.io.interrupt;
    const redraw = () => {
      if (ctx.io.stdout.isTTY) ctx.io.stdout.write('\x1b[2J\x1b[H');
      ctx.io.stdout.write(render());
    };
    if (names.length === 0) redraw();
    const streams = names.map((n, i) =>
      ctx.client.containerStats(n, {
        stream: true,
        signal,
        onStats: (s) => {
          latest.set(n, s);
          if (i === names.length - 1 && latest.size === names.length) redraw();
        },
      }),
    );
    try {
      await Promise.all(streams);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
  },
};

/** docker stats */
export const statsCommand: CommandSpec = { ...containerStatsCommand };
