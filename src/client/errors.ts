/**
 * The only place that turns daemon errors into the texts the docker CLI prints.
 * Mirrors moby's client: a 404 on an object the caller named becomes
 * "Error: No such <object>: <id>" (objectNotFoundError), everything else
 * "Error response from daemon: <daemon text>".
 */
import { ClientError, DaemonError } from '../api/errors';

export interface NotFoundTarget {
  /** "container", "image", "volume", "network" */
  object: string;
  /** the id or name as the caller passed it */
  id: string;
}

export function toClientError(err: unknown, target?: NotFoundTarget): ClientError {
  if (err instanceof ClientError) return err;
  if (err instanceof DaemonError) {
    if (err.kind === 'NotFound' && target) {
      return new ClientError(err.kind, `Error: No such ${target.object}: ${target.id}`, err.message);
    }
    return new ClientError(err.kind, `Error response from daemon: ${err.message}`, err.message);
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new ClientError('System', `Error response from daemon: ${msg}`, msg);
}

/** Run a daemon call, translating its errors the way the client library does. */
export async function call<T>(fn: () => T | Promise<T>, target?: NotFoundTarget): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toClientError(err, target);
  }
}

/** the docker CLI's default daemon address */
export const DEFAULT_DAEMON_HOST = 'unix:///var/run/docker.sock';

/**
 * The client library's connection error (client.ErrorConnectionFailed): nothing
 * answers on the daemon's socket. No "Error response from daemon" prefix: no
 * daemon answered.
 */
export function cannotConnectError(host = DEFAULT_DAEMON_HOST): ClientError {
  const msg = `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`;
  return new ClientError('Unavailable', msg, msg);
}
