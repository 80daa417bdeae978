/** docker container inspect [-f FORMAT] [-s] CONTAINER... */
import type { CommandSpec } from '../../framework/command';
import { printInspect } from './inspect-print';

export const containerInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  async run(ctx, flags, args) {
    await printInspect(ctx, args, flags.string('format'), (ref) => ctx.client.containerInspect(ref, { size: flags.bool('size') }));
  },
};
