/**
 * docker/go-units (v0.4.0, the version docker 20.10 vendors): human-readable
 * sizes and durations, and the size parsers behind `--memory`, `--shm-size`…
 * Pure functions shared by the engine and the CLI.
 *
 * Sizes are printed with Go's `%.<n>g`, reproduced exactly (binary float →
 * exact decimal → round half to even, trailing zeros dropped, `1e+03` form
 * when the exponent reaches the precision).
 */

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

export const KB = 1000;
export const MB = 1000 * KB;
export const GB = 1000 * MB;
export const TB = 1000 * GB;
export const PB = 1000 * TB;
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;
export const PiB = 1024 * TiB;

function sizeAndUnit(size: number, base: number, abbrs: string[]): [number, string] {
  let i = 0;
  const limit = abbrs.length - 1;
  while (size >= base && i < limit) {
    size = size / base;
    i++;
  }
  return [size, abbrs[i]!];
}

/** go-units HumanSizeWithPrecision: decimal units, `%.<precision>g` ("6.6MB", "1.99MB" with 3). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  // a pure function of its arguments, costly (exact decimal expansion): lists repeat the same sizes
  let texts = sizeTexts.get(precision);
  if (texts === undefined) {
    texts = new Map();
    sizeTexts.set(precision, texts);
  }
  let text = texts.get(size);
  if (text === undefined) {
    const [v, unit] = sizeAndUnit(size, 1000, DECIMAL_ABBRS);
    text = formatG(v, precision) + unit;
    if (texts.size >= 4096) texts.clear();
    texts.set(size, text);
  }
  return text;
}

/** precision → size → text */
const sizeTexts = new Map<number, Map<number, string>>();

/** go-units HumanSize: 4 significant digits, decimal units ("17.54MB", "2.048kB", "0B"). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** go-units BytesSize: 4 significant digits, binary units ("1.5MiB", "64MiB"). */
export function bytesSize(size: number): string {
  const [v, unit] = sizeAndUnit(size, 1024, BINARY_ABBRS);
  return formatG(v, 4) + unit;
}

/**
 * go-units HumanDuration for a duration in milliseconds ("Less than a second",
 * "About a minute", "3 hours", "2 weeks", …). The callers add " ago" / "Up ".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3600000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`;
}

/** The error go-units returns for an unparseable size; `message` is Go's text. */
export class SizeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SizeParseError';
  }
}

const SIZE_RE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
const DECIMAL_MAP: Record<string, number> = { k: KB, m: MB, g: GB, t: TB, p: PB };
const BINARY_MAP: Record<string, number> = { k: KiB, m: MiB, g: GiB, t: TiB, p: PiB };

function parseSize(s: string, map: Record<string, number>): number {
  const m = SIZE_RE.exec(s);
  if (!m) throw new SizeParseError(`invalid size: '${s}'`);
  const num = m[1]!;
  if (num.split('.').length > 2) {
    throw new SizeParseError(`strconv.ParseFloat: parsing "${num}": invalid syntax`);
  }
  let size = Number(num);
  const mul = map[(m[3] ?? '').toLowerCase()];
  if (mul !== undefined) size *= mul;
  return Math.trunc(size);
}

/** go-units FromHumanSize: "44kB" → 44000 (SI). Throws SizeParseError with Go's message. */
export function fromHumanSize(s: string): number {
  return parseSize(s, DECIMAL_MAP);
}

/** go-units RAMInBytes: "64m" → 67108864 (binary; the b suffix optional). Throws SizeParseError. */
export function ramInBytes(s: string): number {
  return parseSize(s, BINARY_MAP);
}

// ---------------------------------------------------------------------------
// Go's strconv 'g' formatting with an explicit precision.

interface Decimal {
  /** significant digits, no leading or trailing zeros ("" for zero) */
  d: string;
  /** position of the decimal point relative to the start of d */
  dp: number;
}

/** The exact decimal expansion of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  dp -= lead;
  return { d: digits.replace(/0+$/, ''), dp };
}

function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = next >= 5;
  }
  if (!up) {
    const d = a.d.slice(0, nd).replace(/0+$/, '');
    return { d, dp: d === '' ? 0 : a.dp };
  }
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

/** Go's fmt `%.<prec>g` for a finite non-negative number. */
export function formatG(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  if (x < 0) return '-' + formatG(-x, prec);
  if (prec === 0) prec = 1;
  const digs = roundDecimal(exactDecimal(x), prec);
  if (digs.d === '') return '0';
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    const p = Math.min(prec, digs.d.length) - 1;
    let s = digs.d[0]!;
    if (p > 0) s += '.' + digs.d.slice(1, p + 1).padEnd(p, '0');
    const e = Math.abs(exp);
    return `${s}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  const p = prec > digs.dp ? digs.d.length : prec;
  const frac = Math.max(p - digs.dp, 0);
  let intPart: string;
  if (digs.dp > 0) {
    intPart = digs.d.slice(0, digs.dp).padEnd(digs.dp, '0');
  } else {
    intPart = '0';
  }
  if (frac === 0) return intPart;
  let fracPart = '';
  for (let i = 0; i < frac; i++) {
    const j = digs.dp + i;
    fracPart += j >= 0 && j < digs.d.length ? digs.d[j] : '0';
  }
  return `${intPart}.${fracPart}`;
}
