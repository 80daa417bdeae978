/**
 * docker rm / docker container rm [-f] [-v] CONTAINER...: with -f an unknown
 * container is reported but does not fail the command (docker/cli rm.go).
 */
import { ClientError } from '../../../api/errors';
import { CliError, type CommandSpec } from '../../framework/command';
import { forEachContainer } from './batch';

export const containerRmCommand: CommandSpec = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['remove'],
  short: 'Remove one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  async run(ctx, flags, args) {
    const force = flags.bool('force');
    await forEachContainer(
      ctx,
      args,
      async (raw) => {
        const name = raw.replace(/^\/+|\/+$/g, '');
        if (name === '') throw new CliError('Container name cannot be empty');
        if (flags.bool('link')) throw new CliError('Error response from daemon: Conflict, cannot remove the default link name of the container');
        await ctx.client.containerRemove(name, { force, removeVolumes: flags.bool('volumes') });
      },
      { tolerate: (err) => force && err instanceof ClientError && err.kind === 'NotFound' },
    );
  },
};

/** docker rm */
export const rmCommand: CommandSpec = { ...containerRmCommand };
