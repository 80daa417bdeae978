/** docker container export [OPTIONS] CONTAINER: the root filesystem as a tar on stdout or -o FILE. */
import type { CommandSpec } from '../../framework/command';
import { saveArchive } from './host-output';

export const containerExportCommand: CommandSpec = {
  use: 'export [OPTIONS] CONTAINER',
  short: "Export a container's filesystem as a tar archive",
  args: { kind: 'exact', n: 1 },
  flags: [{ name: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(ctx, flags, args) {
    await saveArchive(ctx, flags.string('output'), 'failed to export container', () => ctx.client.containerExport(args[0]));
  },
};

/** docker export */
export const exportCommand: CommandSpec = { ...containerExportCommand };
