/**
 * docker/cli inspect.Inspect for volume and network inspect: without a
 * format, every found object as one indented JSON array ("[]" when none);
 * with -f, the template once per object. Objects that cannot be found are
 * reported together on stderr afterwards, exit status 1.
 */
import type { CommandContext } from '../../framework/command';
import { CliError } from '../../framework/command';
import { parseTemplate, type Template, TemplateError } from '../../format/template';
import { executeInspect } from '../container/inspect-print';
import { goIndentJson } from './cli-output';

export async function inspectAll(
  ctx: Pick<CommandContext, 'io'>,
  refs: string[],
  format: string,
  get: (ref: string) => Promise<unknown>,
): Promise<void> {
  let tmpl: Template | undefined;
  if (format) {
    try {
      tmpl = parseTemplate(format);
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
      throw err;
    }
  }
  const found: unknown[] = [];
  const errs: string[] = [];
  let out = '';
  for (const ref of refs) {
    try {
      const obj = await get(ref);
      if (tmpl) out += `${executeInspect(tmpl, obj)}\n`;
      else found.push(obj);
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
    }
  }
  // TemplateInspector.Flush writes a lone newline when nothing came out
  if (tmpl) ctx.io.stdout.write(out || '\n');
  else ctx.io.stdout.write(`${goIndentJson(found)}\n`);
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
