/**
 * Byte streams for the shell: pipes between pipeline stages, fixed inputs
 * (files, here-documents), collectors (command substitution, tests) and the
 * null device. Everything carries bytes; text is UTF-8. Pipes, file inputs
 * and /dev/null also carry lazy contents whole (a `docker save` archive): a
 * reader that reads chunks gets them made a chunk at a time.
 */
import { type Content, textDecoder, textEncoder } from '../../api/fs';
import type { InputStream, OutputStream } from '../../api/io';
import { CHUNK, concatContent, contentSize, isLazy, sliceContent } from '../../lib/content';

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
  protected pending: Uint8Array | null = null;
  protected abstract pull(): Promise<Uint8Array | null>;

  /** everything left, as kept (a source of lazy contents overrides this to keep them lazy) */
  async readContent(): Promise<Content> {
    return this.readAll();
  }

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

/**
 * an input over a fixed content (a file, a here-document, a string): bytes in
 * one chunk, a lazy content a chunk at a time (or whole, through readContent)
 */
export class BytesInput extends ChunkInput {
  readonly isTTY = false;
  private data: Content | null;
  constructor(data: string | Content) {
    super();
    this.data = typeof data === 'string' ? textEncoder.encode(data) : data;
  }
  protected async pull(): Promise<Uint8Array | null> {
    const d = this.data;
    if (d === null || contentSize(d) === 0) {
      this.data = null;
      return null;
    }
    if (!isLazy(d)) {
      this.data = null;
      return d;
    }
    const n = Math.min(CHUNK, d.size);
    this.data = n < d.size ? sliceContent(d, n, d.size) : null;
    return d.read(0, n);
  }
  override async readContent(): Promise<Content> {
    const rest = this.data ?? new Uint8Array(0);
    this.data = null;
    const back = this.pending;
    this.pending = null;
    return back ? concatContent([back, rest]) : rest;
  }
  async readPiece(): Promise<Content | null> {
    if (this.pending) return this.read();
    const rest = this.data;
    this.data = null;
    return rest !== null && contentSize(rest) > 0 ? rest : null;
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
let piped = 0;

/**
 * bytes written into pipes so far, all of them (a loop's pace weighs the
 * output it moved: interpreter/pace.ts)
 */
export function pipedBytes(): number {
  return piped;
}

export class Pipe {
  /** what was written and not read yet: bytes, or lazy contents as they came */
  private queue: Content[] = [];
  private queued = 0;
  private closed = false;
  private readerGone = false;
  private wake: (() => void) | null = null;
  private drained: { promise: Promise<void>; resolve: () => void } | null = null;

  readonly output: OutputStream;
  readonly input: ChunkInput;

  constructor() {
    const self = this;
    const put = (c: Content) => {
      if (self.readerGone) throw new BrokenPipeError();
      if (self.closed) return;
      const n = contentSize(c);
      if (n === 0) return;
      self.queue.push(c);
      self.queued += n;
      piped += n;
      self.notify();
    };
    this.output = {
      isTTY: false,
      write(data: string | Uint8Array) {
        put(typeof data === 'string' ? textEncoder.encode(data) : data.slice());
      },
      writeContent(data: Content) {
        put(isLazy(data) ? data : data.slice());
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
    /** wait for a write or the end */
    const waitForWriter = () =>
      new Promise<void>((r) => {
        self.wake = r;
      });
    class PipeInput extends ChunkInput {
      readonly isTTY = false;
      protected async pull(): Promise<Uint8Array | null> {
        for (;;) {
          const next = self.queue[0];
          if (next !== undefined) {
            // a lazy content is made a chunk at a time: the rest stays queued
            let chunk: Uint8Array;
            if (isLazy(next) && next.size > CHUNK) {
              chunk = next.read(0, CHUNK);
              self.queue[0] = sliceContent(next, CHUNK, next.size);
            } else {
              self.queue.shift();
              chunk = isLazy(next) ? next.read(0, next.size) : next;
            }
            self.taken(chunk.length);
            return chunk;
          }
          if (self.closed) return null;
          await waitForWriter();
        }
      }
      /** the next thing written, as it was written (a lazy content whole) */
      async readPiece(): Promise<Content | null> {
        if (this.pending) return this.read();
        for (;;) {
          const next = self.queue.shift();
          if (next !== undefined) {
            self.taken(contentSize(next));
            return next;
          }
          if (self.closed) return null;
          await waitForWriter();
        }
      }
      /** everything until the writer closes, lazy contents kept lazy */
      override async readContent(): Promise<Content> {
        const parts: Content[] = [];
        if (this.pending) {
          parts.push(this.pending);
          this.pending = null;
        }
        for (;;) {
          while (self.queue.length > 0) {
            const next = self.queue.shift() as Content;
            parts.push(next);
            self.taken(contentSize(next));
          }
          if (self.closed) return concatContent(parts);
          await waitForWriter();
        }
      }
    }
    this.input = new PipeInput();
  }
  /** the reader took `n` bytes: wake a writer waiting for room */
  private taken(n: number): void {
    this.queued -= n;
    if (this.queued < PIPE_CAPACITY) this.release();
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

export const nullOutput: OutputStream = { isTTY: false, write() {}, writeContent() {} };

/** an output that appends to a file through a callback (redirections) */
export class CallbackOutput implements OutputStream {
  readonly isTTY = false;
  constructor(private readonly sink: (b: Uint8Array) => void) {}
  write(data: string | Uint8Array): void {
    this.sink(toBytes(data));
  }
}
