/**
 * `JSON.parse(JSON.stringify(v))` without the text in between: a deep copy of
 * plain JSON-shaped data (plain objects, arrays, strings, finite numbers,
 * booleans, null) with JSON's rules — undefined and function properties
 * dropped, undefined and functions in arrays as null, NaN/Infinity as null,
 * -0 as 0. Anything else (class instances, Maps, toJSON, bigint, cycles,
 * "__proto__" keys, very deep data) takes the JSON round trip itself, so the
 * result is always the same as the round trip's.
 */

class Unusual {}
const UNUSUAL = new Unusual();
const MAX_DEPTH = 200;

function isPlain(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

/** the copy of a value found in an object (undefined: the property is dropped) */
function copy(v: unknown, depth: number): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
    default:
      throw UNUSUAL;
  }
  if (v === null) return null;
  if (depth > MAX_DEPTH) throw UNUSUAL;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) throw UNUSUAL;
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = copy(v[i], depth + 1);
      out[i] = c === undefined ? null : c;
    }
    return out;
  }
  if (!isPlain(v) || typeof (v as { toJSON?: unknown }).toJSON === 'function') throw UNUSUAL;
  const out: Record<string, unknown> = {};
  // for-in over a plain object: its own keys in Object.keys order, with no array made for them
  for (const k in v) {
    if (!Object.hasOwn(v, k)) throw UNUSUAL;
    if (k === '__proto__') throw UNUSUAL;
    const c = copy((v as Record<string, unknown>)[k], depth + 1);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

export function cloneJson<T>(v: T): T {
  try {
    const c = copy(v, 0);
    // JSON.stringify(undefined) is undefined and JSON.parse(undefined) throws: keep that
    if (c !== undefined) return c as T;
  } catch (e) {
    if (e !== UNUSUAL) throw e;
  }
  return JSON.parse(JSON.stringify(v)) as T;
}
