/**
 * The ProcessIO a dispatcher hands a backend for exec/attach: stdin is read
 * from the client on demand (a `read` frame per read), output goes back as
 * `out` frames, Ctrl-C aborts `interrupt`, `resize` frames move `columns`.
 */
import type { InputStream, OutputStream, ProcessIO } from '../../api/io';

export interface RemoteProcessIO extends ProcessIO {
  /** the client's terminal changed size */
  onResize(listener: (cols: number, rows: number) => void): void;
}

export interface ServerIoHooks {
  stdinTTY: boolean;
  stdoutTTY: boolean;
  columns?: number;
  requestRead(): void;
  write(fd: 1 | 2, data: Uint8Array): void;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export class ServerIo {
  private readonly waiting: ((d: Uint8Array | null) => void)[] = [];
  private readonly queued: (Uint8Array | null)[] = [];
  private readonly resizeListeners: ((c: number, r: number) => void)[] = [];
  private ended = false;
  readonly interrupt = new AbortController();
  readonly io: RemoteProcessIO;
  private columns: number | undefined;

  constructor(private readonly hooks: ServerIoHooks) {
    this.columns = hooks.columns;
    const self = this;
    let pending: Uint8Array = new Uint8Array(0);
    const read = (): Promise<Uint8Array | null> => {
      if (pending.length > 0) {
        const p = pending;
        pending = new Uint8Array(0);
        return Promise.resolve(p);
      }
      return this.read();
    };
    const stdin: InputStream = {
      isTTY: hooks.stdinTTY,
      read,
      async readLine() {
        let buf: Uint8Array = pending;
        pending = new Uint8Array(0);
        for (;;) {
          const nl = buf.indexOf(10);
          if (nl >= 0) {
            pending = buf.slice(nl + 1);
            return dec.decode(buf.subarray(0, nl));
          }
          const more = await self.read();
          if (more === null) return buf.length > 0 ? dec.decode(buf) : null;
          buf = join(buf, more);
        }
      },
      async readAll() {
        let buf: Uint8Array = pending;
        pending = new Uint8Array(0);
        for (;;) {
          const more = await self.read();
          if (more === null) return buf;
          buf = join(buf, more);
        }
      },
    };
    const out = (fd: 1 | 2): OutputStream => ({
      isTTY: hooks.stdoutTTY,
      get columns() {
        return self.columns;
      },
      write: (data) => hooks.write(fd, typeof data === 'string' ? enc.encode(data) : data),
    });
    this.io = {
      stdin,
      stdout: out(1),
      stderr: out(2),
      interrupt: this.interrupt.signal,
      onResize: (l) => void this.resizeListeners.push(l),
    };
  }

  private read(): Promise<Uint8Array | null> {
    if (this.queued.length > 0) return Promise.resolve(this.queued.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.hooks.requestRead();
    });
  }

  /** the client's answer to a read (null = end of input) */
  stdin(data: Uint8Array | null): void {
    if (data === null) this.ended = true;
    const w = this.waiting.shift();
    if (w) w(data);
    else this.queued.push(data);
  }

  resize(cols: number, rows: number): void {
    this.columns = cols;
    for (const l of this.resizeListeners) l(cols, rows);
  }

  /** the call is over: pending reads see end of input */
  close(): void {
    this.ended = true;
    for (const w of this.waiting.splice(0)) w(null);
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
