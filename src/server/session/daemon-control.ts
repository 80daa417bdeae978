/**
 * The session daemon as the learner's docker.service (DaemonControlApi):
 * `systemctl stop docker` stops it, `systemctl start docker` starts it with
 * the learner's daemon.json, read and limited by policy/daemon-json.ts on top
 * of the server's own configuration. A file dockerd would refuse, or one with
 * an option the server keeps, leaves the daemon stopped with that line, as
 * dockerd exits on it. Only with a daemon per session: on a shared daemon
 * (--local) the learner's file cannot apply, and both calls are refused.
 */
import { DaemonError } from '../../api/errors';
import type { DaemonControlApi, DaemonStartResult } from '../../client/protocol/daemon-api';
import type { Launcher } from '../launcher/launcher';
import { sessionDaemonConfig } from '../policy/daemon-json';

export function daemonControl(launcher: Launcher, sessionId: string, serverConfig: Readonly<Record<string, unknown>> | undefined): DaemonControlApi {
  const refuse = () =>
    new DaemonError('Forbidden', 'this server runs every session on one shared Docker daemon (--local): its configuration and service are the server\'s, not the session\'s');
  // one start or stop at a time: a restart is a stop and a start
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => {});
    return next;
  };
  return {
    daemonStop: () =>
      serial(async () => {
        if (!serverConfig || !launcher.stopDaemon) throw refuse();
        await launcher.stopDaemon(sessionId);
      }),
    daemonStart: (daemonJson) =>
      serial(async (): Promise<DaemonStartResult> => {
        if (!serverConfig || !launcher.stopDaemon || !launcher.startDaemon) throw refuse();
        const c = sessionDaemonConfig(daemonJson ?? undefined, serverConfig);
        if (!c.ok) {
          await launcher.stopDaemon(sessionId);
          return { ok: false, log: [c.message] };
        }
        const r = await launcher.startDaemon(sessionId, c.config);
        return { ok: r.ok, log: r.log };
      }),
  };
}
