/** docker container commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]: prints the new image ID. */
import { CliError, type CommandSpec } from '../../framework/command';

export const containerCommitCommand: CommandSpec = {
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Create a new image from a container's changes",
  args: { kind: 'range', min: 1, max: 2 },
  flags: [
    { name: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', short: 'p', type: 'bool', usage: 'Pause container during commit', default: true },
  ],
  async run(ctx, flags, args) {
    try {
      const res = await ctx.client.containerCommit(args[0], {
        reference: args[1] ?? '',
        comment: flags.string('message'),
        author: flags.string('author'),
        changes: flags.list('change'),
        pause: flags.bool('pause'),
      });
      ctx.io.stdout.write(`${res.Id}\n`);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
  },
};

/** docker commit */
export const commitCommand: CommandSpec = { ...containerCommitCommand };
