/** docker rename / docker container rename CONTAINER NEW_NAME: prints nothing on success. */
import { CliError, type CommandSpec } from '../../framework/command';

export const containerRenameCommand: CommandSpec = {
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: { kind: 'exact', n: 2 },
  async run(ctx, _flags, args) {
    const oldName = (args[0] as string).trim();
    const newName = (args[1] as string).trim();
    if (oldName === '' || newName === '') throw new CliError('Error: Neither old nor new names may be empty');
    try {
      await ctx.client.containerRename(oldName, newName);
    } catch (err) {
      ctx.io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      throw new CliError(`Error: failed to rename container named ${oldName}`);
    }
  },
};

/** docker rename */
export const renameCommand: CommandSpec = { ...containerRenameCommand };
