/**
 * The command history as bash keeps it: at most $HISTSIZE commands in memory
 * (500 when unset or not a number; a negative value means no limit, which we
 * still stop at MAX_HISTORY), the oldest dropped first while the numbers
 * `history` shows go on counting; and at most $HISTFILESIZE lines (default:
 * the history size) in ~/.bash_history when a shell writes it.
 */
export const DEFAULT_HISTSIZE = 500;
/** "no limit" still has one: a sandbox must not grow without end */
export const MAX_HISTORY = 10_000;

export interface HistoryHolder {
  history: string[];
  /** entries dropped so far: `history` numbers entry i as historyBase + i + 1 */
  historyBase: number;
  get(name: string): string | undefined;
}

/** a HISTSIZE / HISTFILESIZE value as bash reads it */
export function historyLimit(value: string | undefined, fallback = DEFAULT_HISTSIZE): number {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) return fallback;
  const n = Number(value);
  return n < 0 ? MAX_HISTORY : Math.min(n, MAX_HISTORY);
}

/** drop the oldest entries past $HISTSIZE */
export function trimHistory(sh: HistoryHolder): void {
  const max = historyLimit(sh.get('HISTSIZE'));
  const drop = sh.history.length - max;
  if (drop > 0) {
    sh.history.splice(0, drop);
    sh.historyBase += drop;
  }
}

export function addHistory(sh: HistoryHolder, line: string): void {
  sh.history.push(line);
  trimHistory(sh);
}

/** the last $HISTFILESIZE lines of a history file's text (one command per line) */
export function trimHistoryFile(text: string, sh: Pick<HistoryHolder, 'get'>): string {
  const max = historyLimit(sh.get('HISTFILESIZE'), historyLimit(sh.get('HISTSIZE')));
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= max) return text;
  return lines.slice(lines.length - max).map((l) => `${l}\n`).join('');
}
