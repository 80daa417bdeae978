/** docker volume inspect [OPTIONS] VOLUME [VOLUME...] */
import type { CommandSpec } from '../../framework/command';
import { inspectAll } from '../system/inspect-output';

export const volumeInspect: CommandSpec = {
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' }],
  async run(ctx, flags, args) {
    return inspectAll(ctx, args, flags.string('format'), (name) => ctx.client.volumeInspect(name));
  },
};
