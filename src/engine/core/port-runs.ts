/**
 * A port set (a config's ExposedPorts: `{"80/tcp": {}}`) as sorted runs of
 * {proto, from, to}. `EXPOSE 1-65535` is one run where its map has 65,535
 * keys: the engine merges, compares, serializes and snapshots big sets as
 * runs, and shares one map per set (nothing changes a port map in place:
 * every change makes a new one), so a build step, a commit or a container
 * create no longer walks 65,535 keys. The map itself is what Docker prints
 * (inspect): it is made once per set, in Go's key order (bytes), and known
 * here by its identity (a WeakMap from the map to its runs).
 *
 * Small sets keep the plain path: only sets of at least BIG_SET ports, whose
 * keys are all canonical (`<0-65535>/<proto>`, no leading zero), have runs.
 */

export interface PortRun {
  proto: string;
  from: number;
  to: number;
}

export type PortSetMap = Record<string, Record<string, never>>;

/** below this many ports a set stays a plain map (copying it is cheap) */
export const BIG_SET = 1024;

interface SetInfo {
  runs: readonly PortRun[];
  size: number;
  /** the map's JSON (Go's encoding: `{"1/tcp":{},…}`), made when first asked */
  json?: string;
}

const infoOf = new WeakMap<object, SetInfo>();
/**
 * the last few big sets made, by their runs' text: equal sets share one map
 * (held weakly: a map no image or container holds any more is let go)
 */
const interned = new Map<string, WeakRef<PortSetMap>>();
const MAX_INTERNED = 8;

const sharedOf = (text: string): PortSetMap | undefined => interned.get(text)?.deref();

const KEY = /^(0|[1-9]\d{0,4})\/([a-z0-9]+)$/;

/** "80/tcp" → [80, "tcp"] when the key is canonical, else undefined */
function splitKey(key: string): [number, string] | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  const port = Number(m[1]);
  return port <= 65535 ? [port, m[2] as string] : undefined;
}

/** runs sorted by proto then port, overlapping and touching runs merged */
export function normalizeRuns(runs: readonly PortRun[]): PortRun[] {
  const sorted = [...runs].sort((a, b) => (a.proto < b.proto ? -1 : a.proto > b.proto ? 1 : a.from - b.from));
  const out: PortRun[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.proto === r.proto && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ proto: r.proto, from: r.from, to: r.to });
  }
  return out;
}

/** the runs of a list of map keys, undefined when one of them is not canonical */
export function runsOfKeys(keys: readonly string[]): PortRun[] | undefined {
  const byProto = new Map<string, number[]>();
  for (const k of keys) {
    const s = splitKey(k);
    if (!s) return undefined;
    const list = byProto.get(s[1]);
    if (list) list.push(s[0]);
    else byProto.set(s[1], [s[0]]);
  }
  const runs: PortRun[] = [];
  for (const [proto, ports] of byProto) {
    ports.sort((a, b) => a - b);
    let from = ports[0] as number;
    let to = from;
    for (let i = 1; i < ports.length; i++) {
      const p = ports[i] as number;
      if (p <= to + 1) to = Math.max(to, p);
      else {
        runs.push({ proto, from, to });
        from = p;
        to = p;
      }
    }
    runs.push({ proto, from, to });
  }
  return normalizeRuns(runs);
}

export function runsSize(runs: readonly PortRun[]): number {
  let n = 0;
  for (const r of runs) n += r.to - r.from + 1;
  return n;
}

/** "1-65535/tcp,53/udp": the runs as text (the snapshot's form, the intern key) */
export function runsText(runs: readonly PortRun[]): string {
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}-${r.to}`}/${r.proto}`).join(',');
}

/** at most this many ports in a set read from outside (a snapshot): 8 protocols of every port */
export const MAX_SET_PORTS = 8 * 65536;

/** the runs of runsText's text, undefined when it is not exactly that (sorted, merged, canonical) or too big */
export function parseRunsText(text: string): PortRun[] | undefined {
  if (text === '') return [];
  if (text.length > 4096) return undefined;
  const runs: PortRun[] = [];
  for (const part of text.split(',')) {
    const m = /^(0|[1-9]\d{0,4})(?:-([1-9]\d{0,4}))?\/([a-z0-9]+)$/.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to > 65535 || to <= from - (m[2] === undefined ? 1 : 0) || (m[2] !== undefined && to === from)) return undefined;
    runs.push({ proto: m[3] as string, from, to });
  }
  return runsText(normalizeRuns(runs)) === text && runsSize(runs) <= MAX_SET_PORTS ? runs : undefined;
}

/** every key of the runs, in Go's map key order */
function keysOf(runs: readonly PortRun[]): string[] {
  const keys: string[] = [];
  for (const r of runs) for (let p = r.from; p <= r.to; p++) keys.push(`${p}/${r.proto}`);
  return keys.sort();
}

/** the map of big runs (shared: the same set gives the same map while it is among the last few made) */
function bigMap(runs: readonly PortRun[], size: number): PortSetMap {
  const text = runsText(runs);
  const known = sharedOf(text);
  if (known) return known;
  const map: PortSetMap = {};
  for (const k of keysOf(runs)) map[k] = {};
  infoOf.set(map, { runs, size });
  intern(text, map);
  return map;
}

/** the port map of runs, in key order */
export function mapOfRuns(runs: readonly PortRun[]): PortSetMap {
  const norm = normalizeRuns(runs);
  const size = runsSize(norm);
  if (size >= BIG_SET) return bigMap(norm, size);
  const map: PortSetMap = {};
  for (const k of keysOf(norm)) map[k] = {};
  return map;
}

