/**
 * Error kinds of the Engine API (moby errdefs). The daemon (engine) throws
 * DaemonError with the daemon's own text ("No such container: x"); the client
 * layer maps it to what the docker CLI shows ("Error response from daemon: …"
 * or "Error: No such container: x"). Nothing below the client adds prefixes.
 */
export type ErrorKind =
  | 'NotFound' // 404
  | 'InvalidParameter' // 400
  | 'Conflict' // 409
  | 'Unauthorized' // 401
  | 'Forbidden' // 403
  | 'Unavailable' // 503
  | 'NotModified' // 304
  | 'System'; // 500

export const HTTP_STATUS: Record<ErrorKind, number> = {
  NotFound: 404,
  InvalidParameter: 400,
  Conflict: 409,
  Unauthorized: 401,
  Forbidden: 403,
  Unavailable: 503,
  NotModified: 304,
  System: 500,
};

export class DaemonError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DaemonError';
  }
}

export const notFound = (msg: string) => new DaemonError('NotFound', msg);
export const invalidParameter = (msg: string) => new DaemonError('InvalidParameter', msg);
export const conflict = (msg: string) => new DaemonError('Conflict', msg);
export const systemError = (msg: string) => new DaemonError('System', msg);
export const unauthorized = (msg: string) => new DaemonError('Unauthorized', msg);
export const forbidden = (msg: string) => new DaemonError('Forbidden', msg);

/**
 * An error as the docker CLI receives it from its client library: `message` is
 * the full text the CLI prints ("Error response from daemon: No such container: x",
 * "Error: No such image: centos"), `daemonMessage` the daemon's own text.
 */
export class ClientError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly daemonMessage: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}
