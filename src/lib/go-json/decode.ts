/**
 * Go's encoding/json as dockerd uses it on daemon.json: json.NewDecoder(r).Decode
 * reads the first JSON value of the input (what follows it is left unread),
 * with the scanner's error texts (`invalid character ']' looking for beginning
 * of value`, `unexpected EOF`, `EOF` for an empty input). Objects keep their
 * keys in order (a repeated key keeps its first place and its last value);
 * numbers keep their literal text, as Go reports it in type errors.
 *
 * The scanner works on UTF-8 bytes, as Go's does: a stray byte is named by
 * the character of that byte value ('ï' for the first byte of a BOM).
 */

export class GoNumber {
  constructor(readonly raw: string) {}
  get value(): number {
    return Number(this.raw);
  }
}

export type GoJson = null | boolean | string | GoNumber | GoJson[] | GoObject;
export type GoObject = Map<string, GoJson>;

export class GoJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoJsonError';
  }
}

/** Go's quoteChar: how the scanner names a byte in its errors */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return '\'"\'';
  return `'${goQuoteRune(c).slice(1, -1)}'`;
}

/** strconv.Quote of one rune (string(rune(c)) for a byte value) */
function goQuoteRune(c: number): string {
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  if (named[c]) return `"${named[c]}"`;
  if (c < 0x20 || c === 0x7f) return `"\\x${c.toString(16).padStart(2, '0')}"`;
  if (c >= 0x80 && c < 0xa0) return `"\\u${c.toString(16).padStart(4, '0')}"`;
  if (c === 0xad) return '"\\u00ad"';
  return `"${String.fromCharCode(c)}"`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

class EndOfInput {
  constructor(readonly any: boolean) {}
}

class Scanner {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}

  private fail(c: number, context: string): never {
    throw new GoJsonError(`invalid character ${quoteChar(c)} ${context}`);
  }

  /** the byte at pos; throws EndOfInput at the end */
  private peek(): number {
    if (this.pos >= this.b.length) throw new EndOfInput(true);
    return this.b[this.pos];
  }

  private skipSpace(): number {
    for (;;) {
      const c = this.peek();
      if (!isSpace(c)) return c;
      this.pos++;
    }
  }

  value(): GoJson {
    const c = this.skipSpace();
    switch (c) {
      case 0x7b:
        this.pos++;
        return this.object();
      case 0x5b:
        this.pos++;
        return this.array();
      case 0x22:
        this.pos++;
        return this.string();
      case 0x74:
        return this.literal('true', true);
      case 0x66:
        return this.literal('false', false);
      case 0x6e:
        return this.literal('null', null);
      default:
        if (c === 0x2d || isDigit(c)) return this.number();
        return this.fail(c, 'looking for beginning of value');
    }
  }

  private literal<T>(word: string, v: T): T {
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      const c = this.peek();
      if (c !== word.charCodeAt(i)) this.fail(c, `in literal ${word} (expecting '${word[i]}')`);
      this.pos++;
    }
    return v;
  }

  /** a number; the byte after it is not consumed (a number at the very end of the input is complete) */
  private number(): GoNumber {
    const start = this.pos;
    const at = () => (this.pos < this.b.length ? this.b[this.pos] : -1);
    if (at() === 0x2d) {
      this.pos++;
      const c = this.peek();
      if (!isDigit(c)) this.fail(c, 'in numeric literal');
    }
    if (at() === 0x30) this.pos++;
    else while (isDigit(at())) this.pos++;
    if (at() === 0x2e) {
      this.pos++;
      const c = this.peek();
      if (!isDigit(c)) this.fail(c, 'after decimal point in numeric literal');
      while (isDigit(at())) this.pos++;
    }
    if (at() === 0x65 || at() === 0x45) {
      this.pos++;
      let c = this.peek();
      if (c === 0x2b || c === 0x2d) {
        this.pos++;
        c = this.peek();
      }
      if (!isDigit(c)) this.fail(c, 'in exponent of numeric literal');
      while (isDigit(at())) this.pos++;
    }
    return new GoNumber(new TextDecoder().decode(this.b.subarray(start, this.pos)));
  }

  private string(): string {
    const out: number[] = [];
    const chunks: string[] = [];
    const flush = () => {
      if (out.length) chunks.push(new TextDecoder().decode(Uint8Array.from(out)));
      out.length = 0;
    };
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x22) {
        flush();
        return chunks.join('');
      }
      if (c < 0x20) this.fail(c, 'in string literal');
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      const e = this.peek();
      this.pos++;
      const simple: Record<number, number> = { 98: 8, 102: 12, 110: 10, 114: 13, 116: 9, 92: 92, 47: 47, 34: 34 };
      if (simple[e] !== undefined) {
        out.push(simple[e]);
        continue;
      }
      if (e !== 0x75) this.fail(e, 'in string escape code');
      let code = 0;
      for (let i = 0; i < 4; i++) {
        const h = this.peek();
        if (!isHex(h)) this.fail(h, 'in \\u hexadecimal character escape');
        code = code * 16 + Number.parseInt(String.fromCharCode(h), 16);
        this.pos++;
      }
      flush();
      chunks.push(String.fromCharCode(code));
    }
  }

  private object(): GoObject {
    const obj: GoObject = new Map();
    let c = this.skipSpace();
    if (c === 0x7d) {
      this.pos++;
      return obj;
    }
    for (;;) {
      if (c !== 0x22) this.fail(c, 'looking for beginning of object key string');
      this.pos++;
      const key = this.string();
      c = this.skipSpace();
      if (c !== 0x3a) this.fail(c, 'after object key');
      this.pos++;
      const v = this.value();
      obj.delete(key);
      obj.set(key, v);
      c = this.skipSpace();
      if (c === 0x7d) {
        this.pos++;
        return obj;
      }
      if (c !== 0x2c) this.fail(c, 'after object key:value pair');
      this.pos++;
      c = this.skipSpace();
    }
  }

  private array(): GoJson[] {
    const arr: GoJson[] = [];
    let c = this.skipSpace();
    if (c === 0x5d) {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.value());
      c = this.skipSpace();
      if (c === 0x5d) {
        this.pos++;
        return arr;
      }
      if (c !== 0x2c) this.fail(c, 'after array element');
      this.pos++;
    }
  }
}

