/** docker container top CONTAINER [ps OPTIONS]: the daemon's ps table, columns at least 20 wide. */
import { CliError, type CommandSpec } from '../../framework/command';
import { tabwrite } from '../../format/tabwriter';

export const containerTopCommand: CommandSpec = {
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: { kind: 'min', n: 1 },
  stopAtFirstArg: true,
  async run(ctx, _flags, args) {
    let body: Awaited<ReturnType<typeof ctx.client.containerTop>>;
    try {
      body = await ctx.client.containerTop(args[0], args.slice(1).join(' '));
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    const lines = [body.Titles, ...body.Processes].map((r) => `${r.join('\t')}\n`).join('');
    ctx.io.stdout.write(tabwrite(lines, { minwidth: 20, padding: 3, padchar: ' ' }));
  },
};

/** docker top */
export const topCommand: CommandSpec = { ...containerTopCommand };
