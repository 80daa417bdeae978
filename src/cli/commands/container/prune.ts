/** docker container prune [-f] [--filter until=…|label=…] */
import { humanSize } from '../../../lib/units';
import type { CommandSpec } from '../../framework/command';
import { confirm, parseFilters } from '../system/cli-output';

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

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
    if (!flags.bool('force') && !(await confirm(ctx, WARNING))) return;
    const report = await ctx.client.containersPrune(filters);
    let out = '';
    if (report.ContainersDeleted && report.ContainersDeleted.length > 0) {
      out += 'Deleted Containers:\n';
      for (const id of report.ContainersDeleted) out += `${id}\n`;
      out += '\n';
    }
    out += `Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`;
    ctx.io.stdout.write(out);
  },
};
