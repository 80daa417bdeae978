/**
 * Byte streams for the shell: pipes between pipeline stages, fixed inputs
 * (files, here-documents), collectors (command substitution, tests) and the
 * null device. Everything carries bytes; text is UTF-8.
 */
import { textDecoder, textEncoder } from '../../api/fs';
import type { InputStream, OutputStream } from '../../api/io';

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? textEncoder.encode(data) : data;
}

export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** a shell ran out of memory (a command substitution past what it may hold): bash's xmalloc failure */
export class OutOfMemoryError extends RangeError {
  constructor() {
    super('out of memory');
    this.name = 'OutOfMemoryError';
  }
}

/** thrown by a write into a pipe whose reader has gone (SIGPIPE) */
export class BrokenPipeError extends Error {
  constructor() {
    super('Broken pipe');
    this.name = 'BrokenPipeError';
  }
}

/** readLine/readAll on top of a chunk source, with a push-back buffer */
export abstract class ChunkInput implements InputStream {
  abstract readonly isTTY: boolean;
  private pending: Uint8Array | null = null;
  protected abstract pull(): Promise<Uint8Array | null>;

  async read(): Promise<Uint8Array | null> {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    return this.pull();
  }
  async readLine(): Promise<string | null> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return parts.length ? textDecoder.decode(concatBytes(parts)) : null;
      const nl = chunk.indexOf(10);
      if (nl >= 0) {
        parts.push(chunk.subarray(0, nl));
        if (nl + 1 < chunk.length) this.pending = chunk.subarray(nl + 1);
        return textDecoder.decode(concatBytes(parts));
      }
      parts.push(chunk);
    }
  }
  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return concatBytes(parts);
      parts.push(chunk);
    }
  }
}

/** an input over fixed bytes (a file, a here-document, a string) */
export class BytesInput extends ChunkInput {
  readonly isTTY = false;
  private data: Uint8Array | null;
  constructor(data: string | Uint8Array) {
    super();
    this.data = toBytes(data);
  }
  protected async pull(): Promise<Uint8Array | null> {
    const d = this.data;
    this.data = null;
    return d?.length ? d : null;
  }
}

export function emptyInput(): InputStream {
  return new BytesInput(new Uint8Array(0));
}

/** what a pipe holds before its writer has to wait (Linux: 64 KiB) */
export const PIPE_CAPACITY = 65536;

/**
 * a pipe: what `output` gets, `input` yields, until close(). It holds about
 * PIPE_CAPACITY bytes: past that `output.drain()` makes the writer wait until
 * the reader has taken some (`while :; do help; done | tr a b` stays small).
 * When the reader has gone, writes fail with BrokenPipeError (SIGPIPE: the
 * writer ends with 141) and a waiting writer wakes up to find that out.
 */
export class Pipe {
  private queue: Uint8Array[] = [];
  private queued = 0;
  private closed = false;
  private readerGone = false;
  private wake: (() => void) | null = null;
  private drained: { promise: Promise<void>; resolve: () => void } | null = null;

  readonly output: OutputStream;
  readonly input: ChunkInput;

  constructor() {
    const self = this;
    this.output = {
      isTTY: false,
      write(data: string | Uint8Array) {
        if (self.readerGone) throw new BrokenPipeError();
        if (self.closed) return;
        const b = toBytes(data);
        if (b.length === 0) return;
        self.queue.push(b.slice());
        self.queued += b.length;
        self.notify();
      },
      drain() {
        if (self.readerGone || self.closed || self.queued < PIPE_CAPACITY) return undefined;
        if (self.drained === null) {
          let resolve!: () => void;
          const promise = new Promise<void>((r) => {
            resolve = r;
          });
          self.drained = { promise, resolve };
        }
        return self.drained.promise;
      },
    };
    class PipeInput extends ChunkInput {
      readonly isTTY = false;
      protected async pull(): Promise<Uint8Array | null> {
        for (;;) {
          const next = self.queue.shift();
          if (next) {
            self.queued -= next.length;
            if (self.queued < PIPE_CAPACITY) self.release();
            return next;
          }
          if (self.closed) return null;
          await new Promise<void>((r) => {
            self.wake = r;
          });
        }
      }
    }
    this.input = new PipeInput();
  }
  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
  /** wake a writer waiting for room */
  private release(): void {
    const d = this.drained;
    this.drained = null;
    d?.resolve();
  }
  /** bytes written and not read yet */
  get buffered(): number {
    return this.queued;
  }
  /** the writer is done: the reader sees end of input after the queued data */
  close(): void {
    this.closed = true;
    this.notify();
    this.release();
  }
  /** the reader is done: further writes fail with BrokenPipeError */
  closeReader(): void {
    this.readerGone = true;
    this.queue = [];
    this.queued = 0;
    this.release();
  }
}

/** wait while `out` is full (a pipe whose reader is behind); resolves at once otherwise */
export function writable(out: OutputStream): Promise<void> | undefined {
  return out.drain?.();
}

/** collects everything written (command substitution, tests) */
export class CollectOutput implements OutputStream {
  private chunks: Uint8Array[] = [];
  private size = 0;
  /** more than `limit` bytes came: the rest was dropped */
  overflowed = false;
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
    /** at most this many bytes are kept; `onOverflow` runs when more come */
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly onOverflow?: () => void,
  ) {}
  write(data: string | Uint8Array): void {
    if (this.overflowed) return;
    const b = toBytes(data);
    if (this.size + b.length > this.limit) {
      this.overflowed = true;
      this.onOverflow?.();
      return;
    }
    this.size += b.length;
    this.chunks.push(b.slice());
  }
  bytes(): Uint8Array {
    return concatBytes(this.chunks);
  }
  text(): string {
    return textDecoder.decode(this.bytes());
  }
}

export const nullOutput: OutputStream = { isTTY: false, write() {} };

/** an output that appends to a file through a callback (redirections) */
export class CallbackOutput implements OutputStream {
  readonly isTTY = false;
  constructor(private readonly sink: (b: Uint8Array) => void) {}
  write(data: string | Uint8Array): void {
    this.sink(toBytes(data));
  }
}
