/**
 * What carries protocol frames between a client and a dispatcher. The
 * protocol does not care which: a pair in memory (tests), a MessagePort or
 * Worker (structured clone), or a WebSocket (codec.ts).
 */
import { decodeFrame, encodeFrame, FrameDecodeError } from './codec';
import type { Frame } from './frames';

export interface Channel {
  send(frame: Frame): void;
  /** every frame that arrives, not yet validated; a malformed message arrives as a FrameDecodeError */
  onFrame(listener: (frame: unknown) => void): void;
  /** the other end went away (or close() was called) */
  onClose(listener: (reason: string) => void): void;
  close(reason?: string): void;
}

/** shared listener bookkeeping of the channels below */
class Listeners {
  frame: ((f: unknown) => void)[] = [];
  close: ((r: string) => void)[] = [];
  closed = false;
  emitFrame(f: unknown) {
    for (const l of this.frame) l(f);
  }
  emitClose(reason: string) {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.close) l(reason);
  }
}

/** Two connected channels in one process; frames are delivered asynchronously, in order. */
export function channelPair(): [Channel, Channel] {
  const a = new Listeners();
  const b = new Listeners();
  const make = (self: Listeners, peer: Listeners): Channel => ({
    send(frame) {
      if (self.closed) return;
      queueMicrotask(() => {
        if (!peer.closed) peer.emitFrame(frame);
      });
    },
    onFrame: (l) => void self.frame.push(l),
    onClose: (l) => void self.close.push(l),
    close(reason = 'closed') {
      queueMicrotask(() => {
        self.emitClose(reason);
        peer.emitClose(reason);
      });
    },
  });
  return [make(a, b), make(b, a)];
}

/** the part of MessagePort / Worker / DedicatedWorkerGlobalScope a channel needs */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close?(): void;
  terminate?(): void;
}

/** A channel over a MessagePort or a Worker (frames are structured-cloned). */
export function portChannel(port: PortLike): Channel {
  const ls = new Listeners();
  port.addEventListener('message', (e) => ls.emitFrame(e.data));
  return {
    send: (frame) => {
      if (!ls.closed) port.postMessage(frame);
    },
    onFrame: (l) => void ls.frame.push(l),
    onClose: (l) => void ls.close.push(l),
    close(reason = 'closed') {
      port.close?.();
      port.terminate?.();
      ls.emitClose(reason);
    },
  };
}

/** the part of a browser WebSocket (and of the `ws` package's) a channel needs */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (e: { code: number; reason: string }) => void): void;
}

/** A channel over a WebSocket: frames encoded by codec.ts. */
export function webSocketChannel(ws: WebSocketLike): Channel {
  const ls = new Listeners();
  ws.binaryType = 'arraybuffer';
  ws.addEventListener('message', (e) => {
    const data = e.data;
    let frame: unknown;
    try {
      if (typeof data === 'string' || data instanceof ArrayBuffer || data instanceof Uint8Array) frame = decodeFrame(data);
      else if (Array.isArray(data)) frame = decodeFrame(concat(data as Uint8Array[]));
      else frame = new FrameDecodeError('unsupported message type');
    } catch (err) {
      frame = err instanceof FrameDecodeError ? err : new FrameDecodeError(String(err));
    }
    ls.emitFrame(frame);
  });
  ws.addEventListener('close', (e) => ls.emitClose(e.reason || `connection closed (${e.code})`));
  return {
    send(frame) {
      if (!ls.closed && ws.readyState === 1) ws.send(encodeFrame(frame));
    },
    onFrame: (l) => void ls.frame.push(l),
    onClose: (l) => void ls.close.push(l),
    close(reason = 'closed') {
      ws.close(1000, reason.slice(0, 120));
      ls.emitClose(reason);
    },
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
