/**
 * docker logs / docker container logs [-f] [-n N] [-t] [--since] [--until]
 * CONTAINER: stdout lines to stdout, stderr lines to stderr; -t prefixes
 * RFC3339Nano timestamps with nine fraction digits. -f follows until the
 * container stops or Ctrl-C (exit 130, as the shell reports a SIGINT death).
 */
import { type CommandSpec, StatusError } from '../../framework/command';

/** jsonmessage.RFC3339NanoFixed */
export function rfc3339NanoFixed(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export const containerLogsCommand: CommandSpec = {
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', default: 'all' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
  ],
  async run(ctx, flags, args) {
    const name = args[0] as string;
    const c = await ctx.client.containerInspect(name);
    const ts = flags.bool('timestamps');
    const interrupted = ctx.io.interrupt;
    await ctx.client.containerLogs(
      c.Id,
      {
        stdout: true,
        stderr: true,
        since: flags.string('since') || undefined,
        until: flags.string('until') || undefined,
        timestamps: ts,
        follow: flags.bool('follow'),
        tail: flags.string('tail'),
        details: flags.bool('details'),
      },
      (chunk) => {
        const text = ts ? `${rfc3339NanoFixed(chunk.time)} ${chunk.text}` : chunk.text;
        if (chunk.stream === 'stderr' && !c.Config.Tty) ctx.io.stderr.write(text);
        else ctx.io.stdout.write(text);
      },
      interrupted,
    );
    if (flags.bool('follow') && interrupted.aborted) throw new StatusError(130);
  },
};

/** docker logs */
export const logsCommand: CommandSpec = { ...containerLogsCommand };
