/**
 * The image config JSON (moby image.Image) and its canonical bytes. The image
 * ID is sha256 of these bytes. Go marshals the top level through a map, so its
 * keys come out sorted; nested objects keep Go's struct order; <, >, & are
 * escaped as \u003c, \u003e, \u0026.
 */
import type { ContainerConfig } from '../../api/image';
import { adoptPortMap, isBigPortMap, knownBigPortMaps, mapOfRuns, type PortSetMap, parseRunsText, portMapJson, portMapSize, runsOfMap, runsText } from '../core/port-runs';

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
  if (typeof v === 'object') return portMapSize(v) === 0;
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
  return withBigPortMaps(out, goJson);
}

/** the placeholder of the i-th big port map while the rest is serialized (a string no config holds twice: checked) */
const placeholder = (i: number) => `\u0000dockyard-ports-${i}`;

/**
 * `write(out)` with the big ExposedPorts maps of config and container_config
 * put in afterwards (their JSON is made once per set: core/port-runs.ts), the
 * same text as `write(out)` would make.
 */
function withBigPortMaps(out: Record<string, unknown>, write: (v: unknown) => string): string {
  const maps: PortSetMap[] = [];
  const swapped: { cfg: Record<string, unknown>; map: PortSetMap }[] = [];
  for (const k of ['config', 'container_config']) {
    const cfg = out[k] as Record<string, unknown> | undefined;
    const ports = cfg?.ExposedPorts as PortSetMap | undefined;
    if (!cfg || !ports || !isBigPortMap(ports)) continue;
    cfg.ExposedPorts = placeholder(maps.length);
    maps.push(ports);
    swapped.push({ cfg, map: ports });
  }
  if (maps.length === 0) return write(out);
  let text = write(out);
  for (const { cfg, map } of swapped) cfg.ExposedPorts = map;
  for (let i = 0; i < maps.length; i++) {
    const ph = JSON.stringify(placeholder(i));
    const at = text.indexOf(ph);
    if (at < 0 || text.indexOf(ph, at + 1) >= 0) return write(out);
    text = text.slice(0, at) + portMapJson(maps[i] as PortSetMap) + text.slice(at + ph.length);
  }
  return text;
}

/** a config this long may hold a big port set: it is looked for before parsing */
const BIG_CONFIG = 16 * 1024;

/**
 * JSON.parse of an image's config bytes, its big ExposedPorts maps (EXPOSE
 * 1-65535) the engine's shared ones: a known set's JSON is cut out of the text
 * before parsing (found by its exact text, at the keys of config and
 * container_config), an unknown one is parsed and becomes known.
 */
export function parseImageConfig(json: string): ImageConfigJson {
  if (json.length < BIG_CONFIG) return JSON.parse(json) as ImageConfigJson;
  const known = knownBigPortMaps();
  const { text, hits } = cutPortMaps(json, known);
  const cut = hits.map((h) => h.map);
  if (cut.length === 0) return adoptBig(JSON.parse(json) as ImageConfigJson);
  for (let i = 0; i < cut.length; i++) {
    const ph = JSON.stringify(placeholder(i));
    const at = text.indexOf(ph);
    if (text.indexOf(ph, at + 1) >= 0) return adoptBig(JSON.parse(json) as ImageConfigJson);
  }
  let parsed: ImageConfigJson;
  try {
    parsed = JSON.parse(text) as ImageConfigJson;
  } catch {
    return adoptBig(JSON.parse(json) as ImageConfigJson);
  }
  let put = 0;
  for (const cfg of [parsed.config, parsed.container_config]) {
    const v = cfg?.ExposedPorts as unknown;
    if (typeof v !== 'string') continue;
    const i = cut.findIndex((_, n) => placeholder(n) === v);
    if (i < 0 || !cfg) continue;
    cfg.ExposedPorts = cut[i];
    put++;
  }
  // a placeholder somewhere else (a cut at a key of another object): parse it all
  return put === cut.length ? parsed : adoptBig(JSON.parse(json) as ImageConfigJson);
}

