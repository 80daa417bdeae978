/**
 * Pull an image with docker/cli's progress display — shared by `docker pull`
 * and by `docker run`/`create` when the image is missing (they print
 * "Unable to find image … locally" themselves and pass stderr as `out`).
 */
import type { OutputStream } from '../../../api/io';
import { InvalidReferenceError, parseNormalizedNamed, refString, withDefaultTag } from '../../../lib/reference';
import { CliError, type CommandContext } from '../../framework/command';
import { jsonMessageSink } from '../../format/jsonmessage';
import { authFor } from '../registry/auth-config';

/**
 * Throws CliError with the text to print: "invalid reference format…" for a
 * bad name, "Error response from daemon: …" for a refused pull, or the
 * stream's own error text.
 */
export async function pullImageWithProgress(ctx: CommandContext, ref: string, out: OutputStream): Promise<void> {
  let full: string;
  let domain: string;
  try {
    const parsed = withDefaultTag(parseNormalizedNamed(ref));
    full = refString(parsed);
    domain = parsed.domain;
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new CliError(err.message);
    throw err;
  }
  const sink = jsonMessageSink(out);
  try {
    await ctx.client.imagePull(full, { auth: authFor(ctx, domain), onMessage: sink.onMessage });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  const streamErr = sink.error();
  if (streamErr) throw new CliError(streamErr.message);
}
