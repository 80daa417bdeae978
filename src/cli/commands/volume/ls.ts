/** docker volume ls [OPTIONS] */
import type { Volume } from '../../../api/volume';
import type { CommandSpec } from '../../framework/command';
import { naturalCompare, parseFilters, table } from '../system/cli-output';
import { formatRows } from '../system/template-output';

/** the `.Label "key"` method of docker's formatter contexts */
export function labelOf(labels: Record<string, string>, name: string): string {
  return labels[name] ?? '';
}

/** the fields `--format` templates see (formatter volumeContext) */
export function volumeRow(v: Volume): Record<string, unknown> {
  const labels = v.Labels ?? {};
  return {
    Name: v.Name,
    Driver: v.Driver,
    Scope: v.Scope,
    Mountpoint: v.Mountpoint,
    Labels: Object.entries(labels)
      .map(([k, val]) => `${k}=${val}`)
      .join(','),
    Links: v.UsageData ? String(v.UsageData.RefCount) : 'N/A',
    Size: v.UsageData ? String(v.UsageData.Size) : 'N/A',
    Label: labelOf.bind(null, labels),
  };
}

export const volumeLs: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List volumes',
  args: { kind: 'none' },
  flags: [
    { name: 'filter', short: 'f', type: 'list', usage: "Provide filter values (e.g. 'dangling=true')", valueName: 'filter' },
    { name: 'format', type: 'string', usage: 'Pretty-print volumes using a Go template' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'));
    const { Volumes } = await ctx.client.volumeList(filters);
    const vols = [...Volumes].sort((a, b) => naturalCompare(a.Name, b.Name));
    const format = flags.string('format');
    const quiet = flags.bool('quiet');
    if (format && format !== 'table') {
      ctx.io.stdout.write(formatRows(format, vols.map(volumeRow), { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' }));
      return;
    }
    if (quiet) {
      ctx.io.stdout.write(vols.map((v) => `${v.Name}\n`).join(''));
      return;
    }
    ctx.io.stdout.write(table(['DRIVER', 'VOLUME NAME'], vols.map((v) => [v.Driver, v.Name])));
  },
};
