/** docker network disconnect [OPTIONS] NETWORK CONTAINER */
import type { CommandSpec } from '../../framework/command';

export const networkDisconnect: CommandSpec = {
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { kind: 'exact', n: 2 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' }],
  async run(ctx, flags, args) {
    await ctx.client.networkDisconnect(args[0], args[1], flags.bool('force'));
  },
};
