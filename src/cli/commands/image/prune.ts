/** docker image prune [-a] [-f] [--filter until=…|label=…] */
import type { CommandContext, CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';
import { deletedBlock, type PruneResult, runPruneCommand } from '../prune-command';
import { parseFilters } from '../system/cli-output';

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
const ALL_WARNING =
  'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';

/** image.RunPrune: dangling (`all`: every unused) image; reclaimed bytes and the "Deleted Images:" block */
export async function runImagePrune(ctx: CommandContext, filters: Record<string, string[]>, all: boolean): Promise<PruneResult> {
  const report = await ctx.client.imagesPrune({ ...filters, dangling: [String(!all)] });
  const lines: string[] = [];
  for (const d of report.ImagesDeleted ?? []) {
    if (d.Untagged) lines.push(`untagged: ${d.Untagged}`);
    if (d.Deleted) lines.push(`deleted: ${d.Deleted}`);
  }
  return lines.length ? [report.SpaceReclaimed, deletedBlock('Images', lines)] : [0, ''];
}

export const imagePruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: "Provide filter values (e.g. 'until=<timestamp>')" },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'), '--filter');
    const all = flags.bool('all');
    const opts = { force: flags.bool('force'), warning: all ? ALL_WARNING : DANGLING_WARNING, total: true };
    await runPruneCommand(ctx, opts, async () => {
      try {
        return await runImagePrune(ctx, filters, all);
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err));
      }
    });
  },
};
