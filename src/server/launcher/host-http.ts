/**
 * The learner's host network on a real engine: `curl localhost:80` in the
 * browser's shell becomes an HTTP request the server makes where the
 * session's published ports are (inside its namespace, or on this machine in
 * local mode). Only loopback and the engine's container addresses are
 * reachable; names the host cannot resolve are "unresolved".
 */
import http from 'node:http';
import type net from 'node:net';
import type { HostNetwork, HttpResponse, NetFailure } from '../../api/net';

const MAX_BODY = 8 * 1024 * 1024;

export type Connector = (host: string, port: number) => Promise<net.Socket>;

/** addresses a learner's host may reach: loopback names and the private ranges Docker gives containers */
export function resolveHost(host: string): string | undefined {
  if (host === 'localhost' || host === '127.0.0.1' || host === '0.0.0.0' || host === '::1') return '127.0.0.1';
  if (/^172\.(1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}$/.test(host) || /^192\.168\.\d{1,3}\.\d{1,3}$/.test(host)) return host;
  return undefined;
}

export function hostNetworkVia(connect: Connector, allowHost: (ip: string) => boolean = () => true): HostNetwork {
  return {
    async http(req): Promise<HttpResponse | NetFailure> {
      const ip = resolveHost(req.host);
      if (!ip || !allowHost(ip)) return { error: 'unresolved' };
      let sock: net.Socket;
      try {
        sock = await connect(ip, req.port);
      } catch (err) {
        const code = (err as { code?: string }).code;
        return { error: code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' ? 'timeout' : 'refused' };
      }
      return new Promise((resolve) => {
        const r = http.request(
          { method: req.method, path: req.path, headers: { ...req.headers, host: `${req.host}:${req.port}` }, createConnection: () => sock, timeout: 10_000 },
          (res) => {
            const parts: Buffer[] = [];
            let size = 0;
            res.on('data', (d: Buffer) => {
              size += d.length;
              if (size <= MAX_BODY) parts.push(d);
            });
            res.on('end', () => {
              const headers: Record<string, string> = {};
              for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
              const body = Buffer.concat(parts);
              resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
              sock.destroy();
            });
          },
        );
        r.on('timeout', () => r.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
        r.on('error', (e) => resolve({ error: (e as { code?: string }).code === 'ETIMEDOUT' ? 'timeout' : 'refused' }));
        if (req.body) r.end(Buffer.from(req.body));
        else r.end();
      });
    },
  };
}
