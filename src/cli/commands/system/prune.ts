/**
 * docker system prune [OPTIONS]: stopped containers, unused networks,
 * (--volumes) unused volumes, dangling (-a: unused) images, build cache —
 * each part's report in that order, then the total reclaimed space.
 */
import type { CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';
import { humanSize } from '../../../lib/units';
import { runContainerPrune } from '../container/prune';
import { runImagePrune } from '../image/prune';
import { runNetworkPrune } from '../network/prune';
import type { PruneResult } from '../prune-command';
import { runVolumePrune } from '../volume/prune';
import { confirm, naturalCompare, parseFilters } from './cli-output';

export function systemPruneWarning(opts: { volumes: boolean; all: boolean; filters: Record<string, string[]> }): string {
  const warnings = ['all stopped containers', 'all networks not used by at least one container'];
  if (opts.volumes) warnings.push('all volumes not used by at least one container');
  warnings.push(opts.all ? 'all images without at least one container associated to them' : 'all dangling images');
  warnings.push(opts.all ? 'all build cache' : 'all dangling build cache');
  let out = `WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join('')}`;
  const shown: string[] = [];
  for (const name of ['label', 'label!', 'until']) for (const v of opts.filters[name] ?? []) shown.push(`${name}=${v}`);
  if (shown.length > 0) {
    shown.sort(naturalCompare);
    out += `\n  Items to be pruned will be filtered with:\n${shown.map((f) => `  - ${f}\n`).join('')}`;
  }
  return `${out}\nAre you sure you want to continue?`;
}

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', type: 'list', usage: "Provide filter values (e.g. 'label=<key>=<value>')", valueName: 'filter' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'volumes', type: 'bool', usage: 'Prune volumes' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'), '--filter');
    const volumes = flags.bool('volumes');
    const all = flags.bool('all');
    if (volumes && filters.until) throw new CliError('ERROR: The "until" filter is not supported with "--volumes"');
    if (!flags.bool('force') && !(await confirm(ctx, systemPruneWarning({ volumes, all, filters })))) return;
    let space = 0;
    const parts: (() => Promise<PruneResult>)[] = [
      () => runContainerPrune(ctx, filters),
      async () => [0, await runNetworkPrune(ctx, filters)],
    ];
    if (volumes) parts.push(() => runVolumePrune(ctx, filters));
    parts.push(() => runImagePrune(ctx, filters, all));
    // build cache: the legacy builder keeps no cache records, so that part reports nothing
    for (const part of parts) {
      const [n, output] = await part();
      space += n;
      if (output) ctx.io.stdout.write(`${output}\n`);
    }
    ctx.io.stdout.write(`Total reclaimed space: ${humanSize(space)}\n`);
  },
};
