/**
 * The pattern of docker's multi-container verbs (stop, kill, pause, rm, …):
 * act on each argument in turn, print it as typed on success, collect the
 * error texts, and fail at the end with all of them, one per line.
 */
import { CliError, type CommandContext } from '../../framework/command';

export async function forEachContainer(
  ctx: CommandContext,
  names: string[],
  act: (name: string) => Promise<void>,
  opts: { echo?: boolean; tolerate?: (err: unknown) => boolean } = {},
): Promise<void> {
  const errs: string[] = [];
  for (const name of names) {
    try {
      await act(name);
      if (opts.echo !== false) ctx.io.stdout.write(`${name}\n`);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      if (opts.tolerate?.(err)) {
        ctx.io.stderr.write(`${text}\n`);
        continue;
      }
      errs.push(text);
    }
  }
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
