/**
 * The real-engine suite's harness: a Dockyard server in playground mode (a
 * dockerd per session) on a free loopback port, with the fixture's registry
 * mirror and Docker Hub stand-in (test/real/fixture/setup.sh), and sessions
 * driven as the browser drives them: connectRemote over a WebSocket, the CLI
 * and shell of a runner session on top.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { ProcessIO } from '../../../src/api/io';
import { captureStream } from '../../../src/cli/framework/testing';
import { connectRemote, type RemoteEngine } from '../../../src/client/remote/connection';
import { createSession, type Session } from '../../../src/runner/session';
import { type Composed, compose } from '../../../src/server/compose';
import type { ServerConfig } from '../../../src/server/config';
import { parseDockerHost } from '../../../src/server/engine/transport';
import { listNetns } from '../../../src/server/launcher/netns';

export const FIXTURE_RUN = process.env.DOCKYARD_FIXTURE_RUN ?? '/tmp/dockyard-fixture';

/** where the fixture's Hub stand-in CA bundle is (ours, or the fidelity kit's on a developer machine) */
export function hubCa(): string | undefined {
  for (const p of [`${FIXTURE_RUN}/certs/bundle.pem`, '/tmp/fidelity/certs/bundle.pem']) if (existsSync(p)) return p;
  return undefined;
}

export interface Harness extends Composed {
  baseUrl: string;
  stateDir: string;
  close(): Promise<void>;
}

export async function startServer(over: Partial<ServerConfig> = {}): Promise<Harness> {
  const stateDir = `/tmp/dyt-${process.pid}`;
  const config: ServerConfig = {
    mode: 'daemon',
    host: '127.0.0.1',
    port: 0,
    stateDir,
    maxSessions: 24,
    idleMs: 30 * 60_000,
    dockerHost: parseDockerHost(undefined),
    mirrorPort: 5001,
    hubProxyPort: 3128,
    hubCa: hubCa(),
    ...over,
  };
  const c = compose(config);
  await new Promise<void>((r) => c.server.listen(0, '127.0.0.1', () => r()));
  const { port } = c.server.address() as AddressInfo;
  return {
    ...c,
    baseUrl: `http://127.0.0.1:${port}`,
    stateDir,
    async close() {
      await c.sessions.endAll();
      await new Promise<void>((r) => c.server.close(() => r()));
    },
  };
}

export interface LearnerSession {
  remote: RemoteEngine;
  session: Session;
  run(line: string, stdin?: string): Promise<{ status: number; out: string; err: string }>;
}

export async function learner(h: Harness): Promise<LearnerSession> {
  let remote: RemoteEngine | undefined;
  const session = createSession({
    // the remote is made below; the shell reads the client on each call
    wrapClient: () => new Proxy({} as never, { get: (_t, p) => (remote!.client as never)[p] }),
  });
  remote = await connectRemote({ baseUrl: h.baseUrl, hostFs: session.hostFs, WebSocketImpl: WebSocket as never });
  return {
    remote,
    session,
    async run(line, stdin = '') {
      const out = captureStream();
      const err = captureStream();
      let data: Uint8Array | null = new TextEncoder().encode(stdin);
      const io = {
        stdin: {
          isTTY: false,
          read: async () => {
            const d = data;
            data = null;
            return d && d.length > 0 ? d : null;
          },
          readLine: async () => null,
          readAll: async () => new Uint8Array(),
        },
        stdout: out,
        stderr: err,
        interrupt: new AbortController().signal,
      } as ProcessIO;
      const status = await session.run(line, io);
      return { status, out: out.text(), err: err.text() };
    },
  };
}

/** what a session may leave behind: daemons, namespaces, state directories */
export async function leftovers(stateDir: string): Promise<{ netns: string[]; dirs: string[]; daemons: string[] }> {
  const daemons = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .flatMap((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
        return cmd.includes(stateDir) ? [p] : [];
      } catch {
        return [];
      }
    });
  return { netns: await listNetns('dy-'), dirs: existsSync(stateDir) ? readdirSync(stateDir) : [], daemons };
}
