/**
 * systemd's time texts (src/basic/time-util.c): a timestamp
 * ("Sun 2026-12-06 21:48:40 UTC"), the time since it ("6s ago",
 * "1min 17s ago") and a time span ("6.984s", "1min 17.238s", "581ms"). The
 * machine runs in UTC.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** format_timestamp: "%a %Y-%m-%d %H:%M:%S %Z" */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800_000;
const YEAR = 31_557_600_000;

/** format_timestamp_relative: how long ago `t` was */
export function formatRelative(now: number, t: number): string {
  const d = now - t;
  if (d <= 0) return 'now';
  const f = Math.floor;
  if (d >= YEAR) {
    const years = f(d / YEAR);
    const months = f((d % YEAR) / MONTH);
    return months > 0 ? `${years} ${years === 1 ? 'year' : 'years'} ${months} ${months === 1 ? 'month' : 'months'} ago` : `${years} ${years === 1 ? 'year' : 'years'} ago`;
  }
  if (d >= MONTH) {
    const months = f(d / MONTH);
    const days = f((d % MONTH) / DAY);
    return days > 0 ? `${months} ${months === 1 ? 'month' : 'months'} ${days} ${days === 1 ? 'day' : 'days'} ago` : `${months} ${months === 1 ? 'month' : 'months'} ago`;
  }
  if (d >= WEEK) {
    const weeks = f(d / WEEK);
    const days = f((d % WEEK) / DAY);
    return days > 0 ? `${weeks} ${weeks === 1 ? 'week' : 'weeks'} ${days} ${days === 1 ? 'day' : 'days'} ago` : `${weeks} ${weeks === 1 ? 'week' : 'weeks'} ago`;
  }
  if (d >= 2 * DAY) return `${f(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ago`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f((d % HOUR) / MIN)}min ago`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ago`;
  if (d >= MIN) return `${f(d / MIN)}min ${f((d % MIN) / SEC)}s ago`;
  if (d >= SEC) return `${f(d / SEC)}s ago`;
  return `${f(d)}ms ago`;
}

const UNITS: [string, number][] = [
  ['y', YEAR],
  ['month', MONTH],
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['min', MIN],
  ['s', SEC],
  ['ms', 1],
];

/** format_timespan with millisecond accuracy: "6.984s", "1min 17.238s", "581ms" */
export function formatTimespan(ms: number): string {
  let t = Math.round(ms);
  if (t <= 0) return '0';
  const parts: string[] = [];
  for (const [suffix, unit] of UNITS) {
    if (t <= 0) break;
    if (t < unit) continue;
    const a = Math.floor(t / unit);
    const b = t % unit;
    if (t < MIN && b > 0 && unit > 1) {
      // dot notation below a minute: as many decimals as the unit has milliseconds digits
      const digits = String(unit).length - 1;
      parts.push(`${a}.${String(b).padStart(digits, '0')}${suffix}`);
      t = 0;
      break;
    }
    parts.push(`${a}${suffix}`);
    t = b;
  }
  return parts.join(' ');
}
