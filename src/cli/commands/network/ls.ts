/** docker network ls [OPTIONS]: sorted by name, IDs cut to 12 unless --no-trunc */
import type { NetworkResource } from '../../../api/network';
import type { CommandSpec } from '../../framework/command';
import { naturalCompare, parseFilters, table } from '../system/cli-output';
import { formatRows } from '../system/template-output';
import { labelOf } from '../volume/ls';

/** the fields `--format` templates see (formatter networkContext) */
export function networkRow(n: NetworkResource, trunc: boolean): Record<string, unknown> {
  const labels = n.Labels ?? {};
  return {
    ID: trunc ? n.Id.slice(0, 12) : n.Id,
    Name: n.Name,
    Driver: n.Driver,
    Scope: n.Scope,
    IPv6: String(n.EnableIPv6),
    Internal: String(n.Internal),
    Labels: Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    Label: labelOf.bind(null, labels),
    CreatedAt: n.Created,
  };
}

export const networkLs: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List networks',
  args: { kind: 'none' },
  flags: [
    { name: 'filter', short: 'f', type: 'list', usage: "Provide filter values (e.g. 'driver=bridge')", valueName: 'filter' },
    { name: 'format', type: 'string', usage: 'Pretty-print networks using a Go template' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'));
    const list = (await ctx.client.networkList(filters)).sort((a, b) => naturalCompare(a.Name, b.Name));
    const trunc = !flags.bool('no-trunc');
    const format = flags.string('format');
    if (format && format !== 'table') {
      const header = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' };
      ctx.io.stdout.write(formatRows(format, list.map((n) => networkRow(n, trunc)), header, '*network.networkContext'));
      return;
    }
    const id = (n: NetworkResource) => (trunc ? n.Id.slice(0, 12) : n.Id);
    if (flags.bool('quiet')) {
      ctx.io.stdout.write(list.map((n) => `${id(n)}\n`).join(''));
      return;
    }
    ctx.io.stdout.write(table(['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], list.map((n) => [id(n), n.Name, n.Driver, n.Scope])));
  },
};
