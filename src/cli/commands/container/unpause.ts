/** docker unpause / docker container unpause CONTAINER... */
import type { CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerUnpauseCommand: CommandSpec = {
  use: 'unpause CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  args: { kind: 'min', n: 1 },
  async run(ctx, _flags, args) {
    await forEachContainer(ctx, args, (name) => ctx.client.containerUnpause(name));
  },
};

/** docker unpause */
export const unpauseCommand: CommandSpec = { ...containerUnpauseCommand };
