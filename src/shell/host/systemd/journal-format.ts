/**
 * One journal entry as a line (journalctl's short output, the tail of
 * `systemctl status`): on a terminal the message is cut to the width in the
 * middle (systemd's ellipsize_mem, 90 % kept at the start) and systemd's own
 * warnings and errors are coloured, as a real terminal showed them.
 */
import { catalogLines, type JournalEntry, PRIORITY, shortPrefix } from './journal';

export interface JournalStyle {
  /** colours and links (a terminal that knows them) */
  color: boolean;
  /** the terminal's width */
  columns: number;
  /** -l / --full, or not a terminal: no line is cut */
  full: boolean;
  /** -o short-precise */
  precise?: boolean;
}

const COLOR: Record<number, string> = {
  [PRIORITY.err]: '\x1b[0;1;31m',
  [PRIORITY.warning]: '\x1b[0;1;38;5;185m',
  5: '\x1b[0;1;39m',
};
const HIGHLIGHT = '\x1b[0;1;39m';
const OFF = '\x1b[0m';

/** ellipsize_mem(s, width, 90): the start and the end of `s` around "…" */
export function ellipsizeMiddle(s: string, width: number, percent = 90): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width <= 0) return '';
  if (width === 1) return '…';
  const head = Math.floor(((width - 1) * percent + 50) / 100);
  const tail = width - head - 1;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(chars.length - tail).join('') : ''}`;
}

/** cut at the end: the first width-1 characters and "…" */
export function ellipsizeEnd(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export function journalLine(e: JournalEntry, hostname: string, style: JournalStyle, out: { ellipsized: boolean }): string {
  const prefix = shortPrefix(e, hostname, style.precise);
  let msg = e.message;
  let cut = false;
  if (!style.full && prefix.length + [...msg].length > style.columns) {
    msg = ellipsizeMiddle(msg, style.columns - prefix.length);
    cut = true;
    out.ellipsized = true;
  }
  const c = style.color && e.ident === 'systemd' ? COLOR[e.priority] : undefined;
  if (!c) return prefix + msg;
  return cut ? `${prefix}${c}${msg}${OFF}` : `${prefix}${c}${HIGHLIGHT}${c}${msg}${OFF}`;
}

/** the lines journalctl -x adds after an entry */
export function catalogText(e: JournalEntry): string[] {
  return catalogLines(e).map((l) => `░░ ${l}`);
}
