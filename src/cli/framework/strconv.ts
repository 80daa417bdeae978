/**
 * The Go parsers behind pflag's values, with Go's exact error texts:
 * strconv.ParseInt/ParseUint (base 0), strconv.ParseBool, strconv.Quote
 * (what `%q` prints), time.ParseDuration.
 */

/** An error whose message is the Go error text ("strconv.ParseInt: parsing \"abc\": invalid syntax"). */
export class GoValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoValueError';
  }
}

/** strconv.Quote / fmt %q for strings. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) {
      out += '\\x' + cp.toString(16).padStart(2, '0');
    } else if (cp >= 0x80 && cp < 0xa0) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else if (cp === 0xfffd && ch !== '\ufffd') {
      out += '\\ufffd';
    } else {
      out += ch;
    }
  }
  return out + '"';
}

const syntaxError = (fn: string, s: string) =>
  new GoValueError(`strconv.${fn}: parsing ${goQuote(s)}: invalid syntax`);
const rangeError = (fn: string, s: string) =>
  new GoValueError(`strconv.${fn}: parsing ${goQuote(s)}: value out of range`);

/** Go's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** The unsigned part of ParseUint(s, 0, bits); returns a bigint or throws. */
function parseUnsigned(fn: string, orig: string, s: string, bits: number): bigint {
  if (s === '') throw syntaxError(fn, orig);
  let base = 10;
  let body = s;
  if (s[0] === '0') {
    if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) {
      base = 16;
      body = s.slice(2);
    } else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) {
      base = 8;
      body = s.slice(2);
    } else if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) {
      base = 2;
      body = s.slice(2);
    } else {
      base = 8;
      body = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  const max = (1n << BigInt(bits)) - 1n;
  let overflow = false;
  for (const c of body) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = Number.parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) throw syntaxError(fn, orig);
    n = n * BigInt(base) + BigInt(d);
    if (n > max) overflow = true;
  }
  if (underscores && !underscoreOK(s)) throw syntaxError(fn, orig);
  if (overflow) throw rangeError(fn, orig);
  return n;
}

/** strconv.ParseInt(s, 0, bits) as pflag's int/int64 flags call it. */
export function parseGoInt(s: string, bits = 64): number {
  let body = s;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  let u: bigint;
  try {
    u = parseUnsigned('ParseInt', s, body, bits);
  } catch (e) {
    if (e instanceof GoValueError && e.message.endsWith('value out of range')) throw rangeError('ParseInt', s);
    if (e instanceof GoValueError) throw syntaxError('ParseInt', s);
    throw e;
  }
  const cutoff = 1n << BigInt(bits - 1);
  if (!neg && u >= cutoff) throw rangeError('ParseInt', s);
  if (neg && u > cutoff) throw rangeError('ParseInt', s);
  return Number(neg ? -u : u);
}

/** strconv.ParseUint(s, 0, bits) as pflag's uint flags call it. */
export function parseGoUint(s: string, bits = 64): number {
  return Number(parseUnsigned('ParseUint', s, s, bits));
}

/** strconv.ParseBool */
export function parseGoBool(s: string): boolean {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
  }
  throw syntaxError('ParseBool', s);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5
  'μs': 1e-3, // U+03BC
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, result in milliseconds (may be fractional). */
export function parseGoDuration(orig: string): number {
  const invalid = () => new GoValueError(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const intPart = m[1]!;
    const fracPart = m[2];
    if (intPart === '' && (fracPart === undefined || fracPart === '')) throw invalid();
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === '') throw new GoValueError(`time: missing unit in duration ${goQuote(orig)}`);
    const mult = DURATION_UNITS[u];
    if (mult === undefined) {
      throw new GoValueError(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    }
    s = s.slice(u.length);
    total += Number(`${intPart || '0'}.${fracPart ?? ''}`.replace(/\.$/, '')) * mult;
    if (total > 9_223_372_036_854.775) throw invalid();
  }
  return neg ? -total : total;
}

/** time.Duration.String() for a value in milliseconds ("10s", "1m30s", "0s", "500ms"). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let ns = Math.round(Math.abs(ms) * 1e6);
  let out: string;
  if (ns < 1e9) {
    if (ns < 1e3) out = `${ns}ns`;
    else if (ns < 1e6) out = `${trimFrac(ns / 1e3)}µs`;
    else out = `${trimFrac(ns / 1e6)}ms`;
  } else {
    const h = Math.floor(ns / 3.6e12);
    ns -= h * 3.6e12;
    const m = Math.floor(ns / 6e10);
    ns -= m * 6e10;
    const sec = trimFrac(ns / 1e9);
    out = h > 0 ? `${h}h${m}m${sec}s` : m > 0 ? `${m}m${sec}s` : `${sec}s`;
  }
  return neg ? '-' + out : out;
}

function trimFrac(v: number): string {
  return v.toFixed(9).replace(/\.?0+$/, '');
}
