/**
 * docker ps / docker container ls|list|ps: the container table (docker/cli
 * formatter ContainerContext): COMMAND quoted and cut to 20 characters,
 * CREATED "N seconds ago", PORTS grouped, NAMES without the slash.
 */
import type { ContainerListOptions, ContainerSummary } from '../../../api/container';
import { familiarString, parseNormalizedNamed } from '../../../lib/reference';
import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import type { CommandContext, CommandSpec, ParsedFlags } from '../../framework/command';
import { ellipsis } from '../../format/ellipsis';
import { formatRows, resolveFormat } from '../../format/formatter';
import { cliNow } from '../../framework/now';
import { parseFilters } from '../system/cli-output';
import { displayablePorts } from './ports-display';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

const HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
};

/** stringid.TruncateID */
export function truncateId(id: string): string {
  const i = id.indexOf(':');
  const bare = i >= 0 ? id.slice(i + 1) : id;
  return bare.slice(0, 12);
}

const NEEDS_ESCAPE = /["\\\x00-\x1f\x7f]/;

/** Go strconv.Quote for the COMMAND column */
export function goQuote(s: string): string {
  // nothing to escape (the usual case): the text between quotes
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function imageColumn(c: ContainerSummary, trunc: boolean): string {
  if (c.Image === '') return '<no image>';
  if (!trunc) return c.Image;
  if (truncateId(c.ImageID) === truncateId(c.Image)) return truncateId(c.Image);
  let shown = familiarImages.get(c.Image);
  if (shown === undefined) {
    try {
      const ref = parseNormalizedNamed(c.Image);
      shown = familiarString({ domain: ref.domain, path: ref.path, tag: ref.tag });
    } catch {
      shown = c.Image;
    }
    if (familiarImages.size >= 1000) familiarImages.clear();
    familiarImages.set(c.Image, shown);
  }
  return shown;
}

/** IMAGE column texts by image reference (a pure function of the reference, cached) */
const familiarImages = new Map<string, string>();

/** the `.Label "key"` method of the container context */
function labelOf(labels: Record<string, string>, name: string): string {
  return labels[name] ?? '';
}

let lastTime: { sec: number; text: string } | undefined;

/** Go's time.Time String() in UTC; containers made in the same second share the text */
function goTimeString(sec: number): string {
  if (lastTime?.sec === sec) return lastTime.text;
  const iso = new Date(sec * 1000).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
  lastTime = { sec, text };
  return text;
}

/**
 * the row fields a format can reach: those it names (`.ID`, `$.Size`,
 * `.Label "k"`), or every one (undefined) when it may take the row whole
 * (`{{json .}}`, `{{range .}}`, `index . "Size"`, a bare `$`). Docker's
 * ContainerContext computes a column only when the template calls its method;
 * the rows here leave out what the format cannot reach, which changes no output.
 */
export function fieldsNamed(format: string): ReadonlySet<string> | undefined {
  if (/(?:^|[^\w])\.(?![A-Za-z_])|\$(?![\w.])/.test(format)) return undefined;
  const out = new Set<string>();
  for (const m of format.matchAll(/\.([A-Za-z_]\w*)/g)) out.add(m[1] as string);
  return out;
}

function wanted(fields: ReadonlySet<string> | undefined, k: string): boolean {
  return fields === undefined || fields.has(k);
}

/** the template's row for a container; `fields`: only these (fieldsNamed), else all */
export function containerRow(c: ContainerSummary, trunc: boolean, now: number, fields?: ReadonlySet<string>): Record<string, unknown> {
  const labels = c.Labels ?? {};
  const row: Record<string, unknown> = {};
  if (wanted(fields, 'ID')) row.ID = trunc ? truncateId(c.Id) : c.Id;
  if (wanted(fields, 'Image')) row.Image = imageColumn(c, trunc);
  if (wanted(fields, 'Command')) row.Command = goQuote(trunc ? ellipsis(c.Command, 20) : c.Command);
  if (wanted(fields, 'CreatedAt')) row.CreatedAt = goTimeString(c.Created);
  if (wanted(fields, 'RunningFor')) row.RunningFor = `${humanDuration(now - c.Created * 1000)} ago`;
  if (wanted(fields, 'Ports')) row.Ports = displayablePorts(c.Ports);
  if (wanted(fields, 'State')) row.State = c.State;
  if (wanted(fields, 'Status')) row.Status = c.Status;
  if (wanted(fields, 'Size')) {
    const srw = humanSizeWithPrecision(c.SizeRw ?? 0, 3);
    row.Size = (c.SizeRootFs ?? 0) > 0 ? `${srw} (virtual ${humanSizeWithPrecision(c.SizeRootFs ?? 0, 3)})` : srw;
  }
  if (wanted(fields, 'Names')) row.Names = namesColumn(c.Names, trunc);
  if (wanted(fields, 'Labels')) {
    row.Labels =
      Object.keys(labels).length === 0
        ? ''
        : Object.entries(labels)
            .map(([k, v]) => `${k}=${v}`)
            .sort()
            .join(',');
  }
  if (wanted(fields, 'Label')) row.Label = labelOf.bind(null, labels);
  if (wanted(fields, 'Mounts')) {
    row.Mounts =
      c.Mounts.length === 0
        ? ''
        : c.Mounts.map((m) => {
            const n = m.Name || m.Source;
            return trunc ? ellipsis(n, 15) : n;
          }).join(',');
  }
  if (wanted(fields, 'LocalVolumes')) row.LocalVolumes = String(c.Mounts.filter((m) => m.Type === 'volume').length);
  if (wanted(fields, 'Networks')) {
    const netKeys = Object.keys(c.NetworkSettings?.Networks ?? {});
    row.Networks = netKeys.length === 1 ? (netKeys[0] as string) : netKeys.sort().join(',');
  }
  return row;
}

/** NAMES: without the slash; truncated, the first name without another slash (a link's alias) */
function namesColumn(all: string[], trunc: boolean): string {
  if (all.length === 1) {
    // the usual case: one name
    const n = all[0] as string;
    return n.startsWith('/') ? n.slice(1) : n;
  }
  const names = all.map((n) => (n.startsWith('/') ? n.slice(1) : n));
  if (trunc) {
    const plain = names.find((n) => !n.includes('/'));
    if (plain !== undefined) return plain;
  }
  return names.join(',');
}

async function runPs(ctx: CommandContext, flags: ParsedFlags): Promise<void> {
  const quiet = flags.bool('quiet');
  let source = flags.string('format');
  if (source === '') source = 'table';
  const format = resolveFormat(source, { table: flags.bool('size') ? `${DEFAULT_TABLE}\t{{.Size}}` : DEFAULT_TABLE }, quiet);
  const last = flags.int('last');
  const opts: ContainerListOptions = {
    all: flags.bool('all'),
    limit: flags.bool('latest') && last === -1 ? 1 : Math.max(last, 0),
    size: flags.bool('size') || /\.Size\b/.test(format),
    filters: parseFilters(ctx, flags.list('filter')),
  };
  const list = await ctx.client.containerList(opts);
  const trunc = !flags.bool('no-trunc');
  const now = cliNow(ctx);
  const fields = fieldsNamed(format);
  ctx.io.stdout.write(formatRows(format, list.map((c) => containerRow(c, trunc, now, fields)), HEADERS));
}

const FLAGS: CommandSpec['flags'] = [
  { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
  { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
  { name: 'format', type: 'string', usage: 'Pretty-print containers using a Go template' },
  { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', default: -1 },
  { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
  { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
  { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
];

export const containerLsCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['ps', 'list'],
  short: 'List containers',
  args: { kind: 'none' },
  flags: FLAGS,
  run: (ctx, flags) => runPs(ctx, flags),
};

/** docker ps */
export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: { kind: 'none' },
  flags: FLAGS,
  run: (ctx, flags) => runPs(ctx, flags),
};
