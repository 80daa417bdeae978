/**
 * Refusals: what no session may ask of a real engine, in every mode. Each is a
 * DaemonError (Forbidden), so the learner reads a Docker-style
 * "Error response from daemon: …" with exit status 125/1 as for any daemon error.
 */
import { DaemonError } from '../../api/errors';

export const SANDBOX = "Dockyard's real-engine sandbox";

export function refuse(what: string): never {
  throw new DaemonError('Forbidden', `${what} is not allowed in ${SANDBOX}`);
}
