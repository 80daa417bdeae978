/**
 * docker image import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]: a file is read
 * from the host (sent as stdin, so the comment is "Imported from -"); a URL is
 * fetched by the daemon. Prints the daemon's status stream (the new ID).
 */
import type { ImageImportSource } from '../../../api/archive';
import { readContent } from '../../../api/fs';
import { readAllContent } from '../../../api/io';
import { CliError, type CommandSpec } from '../../framework/command';
import { jsonMessageSink } from '../../format/jsonmessage';
import { hostPath } from '../container/host-output';

const isUrl = (s: string) => s.startsWith('http://') || s.startsWith('https://');

export const imageImportCommand: CommandSpec = {
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  short: 'Import the contents from a tarball to create a filesystem image',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Set commit message for imported image' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
  ],
  async run(ctx, flags, args) {
    const [src, ref = ''] = args;
    let source: ImageImportSource;
    if (src === '-') {
      source = { bytes: await readAllContent(ctx.io.stdin) };
    } else if (isUrl(src)) {
      source = { url: src };
    } else {
      try {
        source = { bytes: readContent(ctx.hostFs, hostPath(ctx.cwd, src)) };
      } catch (err) {
        const text = err instanceof Error && 'text' in err ? String(err.text).toLowerCase() : String(err);
        throw new CliError(`open ${src}: ${text}`);
      }
    }
    const sink = jsonMessageSink(ctx.io.stdout);
    try {
      await ctx.client.imageImport(source, ref, {
        changes: flags.list('change'),
        message: flags.string('message'),
        platform: flags.string('platform'),
        onMessage: sink.onMessage,
      });
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    const streamErr = sink.error();
    if (streamErr) throw new CliError(streamErr.message);
  },
};

/** docker import */
export const importCommand: CommandSpec = { ...imageImportCommand };
