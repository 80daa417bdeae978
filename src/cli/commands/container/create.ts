/** docker create / docker container create: a new container, its ID on stdout. */
import type { CommandSpec } from '../../framework/command';
import { reportError } from '../../framework/errors';
import { OptionsError, parseContainerOptions } from './container-options';
import { createWithPull } from './create-container';
import { refuseUnsupported } from './run';
import { CONTAINER_FLAGS } from './run-flags';

export const containerCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: { kind: 'min', n: 1 },
  flags: CONTAINER_FLAGS.map((f) => (f.name === 'pull' ? { ...f, usage: 'Pull image before creating ("always"|"missing"|"never")' } : f)),
  stopAtFirstArg: true,
  async run(ctx, flags, args) {
    let opts: ReturnType<typeof parseContainerOptions>;
    try {
      opts = parseContainerOptions(ctx, flags, args);
    } catch (err) {
      if (err instanceof OptionsError) throw reportError('create', err.message);
      throw err;
    }
    refuseUnsupported(ctx, 'create', flags);
    // runCreate returns createContainer's error as it is (exit 1), unlike run's reportError
    const { Id } = await createWithPull(ctx, opts);
    ctx.io.stdout.write(`${Id}\n`);
  },
};

/** docker create */
export const createCommand: CommandSpec = { ...containerCreateCommand };
