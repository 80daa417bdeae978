/** Builds the server from its configuration: launcher, sessions, probe, HTTP front. */
import { execFile } from 'node:child_process';
import type http from 'node:http';
import { promisify } from 'node:util';
import type { ServerConfig } from './config';
import { EngineTransport } from './engine/transport';
import { HostDaemonLauncher } from './launcher/host-daemon';
import type { Launcher } from './launcher/launcher';
import { LocalDockerdLauncher } from './launcher/local-dockerd';
import { createDockyardServer } from './http/server';
import { SessionManager } from './session/sessions';

const run = promisify(execFile);

export interface Composed {
  server: http.Server;
  sessions: SessionManager;
  launcher: Launcher;
}

export function playgroundDaemonConfig(c: Pick<ServerConfig, 'mirrorPort'>): Record<string, unknown> {
  const mirror = c.mirrorPort ? [`127.0.0.1:${c.mirrorPort}`] : [];
  return {
    iptables: false,
    'registry-mirrors': mirror.map((m) => `http://${m}`),
    'insecure-registries': [...mirror, '127.0.0.1:5000'],
    'log-level': 'warn',
  };
}

export function makeLauncher(c: ServerConfig): Launcher {
  if (c.mode === 'local') return new HostDaemonLauncher(c.dockerHost, c.stateDir);
  const env: Record<string, string> = {};
  if (c.hubProxyPort) env.HTTPS_PROXY = env.HTTP_PROXY = `http://127.0.0.1:${c.hubProxyPort}`;
  if (c.hubCa) env.SSL_CERT_FILE = c.hubCa;
  return new LocalDockerdLauncher({
    stateDir: c.stateDir,
    forwardPorts: [c.mirrorPort, c.hubProxyPort].filter((p): p is number => !!p),
    daemonConfig: playgroundDaemonConfig(c),
    env,
  });
}

export function compose(c: ServerConfig, distDir?: string, log?: (l: string) => void): Composed {
  const launcher = makeLauncher(c);
  const sessions = new SessionManager({ launcher, maxSessions: c.maxSessions, idleMs: c.idleMs });
  const probe = async () => {
    if (c.mode === 'local') {
      try {
        const v = await new EngineTransport(c.dockerHost).json<{ Version: string }>('GET', '/version');
        return { available: true, version: v.Version };
      } catch (err) {
        return { available: false, error: err instanceof Error ? err.message : String(err) };
      }
    }
    try {
      const { stdout } = await run('dockerd', ['--version']);
      return { available: true, version: /version ([^,\s]+)/.exec(stdout)?.[1] ?? stdout.trim() };
    } catch (err) {
      return { available: false, error: `dockerd: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
  const server = createDockyardServer({ sessions, probe, mode: c.mode, distDir, log });
  return { server, sessions, launcher };
}
