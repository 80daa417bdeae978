/** docker container prune [-f] [--filter until=…|label=…] */
import type { CommandContext, CommandSpec } from '../../framework/command';
import { deletedBlock, type PruneResult, runPruneCommand } from '../prune-command';
import { parseFilters } from '../system/cli-output';

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

/** container.RunPrune: reclaimed bytes and the "Deleted Containers:" block */
export async function runContainerPrune(ctx: CommandContext, filters: Record<string, string[]>): Promise<PruneResult> {
  const report = await ctx.client.containersPrune(filters);
  const ids = report.ContainersDeleted ?? [];
  return ids.length ? [report.SpaceReclaimed, deletedBlock('Containers', ids)] : [0, ''];
}

export const containerPruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { kind: 'none' },
  flags: [
    { name: 'filter', type: 'list', valueName: 'filter', usage: "Provide filter values (e.g. 'until=<timestamp>')" },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'), '--filter');
    await runPruneCommand(ctx, { force: flags.bool('force'), warning: WARNING, total: true }, () => runContainerPrune(ctx, filters));
  },
};
