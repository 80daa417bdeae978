/**
 * Times given to --since / --until / --filter until (docker's
 * timetypes.GetTimestamp): Unix seconds ("1700000000.5"), RFC 3339 and its
 * shorter forms, or a Go duration ("10m", "1h30m") counted back from now.
 * Returns ms since the epoch, or undefined when unparseable.
 */
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(s: string): number | undefined {
  if (!/^([0-9.]+(ns|us|µs|ms|s|m|h))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/([0-9.]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * (UNITS[m[2] as string] as number);
  return total;
}

export function parseTimestamp(value: string, now: number): number | undefined {
  if (value === '') return undefined;
  const d = parseDuration(value);
  if (d !== undefined) return now - d;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.floor(Number(value) * 1000);
  let s = value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s += 'Z';
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
