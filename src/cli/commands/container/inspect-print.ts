/**
 * docker/cli inspect.Inspect for container (and generic) inspect: without a
 * format, every found object in one JSON array indented by 4 spaces, with
 * "<" and ">" as the daemon writes them (no HTML escaping); with -f the
 * template runs over the typed value (structs keep their field order for
 * `{{json .Mounts}}`, maps print sorted). Objects not found are reported
 * afterwards, one line each, exit status 1.
 */
import { CliError, type CommandContext } from '../../framework/command';
import { goMap, goStruct, NilPointer, parseTemplate, type Template, TemplateError } from '../../format/template';
import { hasOwnKey, setOwn } from '../../../lib/own';

/**
 * Fields of docker's API types that are Go maps (everything else object-shaped
 * is a struct), with the map's type, the zero value `index` gives for a
 * missing key, and a named key type `index` refuses plain strings for.
 */
const STRING_MAP = { type: 'map[string]string', zero: '' };
const MAP_FIELDS: Record<string, { type: string; zero: unknown; keyType?: string }> = {
  Labels: STRING_MAP,
  Options: STRING_MAP,
  DriverOpts: STRING_MAP,
  Data: STRING_MAP,
  Tmpfs: STRING_MAP,
  Sysctls: STRING_MAP,
  StorageOpt: STRING_MAP,
  Attributes: STRING_MAP,
  Status: { type: 'map[string]interface {}', zero: null },
  Volumes: { type: 'map[string]struct {}', zero: null },
  Networks: { type: 'map[string]*network.EndpointSettings', zero: null },
  Containers: { type: 'map[string]types.EndpointResource', zero: null },
  ExposedPorts: { type: 'nat.PortSet', zero: null, keyType: 'nat.Port' },
  Ports: { type: 'nat.PortMap', zero: null, keyType: 'nat.Port' },
  PortBindings: { type: 'nat.PortMap', zero: null, keyType: 'nat.Port' },
};

/**
 * Fields of docker's API structs that the daemon leaves out of its JSON when
 * they are empty (`omitempty` pointers, maps, slices and scalars): the typed
 * value a template sees still has them, with Go's zero value (`<nil>` for a
 * nil pointer, `map[]`, `[]`, false, "").
 */
const CONFIG_ZEROES = (): Record<string, unknown> => ({
  ExposedPorts: goMap({}, 'nat.PortSet', null),
  Healthcheck: new NilPointer('*container.HealthConfig'),
  ArgsEscaped: false,
  NetworkDisabled: false,
  MacAddress: '',
  StopSignal: '',
  StopTimeout: new NilPointer('*int'),
  Shell: [],
});
const ZEROES: Record<string, () => Record<string, unknown>> = {
  container: () => ({ Node: new NilPointer('*types.ContainerNode'), SizeRw: new NilPointer('*int64'), SizeRootFs: new NilPointer('*int64') }),
  State: () => ({ Health: new NilPointer('*types.Health') }),
  Config: CONFIG_ZEROES,
  ContainerConfig: CONFIG_ZEROES,
  HostConfig: () => ({
    Mounts: [],
    Init: new NilPointer('*bool'),
    Tmpfs: goMap({}, 'map[string]string', ''),
    StorageOpt: goMap({}, 'map[string]string', ''),
    Sysctls: goMap({}, 'map[string]string', ''),
  }),
};

/** the struct a field holds, for the zero values it is missing */
function structKind(key: string, parent: string, v: Record<string, unknown>): string {
  if (key === '' && parent === '' && 'State' in v && 'HostConfig' in v) return 'container';
  if (key === 'State' && parent === '') return 'State';
  if ((key === 'Config' || key === 'ContainerConfig') && parent === '') return key;
  if (key === 'HostConfig' && parent === '') return 'HostConfig';
  return '';
}

/**
 * A struct's field that holds an object or an array becomes its Go value when
 * the template first reads it: `-f '{{.State.Status}}'` on a container that
 * publishes 65,535 ports does not convert its three port maps (131,070
 * bindings took 1.2–2.8 s of CPU, most of it the collector's). Reads,
 * `Object.entries` and `{{json .}}` see the same own, enumerable fields in the
 * same order as before.
 */
function setLazy(out: Record<string, unknown>, k: string, make: () => unknown): void {
  Object.defineProperty(out, k, {
    get() {
      const value = make();
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  });
}

/** a JSON value as the Go value docker's template sees (fields left out of the JSON, undefined ones, are left out) */
export function typedValue(v: unknown, key = '', parent = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : typedValue(x, '', key)));
  if (v === null || typeof v !== 'object') return v;
  const map = key === 'Config' && parent === 'LogConfig' ? STRING_MAP : Object.hasOwn(MAP_FIELDS, key) ? MAP_FIELDS[key] : undefined;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(src)) {
    if (x === undefined) continue;
    if (!map && x !== null && typeof x === 'object') setLazy(out, k, () => typedValue(x, k, key));
    else setOwn(out, k, typedValue(x, map ? '' : k, key));
  }
  if (map) return goMap(out, map.type, map.zero, 'keyType' in map ? map.keyType : undefined);
  const zeroes = ZEROES[structKind(key, parent, src)];
  if (zeroes) for (const [k, z] of Object.entries(zeroes())) if (!hasOwnKey(out, k)) out[k] = z;
  return goStruct(out, 'struct');
}

/** json.Decode into interface{}: maps and slices of the raw JSON (docker's fallback, run with missingkey=error) */
export function rawValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : rawValue(x)));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) setOwn(out, k, rawValue(x));
    return goMap(out, 'map[string]interface {}', null);
  }
  return v;
}

/**
 * TemplateInspector.Inspect: the template over the typed value; when that
 * fails, over the raw JSON with missingkey=error, whose error is the one
 * reported ("template parsing error: …").
 */
export function executeInspect(tmpl: Template, obj: unknown): string {
  // the clients give JSON-shaped data (the in-process one a copy, the remote one parsed JSON): read as it is
  const json = obj;
  try {
    return tmpl.execute(typedValue(json));
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
  }
  try {
    return tmpl.option('missingkey=error').execute(rawValue(json));
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
    throw err;
  }
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
  let out = '';
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
      out += `${executeInspect(tmpl, obj)}\n`;
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      errs.push(err.message);
    }
  }
  // TemplateInspector.Flush writes a lone newline when nothing came out
  if (tmpl) ctx.io.stdout.write(out || '\n');
  else ctx.io.stdout.write(found.length === 0 ? '[]\n' : `${JSON.stringify(found, null, 4)}\n`);
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
