import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import { CliError, type CommandSpec } from '../../framework/command';
import { ellipsis, renderFormat, type Row } from './format';
import { cliNow } from '../../framework/now';

const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
const DEFAULT = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

/** time.Time.Format(time.RFC3339) of unix seconds (UTC) */
function rfc3339(sec: number): string {
  return new Date(sec * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

const run: CommandSpec['run'] = async (ctx, flags, args) => {
  let items: Awaited<ReturnType<typeof ctx.client.imageHistory>>;
  try {
    items = await ctx.client.imageHistory(args[0]);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  const human = flags.bool('human');
  const noTrunc = flags.bool('no-trunc');
  const now = cliNow(ctx);
  const rows: Row[] = items.map((h) => {
    const id = h.Id === '<missing>' || noTrunc ? h.Id : h.Id.replace(/^sha256:/, '').slice(0, 12);
    let createdBy = h.CreatedBy.replace(/\t/g, ' ');
    if (!noTrunc) createdBy = ellipsis(createdBy, 45);
    return {
      ID: id,
      CreatedSince: human ? `${humanDuration(now - h.Created * 1000)} ago` : rfc3339(h.Created),
      CreatedAt: rfc3339(h.Created),
      CreatedBy: createdBy,
      Size: human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size),
      Comment: h.Comment,
    };
  });
  let format = flags.string('format');
  if (flags.bool('quiet')) format = '{{.ID}}';
  ctx.io.stdout.write(renderFormat(format, DEFAULT, HEADERS, rows, '*formatter.historyContext'));
};

export const imageHistoryCommand: CommandSpec = {
  use: 'history [OPTIONS] IMAGE',
  short: 'Show the history of an image',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'format', type: 'string', usage: 'Pretty-print images using a Go template' },
    { name: 'human', short: 'H', type: 'bool', usage: 'Print sizes and dates in human readable format', default: true },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  run,
};

/** docker history */
export const historyCommand: CommandSpec = { ...imageHistoryCommand };