/** Decode the first JSON value of `input` like Go's json.Decoder; throws GoJsonError with Go's text */
export function decodeGoJson(input: string | Uint8Array): GoJson {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const s = new Scanner(bytes);
  try {
    return s.value();
  } catch (e) {
    if (e instanceof EndOfInput) {
      const anything = bytes.some((c) => !isSpace(c));
      throw new GoJsonError(anything ? 'unexpected EOF' : 'EOF');
    }
    throw e;
  }
}

/** Go's name of a JSON value's kind in UnmarshalTypeError ("string", "number", "bool", "array", "object") */
export function goJsonKind(v: GoJson): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoNumber) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** strconv.FormatFloat(f, 'g', -1, 64): Go's %v of a float64 (%e form when the exponent is < -4 or >= 6) */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // JavaScript finds the same shortest round-tripping digits
  const [mant, e] = f.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const digits = mant.replace('-', '').replace('.', '');
  const neg = f < 0 ? '-' : '';
  if (exp < 0) return `${neg}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${neg}${int}${frac ? `.${frac}` : ''}`;
}

/** fmt's %v of a decoded value as Go prints an interface{} (maps with sorted keys) */
export function goValueString(v: GoJson): string {
  if (v === null) return '<nil>';
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof GoNumber) return goFloat(v.value);
  if (Array.isArray(v)) return `[${v.map(goValueString).join(' ')}]`;
  const keys = [...v.keys()].sort();
  return `map[${keys.map((k) => `${k}:${goValueString(v.get(k) as GoJson)}`).join(' ')}]`;
}
