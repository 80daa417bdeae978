/**
 * The daemon process itself: whether dockerd is up (the API answers), the
 * configuration it started with, whether it is shutting down (containers it
 * stops then are not "stopped by the user" and no restart policy fires), and
 * where its log lines go (its stderr, which the host's service manager reads).
 * A new engine is a daemon that is up with the default configuration.
 */
import { type DaemonConfig, defaultDaemonConfig } from './daemon-config';

export class DaemonState {
  running = true;
  shuttingDown = false;
  config: DaemonConfig = defaultDaemonConfig();
  /** dockerd's stderr; undefined: nobody reads it */
  stderr?: (line: string) => void;
}
