/**
 * Streams a program (the docker CLI, a shell builtin, a process in a container)
 * reads and writes. The shell wires them to pipes, files and the terminal; the
 * web app wires the terminal to xterm (only src/ui/terminal knows xterm).
 */
export interface OutputStream {
  write(data: string | Uint8Array): void;
  /** true when this stream is a terminal (progress bars, prompts, tables) */
  readonly isTTY: boolean;
  /** terminal width when isTTY */
  readonly columns?: number;
}

/**
 * Terminal line-discipline modes (termios) a program may ask of a TTY stdin:
 * 'cooked' = the terminal echoes and edits lines, Ctrl-C interrupts, Ctrl-D ends
 * input (the default); 'noecho' = cooked without echo (password prompts);
 * 'raw' = every byte goes to the program as typed, no echo, no signals
 * (`docker run -t`, `exec -t`, `attach` put the local terminal in raw mode).
 */
export type TtyMode = 'cooked' | 'noecho' | 'raw';

export interface InputStream {
  readonly isTTY: boolean;
  /** TTY inputs only: switch the terminal mode, returns the previous one (restore it when done) */
  setMode?(mode: TtyMode): TtyMode;
  /** next chunk of bytes, null at end of input */
  read(): Promise<Uint8Array | null>;
  /** next line without its newline, null at end of input */
  readLine(): Promise<string | null>;
  /** everything up to end of input */
  readAll(): Promise<Uint8Array>;
}

export interface ProcessIO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /**
   * aborted on Ctrl-C (SIGINT) sent to the foreground job; aborted with the
   * reason KILL_REASON when the job is killed (the runner stops a timed-out
   * step as the recorder does, with SIGKILL): then nothing may go on
   */
  interrupt: AbortSignal;
}

/** the abort reason of a job's interrupt when it is killed, not interrupted */
export const KILL_REASON = 'SIGKILL';

export function isKilled(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason === KILL_REASON;
}
