/**
 * Corruptions of a sandbox export file (src/store/sandbox-file.ts): broken
 * references between the objects (a layer's parent, a container's image, an
 * image's top layer, a reference, a network endpoint, a volume's users), wrong
 * types, missing keys, 10,000-deep nesting, no default networks, bad blobs
 * (a changed byte, a missing one, a digest that names nothing), and damage to
 * the text itself (cut short, a character changed).
 */
import type { Rng } from './rng';

export interface Corruption {
  /** the corrupted file */
  text: string;
  /** what was done, for the report: `wrong-type sandbox.engine.containers.0.State = null` */
  what: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hex = (r: Rng, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
const digest = (r: Rng) => `sha256:${hex(r, 64)}`;

/** every (container, key) of the tree below `root`, with its path */
function slots(root: Json, path: string, out: { parent: Obj | Json[]; key: string | number; path: string }[], depth = 0): void {
  if (depth > 40) return;
  if (Array.isArray(root)) {
    root.forEach((v, i) => {
      out.push({ parent: root, key: i, path: `${path}.${i}` });
      slots(v, `${path}.${i}`, out, depth + 1);
    });
  } else if (isObj(root)) {
    for (const k of Object.keys(root)) {
      out.push({ parent: root, key: k, path: `${path}.${k}` });
      slots(root[k] as Json, `${path}.${k}`, out, depth + 1);
    }
  }
}

const WRONG: readonly (() => Json)[] = [() => null, () => 0, () => -1, () => 1e308, () => '', () => 'x', () => true, () => [], () => ({}), () => 'NaN', () => [null], () => ({ x: [] }), () => 'z'.repeat(100_000), () => -0.5];

function get(o: Json, ...keys: (string | number)[]): Json | undefined {
  let v: Json | undefined = o;
  for (const k of keys) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObj(v) && typeof k === 'string') v = v[k];
    else return undefined;
  }
  return v;
}

function listOf(o: Json, ...keys: string[]): Json[] {
  const v = get(o, ...keys);
  return Array.isArray(v) ? v : [];
}

