/** docker kill / docker container kill [-s SIGNAL] CONTAINER... */
import type { CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerKillCommand: CommandSpec = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container', default: 'KILL' }],
  async run(ctx, flags, args) {
    await forEachContainer(ctx, args, (name) => ctx.client.containerKill(name, flags.string('signal')));
  },
};

/** docker kill */
export const killCommand: CommandSpec = { ...containerKillCommand };
