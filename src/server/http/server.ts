/**
 * The HTTP and WebSocket front of the real-engine mode.
 *   GET    /api/status   whether a real engine can be had, its version (no token needed)
 *   POST   /api/session  start a session: {token, sessionId, version, startMs}
 *   DELETE /api/session  end it (Authorization: Bearer <token>)
 *   WS     /api/engine   the typed-operation protocol; the token travels as the
 *                        subprotocol "dockyard.token.<token>" next to "dockyard.v1"
 * Everything else is the built app. Requests without a valid token get 401 and
 * nothing else; frames past MAX_FRAME_BYTES close the socket (1009).
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../../client/protocol/limits';
import { webSocketChannel, type WebSocketLike } from '../../client/protocol/channel';
import { serveChannel } from '../../client/protocol/dispatcher';
import type { SessionManager } from '../session/sessions';
import { serveStatic } from './static-files';

export const PROTOCOL = 'dockyard.v1';
const TOKEN_PREFIX = 'dockyard.token.';

export interface ServerOptions {
  sessions: SessionManager;
  /** the engine the sessions get: {available, version} */
  probe(): Promise<{ available: boolean; version?: string; error?: string }>;
  mode: 'daemon' | 'local';
  distDir?: string;
  /** told of refused frames and requests */
  log?: (line: string) => void;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/** a browser page of another site may not start sessions here */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function createDockyardServer(o: ServerOptions): http.Server {
  const log = o.log ?? (() => {});
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/api/')) {
      if (o.distDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(o.distDir, req, res);
      return json(res, 404, { message: 'not found' });
    }
    void (async () => {
      if (url.pathname === '/api/status' && req.method === 'GET') {
        const p = await o.probe();
        return json(res, 200, { ...p, mode: o.mode, protocol: PROTOCOL });
      }
      if (url.pathname === '/api/session' && req.method === 'POST') {
        if (!sameOrigin(req)) return json(res, 403, { message: 'cross-origin session requests are refused' });
        try {
          const s = await o.sessions.create();
          const p = await o.probe();
          return json(res, 201, { token: s.token, sessionId: s.id, version: p.version, startMs: Math.round(s.handle.startMs) });
        } catch (err) {
          return json(res, 503, { message: err instanceof Error ? err.message.split('\n')[0] : String(err) });
        }
      }
      if (url.pathname === '/api/session' && req.method === 'DELETE') {
        const s = o.sessions.byToken(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]);
        if (!s) return json(res, 401, { message: 'unknown session' });
        await o.sessions.end(s.id);
        return json(res, 200, { ended: s.id });
      }
      return json(res, 404, { message: 'not found' });
    })().catch((err) => {
      log(`request failed: ${err}`);
      if (!res.headersSent) json(res, 500, { message: 'internal error' });
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(TOKEN_PREFIX))?.slice(TOKEN_PREFIX.length);
    const session = url.pathname === '/api/engine' && sameOrigin(req) ? o.sessions.byToken(token) : undefined;
    if (!session || !offered.includes(PROTOCOL)) {
      log(`refused a WebSocket (${session ? 'protocol' : 'token'})`);
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      session.connections++;
      o.sessions.touch(session);
      const channel = webSocketChannel(ws as unknown as WebSocketLike);
      channel.onFrame(() => o.sessions.touch(session));
      serveChannel(channel, session.backend, { onProtocolError: (r) => log(`session ${session.id}: ${r}`) });
      ws.on('close', () => {
        session.connections--;
        o.sessions.touch(session);
      });
      ws.on('error', () => ws.terminate());
    });
  });
  return server;
}
