/**
 * The server side of the protocol, for any backend that implements
 * EngineClient: the Node server's real-engine client, or (in a Web Worker) the
 * in-process client over the simulator. Every frame is validated (frames.ts,
 * then the operation's argument schema) before anything runs; a bad frame
 * gets an error frame (or, without a usable call id, is dropped) and never
 * throws. Errors go back as ClientError parts, so the texts the CLI prints are
 * made once, in src/client.
 */
import { DaemonError } from '../../api/errors';
import type { EngineClient } from '../engine-client';
import { toClientError } from '../errors';
import { BlobAssembler, blobRefs, chunks, extractBlobs, insertBlobs } from './blobs';
import type { Channel } from './channel';
import { FrameDecodeError } from './codec';
import { clientFrame, type ServerFrame, type WireError } from './frames';
import { LIMITS } from './limits';
import { isOpName, OPERATIONS, type OpName } from './operations';
import { ServerIo } from './server-io';

export interface DispatcherOptions {
  /** told of every refused frame (logging, tests); the client gets an error frame where it can */
  onProtocolError?: (reason: string) => void;
}

interface Call {
  op: OpName;
  args: unknown;
  refs: Set<number>;
  assembler: BlobAssembler;
  abort: AbortController;
  io?: ServerIo;
  started: boolean;
}

/** Answer the frames arriving on `channel` with `backend`; returns a function that stops and aborts everything. */
export function serveChannel(channel: Channel, backend: EngineClient, options: DispatcherOptions = {}): () => void {
  const calls = new Map<number, Call>();
  const send = (f: ServerFrame) => channel.send(f);
  const refuse = (reason: string, id?: number) => {
    options.onProtocolError?.(reason);
    if (id !== undefined) send({ t: 'error', id, error: wireError(new DaemonError('InvalidParameter', `invalid request: ${reason}`)) });
  };

  const finish = (id: number, frame: ServerFrame) => {
    const c = calls.get(id);
    if (!c) return;
    calls.delete(id);
    c.io?.close();
    send(frame);
  };

  const start = (id: number, c: Call) => {
    c.started = true;
    const spec = OPERATIONS[c.op];
    let args: unknown[];
    try {
      const withBytes = insertBlobs(c.args, c.assembler.blobs);
      const parsed = spec.args.safeParse(withBytes);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        refuse(`${c.op}: ${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}`, id);
        calls.delete(id);
        return;
      }
      args = parsed.data.map((a) => (a === null ? undefined : a));
    } catch (err) {
      refuse(`${c.op}: ${err instanceof Error ? err.message : String(err)}`, id);
      calls.delete(id);
      return;
    }
    const emit = (value: unknown) => {
      if (calls.has(id)) send({ t: 'event', id, value: extractBlobs(value).value });
    };
    if (spec.kind === 'io') {
      const info = args[args.length - 1] as { stdinTTY: boolean; stdoutTTY: boolean; columns?: number };
      c.io = new ServerIo({
        ...info,
        requestRead: () => {
          if (calls.has(id)) send({ t: 'read', id });
        },
        write: (fd, data) => {
          if (calls.has(id)) send({ t: 'out', id, fd, data });
        },
      });
    }
    Promise.resolve()
      .then(() => invoke(backend, c.op, args, emit, c.abort.signal, c.io))
      .then(
        (value) => {
          const { value: v, blobs } = extractBlobs(value);
          if (!calls.has(id)) return;
          blobs.forEach((b, n) => {
            for (const ch of chunks(b)) send({ t: 'blob', id, blob: n, ...ch });
          });
          finish(id, { t: 'result', id, value: v });
        },
        (err) => finish(id, { t: 'error', id, error: wireError(err) }),
      );
  };

  channel.onFrame((raw) => {
    if (raw instanceof FrameDecodeError) return refuse(raw.message);
    const parsed = clientFrame.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && Number.isInteger((raw as { id: unknown }).id) ? (raw as { id: number }).id : undefined;
      const pending = id !== undefined && calls.has(id);
      refuse(`bad frame: ${parsed.error.issues[0]?.message ?? 'invalid'}`, pending ? id : undefined);
      if (pending) calls.delete(id);
      return;
    }
    const f = parsed.data;
    const c = calls.get(f.id);
    switch (f.t) {
      case 'call': {
        if (c) return refuse('call id in use');
        if (!isOpName(f.op)) return refuse(`unknown operation ${JSON.stringify(f.op.slice(0, 64))}`, f.id);
        if (calls.size >= LIMITS.inFlight) return refuse('too many operations in flight', f.id);
        const refs = blobRefs(f.args);
        const call: Call = { op: f.op, args: f.args, refs, assembler: new BlobAssembler(), abort: new AbortController(), started: false };
        calls.set(f.id, call);
        if (refs.size === 0) start(f.id, call);
        return;
      }
      case 'blob':
        if (!c || c.started) return refuse('blob for no waiting call');
        if (!c.refs.has(f.blob) || !c.assembler.add(f.blob, f.data, f.last)) {
          calls.delete(f.id);
          return refuse(`payload refused (more than ${LIMITS.payload} bytes, or an unknown or repeated blob)`, f.id);
        }
        if (c.assembler.complete(c.refs)) start(f.id, c);
        return;
      case 'cancel':
        c?.abort.abort();
        return;
      case 'stdin':
        c?.io?.stdin(f.data);
        return;
      case 'interrupt':
        c?.io?.interrupt.abort();
        return;
      case 'resize':
        c?.io?.resize(f.cols, f.rows);
        return;
    }
  });

  const stop = () => {
    for (const c of calls.values()) {
      c.abort.abort();
      c.io?.interrupt.abort();
      c.io?.close();
    }
    calls.clear();
  };
  channel.onClose(stop);
  return stop;
}

