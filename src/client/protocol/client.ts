/**
 * The client side of the protocol: an EngineClient whose every method is an
 * operation sent over a Channel (to the Node server, or to a Web Worker that
 * runs the simulator). Callbacks, AbortSignals and ProcessIO stay here; only
 * data crosses. Errors come back as ClientError with the texts the CLI prints.
 */
import { ClientError, type ErrorKind } from '../../api/errors';
import type { ProcessIO } from '../../api/io';
import type { HttpRequest, HttpResponse, NetFailure } from '../../api/net';
import type { EngineClient } from '../engine-client';
import { BlobAssembler, chunks, extractBlobs, insertBlobs } from './blobs';
import type { Channel } from './channel';
import type { DaemonControlApi } from './daemon-api';
import type { ServerFrame, WireError } from './frames';
import type { OpName } from './operations';
import type { WorkspaceApi } from './workspace-api';

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onEvent?: (v: unknown) => void;
  io?: ProcessIO;
  /** aborted when the call ends: cancels a read of the learner's terminal still waiting */
  reads: AbortController;
  assembler: BlobAssembler;
  cleanup(): void;
}

interface CallExtras {
  onEvent?: (v: unknown) => void;
  signal?: AbortSignal;
  io?: ProcessIO;
}

export interface ChannelClient extends EngineClient, WorkspaceApi, DaemonControlApi {
  /** reject every pending operation (the connection is gone) */
  failAll(reason: string): void;
}

const abortError = () => {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
};

