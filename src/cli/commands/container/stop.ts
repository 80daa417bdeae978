/** docker stop / docker container stop [-t SECONDS] CONTAINER... */
import type { CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerStopCommand: CommandSpec = {
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'time', short: 't', type: 'int', usage: 'Seconds to wait for stop before killing it', default: 10 }],
  async run(ctx, flags, args) {
    const timeout = flags.changed.has('time') ? flags.int('time') : undefined;
    await forEachContainer(ctx, args, (name) => ctx.client.containerStop(name, timeout));
  },
};

/** docker stop */
export const stopCommand: CommandSpec = { ...containerStopCommand };
