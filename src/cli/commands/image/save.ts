/** docker image save [OPTIONS] IMAGE [IMAGE...]: a docker image archive on stdout or -o FILE. */
import { CliError, type CommandSpec } from '../../framework/command';
import { refuseTerminal, validateOutputPath, writeArchive } from '../container/host-output';

export const imageSaveCommand: CommandSpec = {
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(ctx, flags, args) {
    const output = flags.string('output');
    refuseTerminal(ctx, output);
    if (output) {
      const bad = validateOutputPath(ctx, output);
      if (bad) throw new CliError(`failed to save image: ${bad}`);
    }
    let tar: Uint8Array;
    try {
      tar = await ctx.client.imageSave(args);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    writeArchive(ctx, output, tar, 'failed to save image');
  },
};

/** docker save */
export const saveCommand: CommandSpec = { ...imageSaveCommand };
