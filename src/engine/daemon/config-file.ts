/**
 * How dockerd 20.10 reads /etc/docker/daemon.json when it starts (moby
 * daemon/config getConflictFreeConfiguration, Validate; cmd/dockerd
 * loadDaemonCliConfig, configureDaemonLogs), in its order and with its texts:
 * 1. the first JSON value is decoded into a map (Go's syntax errors; an empty
 *    file is "EOF", a non-object "cannot unmarshal array into Go value of type
 *    map[string]interface {}");
 * 2. every key (object values flattened) must be a flag, a named option or a
 *    skipped key ("the following directives don't match any configuration
 *    option: …"), and must not repeat a flag given on the command line ("the
 *    following directives are specified both as a flag and in the
 *    configuration file: …");
 * 3. the file is decoded into the Config struct (type errors);
 * 4. values are validated ("configuration validation from file failed: …");
 * 5. the log level is parsed.
 * Any of these stops dockerd before it logs "Starting up". The registry
 * settings are checked later, when the daemon starts (registryService).
 */
import { decodeGoJson, type GoJson, GoJsonError, GoNumber, goJsonKind, goValueString } from '../../lib/go-json/decode';
import {
  CONFIG_FIELDS,
  DOCKERD_FLAGS,
  FLAT_OPTIONS,
  type GoFieldType,
  NAMED_OPTIONS,
  SKIP_DUPLICATES,
  SKIP_VALIDATE,
} from './config-keys';

/** what the file sets, before the registry settings are checked */
export interface DaemonFileConfig {
  debug?: boolean;
  liveRestore?: boolean;
  experimental?: boolean;
  logDriver?: string;
  logLevel?: string;
  labels?: string[];
  registryMirrors?: string[];
  insecureRegistries?: string[];
  dataRoot?: string;
  dns?: string[];
}

/** flags given on dockerd's command line: flag name → the value's String() ("[fd://]") */
export type CommandLineFlags = Readonly<Record<string, string>>;

export type ConfigFileResult =
  | { ok: true; config: DaemonFileConfig; warnings: string[] }
  /** `message` is the line dockerd writes to stderr before it exits with status 1 */
  | { ok: false; message: string };

const LOG_LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

class ConfigError extends Error {}

function typeError(value: string, field: string, type: string): ConfigError {
  return new ConfigError(`json: cannot unmarshal ${value} into Go struct field Config.${field} of type ${type}`);
}

