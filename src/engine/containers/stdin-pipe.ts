/**
 * A container's stdin. Without a TTY it is a plain pipe fed by `docker attach`
 * / `run -i`. With a TTY it behaves like the container side of a pseudo
 * terminal: in cooked mode (the default) typed bytes are echoed to the
 * terminal output, edited (backspace, Ctrl-U) and delivered a line at a time;
 * Ctrl-C / Ctrl-\ signal the process, Ctrl-D ends one read. Programs that
 * handle the terminal themselves switch to raw mode with setMode('raw').
 *
 * An attached client's stdin is read on demand (attachSource): only while a
 * process of the container waits for input, so nothing is left reading the
 * client's terminal once the container is gone or the client detached. The
 * detach keys (Ctrl-P Ctrl-Q) end the attachment.
 */
import { textDecoder, textEncoder } from '../../api/fs';
import type { InputStream, TtyMode } from '../../api/io';

const enc = textEncoder;

/** how many bytes at the end of `b` start a UTF-8 character that is not complete yet */
function incompleteTail(b: Uint8Array): number {
  for (let i = 1; i <= Math.min(3, b.length); i++) {
    const byte = b[b.length - i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > i ? i : 0;
  }
  return 0;
}

export interface StdinSource {
  stream: InputStream;
  /** bytes of the detach sequence (Ctrl-P Ctrl-Q = [16, 17]); empty = none */
  detachKeys: number[];
  onDetach(): void;
  /** the client's stdin ended */
  onEnd(): void;
}

export class StdinPipe implements InputStream {
  private mode: TtyMode = 'cooked';
  /** ready data; null = one end-of-input */
  private readonly queue: (Uint8Array | null)[] = [];
  private line = '';
  private closed = false;
  private waiters: (() => void)[] = [];
  /** bytes read by readLine beyond its newline */
  private rest = new Uint8Array(0);
  /** bytes of a UTF-8 character split across chunks */
  private pendingBytes = new Uint8Array(0);
  private source?: StdinSource;
  private reading = false;
  /** bytes that may start the detach sequence, held back */
  private held: number[] = [];

  constructor(
    readonly isTTY: boolean,
    private readonly echo: (text: string) => void = () => {},
    private readonly signal: (sig: string) => void = () => {},
  ) {}

  setMode(mode: TtyMode): TtyMode {
    const old = this.mode;
    this.mode = mode;
    if (mode === 'raw' && this.line) {
      this.push(enc.encode(this.line));
      this.line = '';
    }
    return old;
  }

  /** bytes typed or piped by an attached client */
  feed(data: Uint8Array | string): void {
    if (this.closed) return;
    const bytes = typeof data === 'string' ? enc.encode(data) : data;
    if (!this.isTTY || this.mode === 'raw') {
      if (bytes.length > 0) this.push(bytes);
      return;
    }
    const all = new Uint8Array(this.pendingBytes.length + bytes.length);
    all.set(this.pendingBytes);
    all.set(bytes, this.pendingBytes.length);
    const keep = incompleteTail(all);
    this.pendingBytes = all.slice(all.length - keep);
    const text = textDecoder.decode(all.slice(0, all.length - keep));
    for (const ch of text) this.cooked(ch);
  }

  private cooked(ch: string): void {
    const echo = this.mode === 'cooked';
    switch (ch) {
      case '\r':
      case '\n':
        if (echo) this.echo('\r\n');
        this.push(enc.encode(`${this.line}\n`));
        this.line = '';
        return;
      case '\x7f':
      case '\b':
        if (this.line) {
          this.line = [...this.line].slice(0, -1).join('');
          if (echo) this.echo('\b \b');
        }
        return;
      case '\x15':
        if (echo) this.echo('\b \b'.repeat([...this.line].length));
        this.line = '';
        return;
      case '\x03':
        if (echo) this.echo('^C\r\n');
        this.line = '';
        this.signal('SIGINT');
        return;
      case '\x1c':
        if (echo) this.echo('^\\\r\n');
        this.line = '';
        this.signal('SIGQUIT');
        return;
      case '\x04':
        if (this.line) {
          this.push(enc.encode(this.line));
          this.line = '';
        } else {
          this.push(null);
        }
        return;
      default:
        this.line += ch;
        if (echo) this.echo(ch);
    }
  }

  /** read the client's stdin on demand from now on */
  attachSource(source: StdinSource): void {
    this.source = source;
    this.held = [];
    this.wake();
  }

  /** stop reading the client's stdin (the reply of a read under way is still delivered) */
  detachSource(source?: StdinSource): void {
    if (!source || this.source === source) this.source = undefined;
  }

  private pull(): void {
    const src = this.source;
    if (!src || this.reading) return;
    this.reading = true;
    src.stream.read().then(
      (chunk) => {
        this.reading = false;
        if (this.source !== src) {
          if (chunk) this.feed(chunk);
          return;
        }
        if (chunk === null) {
          this.source = undefined;
          src.onEnd();
          this.wake();
          return;
        }
        this.fromClient(src, chunk);
      },
      () => {
        this.reading = false;
        if (this.source === src) {
          this.source = undefined;
          src.onEnd();
        }
        this.wake();
      },
    );
  }

  /** client bytes: watch for the detach sequence, pass the rest on */
  private fromClient(src: StdinSource, chunk: Uint8Array): void {
    const keys = src.detachKeys;
    if (keys.length === 0) {
      this.feed(chunk);
      this.wake();
      return;
    }
    const out: number[] = [];
    for (const b of chunk) {
      if (b === keys[this.held.length]) {
        this.held.push(b);
        if (this.held.length === keys.length) {
          this.held = [];
          if (out.length > 0) this.feed(new Uint8Array(out));
          this.source = undefined;
          src.onDetach();
          this.wake();
          return;
        }
        continue;
      }
      out.push(...this.held);
      this.held = [];
      if (b === keys[0]) this.held.push(b);
      else out.push(b);
    }
    if (out.length > 0) this.feed(new Uint8Array(out));
    this.wake();
  }

  /** end of input for good (the attached client's stdin ended, StdinOnce) */
  close(): void {
    if (this.closed) return;
    if (this.line) this.push(enc.encode(this.line));
    this.line = '';
    this.closed = true;
    this.wake();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private push(item: Uint8Array | null): void {
    this.queue.push(item);
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  private async next(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.queue.length > 0) return this.queue.shift() as Uint8Array | null;
      if (this.closed) return null;
      this.pull();
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  async read(): Promise<Uint8Array | null> {
    if (this.rest.length > 0) {
      const r = this.rest;
      this.rest = new Uint8Array(0);
      return r;
    }
    return this.next();
  }

  async readLine(): Promise<string | null> {
    let buf = this.rest;
    this.rest = new Uint8Array(0);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl >= 0) {
        this.rest = buf.slice(nl + 1);
        return textDecoder.decode(buf.slice(0, nl));
      }
      const chunk = await this.next();
      if (chunk === null) return buf.length > 0 ? textDecoder.decode(buf) : null;
      const joined = new Uint8Array(buf.length + chunk.length);
      joined.set(buf);
      joined.set(chunk, buf.length);
      buf = joined;
    }
  }

  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [this.rest];
    this.rest = new Uint8Array(0);
    for (;;) {
      const chunk = await this.next();
      if (chunk === null) break;
      parts.push(chunk);
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}
