/**
 * Go literal syntax used by templates: strconv.Unquote for "…" and `…` strings, character
 * constants, and the number rules of text/template/parse (newNumber).
 */
import type { NumberValue } from './nodes';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

const utf8Decoder = new TextDecoder('utf-8');

function pushRune(bytes: number[], cp: number): void {
  const s = String.fromCodePoint(cp);
  for (const b of new TextEncoder().encode(s)) bytes.push(b);
}

/**
 * Decodes one (possibly escaped) character at s[i] inside a literal quoted by `quote`. Returns the
 * bytes it stands for and the next index, or null on a syntax error (Go's strconv.UnquoteChar).
 */
function unquoteCharAt(s: string, i: number, quote: string, out: number[]): number | null {
  const c = s.codePointAt(i);
  if (c === undefined) return null;
  const ch = String.fromCodePoint(c);
  if (ch === quote && (quote === "'" || quote === '"')) return null;
  if (ch !== '\\') {
    pushRune(out, c);
    return i + ch.length;
  }
  const e = s[i + 1];
  if (e === undefined) return null;
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (e in simple) {
    out.push(simple[e]!);
    return i + 2;
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const hex = s.slice(i + 2, i + 2 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) return null;
    const v = Number.parseInt(hex, 16);
    if (e === 'x') {
      out.push(v);
    } else {
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
      pushRune(out, v);
    }
    return i + 2 + n;
  }
  if (e >= '0' && e <= '7') {
    const oct = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(oct)) return null;
    const v = Number.parseInt(oct, 8);
    if (v > 255) return null;
    out.push(v);
    return i + 4;
  }
  if (e === "'" || e === '"') {
    if (e !== quote) return null;
    out.push(e.charCodeAt(0));
    return i + 2;
  }
  return null;
}

/** strconv.Unquote for a "…" or `…` literal; null means "invalid syntax". */
export function unquote(lit: string): string | null {
  if (lit.length < 2) return null;
  const q = lit[0]!;
  if (q !== lit[lit.length - 1]) return null;
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) return null;
    return body.replaceAll('\r', '');
  }
  if (q !== '"') return null;
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\n') return null;
    const next = unquoteCharAt(body, i, '"', bytes);
    if (next === null) return null;
    i = next;
  }
  return utf8Decoder.decode(new Uint8Array(bytes));
}

/** A 'x' character constant: the code point, or an error message (Go's texts). */
export function unquoteCharConstant(text: string): number | string {
  const bytes: number[] = [];
  const body = text.slice(1);
  const next = unquoteCharAt(body, 0, "'", bytes);
  if (next === null) return 'invalid syntax';
  if (body.slice(next) !== "'") return `malformed character constant: ${text}`;
  if (bytes.length === 1) return bytes[0]!;
  return utf8Decoder.decode(new Uint8Array(bytes)).codePointAt(0) ?? 0xfffd;
}

function splitBase(t: string): { base: number; digits: string; prefixed: boolean } {
  const p = t.slice(0, 2).toLowerCase();
  if (p === '0x') return { base: 16, digits: t.slice(2), prefixed: true };
  if (p === '0o') return { base: 8, digits: t.slice(2), prefixed: true };
  if (p === '0b') return { base: 2, digits: t.slice(2), prefixed: true };
  if (t.length > 1 && t[0] === '0') return { base: 8, digits: t.slice(1), prefixed: true };
  return { base: 10, digits: t, prefixed: false };
}

/** strconv.ParseInt(text, 0, 64) without the range check; null on syntax error. */
function parseIntSyntax(text: string, allowSign: boolean): bigint | null {
  let t = text;
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    if (!allowSign) return null;
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (t === '') return null;
  const { base, digits, prefixed } = splitBase(t);
  const set = '0123456789abcdef'.slice(0, base);
  const re = new RegExp(`^${prefixed ? '_?' : ''}[${set}]+(_[${set}]+)*$`, 'i');
  if (!re.test(digits)) return null;
  let v = 0n;
  for (const c of digits.replaceAll('_', '')) v = v * BigInt(base) + BigInt(Number.parseInt(c, 16));
  return neg ? -v : v;
}

/** strconv.ParseFloat(text, 64); null on syntax error or overflow. */
export function parseGoFloat(text: string): number | null {
  let t = text;
  let sign = 1;
  if (t[0] === '+' || t[0] === '-') {
    if (t[0] === '-') sign = -1;
    t = t.slice(1);
  }
  if (/^0x/i.test(t)) {
    const m = /^0x(_?[0-9a-f]*(?:_[0-9a-f]+)*)(?:\.([0-9a-f_]*))?p([+-]?[0-9_]+)$/i.exec(t);
    if (!m) return null;
    const int = (m[1] ?? '').replaceAll('_', '');
    const frac = (m[2] ?? '').replaceAll('_', '');
    if (int === '' && frac === '') return null;
    const mant = Number.parseInt(int + frac || '0', 16);
    const v = sign * mant * 2 ** (Number(m[3]!.replaceAll('_', '')) - 4 * frac.length);
    return Number.isFinite(v) ? v : null;
  }
  if (!/^(\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d(_?\d)*)?$/.test(t)) return null;
  if (!/\d/.test(t.replace(/[eE].*$/, ''))) return null;
  const v = sign * Number(t.replaceAll('_', ''));
  return Number.isFinite(v) ? v : null;
}

function emptyNumber(text: string): NumberValue {
  return { text, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0n, float: 0, re: 0, im: 0 };
}

function setFromFloat(n: NumberValue, f: number): void {
  n.isFloat = true;
  n.float = f;
  if (Number.isInteger(f)) {
    const b = BigInt(f);
    if (b >= INT64_MIN && b <= INT64_MAX) {
      n.isInt = true;
      n.int = b;
    }
    if (b >= 0n && b <= UINT64_MAX) {
      n.isUint = true;
      if (!n.isInt) n.int = b;
    }
  }
}

/** Go's parse.newNumber: a NumberValue or an error message. */
export function parseNumber(text: string, type: 'number' | 'charConstant' | 'complex'): NumberValue | string {
  const n = emptyNumber(text);
  if (type === 'charConstant') {
    const r = unquoteCharConstant(text);
    if (typeof r === 'string') return r;
    n.isInt = n.isUint = n.isFloat = true;
    n.int = BigInt(r);
    n.float = r;
    return n;
  }
  if (type === 'complex') {
    const m = /^([+-]?[^+-]+(?:[eEpP][+-][^+-]+)?)([+-].+)i$/.exec(text);
    const re = m ? parseGoFloat(m[1]!) : null;
    const im = m ? parseGoFloat(m[2]!) : null;
    if (re === null || im === null) return `illegal number syntax: ${JSON.stringify(text)}`;
    n.isComplex = true;
    n.re = re;
    n.im = im;
    if (im === 0) setFromFloat(n, re);
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseGoFloat(text.slice(0, -1));
    if (f !== null) {
      n.isComplex = true;
      n.im = f;
      if (f === 0) setFromFloat(n, 0);
      return n;
    }
  }
  const u = parseIntSyntax(text, false);
  if (u !== null && u <= UINT64_MAX) {
    n.isUint = true;
    n.int = u;
  }
  const i = parseIntSyntax(text, true);
  if (i !== null && i >= INT64_MIN && i <= INT64_MAX) {
    n.isInt = true;
    n.int = i;
  }
  if (n.isInt || n.isUint) {
    n.isFloat = true;
    n.float = Number(n.int);
  } else {
    const f = parseGoFloat(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
      setFromFloat(n, f);
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}
