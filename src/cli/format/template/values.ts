/**
 * How JS data is seen as Go values by the template engine.
 *
 * - `undefined`: Go's invalid reflect.Value (a missing map key); prints `<no value>`.
 * - `null`: a nil interface (JSON null in a map); an action printing it shows `<no value>`,
 *   `print`/`printf` show `<nil>`.
 * - `NilPointer`: a nil pointer field of a struct; prints `<nil>`.
 * - numbers: integral → Go int, otherwise float64. `GoFloat` forces float64 (e.g. `{{1.0}}`).
 *   bigint → int64 (uint64 above the int64 range).
 * - strings, booleans: as is. Arrays: slices. `Map` and plain objects: Go maps (string keys,
 *   sorted when printed or ranged). Objects marked with `goStruct()` or class instances: structs
 *   (a missing field is an error `can't evaluate field X in type T`).
 * - functions found on objects are Go methods: `{{.Label "k"}}` calls them; with no parameters
 *   they are called when referenced (`{{.ID}}`).
 */

/** A float64 value (integral JS numbers are otherwise Go ints). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A complex128 constant (only from template literals such as 1+2i). */
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

/** A nil pointer (a struct field of pointer type that is nil); prints `<nil>`. */
export class NilPointer {
  constructor(readonly typeName: string = '*struct {}') {}
}

export interface GoTypeInfo {
  kind: 'struct' | 'map' | 'slice';
  /** Go type name for error messages, e.g. `*formatter.ContainerContext`, `map[string]string`. */
  name: string;
  /** maps only: the value `index` returns for a missing key (Go's zero value of the element type). */
  zero?: unknown;
  /** maps only: a named key type (`nat.Port`): `index` refuses a plain string key, as Go's template does */
  keyType?: string;
}

/** Put `[GO_TYPE]: GoTypeInfo` on an object or a class prototype to give it a Go type. */
export const GO_TYPE: unique symbol = Symbol.for('dockyard.goTemplate.type');

const annotations = new WeakMap<object, GoTypeInfo>();

/** Marks `value` as a Go struct named `typeName` (fields by exact name; missing field = error). */
export function goStruct<T extends object>(value: T, typeName: string): T {
  annotations.set(value, { kind: 'struct', name: typeName });
  return value;
}

/** Marks `value` (plain object or Map) as a Go map, e.g. goMap(labels, 'map[string]string', ''). */
export function goMap<T extends object>(value: T, typeName = 'map[string]string', zero: unknown = '', keyType?: string): T {
  annotations.set(value, keyType ? { kind: 'map', name: typeName, zero, keyType } : { kind: 'map', name: typeName, zero });
  return value;
}

/** Gives an array a Go type name, e.g. goSlice(mounts, '[]types.MountPoint'). */
export function goSlice<T extends unknown[]>(value: T, typeName: string): T {
  annotations.set(value, { kind: 'slice', name: typeName });
  return value;
}

export function typeInfo(v: object): GoTypeInfo | undefined {
  const a = annotations.get(v);
  if (a) return a;
  const t = (v as { [GO_TYPE]?: GoTypeInfo })[GO_TYPE];
  return t && typeof t === 'object' ? t : undefined;
}

export type Kind =
  | 'invalid'
  | 'nil'
  | 'ptrnil'
  | 'bool'
  | 'int'
  | 'uint'
  | 'float'
  | 'complex'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'func';

const INT64_MAX = (1n << 63n) - 1n;

function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === null || p === Object.prototype;
}

export function kindOf(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return v > INT64_MAX ? 'uint' : 'int';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    case 'object':
      break;
    default:
      return 'invalid';
  }
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoComplex) return 'complex';
  if (v instanceof NilPointer) return 'ptrnil';
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  const info = typeInfo(v);
  if (info) return info.kind;
  return isPlainObject(v) ? 'map' : 'struct';
}

/** The Go type name shown in messages (`%T`, `can't evaluate field X in type T`). */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<nil>';
    case 'nil':
      return 'interface {}';
    case 'ptrnil':
      return (v as NilPointer).typeName;
    case 'bool':
      return 'bool';
    case 'int':
      return typeof v === 'bigint' ? 'int64' : 'int';
    case 'uint':
      return 'uint64';
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'string':
      return 'string';
    case 'func':
      return 'func(...)';
    default:
      break;
  }
  const o = v as object;
  const info = typeInfo(o);
  if (info) return info.name;
  if (Array.isArray(o)) return o.length > 0 && o.every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
  if (o instanceof Map || isPlainObject(o)) return 'map[string]interface {}';
  const ctor = (o as { constructor?: { name?: string } }).constructor?.name;
  return ctor ? `*${ctor}` : 'struct {}';
}

/** Numeric value of an int/uint/float kind as a JS number. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoFloat) return v.value;
  return Number.NaN;
}

/** Integer value of an int/uint kind. */
export function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  return 0n;
}

/** Length for slices, maps and strings (bytes, as Go); undefined when the kind has no length. */
export function lengthOf(v: unknown): number | undefined {
  if (typeof v === 'string') return utf8Length(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof Map) return v.size;
  if (kindOf(v) === 'map') return mapKeys(v as object).length;
  return undefined;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Go's truth: false, 0, nil, empty string/slice/map are false; structs are true. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
    case 'ptrnil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'uint':
    case 'float':
      return toNumber(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'string':
    case 'slice':
    case 'map':
      return (lengthOf(v) ?? 0) > 0;
    default:
      return true;
  }
}

/** Keys of a map value, sorted as Go's fmtsort does (numbers numerically, strings bytewise). */
export function mapKeys(m: object): unknown[] {
  const keys: unknown[] = m instanceof Map ? [...m.keys()] : Object.keys(m).filter((k) => typeof (m as Record<string, unknown>)[k] !== 'function');
  return keys.sort(compareKeys);
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const sa = String(a);
  const sb = String(b);
  return compareStrings(sa, sb);
}

/** Bytewise (UTF-8) comparison, which is code point order. */
export function compareStrings(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

export function mapGet(m: object, key: unknown): unknown {
  if (m instanceof Map) return m.get(key);
  if (typeof key !== 'string') return undefined;
  if (!Object.hasOwn(m, key)) return undefined;
  return (m as Record<string, unknown>)[key];
}

/** Struct fields in declaration (insertion) order, methods excluded. */
export function structFields(o: object): [string, unknown][] {
  return Object.entries(o).filter(([, v]) => typeof v !== 'function');
}
