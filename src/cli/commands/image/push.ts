import type { OutputStream } from '../../../api/io';
import { InvalidReferenceError, parseNormalizedNamed, refString } from '../../../lib/reference';
import { CliError, type CommandSpec } from '../../framework/command';
import { jsonMessageSink } from '../../format/jsonmessage';
import { authFor } from '../registry/auth-config';

const discard: OutputStream = { isTTY: false, write: () => undefined };

export const pushCommand: CommandSpec = {
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Push an image or a repository to a registry',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', default: true },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  async run(ctx, flags, args) {
    let ref: ReturnType<typeof parseNormalizedNamed>;
    try {
      ref = parseNormalizedNamed(args[0]);
    } catch (err) {
      if (err instanceof InvalidReferenceError) throw new CliError(err.message);
      throw err;
    }
    const all = flags.bool('all-tags');
    if (all && (ref.tag || ref.digest)) throw new CliError("tag can't be used with --all-tags/-a");
    const quiet = flags.bool('quiet');
    if (!all && !ref.tag && !ref.digest) {
      ref = { ...ref, tag: 'latest' };
      if (!quiet) ctx.io.stdout.write('Using default tag: latest\n');
    }
    const sink = jsonMessageSink(quiet ? discard : ctx.io.stdout);
    try {
      await ctx.client.imagePush(refString(ref), { auth: authFor(ctx, ref.domain), onMessage: sink.onMessage });
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    const e = sink.error();
    if (e) throw new CliError(e.message);
    if (quiet) ctx.io.stdout.write(`${refString(ref)}\n`);
  },
};
