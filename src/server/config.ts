/**
 * `npm run serve [-- options]`: what the server is told on its command line
 * and in its environment.
 *   --local            (default) every session on the engine DOCKER_HOST names, labelled
 *   --playground       a dockerd per session (root; see docs/scaling.md)
 *   --host H --port P  where to listen (default 127.0.0.1:8787)
 *   --state-dir D      sessions' files (default /run/dockyard or /tmp/dockyard)
 *   --max-sessions N   (default 1 local, 20 playground)
 *   --idle-minutes M   end a session nobody is connected to after M minutes (default 30)
 *   --mirror PORT      playground: a registry mirror on the host's 127.0.0.1:PORT
 *   --hub-proxy PORT   playground: an HTTPS proxy standing in for Docker Hub on 127.0.0.1:PORT
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
  dockerHost: EngineAddress;
  mirrorPort?: number;
  hubProxyPort?: number;
  hubCa?: string;
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
  const optPort = (name: string) => (get(name) !== undefined ? num(name, 0) : undefined);
  return {
    mode: playground ? 'daemon' : 'local',
    host: get('--host') ?? '127.0.0.1',
    port: num('--port', 8787),
    stateDir: get('--state-dir') ?? (existsSync('/run') && process.getuid?.() === 0 ? '/run/dockyard' : '/tmp/dockyard'),
    maxSessions: num('--max-sessions', playground ? 20 : 1),
    idleMs: num('--idle-minutes', 30) * 60_000,
    dockerHost: parseDockerHost(env.DOCKER_HOST),
    mirrorPort: optPort('--mirror'),
    hubProxyPort: optPort('--hub-proxy'),
    hubCa: get('--hub-ca'),
  };
}
