/**
 * docker system df [OPTIONS]: docker/cli formatter/disk_usage.go — one row
 * per kind (Images, Containers, Local Volumes, Build Cache) with TOTAL,
 * ACTIVE, SIZE and RECLAIMABLE ("17.54MB (100%)", plain "0B" when the total
 * is 0), or with -v a table per kind.
 */
import type { DiskUsage, DiskUsageContainer, DiskUsageImage } from '../../../api/system';
import { CliError, type CommandSpec } from '../../framework/command';
import { goStruct, parseTemplate, type Template, TemplateError } from '../../format/template';
import { humanDuration, humanSize } from '../../../lib/units';
import { table } from './cli-output';
import { formatRows } from './template-output';

function reclaimable(reclaim: number, total: number): string {
  return total > 0 ? `${humanSize(reclaim)} (${Math.trunc((reclaim * 100) / total)}%)` : humanSize(reclaim);
}

function isActive(c: DiskUsageContainer): boolean {
  return ['running', 'paused', 'restarting'].some((s) => c.State.includes(s));
}

export interface DfRow {
  Type: string;
  TotalCount: string;
  Active: string;
  Size: string;
  Reclaimable: string;
}

export function summaryRows(du: DiskUsage): DfRow[] {
  let used = 0;
  for (const i of du.Images) if (i.Containers !== 0 && i.VirtualSize !== -1 && i.SharedSize !== -1) used += i.VirtualSize - i.SharedSize;
  const cTotal = du.Containers.reduce((n, c) => n + c.SizeRw, 0);
  const cReclaim = du.Containers.filter((c) => !isActive(c)).reduce((n, c) => n + c.SizeRw, 0);
  const sized = du.Volumes.filter((v) => v.UsageData && v.UsageData.Size !== -1);
  const vTotal = sized.reduce((n, v) => n + (v.UsageData?.Size ?? 0), 0);
  const vReclaim = sized.filter((v) => v.UsageData?.RefCount === 0).reduce((n, v) => n + (v.UsageData?.Size ?? 0), 0);
  const bSize = du.BuilderSize ?? 0;
  const bInUse = du.BuildCache.filter((b) => b.InUse && !b.Shared).reduce((n, b) => n + b.Size, 0);
  return [
    {
      Type: 'Images',
      TotalCount: String(du.Images.length),
      Active: String(du.Images.filter((i) => i.Containers > 0).length),
      Size: humanSize(du.LayersSize),
      Reclaimable: reclaimable(du.LayersSize - used, du.LayersSize),
    },
    {
      Type: 'Containers',
      TotalCount: String(du.Containers.length),
      Active: String(du.Containers.filter(isActive).length),
      Size: humanSize(cTotal),
      Reclaimable: reclaimable(cReclaim, cTotal),
    },
    {
      Type: 'Local Volumes',
      TotalCount: String(du.Volumes.length),
      Active: String(du.Volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length),
      Size: humanSize(vTotal),
      Reclaimable: reclaimable(vReclaim, vTotal),
    },
    {
      Type: 'Build Cache',
      TotalCount: String(du.BuildCache.length),
      Active: String(du.BuildCache.filter((b) => b.InUse).length),
      Size: humanSize(bSize),
      Reclaimable: humanSize(bSize - bInUse),
    },
  ];
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function repoTag(i: DiskUsageImage): [string, string] {
  const tag = i.RepoTags?.[0];
  if (!tag || tag === '<none>:<none>') return ['<none>', '<none>'];
  const colon = tag.lastIndexOf(':');
  return colon > tag.lastIndexOf('/') ? [tag.slice(0, colon), tag.slice(colon + 1)] : [tag, '<none>'];
}

function ago(nowSec: number, createdSec: number): string {
  return `${humanDuration((nowSec - createdSec) * 1000)} ago`;
}

function ellipsis(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

export function verboseText(du: DiskUsage, nowMs: number): string {
  const now = Math.floor(nowMs / 1000);
  let out = 'Images space usage:\n\n';
  out += table(
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'],
    du.Images.map((i) => {
      const [repo, tag] = repoTag(i);
      return [
        repo,
        tag,
        shortId(i.Id),
        ago(now, i.Created),
        humanSize(i.Size),
        i.SharedSize === -1 ? 'N/A' : humanSize(i.SharedSize),
        i.SharedSize === -1 ? 'N/A' : humanSize(i.VirtualSize - i.SharedSize),
        i.Containers === -1 ? 'N/A' : String(i.Containers),
      ];
    }),
  );
  out += '\nContainers space usage:\n\n';
  out += table(
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'],
    du.Containers.map((c) => [
      c.Id.slice(0, 12),
      c.Image,
      `"${ellipsis(c.Command, 20)}"`,
      String(c.Mounts.filter((m) => m.Type === 'volume').length),
      humanSize(c.SizeRw),
      ago(now, c.Created),
      c.Status,
      c.Names.map((n) => n.replace(/^\//, '')).join(','),
    ]),
  );
  out += '\nLocal Volumes space usage:\n\n';
  out += table(
    ['VOLUME NAME', 'LINKS', 'SIZE'],
    du.Volumes.map((v) => [v.Name, v.UsageData ? String(v.UsageData.RefCount) : 'N/A', v.UsageData ? humanSize(v.UsageData.Size) : 'N/A']),
  );
  out += `\nBuild cache usage: ${humanSize(du.BuilderSize ?? 0)}\n\n`;
  out += table(['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], []);
  return out;
}

/**
 * -v with a custom --format: the template runs once over the whole usage
 * (formatter.diskUsageContext: Images, Containers, Volumes, BuildCache), and
 * its output is written as it is, without a newline.
 */
function verboseTemplate(format: string, du: DiskUsage, nowMs: number): string {
  const now = Math.floor(nowMs / 1000);
  const images = du.Images.map((i) => {
    const [repo, tag] = repoTag(i);
    return goStruct(
      {
        Repository: repo,
        Tag: tag,
        ID: shortId(i.Id),
        CreatedSince: ago(now, i.Created),
        Size: humanSize(i.Size),
        SharedSize: i.SharedSize === -1 ? 'N/A' : humanSize(i.SharedSize),
        UniqueSize: i.SharedSize === -1 ? 'N/A' : humanSize(i.VirtualSize - i.SharedSize),
        Containers: i.Containers === -1 ? 'N/A' : String(i.Containers),
      },
      '*formatter.imageContext',
    );
  });
  const containers = du.Containers.map((c) =>
    goStruct(
      {
        ID: c.Id.slice(0, 12),
        Image: c.Image,
        Command: `"${ellipsis(c.Command, 20)}"`,
        LocalVolumes: String(c.Mounts.filter((m) => m.Type === 'volume').length),
        Size: humanSize(c.SizeRw),
        RunningFor: ago(now, c.Created),
        Status: c.Status,
        Names: c.Names.map((n) => n.replace(/^\//, '')).join(','),
      },
      '*formatter.ContainerContext',
    ),
  );
  const volumes = du.Volumes.map((v) =>
    goStruct(
      { Name: v.Name, Links: v.UsageData ? String(v.UsageData.RefCount) : 'N/A', Size: v.UsageData ? humanSize(v.UsageData.Size) : 'N/A' },
      '*formatter.volumeContext',
    ),
  );
  const duc = goStruct({ Images: images, Containers: containers, Volumes: volumes, BuildCache: [] }, '*formatter.diskUsageContext');
  const text = format.replace(/^table\s*/, '').replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  let tmpl: Template;
  try {
    tmpl = parseTemplate(text);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
    throw err;
  }
  try {
    return tmpl.execute(duc);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(err.message);
    throw err;
  }
}

export const dfCommand: CommandSpec = {
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  args: { kind: 'none' },
  flags: [
    { name: 'format', type: 'string', usage: 'Pretty-print images using a Go template' },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  async run(ctx, flags) {
    const du = await ctx.client.diskUsage();
    const format = flags.string('format');
    if (flags.bool('verbose')) {
      const info = await ctx.client.info();
      const now = Date.parse(info.SystemTime);
      if (!format || format === 'table') ctx.io.stdout.write(verboseText(du, now));
      else ctx.io.stdout.write(verboseTemplate(format, du, now));
      return;
    }
    const rows = summaryRows(du);
    if (format && format !== 'table') {
      const header = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
      ctx.io.stdout.write(formatRows(format, rows.map((r) => ({ ...r })), header, '*formatter.diskUsageImagesContext'));
      return;
    }
    ctx.io.stdout.write(table(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], rows.map((r) => [r.Type, r.TotalCount, r.Active, r.Size, r.Reclaimable])));
  },
};
