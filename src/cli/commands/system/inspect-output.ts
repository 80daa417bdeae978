/**
 * docker/cli inspect.Inspect for volume and network inspect: without a
 * format, every found object as one indented JSON array ("[]" when none);
 * with -f, the template once per object. Objects that cannot be found are
 * reported together on stderr afterwards, exit status 1.
 */
import type { CommandContext } from '../../framework/command';
import { CliError } from '../../framework/command';
import { goMap, parseTemplate, type Template, TemplateError } from '../../format/template';
import { goIndentJson } from './cli-output';
import { setOwn } from '../../../lib/own';

/** JSON-decoded values seen as Go's map[string]interface{} / []interface{} */
function asGoValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asGoValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, asGoValue(x));
    return goMap(out, 'map[string]interface {}', null);
  }
  return v;
}

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
  for (const ref of refs) {
    try {
      const obj = await get(ref);
      if (tmpl) {
        try {
          ctx.io.stdout.write(`${tmpl.execute(asGoValue(JSON.parse(JSON.stringify(obj))))}\n`);
        } catch (err) {
          if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
          throw err;
        }
      } else found.push(obj);
    } catch (err) {
      if (err instanceof CliError) throw err;
      errs.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (!tmpl) ctx.io.stdout.write(`${goIndentJson(found)}\n`);
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
