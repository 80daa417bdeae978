/**
 * Streams a program (the docker CLI, a shell builtin, a process in a container)
 * reads and writes. The shell wires them to pipes, files and the terminal; the
 * web app wires the terminal to xterm (only src/ui/terminal knows xterm).
 *
 * Large contents (a `docker save` archive) may be lazy (src/api/fs.ts
 * Content): streams that can keep them so (pipes, files, /dev/null) take them
 * whole through `writeContent`/`readContent`; others get their bytes in chunks
 * (`writeContentTo`, `readAllContent`).
 */
import type { Content, LazyContent } from './fs';

export interface OutputStream {
  write(data: string | Uint8Array): void;
  /** optional: take a content as it is (a lazy one stays lazy: a pipe, a file, /dev/null) */
  writeContent?(data: Content): void;
  /** true when this stream is a terminal (progress bars, prompts, tables) */
  readonly isTTY: boolean;
  /** terminal width when isTTY */
  readonly columns?: number;
  /**
   * a stream that can fill up (a pipe): a promise when it holds more than it
   * should, resolved once the reader has taken enough or has gone (a write
   * then fails: SIGPIPE); undefined when the writer may go on. A writer that
   * produces without end awaits it between writes, as write(2) blocks.
   */
  drain?(): Promise<void> | undefined;
}

/**
 * Terminal line-discipline modes (termios) a program may ask of a TTY stdin:
 * 'cooked' = the terminal echoes and edits lines, Ctrl-C interrupts, Ctrl-D ends
 * input (the default); 'noecho' = cooked without echo (password prompts);
 * 'raw' = every byte goes to the program as typed, no echo, no signals
 * (`docker run -t`, `exec -t`, `attach` put the local terminal in raw mode).
 */
export type TtyMode = 'cooked' | 'noecho' | 'raw';

/**
 * Reads may be given a `signal` (a process's interrupt): once it aborts the
 * read rejects with an AbortError and consumes nothing, as a blocked read(2)
 * ends when a signal kills the process. Streams that cannot block forever
 * (files, pipes whose writer ends) may ignore it.
 */
export interface InputStream {
  readonly isTTY: boolean;
  /** TTY inputs only: switch the terminal mode, returns the previous one (restore it when done) */
  setMode?(mode: TtyMode): TtyMode;
  /**
   * next chunk of bytes, null at end of input. A read whose `signal` is
   * aborted while it waits takes nothing: it rejects with an AbortError and
   * what is typed next goes to the next read (a remote exec that ended while
   * it was reading the learner's terminal). Inputs that wait on a person (a
   * terminal) honour the signal; the others may finish the read regardless.
   */
  read(signal?: AbortSignal): Promise<Uint8Array | null>;
  /** next line without its newline, null at end of input */
  readLine(signal?: AbortSignal): Promise<string | null>;
  /** everything up to end of input */
  readAll(signal?: AbortSignal): Promise<Uint8Array>;
  /** optional: everything up to end of input, lazy contents kept lazy (a pipe from `docker save`, `< file`) */
  readContent?(signal?: AbortSignal): Promise<Content>;
  /** optional: the next piece as it was written (bytes, or a lazy content whole), null at end of input */
  readPiece?(signal?: AbortSignal): Promise<Content | null>;
  /** give back bytes read but not used (a line editor's type-ahead): the next read returns them first */
  unread?(data: Uint8Array): void;
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
  /**
   * aborted when the job is killed (SIGKILL), also after a Ctrl-C that a
   * command passed on to its container: nothing of it may go on
   */
  killed?: AbortSignal;
}

/** the abort reason of a job's interrupt when it is killed, not interrupted */
export const KILL_REASON = 'SIGKILL';

export function isKilled(io: Pick<ProcessIO, 'interrupt' | 'killed'>): boolean {
  return io.killed?.aborted === true || (io.interrupt.aborted && io.interrupt.reason === KILL_REASON);
}

/** a chunk of a lazy content at a time, for outputs that take only bytes */
const WRITE_CHUNK = 65536;

function isLazy(c: Content): c is LazyContent {
  return !(c instanceof Uint8Array);
}

/**
 * Write `data` to `out`: whole when `out` keeps contents (writeContent), else
 * its bytes a chunk at a time, waiting while `out` is full (a pipe's reader
 * is behind). A write that fails (SIGPIPE) throws as `write` does.
 */
export async function writeContentTo(out: OutputStream, data: Content): Promise<void> {
  if (out.writeContent) {
    out.writeContent(data);
    return;
  }
  if (!isLazy(data)) {
    out.write(data);
    return;
  }
  for (let off = 0; off < data.size; off += WRITE_CHUNK) {
    out.write(data.read(off, Math.min(data.size, off + WRITE_CHUNK)));
    const full = out.drain?.();
    if (full) await full;
  }
}

/** everything up to end of input, lazy when the input keeps it so */
export function readAllContent(input: InputStream, signal?: AbortSignal): Promise<Content> {
  return input.readContent ? input.readContent(signal) : input.readAll(signal);
}
