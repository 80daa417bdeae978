/**
 * Requests to a Docker Engine over dockerode's modem, always on the pinned
 * API version (/v1.41). Every path, query and body is built by the server
 * (src/server/engine/*): nothing the browser sent is forwarded as is. HTTP
 * errors become DaemonError with the daemon's own text; a daemon that cannot
 * be reached becomes the CLI's "Cannot connect to the Docker daemon" error.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import Docker from 'dockerode';
import { ClientError, DaemonError, type ErrorKind } from '../../api/errors';

export const API_VERSION = 'v1.41';

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface RequestOptions {
  query?: Query;
  /** a JSON body */
  body?: unknown;
  /** a raw body (a tar) */
  raw?: Uint8Array;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const OK_STATUS: Record<number, boolean> = { 200: true, 201: true, 204: true, 304: true, 101: true };

const KIND_OF_STATUS: Record<number, ErrorKind> = {
  400: 'InvalidParameter',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  500: 'System',
  503: 'Unavailable',
};

/** where the engine is: a unix socket path or a tcp host:port (DOCKER_HOST's two forms) */
export interface EngineAddress {
  socketPath?: string;
  host?: string;
  port?: number;
}

export function parseDockerHost(value: string | undefined): EngineAddress {
  const v = value?.trim() || 'unix:///var/run/docker.sock';
  if (v.startsWith('unix://')) return { socketPath: v.slice('unix://'.length) || '/var/run/docker.sock' };
  const m = /^(?:tcp:\/\/)?([^:/]+):(\d+)\/?$/.exec(v);
  if (m) return { host: m[1], port: Number(m[2]) };
  throw new Error(`unsupported DOCKER_HOST ${JSON.stringify(v)}: use unix:///path/to/docker.sock or tcp://host:port`);
}

export function describeAddress(a: EngineAddress): string {
  return a.socketPath ? `unix://${a.socketPath}` : `tcp://${a.host}:${a.port}`;
}

export class EngineTransport {
  readonly docker: Docker;

  /** `shownAs`: the address the learner's CLI names in "Cannot connect" (a session daemon's is /var/run/docker.sock to them) */
  constructor(
    readonly address: EngineAddress,
    private readonly shownAs?: string,
  ) {
    this.docker = new Docker({ ...address, protocol: address.host ? 'http' : undefined, version: API_VERSION } as Docker.DockerOptions);
  }

  private dial<T>(method: string, path: string, o: RequestOptions, extra: Record<string, unknown>): Promise<T> {
    const hasQuery = o.query && Object.values(o.query).some((v) => v !== undefined);
    const query: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) query[k] = v;
    return new Promise<T>((resolve, reject) => {
      this.docker.modem.dial(
        {
          path: hasQuery ? `${path}?` : path,
          method,
          options: { _query: query, _body: o.body ?? {} },
          allowEmpty: o.body !== undefined,
          headers: { ...(o.headers ?? {}), ...(o.raw ? { 'Content-Type': 'application/x-tar' } : {}) },
          file: o.raw ? Buffer.from(o.raw.buffer, o.raw.byteOffset, o.raw.byteLength) : undefined,
          statusCodes: OK_STATUS,
          abortSignal: o.signal,
          ...extra,
        } as never,
        (err: unknown, data: unknown) => (err ? reject(this.toError(err)) : resolve(data as T)),
      );
    });
  }

  /** a JSON answer (undefined for an empty one) */
  async json<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const data = await this.dial<unknown>(method, path, o, {});
    if (data === undefined || data === null || data === '') return undefined as T;
    if (Buffer.isBuffer(data)) {
      const text = data.toString('utf8');
      return (text === '' ? undefined : safeJson(text)) as T;
    }
    return data as T;
  }

  /** the response as a stream (logs, events, pull progress, export) */
  stream(method: string, path: string, o: RequestOptions = {}): Promise<IncomingMessage> {
    return this.dial<IncomingMessage>(method, path, o, { isStream: true });
  }

  /** a hijacked connection (attach, exec start) */
  hijack(method: string, path: string, o: RequestOptions = {}): Promise<Duplex> {
    // not openStdin: the modem would then never end the request, and Node never sends its headers
    return this.dial<Duplex>(method, path, o, { isStream: true, hijack: true });
  }

  /** the response headers of a HEAD request */
  head(path: string, query: Query): Promise<Record<string, string | string[] | undefined>> {
    return new Promise((resolve, reject) => {
      this.docker.modem.dial(
        { path: `${path}?`, method: 'HEAD', options: { _query: query }, isStream: true, statusCodes: OK_STATUS } as never,
        (err: unknown, result: unknown) => {
          if (err) return reject(this.toError(err));
          const res = result as IncomingMessage;
          res.resume();
          resolve(res.headers);
        },
      );
    });
  }

  toError(err: unknown): Error {
    if (err instanceof DaemonError || err instanceof ClientError) return err;
    const e = err as { statusCode?: number; json?: unknown; code?: string; message?: string; name?: string };
    if (e?.name === 'AbortError') return err as Error;
    if (typeof e?.statusCode === 'number') {
      const kind = KIND_OF_STATUS[e.statusCode] ?? 'System';
      return new DaemonError(kind, daemonText(e.json) ?? modemCause(e.message) ?? `status ${e.statusCode}`);
    }
    if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOENT' || e?.code === 'EACCES' || e?.code === 'ECONNRESET') {
      const msg = `Cannot connect to the Docker daemon at ${this.shownAs ?? describeAddress(this.address)}. Is the docker daemon running?`;
      return new ClientError('Unavailable', msg, msg);
    }
    return new DaemonError('System', e?.message ?? String(err));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** the `message` of an error body ({"message":"No such container: x"}) */
function daemonText(json: unknown): string | undefined {
  if (Buffer.isBuffer(json)) json = safeJson(json.toString('utf8'));
  if (typeof json === 'string') {
    const parsed = safeJson(json);
    if (parsed && typeof parsed === 'object') json = parsed;
    else return json.trim();
  }
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message;
  }
  return undefined;
}

/**
 * The daemon's own text from the modem's error message: on streamed calls
 * (export, pull, logs) the modem keeps no JSON body and writes
 * "(HTTP code 404) unexpected - No such container: x " instead.
 */
export function modemCause(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const m = /^\(HTTP code \d+\) [^-]*- ([\s\S]*?) ?$/.exec(message);
  return m ? m[1] : message;
}

/** read a whole stream into bytes */
export async function readAll(stream: Readable): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const b = Buffer.concat(parts);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** call `onLine` with each JSON object of a newline-delimited JSON stream */
export async function readJsonLines(stream: Readable, onLine: (v: unknown) => void, signal?: AbortSignal): Promise<void> {
  let rest = '';
  const onAbort = () => stream.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      rest += chunk.toString('utf8');
      let nl = rest.indexOf('\n');
      while (nl >= 0) {
        const line = rest.slice(0, nl).trim();
        rest = rest.slice(nl + 1);
        if (line) onLine(safeJson(line));
        nl = rest.indexOf('\n');
      }
    }
  } catch (err) {
    if (!signal?.aborted) throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (rest.trim()) onLine(safeJson(rest.trim()));
}
