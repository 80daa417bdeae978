/**
 * What `docker run` and `docker start -a` share (docker/cli run.go,
 * hijack.go, utils.go): the TTY check, raw terminal mode while attached,
 * forwarding Ctrl-C to the container, and the exit status docker gives a
 * container that could not start (127 not found, 126 not executable, else 125).
 */
import type { ProcessIO, TtyMode } from '../../../api/io';
import { CliError } from '../../framework/command';

/** streams.In.CheckTty */
export function checkTty(io: ProcessIO, attachStdin: boolean, tty: boolean): void {
  if (attachStdin && tty && !io.stdin.isTTY) throw new CliError('the input device is not a TTY');
}

/** put the local terminal in raw mode for a TTY session; returns the restore function */
export function rawTerminal(io: ProcessIO, on: boolean): () => void {
  if (!on || !io.stdin.isTTY || !io.stdin.setMode) return () => {};
  const old: TtyMode = io.stdin.setMode('raw');
  return () => {
    io.stdin.setMode?.(old);
  };
}

/** runStartContainerErr */
export function startErrorStatus(message: string): number {
  const m = message.replace(/^Error response from daemon: /, '');
  if (m.includes('executable file not found') || m.includes('no such file or directory') || m.includes('system cannot find the file specified')) return 127;
  if (m.includes('permission denied')) return 126;
  return 125;
}

/** forward Ctrl-C (the job's SIGINT) to the container while `fn` runs (ForwardAllSignals) */
export async function withSignalProxy<T>(io: ProcessIO, enabled: boolean, forward: (sig: string) => Promise<void>, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const onInterrupt = () => {
    void forward('SIGINT').catch(() => {});
  };
  if (io.interrupt.aborted) onInterrupt();
  io.interrupt.addEventListener('abort', onInterrupt);
  try {
    return await fn();
  } finally {
    io.interrupt.removeEventListener('abort', onInterrupt);
  }
}

/**
 * logrus' line for the canceled wait: on a terminal the TextFormatter's
 * colored form (red `ERRO`, seconds since start, the message padded to 44
 * columns and a space), the logfmt form with the time otherwise
 */
export function waitCanceledLine(isTTY: boolean, now: number): string {
  const msg = 'error waiting for container: context canceled';
  if (isTTY) return `\x1b[31mERRO\x1b[0m[0000] ${msg.padEnd(44)} \n`;
  return `time="${new Date(now).toISOString().replace(/\.\d+Z$/, 'Z')}" level=error msg="${msg}"\n`;
}
