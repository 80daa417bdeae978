/**
 * The engine as the host's docker.service runs it (src/api/host.ts): start
 * and stop are the daemon ops; the log lines go to the stderr the service
 * manager gives it.
 */
import type { DaemonProcess, LineSink } from '../../api/host';
import type { Engine } from '../engine';
import { daemonListening, logStartup, startDaemon } from './ops/start-daemon';
import { stopDaemon } from './ops/stop-daemon';

export function daemonProcess(engine: Engine): DaemonProcess {
  return {
    get running() {
      return engine.daemon.running;
    },
    start(stderr: LineSink) {
      engine.daemon.stderr = stderr;
      return startDaemon(engine);
    },
    serve() {
      daemonListening(engine);
    },
    stop() {
      return stopDaemon(engine);
    },
    adopt(stderr: LineSink) {
      engine.daemon.stderr = stderr;
      logStartup(engine);
    },
  };
}
