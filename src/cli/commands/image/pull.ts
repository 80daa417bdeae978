import type { OutputStream } from '../../../api/io';
import { InvalidReferenceError, parseNormalizedNamed, refString, withDefaultTag } from '../../../lib/reference';
import { CliError, type CommandSpec } from '../../framework/command';
import { unsupportedError } from '../../framework/errors';
import { pullImageWithProgress } from './pull-image';

const discard: OutputStream = { isTTY: false, write: () => undefined };

export const pullCommand: CommandSpec = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Pull an image or a repository from a registry',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: true },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  async run(ctx, flags, args) {
    const remote = args[0];
    let ref: ReturnType<typeof parseNormalizedNamed>;
    try {
      ref = parseNormalizedNamed(remote);
    } catch (err) {
      if (err instanceof InvalidReferenceError) throw new CliError(err.message);
      throw err;
    }
    const all = flags.bool('all-tags');
    if (all && (ref.tag || ref.digest)) throw new CliError("tag can't be used with --all-tags/-a");
    if (all) throw unsupportedError(ctx, 'docker pull --all-tags');
    const quiet = flags.bool('quiet');
    if (!ref.tag && !ref.digest && !quiet) ctx.io.stdout.write(`Using default tag: latest\n`);
    const full = withDefaultTag(ref);
    await pullImageWithProgress(ctx, refString(full), quiet ? discard : ctx.io.stdout);
    ctx.io.stdout.write(`${refString(full)}\n`);
  },
};
