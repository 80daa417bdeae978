/**
 * dockerd receiving SIGTERM (systemctl stop/restart docker; daemon.Shutdown):
 * "Processing signal 'terminated'", then every running container is stopped
 * as `docker stop` would (its stop signal, its stop timeout, default 10 s,
 * then SIGKILL, all at once), without counting as stopped by the user and
 * without restart-policy restarts; a container waiting to restart stays
 * exited. With live restore the containers keep running. Then "Daemon
 * shutdown complete" and the API is gone.
 */
import { cancelRestart } from '../../containers/lifecycle';
import { stopRecord } from '../../containers/ops/stop';
import type { Engine } from '../../engine';
import { daemonLog } from '../daemon-log';

export async function stopDaemon(engine: Engine): Promise<void> {
  const d = engine.daemon;
  if (!d.running) return;
  daemonLog(engine, 'info', "Processing signal 'terminated'");
  d.shuttingDown = true;
  try {
    if (!d.config.liveRestore) {
      const stops: Promise<void>[] = [];
      for (const c of engine.containers.list()) {
        if (!c.State.Running) continue;
        if (c.State.Restarting) {
          c.exitOnNext = true;
          cancelRestart(c);
          continue;
        }
        stops.push(stopRecord(engine, c).catch(() => undefined));
      }
      await Promise.all(stops);
    }
  } finally {
    d.shuttingDown = false;
  }
  daemonLog(engine, 'info', 'Daemon shutdown complete');
  d.running = false;
}
