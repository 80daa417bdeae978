/** docker image save [OPTIONS] IMAGE [IMAGE...]: a docker image archive on stdout or -o FILE. */
import type { CommandSpec } from '../../framework/command';
import { saveArchive } from '../container/host-output';

export const imageSaveCommand: CommandSpec = {
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(ctx, flags, args) {
    await saveArchive(ctx, flags.string('output'), 'failed to save image', () => ctx.client.imageSave(args));
  },
};

/** docker save */
export const saveCommand: CommandSpec = { ...imageSaveCommand };
