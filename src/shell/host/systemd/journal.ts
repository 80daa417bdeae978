/**
 * The machine's journal (systemd-journald): what systemd says about its units
 * and what their processes write to stderr, with time, identifier and PID,
 * as `journalctl` and `systemctl status` show it (short format:
 * "Nov 23 08:00:00 dockyard dockerd[731]: …"), and the explanations of
 * `journalctl -x` (systemd's message catalog, Debian's support URL).
 * Texts recorded from systemd 252 (test/fixtures/real-host/systemd/).
 */

/** syslog priorities the journal keeps for our messages */
export const PRIORITY = { err: 3, warning: 4, info: 6 } as const;

/** the message catalog entries our messages refer to (journalctl -x) */
export type CatalogRef =
  | { kind: 'job-begun' | 'job-done' | 'job-failed'; job: 'start' | 'stop'; id: number }
  | { kind: 'unit-succeeded' }
  | { kind: 'unit-failed'; result: string }
  | { kind: 'process-exited'; status: number }
  | { kind: 'auto-restart' };

export interface JournalEntry {
  /** ms since the epoch */
  t: number;
  /** the unit the message belongs to or is about */
  unit?: string;
  /** SYSLOG_IDENTIFIER: "systemd", "dockerd" */
  ident: string;
  pid: number;
  priority: number;
  message: string;
  catalog?: CatalogRef;
}

/** the most entries kept (journald rotates; a sandbox stays small) */
const MAX_ENTRIES = 5000;

export class Journal {
  entries: JournalEntry[] = [];

  add(e: JournalEntry): void {
    this.entries.push(e);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    for (const l of [...this.listeners]) l(e);
  }

  private readonly listeners = new Set<(e: JournalEntry) => void>();

  /** hear new entries (journalctl -f); returns unsubscribe */
  follow(fn: (e: JournalEntry) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** the short format's prefix: "Nov 23 08:00:00 dockyard dockerd[731]: " (UTC); precise: with microseconds */
export function shortPrefix(e: JournalEntry, hostname: string, precise = false): string {
  const d = new Date(e.t);
  let time = `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (precise) time += `.${pad(d.getUTCMilliseconds(), 3)}000`;
  return `${time} ${hostname} ${e.ident}[${e.pid}]: `;
}

/** the catalog text of an entry, one line each (journalctl -x prints them after it with "░░ ") */
export function catalogLines(e: JournalEntry): string[] {
  const c = e.catalog;
  if (!c) return [];
  const unit = e.unit ?? '';
  const head = (subject: string) => [`Subject: ${subject}`, 'Defined-By: systemd', 'Support: https://www.debian.org/support', ''];
  switch (c.kind) {
    case 'job-begun':
      return [
        ...head(`A ${c.job} job for unit ${unit} has begun execution`),
        `A ${c.job} job for unit ${unit} has begun execution.`,
        '',
        `The job identifier is ${c.id}.`,
      ];
    case 'job-done':
      if (c.job === 'start') {
        return [
          ...head(`A start job for unit ${unit} has finished successfully`),
          `A start job for unit ${unit} has finished successfully.`,
          '',
          `The job identifier is ${c.id}.`,
        ];
      }
      return [
        ...head(`A stop job for unit ${unit} has finished`),
        `A stop job for unit ${unit} has finished.`,
        '',
        `The job identifier is ${c.id} and the job result is done.`,
      ];
    case 'job-failed':
      return [
        ...head(`A ${c.job} job for unit ${unit} has failed`),
        `A ${c.job} job for unit ${unit} has finished with a failure.`,
        '',
        `The job identifier is ${c.id} and the job result is failed.`,
      ];
    case 'unit-succeeded':
      return [...head('Unit succeeded'), `The unit ${unit} has successfully entered the 'dead' state.`];
    case 'unit-failed':
      return [...head('Unit failed'), `The unit ${unit} has entered the 'failed' state with result '${c.result}'.`];
    case 'process-exited':
      return [
        ...head('Unit process exited'),
        `An ExecStart= process belonging to unit ${unit} has exited.`,
        '',
        `The process' exit code is 'exited' and its exit status is ${c.status}.`,
      ];
    case 'auto-restart':
      return [
        ...head('Automatic restarting of a unit has been scheduled'),
        `Automatic restarting of the unit ${unit} has been scheduled, as the result for`,
        'the configured Restart= setting for the unit.',
      ];
  }
}
