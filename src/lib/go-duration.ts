/** Go's time.ParseDuration and Duration.String, in nanoseconds. */

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** nanoseconds, or an error text like Go's `time: invalid duration "x"` */
export function parseGoDuration(s: string): number | { error: string } {
  const bad = { error: `time: invalid duration ${JSON.stringify(s)}` };
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return bad;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*)(\.\d*)?/.exec(rest);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === '.'))) return bad;
    rest = rest.slice(m[0].length);
    const u = /^[^\d.]+/.exec(rest);
    if (!u) return { error: `time: missing unit in duration ${JSON.stringify(s)}` };
    const unit = UNITS[u[0]];
    if (unit === undefined) return { error: `time: unknown unit ${JSON.stringify(u[0])} in duration ${JSON.stringify(s)}` };
    rest = rest.slice(u[0].length);
    total += Number(`${m[1] || '0'}${m[2] ?? ''}`) * unit;
  }
  return sign * Math.round(total);
}

function fmtFrac(v: number, prec: number): { int: number; frac: string } {
  const scale = 10 ** prec;
  const int = Math.floor(v / scale);
  const frac = (v % scale).toString().padStart(prec, '0').replace(/0+$/, '');
  return { int, frac: frac ? `.${frac}` : '' };
}

/** Duration.String: "5s", "1m30s", "1.5s", "500ms", "0s" */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    if (u < 1e3) out = `${u}ns`;
    else if (u < 1e6) {
      const f = fmtFrac(u, 3);
      out = `${f.int}${f.frac}µs`;
    } else {
      const f = fmtFrac(u, 6);
      out = `${f.int}${f.frac}ms`;
    }
  } else {
    const f = fmtFrac(u % 60e9, 9);
    out = `${f.int}${f.frac}s`;
    u = Math.floor(u / 60e9);
    if (u > 0) {
      out = `${u % 60}m${out}`;
      u = Math.floor(u / 60);
      if (u > 0) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}
