/**
 * The browser's way to a real engine: ask the server for a session (POST
 * /api/session), open the protocol's WebSocket with the session token, and
 * wrap the channel client so that bind sources reach the server's workspace
 * before a container is created. Daemon texts come from the real engine; the
 * "Error response from daemon: " in front of them from src/client as always.
 */
import type { EngineClient } from '../engine-client';
import { webSocketChannel, type WebSocketLike } from '../protocol/channel';
import { createChannelClient } from '../protocol/client';
import { pullAfterWrites } from './workspace-pull';
import { bindSources, type WatchableFs, WorkspaceSync } from './workspace-sync';

export const PROTOCOL = 'dockyard.v1';

export interface EngineStatus {
  available: boolean;
  version?: string;
  error?: string;
  mode?: 'local' | 'daemon';
}

export interface RemoteEngine {
  readonly client: EngineClient;
  readonly sessionId: string;
  readonly version: string;
  /** the connection ended (server gone, engine gone, session ended); `reason` says why */
  onLost(listener: (reason: string) => void): void;
  /** end the session on the server */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** the server's origin and base path ("" = this page's) */
  baseUrl?: string;
  /** the learner's host filesystem (bind mount sources) */
  hostFs?: WatchableFs;
  /** for tests and Node: a WebSocket constructor and fetch */
  WebSocketImpl?: new (url: string, protocols: string[]) => WebSocketLike & { addEventListener(t: 'open' | 'error', l: () => void): void };
  fetchImpl?: typeof fetch;
}

export async function fetchEngineStatus(o: Pick<ConnectOptions, 'baseUrl' | 'fetchImpl'> = {}): Promise<EngineStatus> {
  const f = o.fetchImpl ?? fetch;
  try {
    const res = await f(`${o.baseUrl ?? ''}/api/status`);
    if (!res.ok) return { available: false, error: `HTTP ${res.status}` };
    return (await res.json()) as EngineStatus;
  } catch (err) {
    return { available: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function wsUrl(baseUrl: string): string {
  const base = baseUrl || (typeof location !== 'undefined' ? location.origin : '');
  return `${base.replace(/^http/, 'ws')}/api/engine`;
}

export async function connectRemote(o: ConnectOptions = {}): Promise<RemoteEngine> {
  const f = o.fetchImpl ?? fetch;
  const res = await f(`${o.baseUrl ?? ''}/api/session`, { method: 'POST' });
  const body = (await res.json().catch(() => ({}))) as { token?: string; sessionId?: string; version?: string; message?: string };
  if (!res.ok || !body.token) throw new Error(body.message ?? `HTTP ${res.status}`);
  const token = body.token;
  const WS = o.WebSocketImpl ?? (globalThis.WebSocket as unknown as NonNullable<ConnectOptions['WebSocketImpl']>);
  const ws = new WS(wsUrl(o.baseUrl ?? ''), [PROTOCOL, `dockyard.token.${token}`]);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve());
    ws.addEventListener('error', () => reject(new Error('the engine connection was refused')));
  });
  const channel = webSocketChannel(ws);
  const base = createChannelClient(channel);
  const sync = o.hostFs ? new WorkspaceSync(o.hostFs, base) : undefined;
  const { failAll: _f, workspaceWrite: _w, workspaceRemove: _r, workspaceDiff: _d, ...engineOnly } = base;
  const pushing: EngineClient = {
    ...engineOnly,
    remote: true,
    async containerCreate(config, hostConfig, networkingConfig, name) {
      if (sync) await sync.sync(bindSources(hostConfig));
      return base.containerCreate(config, hostConfig, networkingConfig, name);
    },
  };
  // what containers write into bind sources comes back after each call that may write
  const pulling = sync ? pullAfterWrites(pushing, sync) : undefined;
  const client = pulling?.client ?? pushing;
  const lost: ((r: string) => void)[] = [];
  channel.onClose((reason) => {
    pulling?.stop();
    sync?.stop();
    for (const l of lost) l(reason);
  });
  return {
    client,
    sessionId: body.sessionId ?? '',
    version: body.version ?? '',
    onLost: (l) => void lost.push(l),
    async close() {
      pulling?.stop();
      sync?.stop();
      await f(`${o.baseUrl ?? ''}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => {});
      channel.close('session ended');
    },
  };
}
