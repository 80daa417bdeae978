/**
 * Template functions: Go's text/template builtins (Go 1.19 behaviour and error texts) and
 * docker/cli's templates.go functions (json, split, join, title, lower, upper, pad, truncate),
 * plus docker's HeaderFunctions used for table headers.
 */
import { FuncError } from './errors';
import { dockerJson } from './json';
import { sprint, sprintln } from './print';
import { sprintf } from './printf';
import { isPrint } from './quote';
import { isTrue, kindOf, lengthOf, mapGet, toBigInt, toNumber, typeInfo, typeName } from './values';

/**
 * Parameter types: 'value' = reflect.Value (undefined stays invalid), 'any' = interface{}
 * (undefined becomes nil), or a concrete Go type checked like Go's evalArg/validateType.
 */
export type ParamType = 'value' | 'any' | 'string' | 'int' | 'bool' | 'float64' | '[]string';

export interface FuncDef {
  params: ParamType[];
  /** type of the variadic tail, if the function is variadic */
  variadic?: ParamType;
  /** throws FuncError (or any Error) for Go's `error calling NAME: …` */
  fn: (...args: unknown[]) => unknown;
}

/** A function map: FuncDefs, or plain JS functions (all parameters interface{}, arity = fn.length). */
export type FuncMap = Record<string, FuncDef | ((...args: never[]) => unknown)>;

export function toFuncDef(f: FuncDef | ((...args: never[]) => unknown)): FuncDef {
  if (typeof f === 'function') {
    const fn = f as (...args: unknown[]) => unknown;
    return { params: Array.from({ length: fn.length }, () => 'any' as const), fn };
  }
  return f;
}

const utf8Enc = new TextEncoder();
const utf8Dec = new TextDecoder('utf-8');

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid' || k === 'nil') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int' && k !== 'uint') throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  const x = toBigInt(index);
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  let v = item;
  if (v === undefined || v === null) throw new FuncError('index of untyped nil');
  for (const ix of indexes) {
    const k = kindOf(v);
    if (k === 'ptrnil') throw new FuncError('index of nil pointer');
    if (k === 'slice' || k === 'string') {
      const len = lengthOf(v)!;
      const x = indexArg(ix, len);
      if (x === len) throw new FuncError(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
      v = typeof v === 'string' ? utf8Enc.encode(v)[x]! : (v as unknown[])[x];
    } else if (k === 'map') {
      const o = v as object;
      const ik = kindOf(ix);
      const keyType = typeInfo(o)?.keyType;
      if (!(o instanceof Map) && ik !== 'string' && ik !== 'invalid' && ik !== 'nil')
        throw new FuncError(`value has type ${typeName(ix)}; should be ${keyType ?? 'string'}`);
      if (keyType && ik === 'string') throw new FuncError(`value has type string; should be ${keyType}`);
      const got = mapGet(o, ix);
      v = got === undefined ? (typeInfo(o)?.zero ?? null) : got;
    } else {
      throw new FuncError(`can't index item of type ${typeName(v)}`);
    }
  }
  return v;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  if (k !== 'string' && k !== 'slice') throw new FuncError(`can't slice item of type ${typeName(item)}`);
  if (k === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  const len = lengthOf(item)!;
  const idx = [0, len, len];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg(ix, len);
  });
  if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return utf8Dec.decode(utf8Enc.encode(item).slice(idx[0], idx[1]));
  return (item as unknown[]).slice(idx[0], idx[1]);
}

function length(item: unknown): number {
  const k = kindOf(item);
  if (k === 'ptrnil') throw new FuncError('len of nil pointer');
  if (k === 'invalid') throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (k === 'nil') throw new FuncError('len of type interface {}');
  const n = lengthOf(item);
  if (n === undefined) throw new FuncError(`len of type ${typeName(item)}`);
  return n;
}

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'invalid';
function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'complex' || k === 'string' ? k : 'invalid';
}

function isNilish(v: unknown): boolean {
  const k = kindOf(v);
  return k === 'invalid' || k === 'nil' || k === 'ptrnil';
}

function eq(a: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) truth = toBigInt(a) === toBigInt(b);
      else if (a !== undefined && a !== null && b !== undefined && b !== null)
        throw new FuncError('incompatible types for comparison');
    } else if (k1 === 'invalid') {
      if (isNilish(a) || isNilish(b)) truth = isNilish(a) === isNilish(b);
      else if (kindOf(a) !== kindOf(b)) throw new FuncError(`non-comparable types ${a}: ${typeName(a)}, ${typeName(b)}: ${b}`);
      else throw new FuncError(`non-comparable type ${b}: ${typeName(b)}`);
    } else if (k1 === 'int' || k1 === 'uint') truth = toBigInt(a) === toBigInt(b);
    else if (k1 === 'float') truth = toNumber(a) === toNumber(b);
    else truth = a === b;
    if (truth) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return toBigInt(a) < toBigInt(b);
    throw new FuncError('incompatible types for comparison');
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new FuncError('invalid type for comparison');
    case 'int':
    case 'uint':
      return toBigInt(a) < toBigInt(b);
    case 'float':
      return toNumber(a) < toNumber(b);
    default:
      return (a as string) < (b as string);
  }
}

