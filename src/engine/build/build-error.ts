/**
 * A build failure reported in the output stream (moby jsonmessage.JSONError):
 * `code` is the exit status the docker CLI returns (a failing RUN's status).
 */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}