function adoptBig(c: ImageConfigJson): ImageConfigJson {
  for (const cfg of [c.config, c.container_config]) {
    if (cfg?.ExposedPorts && typeof cfg.ExposedPorts === 'object') cfg.ExposedPorts = adoptPortMap(cfg.ExposedPorts);
  }
  return c;
}

const PORTS_KEY = '"ExposedPorts":';

/**
 * The config's text with each map among `candidates` that follows an
 * "ExposedPorts" key (found by its exact JSON) replaced by a placeholder
 * string, numbered in order, and the candidates found, in that order.
 */
function cutPortMaps<T extends { json: string }>(json: string, candidates: readonly T[]): { text: string; hits: T[] } {
  const hits: T[] = [];
  let text = '';
  let from = 0;
  for (let at = json.indexOf(PORTS_KEY); at >= 0; at = json.indexOf(PORTS_KEY, Math.max(at + PORTS_KEY.length, from))) {
    const start = at + PORTS_KEY.length;
    const hit = candidates.find((c) => json.startsWith(c.json, start));
    if (!hit) continue;
    text += `${json.slice(from, start)}${JSON.stringify(placeholder(hits.length))}`;
    hits.push(hit);
    from = start + hit.json.length;
  }
  return { text: text + json.slice(from), hits };
}

/**
 * A config's bytes with its big ExposedPorts maps cut out (a snapshot's form:
 * 30 bytes where the map has 1 MB): each map's JSON, found by its exact text
 * after an "ExposedPorts" key, becomes a placeholder string, and its set is
 * listed as runs text. Undefined when there is none to cut (or a placeholder
 * would not be found again: a config holding its text).
 */
export function cutBigPortSets(json: string, maps: readonly PortSetMap[]): { text: string; sets: string[] } | undefined {
  const wanted = maps.filter((m) => isBigPortMap(m)).map((m) => ({ json: portMapJson(m), runs: runsText(runsOfMap(m) ?? []) }));
  if (wanted.length === 0) return undefined;
  const { text, hits } = cutPortMaps(json, wanted);
  const sets = hits.map((h) => h.runs);
  if (sets.length === 0) return undefined;
  return joinBigPortSets(text, sets) === json ? { text, sets } : undefined;
}

/** cutBigPortSets undone: the config's bytes, or undefined when `text` does not hold each placeholder once or a set is no runs text */
export function joinBigPortSets(text: string, sets: readonly string[]): string | undefined {
  // placeholders found in the short text, the maps' JSON put in by concatenation (the long text is not scanned)
  const at: { pos: number; len: number; json: string }[] = [];
  for (let i = 0; i < sets.length; i++) {
    const runs = parseRunsText(sets[i] as string);
    const ph = JSON.stringify(placeholder(i));
    const pos = text.indexOf(ph);
    if (!runs || pos < 0 || text.indexOf(ph, pos + 1) >= 0) return undefined;
    at.push({ pos, len: ph.length, json: portMapJson(mapOfRuns(runs)) });
  }
  at.sort((a, b) => a.pos - b.pos);
  let out = '';
  let from = 0;
  for (const a of at) {
    out += text.slice(from, a.pos) + a.json;
    from = a.pos + a.len;
  }
  return out + text.slice(from);
}

/**
 * the config of cutBigPortSets's text: the short text parsed, the sets' shared
 * maps put at the placeholders (of config and container_config's
 * ExposedPorts); undefined when they are not all there
 */
export function parseCutConfig(text: string, sets: readonly string[]): ImageConfigJson | undefined {
  let parsed: ImageConfigJson;
  try {
    parsed = JSON.parse(text) as ImageConfigJson;
  } catch {
    return undefined;
  }
  const used = new Set<number>();
  for (const cfg of [parsed.config, parsed.container_config]) {
    const v = cfg?.ExposedPorts as unknown;
    if (typeof v !== 'string' || !cfg) continue;
    const i = sets.findIndex((_, n) => placeholder(n) === v);
    const runs = i < 0 || used.has(i) ? undefined : parseRunsText(sets[i] as string);
    if (!runs) return undefined;
    used.add(i);
    cfg.ExposedPorts = mapOfRuns(runs);
  }
  return used.size === sets.length ? parsed : undefined;
}
