/**
 * Running something as a child process of the shell inside a container (fork):
 * it is listed in the container's process table while it runs, gets its own
 * signals, and a signal that kills it ends it at once with 128+n (its output
 * stops there).
 */
import type { OutputStream, ProcessIO } from '../../api/io';
import type { ForkedProcess, ProcessControl } from './types';

/** an AbortSignal aborted when any of `signals` is */
export function anySignal(...signals: AbortSignal[]): AbortSignal {
  const c = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      c.abort();
      return c.signal;
    }
  }
  for (const s of signals) s.addEventListener('abort', () => c.abort(), { once: true });
  return c.signal;
}

function gate(out: OutputStream, killed: AbortSignal): OutputStream {
  return {
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
    write(data) {
      if (!killed.aborted) out.write(data);
    },
  };
}

/** start `body` as a child of `parent` whose command line is `argv`: its PID now, its exit status later */
export function startForked(
  parent: ProcessControl,
  argv: string[],
  io: ProcessIO,
  body: (child: ForkedProcess, io: ProcessIO) => Promise<number>,
): { pid: number; status: Promise<number> } {
  const child = parent.fork(argv);
  const cio: ProcessIO = {
    stdin: io.stdin,
    stdout: gate(io.stdout, child.killed),
    stderr: gate(io.stderr, child.killed),
    interrupt: anySignal(io.interrupt, child.killed),
  };
  const run = async (): Promise<number> => {
    let status = 1;
    try {
      const running = body(child, cio);
      // a signal may end the child while its body still waits: the death wins
      running.catch(() => undefined);
      status = await Promise.race([running, child.death]);
      return status;
    } catch (e) {
      if (child.killed.aborted) {
        status = await child.death;
        return status;
      }
      throw e;
    } finally {
      child.exit(status);
    }
  };
  return { pid: child.pid, status: run() };
}

/** run `body` as a child of `parent` whose command line is `argv`; resolves with its exit status */
export function runForked(
  parent: ProcessControl,
  argv: string[],
  io: ProcessIO,
  body: (child: ForkedProcess, io: ProcessIO) => Promise<number>,
): Promise<number> {
  return startForked(parent, argv, io, body).status;
}
