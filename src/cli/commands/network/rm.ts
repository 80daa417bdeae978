/** docker network rm NETWORK [NETWORK...]: each error goes to stderr at once, exit 1 at the end */
import type { CommandSpec } from '../../framework/command';
import { StatusError } from '../../framework/command';

export const networkRm: CommandSpec = {
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['remove'],
  short: 'Remove one or more networks',
  args: { kind: 'min', n: 1 },
  async run(ctx, _flags, args) {
    let status = 0;
    for (const name of args) {
      try {
        await ctx.client.networkRemove(name);
        ctx.io.stdout.write(`${name}\n`);
      } catch (err) {
        ctx.io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        status = 1;
      }
    }
    if (status !== 0) throw new StatusError(status);
  },
};
