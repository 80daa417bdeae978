/** docker network inspect [OPTIONS] NETWORK [NETWORK...] */
import type { CommandSpec } from '../../framework/command';
import { inspectAll } from '../system/inspect-output';

export const networkInspect: CommandSpec = {
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  async run(ctx, flags, args) {
    return inspectAll(ctx, args, flags.string('format'), (ref) => ctx.client.networkInspect(ref));
  },
};
