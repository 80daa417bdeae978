import { humanSize } from '../../../lib/units';
import type { CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';
import { parseFilters } from './ls';

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.';
const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.';

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
    filters.dangling = [all ? 'false' : 'true'];
    if (!flags.bool('force')) {
      ctx.io.stdout.write(`${all ? ALL_WARNING : DANGLING_WARNING}\nAre you sure you want to continue? [y/N] `);
      const answer = (await ctx.io.stdin.readLine()) ?? '';
      if (answer.trim().toLowerCase() !== 'y') return 0;
    }
    let report: Awaited<ReturnType<typeof ctx.client.imagesPrune>>;
    try {
      report = await ctx.client.imagesPrune(filters);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    let out = '';
    if (report.ImagesDeleted?.length) {
      out += 'Deleted Images:\n';
      for (const d of report.ImagesDeleted) {
        if (d.Untagged) out += `untagged: ${d.Untagged}\n`;
        if (d.Deleted) out += `deleted: ${d.Deleted}\n`;
      }
      out += '\n';
    }
    out += `Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`;
    ctx.io.stdout.write(out);
  },
};
