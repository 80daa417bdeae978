/**
 * Docker's time arguments (`--since`, `--until`, the `until` prune filter),
 * after moby api/types/time GetTimestamp: a Go duration counted back from now
 * ("10m", "1h30m"), an RFC 3339 date/time (local = UTC here), or Unix seconds
 * with optional fraction ("1700000000.5"). Results are ms since the epoch.
 */
import { invalidParameter } from '../../api/errors';
import type { FilterArgs } from '../../api/volume';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go time.ParseDuration, in ms; undefined when not a duration */
export function parseGoDuration(s: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(s);
  if (!m) return s === '0' ? 0 : undefined;
  let total = 0;
  for (const part of s.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * UNITS[part[2]];
  }
  return m[1] === '-' ? -total : total;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** ms since the epoch, or throws InvalidParameter like the daemon */
export function getTimestamp(value: string, nowMs: number): number {
  const d = parseGoDuration(value);
  if (d !== undefined && !/^\d+$/.test(value)) return nowMs - d;
  const dt = DATE_TIME.exec(value);
  if (dt) {
    const [, y, mo, da, h = '0', mi = '0', se = '0', frac = '', tz = 'Z'] = dt;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(se));
    if (frac) ms += Math.floor(Number(`0${frac}`) * 1000);
    if (tz !== 'Z') {
      const sign = tz[0] === '-' ? -1 : 1;
      ms -= sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000;
    }
    return ms;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    const [sec, frac = ''] = value.split('.');
    return Number(sec) * 1000 + Math.floor(Number(`0.${frac || '0'}`) * 1000);
  }
  throw invalidParameter(`failed to parse value as time or duration: "${value}"`);
}

/** the `until` filter of prune endpoints, ms; undefined when absent */
export function parseUntil(filters: FilterArgs, nowMs: number): number | undefined {
  const u = filters.until ?? [];
  if (u.length === 0) return undefined;
  if (u.length > 1) throw invalidParameter('more than one until filter specified');
  return getTimestamp(u[0], nowMs);
}