/** evalArgs of html/js/urlquery: Sprint of the args, nil shown as <no value>. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

function htmlEscape(s: string): string {
  return s.replace(/["'&<>]/g, (c) => ({ '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80 || isPrint(ch)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Enc.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function callFn(fn: unknown, ...args: unknown[]): unknown {
  if (fn === undefined || fn === null) throw new FuncError('call of nil');
  if (typeof fn !== 'function') throw new FuncError(`non-function of type ${typeName(fn)}`);
  const want = fn.length;
  if (args.length !== want) throw new FuncError(`wrong number of args: got ${args.length} want ${want}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

/** The `and`/`or` entries only reserve the names; exec.ts evaluates them lazily. */
export const BUILTINS: Record<string, FuncDef> = {
  and: { params: ['value'], variadic: 'value', fn: () => undefined },
  or: { params: ['value'], variadic: 'value', fn: () => undefined },
  call: { params: ['value'], variadic: 'value', fn: callFn },
  html: { params: [], variadic: 'any', fn: (...a) => htmlEscape(evalArgs(a)) },
  index: { params: ['value'], variadic: 'value', fn: index },
  slice: { params: ['value'], variadic: 'value', fn: slice },
  js: { params: [], variadic: 'any', fn: (...a) => jsEscape(evalArgs(a)) },
  len: { params: ['value'], fn: length },
  not: { params: ['value'], fn: (a) => !isTrue(a) },
  print: { params: [], variadic: 'any', fn: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: 'any', fn: (f, ...a) => sprintf(f as string, a) },
  println: { params: [], variadic: 'any', fn: (...a) => sprintln(a) },
  urlquery: { params: [], variadic: 'any', fn: (...a) => urlQueryEscape(evalArgs(a)) },
  eq: { params: ['value'], variadic: 'value', fn: eq },
  ne: { params: ['value', 'value'], fn: (a, b) => !eq(a, b) },
  lt: { params: ['value', 'value'], fn: lt },
  le: { params: ['value', 'value'], fn: (a, b) => lt(a, b) || eq(a, b) },
  gt: { params: ['value', 'value'], fn: (a, b) => !(lt(a, b) || eq(a, b)) },
  ge: { params: ['value', 'value'], fn: (a, b) => !lt(a, b) },
};

function repeatSpaces(n: number): string {
  if (n < 0) throw new FuncError('strings: negative Repeat count');
  return ' '.repeat(n);
}

/** strings.Title's isSeparator. */
function isSeparator(ch: string): boolean {
  if (ch.codePointAt(0)! <= 0x7f) return !/^[A-Za-z0-9_]$/.test(ch);
  if (/^[\p{L}\p{Nd}]$/u.test(ch)) return false;
  return /^\s$/u.test(ch);
}

/** strings.Title: upper-cases the first letter of each word. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? upperRune(ch) : ch;
    prev = ch;
  }
  return out;
}

/** Simple (one-to-one) case mapping like Go's unicode.ToUpper/ToLower. */
function upperRune(ch: string): string {
  const u = ch.toUpperCase();
  return [...u].length === 1 ? u : ch;
}
function lowerRune(ch: string): string {
  const l = ch.toLowerCase();
  return [...l].length === 1 ? l : ch;
}

/** Go's s[:n] on a string (bytes); a cut inside a character leaves U+FFFD, as a terminal shows it. */
function truncate(s: string, n: number): string {
  const bytes = utf8Enc.encode(s);
  if (bytes.length < n) return s;
  if (n < 0) throw new FuncError(`runtime error: slice bounds out of range [:${n}]`);
  return utf8Dec.decode(bytes.slice(0, n));
}

/** docker/cli templates.basicFunctions */
export const DOCKER_FUNCS: Record<string, FuncDef> = {
  json: { params: ['any'], fn: (v) => dockerJson(v) },
  split: { params: ['string', 'string'], fn: (s, sep) => goSplit(s as string, sep as string) },
  join: { params: ['[]string', 'string'], fn: (a, sep) => (a as string[]).join(sep as string) },
  title: { params: ['string'], fn: (s) => title(s as string) },
  lower: { params: ['string'], fn: (s) => [...(s as string)].map(lowerRune).join('') },
  upper: { params: ['string'], fn: (s) => [...(s as string)].map(upperRune).join('') },
  pad: {
    params: ['string', 'int', 'int'],
    fn: (s, l, r) => ((s as string) === '' ? '' : repeatSpaces(l as number) + s + repeatSpaces(r as number)),
  },
  truncate: { params: ['string', 'int'], fn: (s, n) => truncate(s as string, n as number) },
};

/** strings.Split: empty separator splits into characters. */
function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

/** docker/cli templates.HeaderFunctions: table headers stay intact (pad is not overridden). */
export const HEADER_FUNCS: Record<string, FuncDef> = {
  json: { params: ['string'], fn: (v) => v },
  split: { params: ['string', 'string'], fn: (v) => v },
  join: { params: ['string', 'string'], fn: (v) => v },
  title: { params: ['string'], fn: (v) => v },
  lower: { params: ['string'], fn: (v) => v },
  upper: { params: ['string'], fn: (v) => v },
  truncate: { params: ['string', 'int'], fn: (v) => v },
};

