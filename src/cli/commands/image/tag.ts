import { CliError, type CommandSpec } from '../../framework/command';

const run: CommandSpec['run'] = async (ctx, _flags, args) => {
  try {
    await ctx.client.imageTag(args[0], args[1]);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
};

export const imageTagCommand: CommandSpec = {
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { kind: 'exact', n: 2 },
  run,
};

/** docker tag */
export const tagCommand: CommandSpec = { ...imageTagCommand };