const INT_RANGE: Record<string, [number, number]> = {
  int: [-(2 ** 63), 2 ** 63 - 1],
  '*int': [-(2 ** 63), 2 ** 63 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** the first json.Unmarshal type error of `v` for a field of Go type `t` */
function checkField(field: string, t: GoFieldType, v: GoJson): ConfigError | undefined {
  if (v === null) return undefined;
  const kind = goJsonKind(v);
  const scalar = (want: 'bool' | 'string', x: GoJson, type: string) => (goJsonKind(x) === want || x === null ? undefined : typeError(goJsonKind(x), field, type));
  switch (t) {
    case 'bool':
    case '*bool':
      return scalar('bool', v, 'bool');
    case 'string':
      return scalar('string', v, 'string');
    case 'int':
    case '*int':
    case 'int64':
    case 'uint32': {
      const type = t === '*int' ? 'int' : t;
      if (!(v instanceof GoNumber)) return typeError(kind, field, type);
      const [lo, hi] = INT_RANGE[t];
      if (!/^-?\d+$/.test(v.raw) || v.value < lo || v.value > hi) return typeError(`number ${v.raw}`, field, type);
      return undefined;
    }
    case '[]string': {
      if (!Array.isArray(v)) return typeError(kind, field, '[]string');
      for (const x of v) {
        const e = scalar('string', x, 'string');
        if (e) return e;
      }
      return undefined;
    }
    case 'map[string]string':
    case 'map[string]bool': {
      if (!(v instanceof Map)) return typeError(kind, field, t);
      const want = t === 'map[string]string' ? 'string' : 'bool';
      for (const x of v.values()) {
        const e = scalar(want, x, want);
        if (e) return e;
      }
      return undefined;
    }
  }
}

/** configValuesSet: object values become their keys, except for the map-valued options */
function flatten(obj: Map<string, GoJson>): Map<string, GoJson> {
  const out = new Map<string, GoJson>();
  for (const [k, v] of obj) {
    if (v instanceof Map && !FLAT_OPTIONS.includes(k)) for (const [km, vm] of v) out.set(km, vm);
    else out.set(k, v);
  }
  return out;
}

const KNOWN = new Set<string>([...DOCKERD_FLAGS, ...Object.keys(NAMED_OPTIONS), ...SKIP_VALIDATE]);

/** findConfigurationConflicts */
function checkConflicts(set: Map<string, GoJson>, flags: CommandLineFlags): void {
  const unknown = [...set.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) throw new ConfigError(`the following directives don't match any configuration option: ${unknown.join(', ')}`);
  const conflicts: string[] = [];
  const namedOf = new Map(Object.entries(NAMED_OPTIONS).map(([name, flag]) => [flag, name]));
  for (const flag of Object.keys(flags).sort()) {
    const name = namedOf.get(flag) ?? flag;
    if (!set.has(name) || SKIP_DUPLICATES.includes(name)) continue;
    conflicts.push(`${name}: (from flag: ${flags[flag]}, from file: ${goValueString(set.get(name) as GoJson)})`);
  }
  if (conflicts.length > 0) {
    throw new ConfigError(`the following directives are specified both as a flag and in the configuration file: ${conflicts.join(', ')}`);
  }
}

/** net.ParseIP, loosely for IPv6 */
function isIp(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) return s.split('.').every((p) => Number(p) <= 255 && !/^0\d/.test(p));
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;
}

const DOMAIN = /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;

/** config.Validate */
function validate(file: Map<string, GoJson>): void {
  const strings = (key: string) => (Array.isArray(file.get(key)) ? (file.get(key) as GoJson[]).filter((x): x is string => typeof x === 'string') : []);
  for (const d of strings('dns')) if (!isIp(d.trim())) throw new ConfigError(`${d} is not an ip address`);
  for (const d of strings('dns-search')) {
    const v = d.replace(/^ +| +$/g, '');
    if (v === '.') continue;
    const m = DOMAIN.exec(v);
    if (!/[a-zA-Z]/.test(v) || !m || m[1].length >= 255) throw new ConfigError(`${v} is not a valid domain`);
  }
  for (const l of strings('labels')) {
    if (!l.includes('=')) throw new ConfigError(`bad attribute format: ${l}`);
    const low = l.toLowerCase();
    if (low.startsWith('com.docker.') || low.startsWith('io.docker.') || low.startsWith('org.dockerproject.')) {
      throw new ConfigError(
        `label ${l} is not allowed: the namespaces com.docker.*, io.docker.*, and org.dockerproject.* are reserved for internal use`,
      );
    }
  }
  const int = (key: string) => {
    const v = file.get(key);
    return v instanceof GoNumber ? v.value : undefined;
  };
  const downloads = int('max-concurrent-downloads');
  if (downloads !== undefined && downloads < 0) throw new ConfigError(`invalid max concurrent downloads: ${downloads}`);
  const uploads = int('max-concurrent-uploads');
  if (uploads !== undefined && uploads < 0) throw new ConfigError(`invalid max concurrent uploads: ${uploads}`);
  const attempts = int('max-download-attempts');
  if (attempts !== undefined && attempts <= 0) throw new ConfigError(`invalid max download attempts: ${attempts}`);
  const runtimes = file.get('runtimes');
  if (runtimes instanceof Map && runtimes.has('runc')) throw new ConfigError("runtime name 'runc' is reserved");
  const def = file.get('default-runtime');
  if (typeof def === 'string' && def !== '' && !['runc', 'io.containerd.runtime.v1.linux', 'io.containerd.runc.v2'].includes(def)) {
    if (!(runtimes instanceof Map && runtimes.has(def))) throw new ConfigError(`specified default runtime '${def}' does not exist`);
  }
}

function stringList(v: GoJson | undefined): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/**
 * Read daemon.json's bytes as dockerd does at start-up. `path` names the file
 * in the messages; `flags` are the ones on dockerd's command line.
 */
export function readDaemonConfigFile(bytes: Uint8Array, path: string, flags: CommandLineFlags): ConfigFileResult {
  const prefix = `unable to configure the Docker daemon with file ${path}: `;
  const warnings: string[] = [];
  let top: GoJson;
  try {
    top = decodeGoJson(bytes);
  } catch (e) {
    if (e instanceof GoJsonError) return { ok: false, message: prefix + e.message };
    throw e;
  }
  if (top !== null && !(top instanceof Map)) {
    return { ok: false, message: `${prefix}json: cannot unmarshal ${goJsonKind(top)} into Go value of type map[string]interface {}` };
  }
  const file: Map<string, GoJson> = top ?? new Map();
  try {
    for (const v of walk(file)) {
      if (v instanceof GoNumber && !Number.isFinite(v.value)) throw new ConfigError(`json: cannot unmarshal number ${v.raw} into Go value of type float64`);
    }
    checkConflicts(flatten(file), flags);
    for (const [k, v] of file) {
      const t = Object.hasOwn(CONFIG_FIELDS, k) ? CONFIG_FIELDS[k] : undefined;
      const e = t ? checkField(k, t, v) : undefined;
      if (e) throw e;
    }
    const graph = file.get('graph');
    if (typeof graph === 'string' && graph !== '') {
      warnings.push('The "graph" config file option is deprecated. Please use "data-root" instead.');
      const root = file.get('data-root');
      if (typeof root === 'string' && root !== '') throw new ConfigError('cannot specify both "graph" and "data-root" config file options');
    }
    try {
      validate(file);
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError(`configuration validation from file failed: ${e.message}`);
      throw e;
    }
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, message: prefix + e.message };
    throw e;
  }
  const bool = (k: string) => (typeof file.get(k) === 'boolean' ? (file.get(k) as boolean) : undefined);
  const str = (k: string) => (typeof file.get(k) === 'string' && file.get(k) !== '' ? (file.get(k) as string) : undefined);
  const config: DaemonFileConfig = {
    debug: bool('debug'),
    liveRestore: bool('live-restore'),
    experimental: bool('experimental'),
    logDriver: str('log-driver'),
    logLevel: str('log-level'),
    labels: stringList(file.get('labels')),
    registryMirrors: stringList(file.get('registry-mirrors')),
    insecureRegistries: stringList(file.get('insecure-registries')),
    dataRoot: str('data-root') ?? str('graph'),
    dns: stringList(file.get('dns')),
  };
  if (config.logLevel !== undefined && !LOG_LEVELS.includes(config.logLevel.toLowerCase())) {
    return { ok: false, message: `unable to parse logging level: ${config.logLevel}` };
  }
  return { ok: true, config, warnings };
}

function* walk(v: GoJson): Generator<GoJson> {
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* walk(x);
  else if (v instanceof Map) for (const x of v.values()) yield* walk(x);
}
