/** docker volume prune [OPTIONS] */
import type { CommandSpec, CommandContext } from '../../framework/command';
import { deletedBlock, type PruneResult, runPruneCommand } from '../prune-command';
import { parseFilters } from '../system/cli-output';

export const VOLUME_PRUNE_WARNING = `WARNING! This will remove all local volumes not used by at least one container.
Are you sure you want to continue?`;

/** volume.RunPrune: reclaimed bytes and the "Deleted Volumes:" block ('' when nothing went) */
export async function runVolumePrune(ctx: CommandContext, filters: Record<string, string[]>): Promise<PruneResult> {
  const report = await ctx.client.volumesPrune(filters);
  const deleted = report.VolumesDeleted ?? [];
  if (deleted.length === 0) return [0, ''];
  return [report.SpaceReclaimed, deletedBlock('Volumes', deleted)];
}

export const volumePrune: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all unused local volumes',
  args: { kind: 'none' },
  flags: [
    { name: 'filter', type: 'list', usage: "Provide filter values (e.g. 'label=<label>')", valueName: 'filter' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'), '--filter');
    const opts = { force: flags.bool('force'), warning: VOLUME_PRUNE_WARNING, total: true };
    await runPruneCommand(ctx, opts, () => runVolumePrune(ctx, filters));
  },
};
