/** Go time formats the daemon puts in API JSON, in UTC (the simulated daemon runs with TZ=UTC). */

/** time.RFC3339: "2026-11-23T07:31:36Z" */
export function rfc3339(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** time.RFC3339Nano: fraction with trailing zeros trimmed, "2026-11-23T07:31:58.735Z" or "…:58Z" */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}
