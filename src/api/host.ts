/**
 * What the learner's machine (the host's service manager, src/shell/host) needs
 * of the Docker daemon as a process it runs: dockerd as docker.service's main
 * process. The engine provides it (src/engine/daemon/daemon-process.ts).
 */

/** a line the process writes to its stderr (the journal records it) */
export type LineSink = (line: string) => void;

export interface DaemonProcess {
  /** is dockerd up (its API answers) */
  readonly running: boolean;
  /**
   * Start dockerd; its log lines go to `stderr`. Resolves true once it is
   * ready (sd_notify READY=1), false when it exited with status 1.
   */
  start(stderr: LineSink): Promise<boolean>;
  /** after READY: it serves its API socket (and says so) */
  serve(): void;
  /** SIGTERM: dockerd shuts down; resolves when it has exited (status 0) */
  stop(): Promise<void>;
  /** dockerd is already up (the machine booted with it): it writes the log lines of that start, up to READY, to `stderr` */
  adopt(stderr: LineSink): void;
}

/** the learner's machine on its LAN (eth0): its published ports answer there, and it is no loopback address */
export const HOST_LAN_IP = '192.168.199.100';
