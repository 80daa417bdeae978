/** docker wait / docker container wait CONTAINER...: each exit code on its own line. */
import type { CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerWaitCommand: CommandSpec = {
  use: 'wait CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  args: { kind: 'min', n: 1 },
  async run(ctx, _flags, args) {
    await forEachContainer(
      ctx,
      args,
      async (name) => {
        const { StatusCode } = await ctx.client.containerWait(name, undefined, ctx.io.interrupt);
        ctx.io.stdout.write(`${StatusCode}\n`);
      },
      { echo: false },
    );
  },
};

/** docker wait */
export const waitCommand: CommandSpec = { ...containerWaitCommand };
