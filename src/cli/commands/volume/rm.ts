/** docker volume rm [OPTIONS] VOLUME [VOLUME...]: prints each removed name, then the errors together. */
import type { CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';

export const volumeRm: CommandSpec = {
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  aliases: ['remove'],
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  example: '\n$ docker volume rm hello\nhello\n',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
  async run(ctx, flags, args) {
    const errs: string[] = [];
    for (const name of args) {
      try {
        await ctx.client.volumeRemove(name, flags.bool('force'));
        ctx.io.stdout.write(`${name}\n`);
      } catch (err) {
        errs.push(err instanceof Error ? err.message : String(err));
      }
    }
    if (errs.length > 0) throw new CliError(errs.join('\n'));
  },
};
