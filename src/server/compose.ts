/** Builds the server from its configuration: launcher, sessions, probe, HTTP front. */
import { execFile } from 'node:child_process';
import type http from 'node:http';
import { promisify } from 'node:util';
import type { ForwardedPort, ServerConfig } from './config';
import { EngineTransport } from './engine/transport';
import { HostDaemonLauncher } from './launcher/host-daemon';
import type { Launcher } from './launcher/launcher';
import { LocalDockerdLauncher } from './launcher/local-dockerd';
import { WarmPoolLauncher } from './launcher/warm-pool';
import { createDockyardServer } from './http/server';
import { SessionManager } from './session/sessions';

const run = promisify(execFile);

export interface Composed {
  server: http.Server;
  sessions: SessionManager;
  launcher: Launcher;
}

export function playgroundDaemonConfig(c: Pick<ServerConfig, 'mirror'>): Record<string, unknown> {
  const mirror = c.mirror ? [`127.0.0.1:${c.mirror.session}`] : [];
  return {
    iptables: false,
    'registry-mirrors': mirror.map((m) => `http://${m}`),
    'insecure-registries': [...mirror, '127.0.0.1:5000'],
    'log-level': 'warn',
  };
}

export function makeLauncher(c: ServerConfig, log?: (l: string) => void): Launcher {
  if (c.mode === 'local') return new HostDaemonLauncher(c.dockerHost, c.stateDir);
  const env: Record<string, string> = {};
  if (c.hubProxy) env.HTTPS_PROXY = env.HTTP_PROXY = `http://127.0.0.1:${c.hubProxy.session}`;
  if (c.hubCa) env.SSL_CERT_FILE = c.hubCa;
  const daemons = new LocalDockerdLauncher({
    stateDir: c.stateDir,
    forwardPorts: [c.mirror, c.hubProxy].filter((p): p is ForwardedPort => !!p),
    daemonConfig: playgroundDaemonConfig(c),
    env,
  });
  return c.warmPool > 0 ? new WarmPoolLauncher(daemons, { size: c.warmPool, log }) : daemons;
}

export function compose(c: ServerConfig, distDir?: string, log?: (l: string) => void): Composed {
  const launcher = makeLauncher(c, log);
  const sessions = new SessionManager({
    launcher,
    maxSessions: c.maxSessions,
    idleMs: c.idleMs,
    daemonConfig: c.mode === 'daemon' ? playgroundDaemonConfig(c) : undefined,
  });
  let dockerdVersion: string | undefined;
  const probe = async () => {
    if (c.mode === 'local') {
      try {
        const v = await new EngineTransport(c.dockerHost).json<{ Version: string }>('GET', '/version');
        return { available: true, version: v.Version };
      } catch (err) {
        return { available: false, error: err instanceof Error ? err.message : String(err) };
      }
    }
    // the installed dockerd's version, asked once (each session start reports it; running the
    // binary took a few hundred ms of the start on a loaded machine)
    if (dockerdVersion) return { available: true, version: dockerdVersion };
    try {
      const { stdout } = await run('dockerd', ['--version']);
      dockerdVersion = /version ([^,\s]+)/.exec(stdout)?.[1] ?? stdout.trim();
      return { available: true, version: dockerdVersion };
    } catch (err) {
      return { available: false, error: `dockerd: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
  const server = createDockyardServer({ sessions, probe, mode: c.mode, distDir, log });
  return { server, sessions, launcher };
}
