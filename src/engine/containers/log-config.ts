/**
 * Logging drivers (moby daemon/logger): the checks a container's LogConfig
 * gets at create (the driver must exist, the options must be the driver's),
 * the ones its logger makes when the container starts (json-file parses
 * max-size, max-file and compress), and the extra attributes the json-file
 * driver stores with every line (log-opt labels / env / their regexes) that
 * `docker logs --details` shows.
 */
import { invalidParameter } from '../../api/errors';
import type { HostConfig } from '../../api/container';
import { fromHumanSize } from '../../lib/units';
import type { ContainerRecord } from './container-record';

/** the drivers built into dockerd 20.10 on Linux */
const BUILT_IN = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'logentries', 'none', 'splunk', 'syslog'];
/** options every driver takes (logger.builtInLogOpts) */
const COMMON_OPTS = ['mode', 'max-buffer-size'];
/** the options of the drivers whose validator the simulator knows */
const DRIVER_OPTS: Record<string, string[]> = {
  'json-file': ['max-file', 'max-size', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag'],
  local: ['max-file', 'max-size', 'compress'],
};

/** logger.ValidateLogOpts, at create (before the image is looked up) */
export function verifyLogConfig(lc: HostConfig['LogConfig']): void {
  const type = lc.Type;
  const cfg = lc.Config ?? {};
  if (type === 'none') return;
  const mode = cfg.mode ?? '';
  if (!['blocking', 'non-blocking', ''].includes(mode)) throw invalidParameter(`logger: logging mode not supported: ${mode}`);
  if ('max-buffer-size' in cfg && mode !== 'non-blocking') {
    throw invalidParameter("logger: max-buffer-size option is only supported with 'mode=non-blocking'");
  }
  if (!BUILT_IN.includes(type)) {
    throw invalidParameter(`error looking up logging plugin ${type}: plugin "${type}" not found`);
  }
  const allowed = DRIVER_OPTS[type];
  if (!allowed) return;
  for (const key of Object.keys(cfg)) {
    if (COMMON_OPTS.includes(key)) continue;
    if (!allowed.includes(key)) throw invalidParameter(`unknown log opt '${key}' for ${type} log driver`);
  }
}

const atoiError = (v: string) => `strconv.Atoi: parsing "${v}": invalid syntax`;

/** the json-file / local logger's New(): throws "failed to initialize logging driver: …" when an option does not parse */
export function startLogger(c: ContainerRecord): void {
  const { Type: type, Config: cfg = {} } = c.HostConfig.LogConfig;
  if (type !== 'json-file' && type !== 'local') return;
  const fail = (msg: string) => invalidParameter(`failed to initialize logging driver: ${msg}`);
  let size = -1;
  if ('max-size' in cfg) {
    try {
      size = fromHumanSize(cfg['max-size'] as string);
    } catch (err) {
      throw fail(err instanceof Error ? err.message : String(err));
    }
    if (size <= 0) throw fail('max-size must be a positive number');
  }
  let files = 1;
  if ('max-file' in cfg) {
    const v = cfg['max-file'] as string;
    if (!/^[+-]?\d+$/.test(v)) throw fail(atoiError(v));
    files = Number(v);
    if (files < 1) throw fail('max-file cannot be less than 1');
  }
  if ('compress' in cfg) {
    const v = cfg.compress as string;
    const truthy = ['1', 't', 'T', 'TRUE', 'true', 'True'];
    const falsy = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
    if (!truthy.includes(v) && !falsy.includes(v)) throw fail(`strconv.ParseBool: parsing "${v}": invalid syntax`);
    if (truthy.includes(v) && (files === 1 || size === -1)) throw fail('compress cannot be true when max-file is less than 2 or max-size is not set');
  }
}

/** logger.Info.ExtraAttributes: labels and environment variables named by the log options */
export function logAttributes(c: ContainerRecord): Record<string, string> {
  const cfg = c.HostConfig.LogConfig.Config ?? {};
  const labels = c.Config.Labels ?? {};
  const out: Record<string, string> = {};
  const names = (key: string) => (cfg[key] ? (cfg[key] as string).split(',') : []);
  for (const l of names('labels')) if (l in labels) out[l] = labels[l] as string;
  const labelsRegex = cfg['labels-regex'];
  if (labelsRegex && cfg.labels) {
    const re = safeRegex(labelsRegex);
    for (const [k, v] of Object.entries(labels)) if (re?.test(k)) out[k] = v;
  }
  const env = new Map<string, string>();
  for (const kv of c.Config.Env ?? []) {
    const i = kv.indexOf('=');
    if (i >= 0) env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  for (const e of names('env')) if (env.has(e)) out[e] = env.get(e) as string;
  const envRegex = cfg['env-regex'];
  if (envRegex) {
    const re = safeRegex(envRegex);
    for (const [k, v] of env) if (re?.test(k)) out[k] = v;
  }
  return out;
}

function safeRegex(src: string): RegExp | undefined {
  try {
    return new RegExp(src);
  } catch {
    return undefined;
  }
}

/** attrsByteSlice + ' ': "k=v,k2=v2 " sorted by key, query-escaped (a lone " " without attributes) */
export function detailsPrefix(attrs: Record<string, string>): string {
  const esc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts = Object.keys(attrs)
    .sort()
    .map((k) => `${esc(k)}=${esc(attrs[k] as string)}`);
  return `${parts.join(',')} `;
}