/** the map of a list of keys (EXPOSE's specs), in key order */
export function portMapOfKeys(keys: readonly string[]): PortSetMap {
  const runs = keys.length >= BIG_SET ? runsOfKeys(keys) : undefined;
  if (runs) return mapOfRuns(runs);
  const map: PortSetMap = {};
  for (const k of keys) map[k] = {};
  return sortedCopy(map);
}

/** what is known of a big map: its runs and size (undefined for a small or non-canonical map) */
function info(map: object): SetInfo | undefined {
  const known = infoOf.get(map);
  if (known) return known;
  const keys = Object.keys(map);
  if (keys.length < BIG_SET) return undefined;
  const runs = runsOfKeys(keys);
  if (!runs) return undefined;
  const i: SetInfo = { runs, size: keys.length };
  infoOf.set(map, i);
  return i;
}

/** the runs of a port map (its keys all canonical), else undefined */
export function runsOfMap(map: object | null | undefined): readonly PortRun[] | undefined {
  if (!map) return [];
  const i = info(map);
  return i ? i.runs : runsOfKeys(Object.keys(map));
}

/** how many keys the map has (a big one's count is remembered) */
export function portMapSize(map: object | null | undefined): number {
  if (!map) return 0;
  return infoOf.get(map)?.size ?? Object.keys(map).length;
}

/** whether the map has a key (without listing 65,535 of them) */
export function hasPortKeys(map: object | null | undefined): boolean {
  if (!map) return false;
  for (const k in map) if (Object.hasOwn(map, k)) return true;
  return false;
}

/** a map of the same ports as `map` (a caller's: it may change it) that the engine keeps: a big map shared, a small one copied */
export function keptPortMap(map: PortSetMap): PortSetMap {
  const i = info(map);
  if (!i) return { ...map };
  return sharedOf(runsText(i.runs)) === map ? map : bigMap(i.runs, i.size);
}

/** a map the engine owns and no one changes (parsed JSON): the shared one of its set when there is one, else it becomes that */
export function adoptPortMap(map: PortSetMap): PortSetMap {
  const i = info(map);
  if (!i || !emptyValues(map)) return map;
  const text = runsText(i.runs);
  const shared = sharedOf(text);
  if (shared) return shared;
  intern(text, map);
  return map;
}

/** every value `{}` (a port set's; parsed data may hold anything) */
function emptyValues(map: PortSetMap): boolean {
  for (const k of Object.keys(map)) {
    const v = map[k] as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length > 0) return false;
  }
  return true;
}

/** is this map the engine's shared one of its set (keys canonical, values `{}`)? */
export function isSharedPortMap(map: object | null | undefined): boolean {
  const i = map ? infoOf.get(map) : undefined;
  return !!i && sharedOf(runsText(i.runs)) === map;
}

function intern(text: string, map: PortSetMap): void {
  interned.delete(text);
  interned.set(text, new WeakRef(map));
  if (interned.size > MAX_INTERNED) interned.delete(interned.keys().next().value as string);
}

function sortedCopy(map: PortSetMap): PortSetMap {
  const out: PortSetMap = {};
  for (const k of Object.keys(map).sort()) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: {}, enumerable: true, writable: true, configurable: true });
    else out[k] = {};
  }
  return out;
}

/** the map in key order: a big one shared, a small one a sorted copy */
export function sortedPortMap(map: PortSetMap): PortSetMap {
  const i = info(map);
  return i ? bigMap(i.runs, i.size) : sortedCopy(map);
}

/** the union of two port maps, in key order (`a` itself when `b` adds nothing to a big `a`) */
export function unionPortMaps(a: PortSetMap | null | undefined, b: PortSetMap | null | undefined): PortSetMap {
  const ia = a ? info(a) : undefined;
  const ib = b ? info(b) : undefined;
  if (ia || ib) {
    const ra = a ? runsOfMap(a) : [];
    const rb = b ? runsOfMap(b) : [];
    if (ra && rb) {
      const u = normalizeRuns([...ra, ...rb]);
      const text = runsText(u);
      if (a && ia && text === runsText(ia.runs)) return a;
      if (b && ib && text === runsText(ib.runs)) return b;
      return mapOfRuns(u);
    }
  }
  return sortedCopy({ ...(a ?? {}), ...(b ?? {}) });
}

/** do both maps have the same keys? */
export function samePortMaps(a: PortSetMap | null | undefined, b: PortSetMap | null | undefined): boolean {
  if (a === b) return true;
  const na = portMapSize(a);
  if (na !== portMapSize(b)) return false;
  if (na === 0) return true;
  const ia = info(a as object);
  const ib = info(b as object);
  if (ia && ib) return runsText(ia.runs) === runsText(ib.runs);
  for (const k of Object.keys(a as object)) if (!Object.hasOwn(b as object, k)) return false;
  return true;
}

/** the map's JSON as JSON.stringify writes it, remembered for a big map */
export function portMapJson(map: PortSetMap): string {
  const i = info(map);
  if (!i) return JSON.stringify(map);
  i.json ??= JSON.stringify(map);
  return i.json;
}

/** the big maps made or adopted lately, with their JSON (to find them in a config's text without parsing it) */
export function knownBigPortMaps(): { map: PortSetMap; json: string }[] {
  const out: { map: PortSetMap; json: string }[] = [];
  for (const ref of interned.values()) {
    const map = ref.deref();
    if (map) out.push({ map, json: portMapJson(map) });
  }
  return out;
}

/** is this map a big one (runs known or found)? */
export function isBigPortMap(map: object | null | undefined): boolean {
  return !!map && info(map) !== undefined;
}