/** targeted breaks of the references between the engine's objects; undefined when the sandbox has no such object */
const REFERENCE_BREAKS: readonly ((r: Rng, file: Obj) => string | undefined)[] = [
  (r, f) => {
    const layers = listOf(f, 'sandbox', 'engine', 'layers').filter(isObj);
    if (!layers.length) return undefined;
    const l = r.pick(layers);
    l.parent = digest(r);
    return 'a layer on an unknown parent';
  },
  (r, f) => {
    const cs = listOf(f, 'sandbox', 'engine', 'containers').filter(isObj);
    if (!cs.length) return undefined;
    r.pick(cs).Image = digest(r);
    return 'a container whose image is missing';
  },
  (r, f) => {
    const cs = listOf(f, 'sandbox', 'engine', 'containers').filter(isObj);
    if (!cs.length) return undefined;
    r.pick(cs).layerId = digest(r);
    return 'a container on a missing layer';
  },
  (r, f) => {
    const is = listOf(f, 'sandbox', 'engine', 'images').filter(isObj);
    if (!is.length) return undefined;
    r.pick(is).chainId = digest(r);
    return 'an image whose top layer is missing';
  },
  (r, f) => {
    const is = listOf(f, 'sandbox', 'engine', 'images').filter(isObj);
    if (!is.length) return undefined;
    r.pick(is).parent = digest(r);
    return 'an image whose parent is missing';
  },
  (r, f) => {
    const refs = listOf(f, 'sandbox', 'engine', 'references');
    const pairs = refs.flatMap((x) => (Array.isArray(x) && Array.isArray(x[1]) ? x[1] : [])).filter(Array.isArray);
    if (!pairs.length) return undefined;
    (r.pick(pairs) as Json[])[1] = digest(r);
    return 'a reference to a missing image';
  },
  (r, f) => {
    const nets = listOf(f, 'sandbox', 'engine', 'networks').filter(isObj);
    const eps = nets.flatMap((n) => (Array.isArray(n.endpoints) ? n.endpoints : [])).filter(isObj);
    if (!eps.length) return undefined;
    r.pick(eps).containerId = hex(r, 64);
    return 'a network endpoint of a missing container';
  },
  (r, f) => {
    const vs = listOf(f, 'sandbox', 'engine', 'volumes').filter(isObj);
    if (!vs.length) return undefined;
    r.pick(vs).refs = [hex(r, 64)];
    return 'a volume used by a missing container';
  },
  (r, f) => {
    const cs = listOf(f, 'sandbox', 'engine', 'containers').filter(isObj);
    const ms = cs.flatMap((c) => (Array.isArray(c.Mounts) ? c.Mounts : [])).filter(isObj);
    if (!ms.length) return undefined;
    const m = r.pick(ms);
    m.Name = 'nosuchvolume';
    m.Type = 'volume';
    return 'a container mounting a missing volume';
  },
  (_r, f) => {
    const e = get(f, 'sandbox', 'engine');
    if (!isObj(e)) return undefined;
    e.networks = [];
    return 'no networks at all';
  },
  (r, f) => {
    const nets = listOf(f, 'sandbox', 'engine', 'networks').filter(isObj);
    const e = get(f, 'sandbox', 'engine');
    if (!isObj(e) || !nets.length) return undefined;
    const gone = r.pick(['bridge', 'host', 'none']);
    e.networks = nets.filter((n) => n.name !== gone);
    return `no ${gone} network`;
  },
  (r, f) => {
    const cs = listOf(f, 'sandbox', 'engine', 'containers').filter(isObj);
    if (cs.length < 1) return undefined;
    const c = r.pick(cs);
    (get(f, 'sandbox', 'engine', 'containers') as Json[]).push(JSON.parse(JSON.stringify(c)) as Json);
    return 'the same container twice';
  },
  (r, f) => {
    const cs = listOf(f, 'sandbox', 'engine', 'containers').filter(isObj);
    if (cs.length < 2) return undefined;
    const [a, b] = [cs[0] as Obj, cs[1] as Obj];
    b.Name = a.Name as Json;
    void r;
    return 'two containers of one name';
  },
  (r, f) => {
    const layers = listOf(f, 'sandbox', 'engine', 'layers').filter(isObj);
    if (layers.length < 2) return undefined;
    const a = layers[0] as Obj;
    const b = layers[layers.length - 1] as Obj;
    a.parent = b.chainId as Json;
    void r;
    return 'layers in a cycle';
  },
  (r, f) => {
    const layers = listOf(f, 'sandbox', 'engine', 'layers').filter(isObj);
    if (!layers.length) return undefined;
    r.pick(layers).refs = r.pick([0, -1, 1e9, 0.5]);
    return 'a layer with a wrong reference count';
  },
  (r, f) => {
    const e = get(f, 'sandbox', 'engine');
    if (!isObj(e) || !Array.isArray(e.layers) || !e.layers.length) return undefined;
    e.layers.splice(r.int(0, e.layers.length - 1), 1);
    return 'a layer left out';
  },
  (r, f) => {
    const e = get(f, 'sandbox', 'engine');
    if (!isObj(e) || !Array.isArray(e.images) || !e.images.length) return undefined;
    e.images.splice(r.int(0, e.images.length - 1), 1);
    return 'an image left out';
  },
];

function wrongType(r: Rng, file: Obj): string {
  const all: Parameters<typeof slots>[2] = [];
  slots(file.sandbox as Json, 'sandbox', all);
  if (!all.length) return 'nothing to change';
  const s = r.pick(all);
  const v = r.pick(WRONG)();
  (s.parent as Record<string | number, Json>)[s.key] = v;
  return `wrong type ${s.path} = ${JSON.stringify(v).slice(0, 20)}`;
}

function dropKey(r: Rng, file: Obj): string {
  const all: Parameters<typeof slots>[2] = [];
  slots(file.sandbox as Json, 'sandbox', all);
  if (!all.length) return 'nothing to drop';
  const s = r.pick(all);
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
  return `left out ${s.path}`;
}

/** a value JSON.stringify cannot write (too deep for its recursion): put in as text afterwards */
const DEEP_MARK = 'dockyard-fuzz-deep-nesting-';