function wireError(err: unknown): WireError {
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'Abort', message: err.message, daemonMessage: '' };
  const e = toClientError(err);
  return { kind: e.kind, message: e.message, daemonMessage: e.daemonMessage };
}

/** Run one validated operation on the backend. */
async function invoke(
  backend: EngineClient,
  op: OpName,
  args: unknown[],
  emit: (v: unknown) => void,
  signal: AbortSignal,
  io: ServerIo | undefined,
): Promise<unknown> {
  const a = args as never[];
  switch (op) {
    case 'imagePull':
      return backend.imagePull(a[0], { ...(a[1] as object), onMessage: emit });
    case 'imagePush':
      return backend.imagePush(a[0], { ...(a[1] as object), onMessage: emit });
    case 'imageLoad':
      return backend.imageLoad(a[0], { ...((a[1] as object | undefined) ?? {}), onMessage: emit });
    case 'imageImport':
      return backend.imageImport(a[0], a[1], { ...((a[2] as object | undefined) ?? {}), onMessage: emit });
    case 'imageBuild':
      return backend.imageBuild(a[0], a[1], emit, signal);
    case 'containerLogs':
      return backend.containerLogs(a[0], a[1], emit, signal);
    case 'containerWait':
      return backend.containerWait(a[0], a[1], signal);
    case 'events':
      return backend.events(a[0], emit, signal);
    case 'containerStats':
      return backend.containerStats(a[0], { stream: (a[1] as { stream: boolean }).stream, signal, onStats: emit });
    case 'containerExecStart':
      return backend.containerExecStart(a[0], io!.io, signal);
    case 'containerAttach':
      return backend.containerAttach(a[0], a[1], io!.io, signal);
    case 'hostHttp':
      return backend.hostNetwork.http(a[0]);
    default: {
      const fn = (backend as unknown as Record<string, ((...x: unknown[]) => Promise<unknown>) | undefined>)[op];
      if (typeof fn !== 'function') throw new DaemonError('InvalidParameter', `${op} is not supported by this engine`);
      return fn(...args);
    }
  }
}
