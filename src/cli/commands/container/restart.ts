/** docker restart / docker container restart [-t SECONDS] CONTAINER... */
import type { CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerRestartCommand: CommandSpec = {
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'time', short: 't', type: 'int', usage: 'Seconds to wait for stop before killing the container', default: 10 }],
  async run(ctx, flags, args) {
    const timeout = flags.changed.has('time') ? flags.int('time') : undefined;
    await forEachContainer(ctx, args, (name) => ctx.client.containerRestart(name, timeout));
  },
};

/** docker restart */
export const restartCommand: CommandSpec = { ...containerRestartCommand };
