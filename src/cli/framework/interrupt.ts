/**
 * What Ctrl-C (and the runner's kill of a timed-out step) does to a docker
 * command. The Go CLI has no handler for SIGINT in most commands: the process
 * ends at once (the shell sees 130) while the daemon finishes what it was
 * asked (`docker stop -t 600` keeps stopping the container, a cancelled
 * build removes its RUN container). Only the commands that attach to a
 * container decide for themselves: they proxy the signal to the container or
 * type it into its tty (run, start, attach, exec).
 */
import { isKilled, type ProcessIO } from '../../api/io';

const OWN_HANDLING = new Set(['run', 'start', 'attach', 'exec']);

/** `commandPath`: cobra's path, "docker container stop" */
export function endsOnInterrupt(commandPath: string): boolean {
  const verb = commandPath.slice(commandPath.lastIndexOf(' ') + 1);
  return !OWN_HANDLING.has(verb);
}

/**
 * `work`, or 130 as soon as the job is interrupted (what `work` does after
 * that is no longer waited for); with `killOnly`, only when it is killed
 * (137): an attached command that proxies Ctrl-C still dies of SIGKILL.
 */
export function untilInterrupted<T>(work: Promise<T>, io: Pick<ProcessIO, 'interrupt' | 'killed'>, killOnly = false): Promise<T | 130 | 137> {
  const ends = () => (killOnly ? isKilled(io) : io.interrupt.aborted || isKilled(io));
  const status = () => (isKilled(io) ? 137 : 130);
  if (ends()) {
    work.catch(() => undefined);
    return Promise.resolve(status());
  }
  const signals = [io.interrupt, io.killed].filter((s): s is AbortSignal => s !== undefined);
  return new Promise<T | 130 | 137>((resolve, reject) => {
    const off = () => {
      for (const s of signals) s.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (!ends()) return;
      off();
      work.catch(() => undefined);
      resolve(status());
    };
    for (const s of signals) s.addEventListener('abort', onAbort);
    work.then(
      (v) => {
        off();
        resolve(v);
      },
      (e: unknown) => {
        off();
        reject(e);
      },
    );
  });
}
