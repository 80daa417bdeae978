/** C printf conversions as awk's printf/sprintf and number-to-string (OFMT, CONVFMT) use them */

function padTo(s: string, flags: string, width: number, numeric: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    const rest = s.slice(sign.length);
    const prefix = /^0[xX]/.test(rest) ? rest.slice(0, 2) : '';
    return sign + prefix + rest.slice(prefix.length).padStart(width - sign.length - prefix.length, '0');
  }
  return s.padStart(width);
}

function signed(v: number, body: string, flags: string): string {
  if (v < 0 || Object.is(v, -0)) return `-${body}`;
  if (flags.includes('+')) return `+${body}`;
  if (flags.includes(' ')) return ` ${body}`;
  return body;
}

/** %e with C's at-least-two-digit exponent */
function expo(v: number, prec: number, upper: boolean): string {
  const s = Math.abs(v).toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

/** %g: shortest of %e / %f with `prec` significant digits, trailing zeros dropped unless # */
function general(v: number, prec: number, upper: boolean, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const a = Math.abs(v);
  if (a === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0';
  const exp = Math.floor(Math.log10(a));
  const rounded = Number(a.toPrecision(p));
  const e = rounded === 0 ? exp : Math.floor(Math.log10(rounded));
  let s: string;
  if (e < -4 || e >= p) {
    s = expo(a, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+(e)/i, '$1');
  } else {
    s = a.toFixed(Math.max(0, p - 1 - e));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

export function formatNumber(conv: string, v: number, flags = '', width = 0, precision?: number): string {
  let body: string;
  switch (conv) {
    case 'd':
    case 'i': {
      const n = Number.isFinite(v) ? Math.trunc(v) : v;
      body = Number.isFinite(n) ? Math.abs(n).toString() : Math.abs(n) === Infinity ? 'inf' : 'nan';
      if (precision !== undefined) body = body.padStart(precision, '0');
      return padTo(signed(n, body, flags), precision !== undefined ? flags.replace('0', '') : flags, width, true);
    }
    case 'o':
    case 'x':
    case 'X':
    case 'u': {
      let n = Math.trunc(v);
      if (n < 0) n = 2 ** 64 + n;
      body = n.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
      if (conv === 'X') body = body.toUpperCase();
      if (precision !== undefined) body = body.padStart(precision, '0');
      if (flags.includes('#') && n !== 0) body = conv === 'o' ? `0${body}` : conv === 'x' ? `0x${body}` : conv === 'X' ? `0X${body}` : body;
      return padTo(body, flags, width, true);
    }
    case 'e':
    case 'E':
      body = Number.isFinite(v) ? expo(v, precision ?? 6, conv === 'E') : Number.isNaN(v) ? 'nan' : 'inf';
      return padTo(signed(v, body, flags), flags, width, true);
    case 'f':
    case 'F':
      body = Number.isFinite(v) ? Math.abs(v).toFixed(precision ?? 6) : Number.isNaN(v) ? 'nan' : 'inf';
      return padTo(signed(v, body, flags), flags, width, true);
    case 'g':
    case 'G':
      body = Number.isFinite(v) ? general(v, precision ?? 6, conv === 'G', flags.includes('#')) : Number.isNaN(v) ? 'nan' : 'inf';
      return padTo(signed(v, body, flags), flags, width, true);
  }
  return String(v);
}

export function formatString(s: string, flags: string, width: number, precision?: number): string {
  return padTo(precision !== undefined ? s.slice(0, precision) : s, flags.replace('0', ''), width, false);
}

/** awk's number → string: integers as integers, others through `fmt` ("%.6g") */
export function numberToString(v: number, fmt: string): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const m = /^%([-+ 0#]*)(\d*)(?:\.(\d+))?([diouxXeEfFgG])$/.exec(fmt);
  if (!m) return String(v);
  return formatNumber(m[4], v, m[1], m[2] ? Number(m[2]) : 0, m[3] !== undefined ? Number(m[3]) : undefined);
}

/**
 * printf with awk's arguments: `arg(i)` gives the i-th value as number or
 * string (the caller converts); returns the formatted text
 */
export function awkSprintf(fmt: string, args: { num(i: number): number; str(i: number): string; isNum(i: number): boolean; count: number }): string {
  let out = '';
  let ai = 0;
  const re = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    out += fmt.slice(last, m.index);
    last = m.index + m[0].length;
    const [, flags0, w, p, conv] = m;
    let flags = flags0;
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = 0;
    if (w === '*') {
      width = ai < args.count ? Math.trunc(args.num(ai++)) : 0;
      if (width < 0) {
        flags += '-';
        width = -width;
      }
    } else if (w) width = Number(w);
    let precision: number | undefined;
    if (p !== undefined) precision = p === '*' ? (ai < args.count ? Math.trunc(args.num(ai++)) : 0) : Number(p || '0');
    const have = ai < args.count;
    const i = ai++;
    switch (conv) {
      case 'c': {
        let ch = '';
        if (have) ch = args.isNum(i) ? String.fromCodePoint(Math.trunc(args.num(i)) & 0x10ffff) : args.str(i).slice(0, 1);
        out += formatString(ch, flags, width);
        break;
      }
      case 's':
        out += formatString(have ? args.str(i) : '', flags, width, precision);
        break;
      case 'd':
      case 'i':
      case 'o':
      case 'x':
      case 'X':
      case 'u':
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        out += formatNumber(conv, have ? args.num(i) : 0, flags, width, precision);
        break;
      default:
        out += m[0];
        ai--;
    }
  }
  return out + fmt.slice(last);
}