function nestDeep(r: Rng, file: Obj): string {
  const all: Parameters<typeof slots>[2] = [];
  slots(file.sandbox as Json, 'sandbox', all);
  if (!all.length) return 'nothing to nest';
  const s = r.pick(all);
  const kind = r.pick(['array', 'object'] as const);
  (s.parent as Record<string | number, Json>)[s.key] = `${DEEP_MARK}${kind}`;
  return `10,000-deep ${kind} at ${s.path}`;
}

function deepText(kind: string, n: number): string {
  return kind === 'array' ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
}

function protoKey(r: Rng, file: Obj): string {
  const all: Parameters<typeof slots>[2] = [];
  slots(file.sandbox as Json, 'sandbox', all);
  const objs = all.map((s) => (s.parent as Record<string | number, Json>)[s.key]).filter(isObj);
  if (!objs.length) return 'no object';
  const o = r.pick(objs);
  const key = r.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
  // an own "__proto__" key, as JSON.parse makes it
  Object.defineProperty(o, key, { value: JSON.parse('{"polluted":1,"x":[]}') as Json, enumerable: true, writable: true, configurable: true });
  return `an own ${key} key`;
}

function blobDamage(r: Rng, file: Obj): string {
  const blobs = file.blobs;
  if (!isObj(blobs)) return 'no blob table';
  const keys = Object.keys(blobs);
  const op = r.int(0, 4);
  if (op === 0 || keys.length === 0) {
    blobs[digest(r)] = 'aGVsbG8=';
    return 'a blob whose digest does not match';
  }
  const k = r.pick(keys);
  if (op === 1) {
    delete blobs[k];
    return 'a blob left out';
  }
  if (op === 2) {
    const b = String(blobs[k]);
    const i = r.int(0, Math.max(0, b.length - 1));
    blobs[k] = b.slice(0, i) + (b[i] === 'A' ? 'B' : 'A') + b.slice(i + 1);
    return 'a changed byte in a blob';
  }
  if (op === 3) {
    blobs[k] = r.pick(['%%%', '', 'not base64!', 'QQ']);
    return 'a blob that is not base64';
  }
  blobs[k] = 0 as unknown as Json;
  return 'a blob that is not a string';
}

function topLevel(r: Rng, file: Obj): string {
  const key = r.pick(['format', 'version', 'sandbox', 'blobs', 'terminals', 'provenance', 'scrollback', 'lessons', 'exportedAt']);
  const v = r.pick(WRONG)();
  file[key] = v;
  return `top-level ${key} = ${JSON.stringify(v).slice(0, 20)}`;
}

function textDamage(r: Rng, text: string): Corruption {
  const op = r.int(0, 3);
  if (op === 0) {
    const n = r.int(0, text.length - 1);
    return { text: text.slice(0, n), what: `cut at ${n} of ${text.length} characters` };
  }
  const i = r.int(0, text.length - 1);
  if (op === 1) return { text: text.slice(0, i) + String.fromCharCode(r.int(32, 126)) + text.slice(i + 1), what: `character ${i} changed` };
  if (op === 2) return { text: text.slice(0, i) + text.slice(i + 1), what: `character ${i} removed` };
  return { text: `${text}\u0000garbage`, what: 'garbage after the JSON' };
}

/** one corruption of `text` (a valid export) */
export function corrupt(r: Rng, text: string): Corruption {
  const which = r.weighted([
    [8, 'reference'],
    [6, 'wrong-type'],
    [3, 'drop'],
    [2, 'nest'],
    [2, 'proto'],
    [3, 'blob'],
    [1, 'top'],
    [2, 'text'],
  ] as const);
  if (which === 'text') return textDamage(r, text);
  const file = JSON.parse(text) as Obj;
  let what: string | undefined;
  if (which === 'reference') {
    for (let tries = 0; tries < 5 && what === undefined; tries++) what = r.pick(REFERENCE_BREAKS)(r, file);
    what ??= wrongType(r, file);
  } else if (which === 'wrong-type') what = wrongType(r, file);
  else if (which === 'drop') what = dropKey(r, file);
  else if (which === 'nest') what = nestDeep(r, file);
  else if (which === 'proto') what = protoKey(r, file);
  else if (which === 'blob') what = blobDamage(r, file);
  else what = topLevel(r, file);
  const json = JSON.stringify(file).replace(new RegExp(`"${DEEP_MARK}(array|object)"`), (_m, kind: string) => deepText(kind, 10_000));
  return { text: json, what };
}
