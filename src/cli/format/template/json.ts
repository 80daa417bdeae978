/**
 * Go's encoding/json as docker's `json` template function uses it (json.NewEncoder with
 * SetEscapeHTML(false), trailing newline trimmed). Structs and plain objects keep their field
 * order; Maps and objects marked goMap() are sorted by key, as Go sorts map keys. Encoding errors
 * (NaN, functions) make the whole result empty, as docker ignores the encoder's error.
 */
import { GoComplex, GoFloat, kindOf, mapGet, mapKeys, structFields, typeInfo } from './values';

class UnsupportedValue extends Error {}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20) out += '\\u' + hex4(c);
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + hex4(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** Go's float64 JSON form: like ES6 but exponents without padding, e.g. 1e-7, 1e+21. */
function jsonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new UnsupportedValue();
  return String(x);
}

function encode(v: unknown, seen: Set<object>): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
    case 'ptrnil':
      return 'null';
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
    case 'uint':
      return typeof v === 'bigint' ? v.toString() : jsonFloat(v as number);
    case 'float':
      return jsonFloat(v instanceof GoFloat ? v.value : (v as number));
    case 'complex':
    case 'func':
      throw new UnsupportedValue();
    case 'string':
      return jsonString(v as string);
    default:
      break;
  }
  const o = v as object;
  if (v instanceof GoComplex) throw new UnsupportedValue();
  if (seen.has(o)) throw new UnsupportedValue();
  seen.add(o);
  try {
    if (Array.isArray(o)) return '[' + o.map((e) => encode(e, seen)).join(',') + ']';
    const info = typeInfo(o);
    const sorted = o instanceof Map || info?.kind === 'map';
    const entries: [string, unknown][] = sorted
      ? mapKeys(o).map((k) => [String(k), mapGet(o, k)])
      : structFields(o).filter(([, fv]) => fv !== undefined);
    if (o instanceof Map) entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return '{' + entries.map(([k, fv]) => jsonString(k) + ':' + encode(fv, seen)).join(',') + '}';
  } finally {
    seen.delete(o);
  }
}

/** docker's `json` template function. */
export function dockerJson(v: unknown): string {
  try {
    return encode(v, new Set());
  } catch (e) {
    if (e instanceof UnsupportedValue) return '';
    throw e;
  }
}
