/**
 * `npm run serve [-- options]`: what the server is told on its command line
 * and in its environment.
 *   --local            (default) every session on the engine DOCKER_HOST names, labelled
 *   --playground       a dockerd per session (root; see docs/scaling.md)
 *   --host H --port P  where to listen (default 127.0.0.1:8787)
 *   --state-dir D      sessions' files (default /run/dockyard or /tmp/dockyard)
 *   --max-sessions N   (default 1 local, 20 playground)
 *   --idle-minutes M   end a session nobody is connected to after M minutes (default 30)
 *   --warm N           playground: session daemons kept pre-started, each ≈ 115 MB (default 1, 0: none)
 *   --mirror PORT[:SESSIONPORT]     playground: a registry mirror on the host's 127.0.0.1:PORT,
 *                      which session daemons see on their own 127.0.0.1:SESSIONPORT (default PORT)
 *   --hub-proxy PORT[:SESSIONPORT]  playground: an HTTPS proxy standing in for Docker Hub, likewise
 *   --hub-ca FILE      playground: the CA bundle dockerd trusts for that proxy
 */
import { existsSync } from 'node:fs';
import { type EngineAddress, parseDockerHost } from './engine/transport';

export interface ServerConfig {
  mode: 'local' | 'daemon';
  host: string;
  port: number;
  stateDir: string;
  maxSessions: number;
  idleMs: number;
  /** playground: session daemons kept pre-started (warm-pool.ts) */
  warmPool: number;
  dockerHost: EngineAddress;
  /** the registry mirror: the host's loopback port, and the port session daemons see it on */
  mirror?: ForwardedPort;
  /** an HTTPS proxy standing in for Docker Hub, likewise */
  hubProxy?: ForwardedPort;
  hubCa?: string;
}

/** a port of the host's loopback that appears on each session's own loopback */
export interface ForwardedPort {
  host: number;
  session: number;
}

export function parseForwardedPort(name: string, v: string | undefined): ForwardedPort | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{1,5})(?::(\d{1,5}))?$/.exec(v);
  const host = Number(m?.[1]);
  const session = Number(m?.[2] ?? m?.[1]);
  if (!m || host < 1 || host > 65535 || session < 1 || session > 65535) throw new Error(`${name}: not a port or PORT:SESSIONPORT: ${v}`);
  return { host, session };
}

export function parseConfig(argv: string[], env: Record<string, string | undefined>): ServerConfig {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, def: number) => {
    const v = get(name);
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: not a number: ${v}`);
    return n;
  };
  const playground = argv.includes('--playground');
  if (playground && argv.includes('--local')) throw new Error('--local and --playground exclude each other');
  return {
    mode: playground ? 'daemon' : 'local',
    host: get('--host') ?? '127.0.0.1',
    port: num('--port', 8787),
    stateDir: get('--state-dir') ?? (existsSync('/run') && process.getuid?.() === 0 ? '/run/dockyard' : '/tmp/dockyard'),
    maxSessions: num('--max-sessions', playground ? 20 : 1),
    idleMs: num('--idle-minutes', 30) * 60_000,
    warmPool: Math.floor(num('--warm', 1)),
    dockerHost: parseDockerHost(env.DOCKER_HOST),
    mirror: parseForwardedPort('--mirror', get('--mirror')),
    hubProxy: parseForwardedPort('--hub-proxy', get('--hub-proxy')),
    hubCa: get('--hub-ca'),
  };
}
