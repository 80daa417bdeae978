/**
 * strconv.FormatFloat(x, fmt, prec, 64) for fmt in e, E, f, F, g, G; prec -1 = shortest.
 * Rounding is half-to-even on the exact binary value, as Go does.
 */

interface Digits {
  d: string; // significant digits, no leading/trailing zeros (empty for zero)
  dp: number; // decimal point position: value = 0.d × 10^dp
}

/** x = mant × 2^exp with mant < 2^53 (x finite, non-negative). */
function decompose(x: number): { mant: bigint; exp: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  return { mant: mant | (1n << 52n), exp: biased - 1075 };
}

/** strconv 'b' format: mantissa "p" binary exponent, e.g. 4503599627370496p-52. */
export function formatFloatBinary(v: number): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  const neg = v < 0 || Object.is(v, -0);
  const { mant, exp } = decompose(Math.abs(v));
  return (neg ? '-' : '') + mant.toString() + 'p' + (exp >= 0 ? '+' : '-') + Math.abs(exp);
}

/** strconv 'x' format: 0x1.8p+01 (prec = hex digits after the point, -1 = as needed). */
export function formatFloatHex(v: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  const neg = v < 0 || Object.is(v, -0);
  let { mant, exp } = decompose(Math.abs(v));
  if (mant === 0n) exp = 0;
  else {
    while (mant < 1n << 52n) {
      mant <<= 1n;
      exp--;
    }
    exp += 52;
  }
  // mant is 1.xxxx with 52 fraction bits = 13 hex digits
  let frac = mant & ((1n << 52n) - 1n);
  let lead = mant >> 52n;
  let digits = 13;
  if (prec >= 0 && prec < 13) {
    const shift = BigInt(4 * (13 - prec));
    const half = 1n << (shift - 1n);
    const rem = frac & ((1n << shift) - 1n);
    frac >>= shift;
    if (rem > half || (rem === half && (frac & 1n) === 1n)) frac++;
    if (frac >> BigInt(4 * prec) !== 0n) {
      frac = 0n;
      lead++;
      if (lead === 2n) {
        lead = 1n;
        exp++;
      }
    }
    digits = prec;
  }
  let hex = digits > 0 ? frac.toString(16).padStart(digits, '0') : '';
  if (prec < 0) hex = hex.replace(/0+$/, '');
  if (prec > 13) hex = hex.padEnd(prec, '0');
  const ae = Math.abs(exp);
  let s = '0x' + lead.toString() + (hex ? '.' + hex : '') + 'p' + (exp >= 0 ? '+' : '-') + (ae < 10 ? '0' : '') + ae;
  if (upper) s = s.toUpperCase();
  return (neg ? '-' : '') + s;
}

/** Exact decimal expansion of a finite, non-negative double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const { mant, exp } = decompose(x);
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  return trim({ d: s, dp });
}

function trim(x: Digits): Digits {
  let d = x.d.replace(/0+$/, '');
  let dp = x.dp;
  const lead = d.length - d.replace(/^0+/, '').length;
  d = d.slice(lead);
  dp -= lead;
  if (d === '') dp = 0;
  return { d, dp };
}

/** Rounds to nd significant digits, half to even (exact input). */
function round(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return nd < 0 ? { d: '', dp: 0 } : x;
  const c = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (c === 5 && nd + 1 === x.d.length) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 5;
  let head = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = head.length - 1;
    while (i >= 0 && head[i] === '9') i--;
    if (i < 0) {
      head = '1';
      dp++;
    } else head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1);
  }
  return trim({ d: head, dp });
}

/** Shortest digits that round-trip (same as JS's Number-to-String digits). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [m, e] = x.toExponential().split('e') as [string, string];
  return trim({ d: m.replace('.', ''), dp: Number(e) + 1 });
}

function digitAt(x: Digits, i: number): string {
  return i >= 0 && i < x.d.length ? x.d[i]! : '0';
}

function fmtE(x: Digits, prec: number, e: string): string {
  let s = digitAt(x, 0);
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(x, i);
  }
  const exp = x.d === '' ? 0 : x.dp - 1;
  const ae = Math.abs(exp);
  return s + e + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
}

function fmtF(x: Digits, prec: number): string {
  let s = '';
  if (x.dp > 0) for (let i = 0; i < x.dp; i++) s += digitAt(x, i);
  else s = '0';
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) s += digitAt(x, x.dp + i);
  }
  return s;
}

export function formatFloat(v: number, fmt: 'e' | 'E' | 'f' | 'F' | 'g' | 'G', precIn: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const sign = neg ? '-' : '';
  const a = Math.abs(v);
  const shortest = precIn < 0;
  let prec = precIn;
  let digs: Digits;
  const lower = fmt.toLowerCase();
  if (shortest) {
    digs = shortestDigits(a);
    if (lower === 'e') prec = Math.max(digs.d.length - 1, 0);
    else if (lower === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(a);
    if (lower === 'e') digs = round(exact, prec + 1);
    else if (lower === 'f') digs = round(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = round(exact, prec);
    }
  }
  if (lower === 'e') return sign + fmtE(digs, prec, fmt === 'E' ? 'E' : 'e');
  if (lower === 'f') return sign + fmtF(digs, prec);
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (digs.d !== '' && (exp < -4 || exp >= eprec)) {
    if (prec > digs.d.length) prec = digs.d.length;
    return sign + fmtE(digs, prec - 1, fmt === 'G' ? 'E' : 'e');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return sign + fmtF(digs, Math.max(prec - digs.dp, 0));
}
