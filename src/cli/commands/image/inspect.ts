import type { ImageInspect } from '../../../api/image';
import type { CommandContext, CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';
import { formatRows } from '../../format/formatter';

/**
 * The default `inspect` output: a JSON array indented with 4 spaces (the CLI
 * runs json.Indent over the API's raw JSON, which the daemon writes without
 * HTML escaping).
 */
export function indentedJson(items: unknown[]): string {
  if (items.length === 0) return '[]\n';
  return `${JSON.stringify(items, null, 4)}\n`;
}

/**
 * Inspect images for `docker image inspect` and `docker inspect` (type image):
 * prints what was found, returns the errors ("Error: No such image: x") in
 * argument order. The caller prints them and exits 1 when there are any.
 */
export async function inspectImages(
  ctx: CommandContext,
  refs: string[],
  format: string,
): Promise<{ found: ImageInspect[]; errors: string[] }> {
  const found: ImageInspect[] = [];
  const errors: string[] = [];
  for (const r of refs) {
    try {
      found.push(await ctx.client.imageInspect(r));
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (format === '' || format === 'json') ctx.io.stdout.write(indentedJson(found));
  else ctx.io.stdout.write(formatRows(format, found, {}));
  return { found, errors };
}

export const imageInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' }],
  async run(ctx, flags, args) {
    const { errors } = await inspectImages(ctx, args, flags.string('format'));
    if (errors.length) throw new CliError(errors.join('\n'));
  },
};
