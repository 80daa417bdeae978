/**
 * dockerd's log lines, as logrus's text formatter writes them to its stderr
 * (the journal of docker.service): `time="2026-11-23T08:00:00.123000000Z"
 * level=info msg="Starting up"`, fields sorted by key after the message.
 * dockerd fixes the time format at nine fraction digits (RFC3339NanoFixed).
 */
import type { Engine } from '../engine';

export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** time.Format(RFC3339NanoFixed) in UTC of a millisecond time */
export function rfc3339NanoFixed(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  return `${iso.slice(0, 23)}000000Z`;
}

/** logrus needsQuoting */
function needsQuoting(s: string): boolean {
  return !/^[a-zA-Z0-9\-._/@^+]*$/.test(s);
}

/** fmt's %q for the texts dockerd logs */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

function value(s: string): string {
  return needsQuoting(s) ? goQuote(s) : s;
}

export function logrusLine(ms: number, level: LogLevel, msg: string, fields: Record<string, string> = {}): string {
  let line = `time="${rfc3339NanoFixed(ms)}" level=${level} msg=${goQuote(msg)}`;
  for (const k of Object.keys(fields).sort()) line += ` ${k}=${value(fields[k])}`;
  return line;
}

/** write a log line to the daemon's stderr, when something reads it (the host's journal) */
export function daemonLog(engine: Pick<Engine, 'daemon' | 'clock'>, level: LogLevel, msg: string, fields?: Record<string, string>): void {
  const sink = engine.daemon.stderr;
  if (!sink) return;
  if (level === 'debug' && !engine.daemon.config.debug) return;
  sink(logrusLine(engine.clock.now(), level, msg, fields));
}
