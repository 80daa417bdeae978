/** docker network prune [OPTIONS] */
import type { CommandContext, CommandSpec } from '../../framework/command';
import { confirm, parseFilters } from '../system/cli-output';

export const NETWORK_PRUNE_WARNING = `WARNING! This will remove all custom networks not used by at least one container.
Are you sure you want to continue?`;

/** network.RunPrune: the "Deleted Networks:" block ('' when nothing went) */
export async function runNetworkPrune(ctx: CommandContext, filters: Record<string, string[]>): Promise<string> {
  const report = await ctx.client.networksPrune(filters);
  const deleted = report.NetworksDeleted ?? [];
  return deleted.length ? `Deleted Networks:\n${deleted.map((n) => `${n}\n`).join('')}` : '';
}

export const networkPrune: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { kind: 'none' },
  flags: [
    { name: 'filter', type: 'list', usage: "Provide filter values (e.g. 'until=<timestamp>')", valueName: 'filter' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'), '--filter');
    if (!flags.bool('force') && !(await confirm(ctx, NETWORK_PRUNE_WARNING))) return;
    const output = await runNetworkPrune(ctx, filters);
    if (output) ctx.io.stdout.write(`${output}\n`);
  },
};
