/**
 * docker.service's main process (DaemonProcess) for whichever engine the CLI
 * uses now: the simulator's dockerd, or on a real engine with a daemon per
 * session, that session daemon. There `systemctl stop docker` stops it, and
 * `systemctl start/restart docker` starts it with the learner's
 * /etc/docker/daemon.json (the server reads it as dockerd does and keeps the
 * options that reach past the session its own); what the daemon writes goes
 * to the journal of docker.service, so `systemctl status docker` and
 * `journalctl -u docker` show the session daemon's own lines.
 */
import { FsError, type FileSystem, textDecoder } from '../api/fs';
import type { DaemonProcess, LineSink } from '../api/host';
import type { EngineClient } from '../client/engine-client';
import { daemonControlOf } from '../client/protocol/daemon-api';

const DAEMON_JSON = '/etc/docker/daemon.json';

/** the file's text, null when there is none; a line for the journal when it cannot be read */
function readDaemonJson(fs: FileSystem): string | null | { error: string } {
  try {
    if (!fs.exists(DAEMON_JSON)) return null;
    if (fs.stat(DAEMON_JSON).type === 'dir') return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: read ${DAEMON_JSON}: is a directory` };
    return textDecoder.decode(fs.readFile(DAEMON_JSON));
  } catch (e) {
    const text = e instanceof FsError ? e.text.toLowerCase() : String(e);
    return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: open ${DAEMON_JSON}: ${text}` };
  }
}

export function engineDaemonProcess(simulated: DaemonProcess, client: () => EngineClient | undefined, hostFs: FileSystem): DaemonProcess {
  /** the session daemon answers (as far as this machine's service manager knows) */
  let sessionUp = true;
  const session = () => {
    const c = client();
    return c ? daemonControlOf(c) : undefined;
  };
  return {
    get running() {
      return session() ? sessionUp : simulated.running;
    },
    async start(stderr: LineSink) {
      const s = session();
      if (!s) return simulated.start(stderr);
      const file = readDaemonJson(hostFs);
      if (file !== null && typeof file === 'object') {
        await s.daemonStop();
        sessionUp = false;
        stderr(file.error);
        return false;
      }
      const r = await s.daemonStart(file);
      for (const line of r.log) stderr(line);
      sessionUp = r.ok;
      return r.ok;
    },
    serve() {
      if (!session()) simulated.serve();
    },
    async stop() {
      const s = session();
      if (!s) return simulated.stop();
      await s.daemonStop();
      sessionUp = false;
    },
    adopt(stderr: LineSink) {
      simulated.adopt(stderr);
    },
  };
}
