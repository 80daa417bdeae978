/**
 * The real-engine suite's harness: a Dockyard server in playground mode (a
 * dockerd per session) on a free loopback port, with the fixture's registry
 * mirror and Docker Hub stand-in (test/real/fixture/setup.sh), and sessions
 * driven as the browser drives them: connectRemote over a WebSocket, the CLI
 * and shell of a runner session on top.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { ProcessIO } from '../../../src/api/io';
import { captureStream } from '../../../src/cli/framework/testing';
import type { RemoteEngine } from '../../../src/client/remote/connection';
import { BytesInput } from '../../../src/shell/io/streams';
import { type RealSession, realSession } from './real-session';
import { type Composed, compose } from '../../../src/server/compose';
import type { ServerConfig } from '../../../src/server/config';
import { parseDockerHost } from '../../../src/server/engine/transport';
import { listNetns } from '../../../src/server/launcher/netns';
import { fixture } from './fixture';

export { fixture, hubctl } from './fixture';

/**
 * the suite's state directory (short: socket paths are limited to 107 bytes); two runs at once
 * on one machine each need their own (DOCKYARD_TEST_STATE_DIR): a start removes what it finds there
 */
export const SUITE_STATE_DIR = process.env.DOCKYARD_TEST_STATE_DIR ?? '/tmp/dyt';

export interface Harness extends Composed {
  baseUrl: string;
  stateDir: string;
  close(): Promise<void>;
}

export async function startServer(over: Partial<ServerConfig> = {}): Promise<Harness> {
  const fx = fixture();
  // one state directory for the suite (short: socket paths are limited to 107 bytes); what a
  // crashed run left there is removed first
  const stateDir = SUITE_STATE_DIR;
  const config: ServerConfig = {
    mode: 'daemon',
    host: '127.0.0.1',
    port: 0,
    stateDir,
    maxSessions: 24,
    idleMs: 30 * 60_000,
    warmPool: 1,
    dockerHost: parseDockerHost(undefined),
    // the sessions see the stand-in Hub where the tutorials' daemons have it: the mirror on :5001, the proxy on :3128
    mirror: { host: fx.hubPort, session: 5001 },
    hubProxy: { host: fx.proxyPort, session: 3128 },
    hubCa: fx.ca,
    ...over,
  };
  const c = compose(config);
  await c.launcher.removeOrphans();
  await new Promise<void>((r) => c.server.listen(0, '127.0.0.1', () => r()));
  const { port } = c.server.address() as AddressInfo;
  return {
    ...c,
    baseUrl: `http://127.0.0.1:${port}`,
    stateDir,
    async close() {
      await c.sessions.endAll();
      await c.launcher.close?.();
      await new Promise<void>((r) => c.server.close(() => r()));
    },
  };
}

export interface LearnerSession {
  remote: RemoteEngine;
  session: RealSession;
  run(line: string, stdin?: string): Promise<{ status: number; out: string; err: string }>;
}

export async function learner(h: Harness): Promise<LearnerSession> {
  const session = await realSession(h.baseUrl);
  return {
    remote: session.remote,
    session,
    async run(line, stdin = '') {
      const out = captureStream();
      const err = captureStream();
      const io: ProcessIO = { stdin: new BytesInput(stdin), stdout: out, stderr: err, interrupt: new AbortController().signal };
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
