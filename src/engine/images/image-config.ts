/**
 * The image config JSON (moby image.Image) and its canonical bytes. The image
 * ID is sha256 of these bytes. Go marshals the top level through a map, so its
 * keys come out sorted; nested objects keep Go's struct order; <, >, & are
 * escaped as \u003c, \u003e, \u0026.
 */
import type { ContainerConfig } from '../../api/image';

export interface HistoryJson {
  created: string;
  author?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfigJson {
  architecture?: string;
  author?: string;
  comment?: string;
  config?: ContainerConfig;
  container?: string;
  container_config?: ContainerConfig;
  created: string;
  docker_version?: string;
  history?: HistoryJson[];
  os?: string;
  parent?: string;
  rootfs?: { type: string; diff_ids?: string[] };
  variant?: string;
}

export const DOCKER_VERSION = '20.10.24+dfsg1';
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** JSON as Go's encoding/json writes it (HTML characters escaped) */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** time.Time in RFC3339Nano (UTC, fraction without trailing zeros) */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-23T07:27:48.095Z
  const [sec, frac] = iso.slice(0, -1).split('.');
  const f = (frac ?? '').replace(/0+$/, '');
  return f ? `${sec}.${f}Z` : `${sec}Z`;
}

/** parse an RFC3339(Nano) time to ms (sub-ms digits dropped) */
export function parseTime(s: string): number {
  const m = /^(.*?)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(s);
  if (!m) return Date.parse(s);
  const frac = m[2] ? m[2].slice(0, 4).padEnd(4, '0') : '';
  return Date.parse(`${m[1]}${frac}${m[3]}`);
}

/** an empty container.Config, as Go marshals the zero value */
export function emptyContainerConfig(): ContainerConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

const CONFIG_ORDER: (keyof ContainerConfig)[] = [
  'Hostname',
  'Domainname',
  'User',
  'AttachStdin',
  'AttachStdout',
  'AttachStderr',
  'ExposedPorts',
  'Tty',
  'OpenStdin',
  'StdinOnce',
  'Env',
  'Cmd',
  'Healthcheck',
  'ArgsEscaped',
  'Image',
  'Volumes',
  'WorkingDir',
  'Entrypoint',
  'NetworkDisabled',
  'MacAddress',
  'OnBuild',
  'Labels',
  'StopSignal',
  'StopTimeout',
  'Shell',
];
const OMIT_EMPTY = new Set<keyof ContainerConfig>([
  'ExposedPorts',
  'Healthcheck',
  'ArgsEscaped',
  'NetworkDisabled',
  'MacAddress',
  'StopSignal',
  'StopTimeout',
  'Shell',
]);

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** a container.Config with Go's key order and omitempty rules */
export function orderedContainerConfig(c: Partial<ContainerConfig>): ContainerConfig {
  const base = emptyContainerConfig() as unknown as Record<string, unknown>;
  const src = c as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of CONFIG_ORDER) {
    const v = k in src ? src[k] : base[k];
    if (OMIT_EMPTY.has(k) && isEmpty(v)) continue;
    out[k] = v === undefined ? null : v;
  }
  return out as unknown as ContainerConfig;
}

function orderedHistory(h: HistoryJson): HistoryJson {
  const out: HistoryJson = { created: h.created };
  if (h.author) out.author = h.author;
  if (h.created_by) out.created_by = h.created_by;
  if (h.comment) out.comment = h.comment;
  if (h.empty_layer) out.empty_layer = true;
  return out;
}

/** the canonical config bytes of an image made in the simulator */
export function serializeImageConfig(c: ImageConfigJson): string {
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (!isEmpty(v)) out[k] = v;
  };
  put('architecture', c.architecture);
  put('author', c.author);
  put('comment', c.comment);
  if (c.config) out.config = orderedContainerConfig(c.config);
  put('container', c.container);
  out.container_config = orderedContainerConfig(c.container_config ?? {});
  out.created = c.created;
  put('docker_version', c.docker_version);
  if (c.history?.length) out.history = c.history.map(orderedHistory);
  put('os', c.os);
  put('parent', c.parent);
  if (c.rootfs) out.rootfs = c.rootfs.diff_ids?.length ? c.rootfs : { type: c.rootfs.type };
  put('variant', c.variant);
  return goJson(out);
}
