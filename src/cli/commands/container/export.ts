/** docker container export [OPTIONS] CONTAINER: the root filesystem as a tar on stdout or -o FILE. */
import { CliError, type CommandSpec } from '../../framework/command';
import { refuseTerminal, validateOutputPath, writeArchive } from './host-output';

export const containerExportCommand: CommandSpec = {
  use: 'export [OPTIONS] CONTAINER',
  short: "Export a container's filesystem as a tar archive",
  args: { kind: 'exact', n: 1 },
  flags: [{ name: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(ctx, flags, args) {
    const output = flags.string('output');
    refuseTerminal(ctx, output);
    if (output) {
      const bad = validateOutputPath(ctx, output);
      if (bad) throw new CliError(`failed to export container: ${bad}`);
    }
    let tar: Uint8Array;
    try {
      tar = await ctx.client.containerExport(args[0]);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    writeArchive(ctx, output, tar, 'failed to export container');
  },
};

/** docker export */
export const exportCommand: CommandSpec = { ...containerExportCommand };
