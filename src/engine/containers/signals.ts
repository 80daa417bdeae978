/** Linux signal names and numbers (moby pkg/signal SignalMap for linux/amd64). */
import { invalidParameter } from '../../api/errors';

export const SIGNALS: Readonly<Record<string, number>> = {
  ABRT: 6, ALRM: 14, BUS: 7, CHLD: 17, CLD: 17, CONT: 18, FPE: 8, HUP: 1, ILL: 4, INT: 2, IO: 29, IOT: 6,
  KILL: 9, PIPE: 13, POLL: 29, PROF: 27, PWR: 30, QUIT: 3, SEGV: 11, STKFLT: 16, STOP: 19, SYS: 31,
  TERM: 15, TRAP: 5, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, USR1: 10, USR2: 12, VTALRM: 26, WINCH: 28,
  XCPU: 24, XFSZ: 25,
};

/** signal.ParseSignal: "SIGTERM", "term", "15" → 15; "Invalid signal: FOO" otherwise */
export function parseSignal(raw: string): number {
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    if (n === 0 || n > 0xffffffff) throw invalidParameter(`Invalid signal: ${raw}`);
    return n;
  }
  const n = SIGNALS[raw.toUpperCase().replace(/^SIG/, '')];
  if (n === undefined) throw invalidParameter(`Invalid signal: ${raw}`);
  return n;
}

/** 15 → "SIGTERM" (the name programs receive); unknown numbers → "SIG<n>" */
export function signalName(n: number): string {
  for (const [name, num] of Object.entries(SIGNALS)) {
    if (num === n && name !== 'IOT' && name !== 'CLD' && name !== 'POLL') return `SIG${name}`;
  }
  return `SIG${n}`;
}
