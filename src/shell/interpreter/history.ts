/**
 * ~/.bash_history as bash writes it when an interactive shell ends: its lines
 * appended, then at most $HISTFILESIZE lines kept (default: the history size,
 * $HISTSIZE or 500). The history in memory keeps $HISTSIZE lines
 * (ShellState.remember).
 */
export const DEFAULT_HISTSIZE = 500;

/** a HISTSIZE / HISTFILESIZE value as bash reads it (a negative one: no limit, which we still stop at 10,000) */
export function historyLimit(value: string | undefined, fallback = DEFAULT_HISTSIZE): number {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) return fallback;
  const n = Number(value);
  return n < 0 ? 10_000 : Math.min(n, 10_000);
}

/** the last $HISTFILESIZE lines of a history file's text (one command per line) */
export function trimHistoryFile(text: string, sh: { get(name: string): string | undefined }): string {
  const max = historyLimit(sh.get('HISTFILESIZE'), historyLimit(sh.get('HISTSIZE')));
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= max) return text;
  return lines
    .slice(lines.length - max)
    .map((l) => `${l}\n`)
    .join('');
}
