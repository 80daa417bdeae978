/** docker network connect [OPTIONS] NETWORK CONTAINER */
import type { CommandSpec } from '../../framework/command';
import { unsupportedError } from '../../framework/errors';

export const networkConnect: CommandSpec = {
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { kind: 'exact', n: 2 },
  flags: [
    { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container', valueName: 'strings' },
    { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network', valueName: 'strings' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
    { name: 'link', type: 'list', usage: 'Add link to another container' },
    { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container', valueName: 'strings' },
  ],
  async run(ctx, flags, args) {
    if (flags.string('ip6') !== '') throw unsupportedError(ctx, '--ip6');
    if (flags.list('link').length > 0) throw unsupportedError(ctx, '--link');
    const ip = flags.string('ip');
    await ctx.client.networkConnect(args[0], {
      Container: args[1],
      EndpointConfig: {
        IPAMConfig: ip ? { IPv4Address: ip } : undefined,
        Aliases: flags.list('alias'),
      },
    });
  },
};
