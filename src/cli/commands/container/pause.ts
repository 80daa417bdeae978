/** docker pause / docker container pause CONTAINER... */
import type { CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerPauseCommand: CommandSpec = {
  use: 'pause CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  args: { kind: 'min', n: 1 },
  async run(ctx, _flags, args) {
    await forEachContainer(ctx, args, (name) => ctx.client.containerPause(name));
  },
};

/** docker pause */
export const pauseCommand: CommandSpec = { ...containerPauseCommand };
