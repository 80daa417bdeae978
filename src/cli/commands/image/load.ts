/**
 * docker image load [OPTIONS]: from -i FILE or stdin. On a terminal the daemon
 * streams "Loading layer" progress bars; otherwise the CLI asks for quiet
 * output and only "Loaded image: …" lines come back.
 */
import { type Content, readContent } from '../../../api/fs';
import { readAllContent } from '../../../api/io';
import { CliError, type CommandSpec } from '../../framework/command';
import { jsonMessageSink } from '../../format/jsonmessage';
import { hostPath } from '../container/host-output';

export const imageLoadCommand: CommandSpec = {
  use: 'load [OPTIONS]',
  short: 'Load an image from a tar archive or STDIN',
  args: { kind: 'none' },
  flags: [
    { name: 'input', short: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the load output' },
  ],
  async run(ctx, flags) {
    const input = flags.string('input');
    let tar: Content;
    if (input) {
      try {
        tar = readContent(ctx.hostFs, hostPath(ctx.cwd, input));
      } catch (err) {
        const text = err instanceof Error && 'text' in err ? String(err.text).toLowerCase() : String(err);
        throw new CliError(`open ${input}: ${text}`);
      }
    } else {
      if (ctx.io.stdin.isTTY) throw new CliError('requested load from stdin, but stdin is empty');
      tar = await readAllContent(ctx.io.stdin);
    }
    const quiet = flags.bool('quiet') || !ctx.io.stdout.isTTY;
    const sink = jsonMessageSink(ctx.io.stdout);
    try {
      await ctx.client.imageLoad(tar, { quiet, onMessage: sink.onMessage });
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    const streamErr = sink.error();
    if (streamErr) throw new CliError(streamErr.message);
  },
};

/** docker load */
export const loadCommand: CommandSpec = { ...imageLoadCommand };
