/**
 * What Ctrl-C (and the runner's kill of a timed-out step) does to a docker
 * command. The Go CLI has no handler for SIGINT in most commands: the process
 * ends at once (the shell sees 130) while the daemon finishes what it was
 * asked (`docker stop -t 600` keeps stopping the container, a cancelled
 * build removes its RUN container). Only the commands that attach to a
 * container decide for themselves: they proxy the signal to the container or
 * type it into its tty (run, start, attach, exec).
 */
import { isKilled } from '../../api/io';

const OWN_HANDLING = new Set(['run', 'start', 'attach', 'exec']);

/** `commandPath`: cobra's path, "docker container stop" */
export function endsOnInterrupt(commandPath: string): boolean {
  const verb = commandPath.slice(commandPath.lastIndexOf(' ') + 1);
  return !OWN_HANDLING.has(verb);
}

/**
 * `work`, or 130 as soon as `signal` aborts (what `work` does after that is no
 * longer waited for); with `killOnly`, 137 when it is a kill (KILL_REASON):
 * an attached command that proxies Ctrl-C still dies of SIGKILL.
 */
export function untilInterrupted<T>(work: Promise<T>, signal: AbortSignal, killOnly = false): Promise<T | 130 | 137> {
  const ends = () => (killOnly ? isKilled(signal) : signal.aborted);
  const status = () => (isKilled(signal) ? 137 : 130);
  if (ends()) {
    work.catch(() => undefined);
    return Promise.resolve(status());
  }
  return new Promise<T | 130 | 137>((resolve, reject) => {
    const onAbort = () => {
      if (!ends()) return;
      work.catch(() => undefined);
      resolve(status());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
