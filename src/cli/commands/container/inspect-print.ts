/**
 * docker/cli inspect.Inspect for container (and generic) inspect: without a
 * format, every found object in one JSON array indented by 4 spaces, with
 * "<" and ">" as the daemon writes them (no HTML escaping); with -f the
 * template runs over the typed value (structs keep their field order for
 * `{{json .Mounts}}`, maps print sorted). Objects not found are reported
 * afterwards, one line each, exit status 1.
 */
import { CliError, type CommandContext } from '../../framework/command';
import { goMap, goStruct, parseTemplate, type Template, TemplateError } from '../../format/template';
import { setOwn } from '../../../lib/own';

/** fields of docker's API types that are Go maps (everything else object-shaped is a struct) */
const MAP_FIELDS = new Set([
  'Labels',
  'ExposedPorts',
  'Volumes',
  'Networks',
  'Ports',
  'PortBindings',
  'Data',
  'Tmpfs',
  'Sysctls',
  'StorageOpt',
  'DriverOpts',
  'Options',
  'Containers',
  'Status',
  'Attributes',
]);

/** a JSON value as the Go value docker's template sees */
export function typedValue(v: unknown, key = '', parent = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => typedValue(x, '', key));
  if (v === null || typeof v !== 'object') return v;
  const isMap = MAP_FIELDS.has(key) || (key === 'Config' && parent === 'LogConfig');
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) setOwn(out, k, typedValue(x, isMap ? '' : k, key));
  return isMap ? goMap(out, 'map[string]interface {}', null) : goStruct(out, 'struct');
}

function compile(format: string): Template {
  try {
    return parseTemplate(format);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
}

export async function printInspect(ctx: Pick<CommandContext, 'io'>, refs: string[], format: string, get: (ref: string) => Promise<unknown>): Promise<void> {
  const tmpl = format ? compile(format) : undefined;
  const found: unknown[] = [];
  const errs: string[] = [];
  for (const ref of refs) {
    let obj: unknown;
    try {
      obj = await get(ref);
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    if (!tmpl) {
      found.push(obj);
      continue;
    }
    try {
      ctx.io.stdout.write(`${tmpl.execute(typedValue(obj))}\n`);
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
      throw err;
    }
  }
  if (!tmpl) ctx.io.stdout.write(found.length === 0 ? '[]\n' : `${JSON.stringify(found, null, 4)}\n`);
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
