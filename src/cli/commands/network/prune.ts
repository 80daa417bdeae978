/** docker network prune [OPTIONS] */
import type { CommandContext, CommandSpec } from '../../framework/command';
import { deletedBlock, runPruneCommand } from '../prune-command';
import { parseFilters } from '../system/cli-output';

export const NETWORK_PRUNE_WARNING = `WARNING! This will remove all custom networks not used by at least one container.
Are you sure you want to continue?`;

/** network.RunPrune: the "Deleted Networks:" block ('' when nothing went) */
export async function runNetworkPrune(ctx: CommandContext, filters: Record<string, string[]>): Promise<string> {
  const report = await ctx.client.networksPrune(filters);
  return deletedBlock('Networks', report.NetworksDeleted ?? []);
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
    const opts = { force: flags.bool('force'), warning: NETWORK_PRUNE_WARNING, total: false };
    await runPruneCommand(ctx, opts, async () => [0, await runNetworkPrune(ctx, filters)]);
  },
};
