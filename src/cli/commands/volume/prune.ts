/** docker volume prune [OPTIONS] */
import type { CommandSpec, CommandContext } from '../../framework/command';
import { humanSize } from '../../../lib/units';
import { confirm, parseFilters } from '../system/cli-output';

export const VOLUME_PRUNE_WARNING = `WARNING! This will remove all local volumes not used by at least one container.
Are you sure you want to continue?`;

/** volume.RunPrune: reclaimed bytes and the "Deleted Volumes:" block ('' when nothing went) */
export async function runVolumePrune(ctx: CommandContext, filters: Record<string, string[]>): Promise<[number, string]> {
  const report = await ctx.client.volumesPrune(filters);
  const deleted = report.VolumesDeleted ?? [];
  if (deleted.length === 0) return [0, ''];
  return [report.SpaceReclaimed, `Deleted Volumes:\n${deleted.map((n) => `${n}\n`).join('')}`];
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
    if (!flags.bool('force') && !(await confirm(ctx, VOLUME_PRUNE_WARNING))) return;
    const [space, output] = await runVolumePrune(ctx, filters);
    if (output) ctx.io.stdout.write(`${output}\n`);
    ctx.io.stdout.write(`Total reclaimed space: ${humanSize(space)}\n`);
  },
};
