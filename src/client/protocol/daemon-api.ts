/**
 * What a server with a daemon per session offers besides the engine: the
 * session daemon as the learner's docker.service runs it. `systemctl stop
 * docker` stops it (dockerd stops its containers); `systemctl start docker`
 * starts it with the learner's /etc/docker/daemon.json, read as dockerd reads
 * it and limited to the options that stay inside the session
 * (src/server/policy/daemon-json.ts). A server without it (--local, the
 * simulator in a Worker) refuses both calls.
 */

export interface DaemonStartResult {
  /** the daemon answers (false: it exited, as dockerd does on a bad configuration) */
  ok: boolean;
  /** what it wrote to its stderr (the journal of docker.service shows it) */
  log: string[];
}

export interface DaemonControlApi {
  daemonStop(): Promise<void>;
  /** start (a running daemon is restarted) with the learner's daemon.json text, null when there is none */
  daemonStart(daemonJson: string | null): Promise<DaemonStartResult>;
}

/** a client that can control a session daemon (a real engine's, in playground mode) */
export function daemonControlOf(client: object): DaemonControlApi | undefined {
  const c = client as Partial<DaemonControlApi> & { remote?: boolean };
  return c.remote && typeof c.daemonStart === 'function' && typeof c.daemonStop === 'function' ? (c as DaemonControlApi) : undefined;
}