export function createChannelClient(channel: Channel): ChannelClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let closedReason: string | undefined;

  const failAll = (reason: string) => {
    closedReason = reason;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.cleanup();
      p.reject(new ClientError('Unavailable', `Cannot connect to the Docker daemon: ${reason}`, reason));
    }
  };
  channel.onClose((reason) => failAll(reason));

  channel.onFrame((raw) => {
    const f = raw as ServerFrame;
    if (typeof f !== 'object' || f === null || typeof f.id !== 'number') return;
    const p = pending.get(f.id);
    if (!p) return;
    switch (f.t) {
      case 'event':
        p.onEvent?.(f.value);
        return;
      case 'blob':
        p.assembler.add(f.blob, f.data, f.last);
        return;
      case 'read': {
        const io = p.io;
        if (!io) return;
        // cancelled when the call ends: the learner's next keystroke then goes to whoever reads next
        const reads = p.reads;
        io.stdin.read(reads.signal).then(
          (data) => channel.send({ t: 'stdin', id: f.id, data }),
          () => {
            if (!reads.signal.aborted) channel.send({ t: 'stdin', id: f.id, data: null });
          },
        );
        return;
      }
      case 'out':
        (f.fd === 2 ? p.io?.stderr : p.io?.stdout)?.write(f.data);
        return;
      case 'result':
        pending.delete(f.id);
        p.cleanup();
        try {
          p.resolve(insertBlobs(f.value, p.assembler.blobs));
        } catch (err) {
          p.reject(err);
        }
        return;
      case 'error':
        pending.delete(f.id);
        p.cleanup();
        p.reject(fromWire(f.error));
        return;
    }
  });

  const call = <T>(op: OpName, args: unknown[], extras: CallExtras = {}): Promise<T> => {
    if (closedReason !== undefined) {
      return Promise.reject(new ClientError('Unavailable', `Cannot connect to the Docker daemon: ${closedReason}`, closedReason));
    }
    if (extras.signal?.aborted) return Promise.reject(abortError());
    const id = nextId++;
    const { value, blobs } = extractBlobs(args.map((a) => (a === undefined ? null : a)));
    return new Promise<T>((resolve, reject) => {
      const disposers: (() => void)[] = [];
      if (extras.signal) {
        const onAbort = () => channel.send({ t: 'cancel', id });
        extras.signal.addEventListener('abort', onAbort, { once: true });
        disposers.push(() => extras.signal?.removeEventListener('abort', onAbort));
      }
      if (extras.io) {
        const interrupt = extras.io.interrupt;
        const onInt = () => channel.send({ t: 'interrupt', id });
        interrupt.addEventListener('abort', onInt, { once: true });
        disposers.push(() => interrupt.removeEventListener('abort', onInt));
      }
      const reads = new AbortController();
      pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onEvent: extras.onEvent,
        io: extras.io,
        reads,
        assembler: new BlobAssembler(Number.MAX_SAFE_INTEGER),
        cleanup: () => {
          reads.abort();
          for (const d of disposers) d();
        },
      });
      channel.send({ t: 'call', id, op, args: value as unknown[] });
      blobs.forEach((b, n) => {
        for (const ch of chunks(b)) channel.send({ t: 'blob', id, blob: n, ...ch });
      });
    });
  };

  const ioInfo = (io: ProcessIO) => ({ stdinTTY: io.stdin.isTTY, stdoutTTY: io.stdout.isTTY, columns: io.stdout.columns });
  const c = <T>(op: OpName) => (...args: unknown[]) => call<T>(op, args);

  const client: ChannelClient = {
    failAll,
    // images
    imageList: c('imageList'),
    imagePull: (ref, { onMessage, ...o }) => call('imagePull', [ref, o], { onEvent: onMessage as (v: unknown) => void }),
    imagePush: (ref, { onMessage, ...o }) => call('imagePush', [ref, o], { onEvent: onMessage as (v: unknown) => void }),
    imageTag: c('imageTag'),
    imageRemove: c('imageRemove'),
    imageInspect: c('imageInspect'),
    imageHistory: c('imageHistory'),
    imagesPrune: c('imagesPrune'),
    imageSearch: c('imageSearch'),
    registryLogin: c('registryLogin'),
    // containers
    containerCreate: c('containerCreate'),
    containerStart: c('containerStart'),
    containerStop: c('containerStop'),
    containerKill: c('containerKill'),
    containerRestart: c('containerRestart'),
    containerPause: c('containerPause'),
    containerUnpause: c('containerUnpause'),
    containerRemove: c('containerRemove'),
    containersPrune: c('containersPrune'),
    containerRename: c('containerRename'),
    containerWait: (id, condition, signal) => call('containerWait', [id, condition], { signal }),
    containerLogs: (id, options, onChunk, signal) => call('containerLogs', [id, options], { onEvent: onChunk as (v: unknown) => void, signal }),
    containerList: c('containerList'),
    containerInspect: c('containerInspect'),
    containerExecCreate: c('containerExecCreate'),
    containerExecStart: (execId, io, signal) => call('containerExecStart', [execId, ioInfo(io)], { io, signal }),
    containerExecInspect: c('containerExecInspect'),
    containerUpdate: c('containerUpdate'),
    containerAttach: (id, options, io, signal) => call('containerAttach', [id, options, ioInfo(io)], { io, signal }),
    // archive
    containerDiff: c('containerDiff'),
    containerCommit: c('containerCommit'),
    containerExport: c('containerExport'),
    imageImport: (source, ref, options = {}) => {
      const { onMessage, ...o } = options;
      return call('imageImport', [source, ref, o], { onEvent: onMessage as ((v: unknown) => void) | undefined });
    },
    imageSave: c('imageSave'),
    imageLoad: (tar, options = {}) => {
      const { onMessage, ...o } = options;
      return call('imageLoad', [tar, o], { onEvent: onMessage as ((v: unknown) => void) | undefined });
    },
    copyToContainer: c('copyToContainer'),
    copyFromContainer: c('copyFromContainer'),
    containerStatPath: c('containerStatPath'),
    containerTop: c('containerTop'),
    containerStats: (id, { stream, signal, onStats }) => call('containerStats', [id, { stream }], { onEvent: onStats as (v: unknown) => void, signal }),
    // volumes
    volumeCreate: c('volumeCreate'),
    volumeList: c('volumeList'),
    volumeInspect: c('volumeInspect'),
    volumeRemove: c('volumeRemove'),
    volumesPrune: c('volumesPrune'),
    // networks
    networkCreate: c('networkCreate'),
    networkList: c('networkList'),
    networkInspect: c('networkInspect'),
    networkRemove: c('networkRemove'),
    networksPrune: c('networksPrune'),
    networkConnect: c('networkConnect'),
    networkDisconnect: c('networkDisconnect'),
    // system
    info: c('info'),
    serverVersion: c('serverVersion'),
    diskUsage: c('diskUsage'),
    events: (options, onEvent, signal) => call('events', [options], { onEvent: onEvent as (v: unknown) => void, signal }),
    ping: c('ping'),
    daemonStop: c('daemonStop'),
    daemonStart: c('daemonStart'),
    // build
    imageBuild: (context, options, onMessage, signal) => call('imageBuild', [context, options], { onEvent: onMessage as (v: unknown) => void, signal }),
    registryTags: c('registryTags'),
    registryCatalog: c('registryCatalog'),
    hostNetwork: {
      http: (req: HttpRequest) => call<HttpResponse | NetFailure>('hostHttp', [req]),
    },
    workspaceWrite: c('workspaceWrite'),
    workspaceRemove: c('workspaceRemove'),
    workspaceDiff: c('workspaceDiff'),
  } as ChannelClient;
  return client;
}

function fromWire(e: WireError): Error {
  if (e.kind === 'Abort') return abortError();
  return new ClientError(e.kind as ErrorKind, e.message, e.daemonMessage);
}


