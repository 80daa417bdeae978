/**
 * A container's stdin. Without a TTY it is a plain pipe fed by `docker attach`
 * / `run -i`. With a TTY it behaves like the container side of a pseudo
 * terminal: in cooked mode (the default) typed bytes are echoed to the
 * terminal output, edited (backspace, Ctrl-U) and delivered a line at a time;
 * Ctrl-C / Ctrl-\ signal the process, Ctrl-D ends one read. Programs that
 * handle the terminal themselves switch to raw mode with setMode('raw').
 *
 * An attached client's stdin (attachSource) is copied in as it is typed when
 * the pipe is a terminal, as the docker CLI copies its raw terminal to the
 * container's pty: Ctrl-C reaches the foreground process and the detach keys
 * (Ctrl-P Ctrl-Q) end the attachment at any moment, also while the program
 * reads nothing. Without a terminal it is read on demand, while a process
 * waits for input. Either way the read under way is cancelled when the client
 * detaches, so nothing is left reading the client's terminal.
 */
import { textDecoder, textEncoder } from '../../api/fs';
import type { InputStream, TtyMode } from '../../api/io';
import { concatBytes } from '../../lib/bytes';
import { Waiters } from '../../lib/waiters';

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
  private readonly waiters = new Waiters();
  /** bytes read by readLine beyond its newline */
  private rest = new Uint8Array(0);
  /** bytes of a UTF-8 character split across chunks */
  private pendingBytes = new Uint8Array(0);
  private source?: StdinSource;
  private reading = false;
  /** cancels the read of the client's stdin under way */
  private pullAbort?: AbortController;
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
        // ECHOCTL shows the key; the newline after it is the shell's, once the program is gone
        if (echo) this.echo('^C');
        this.line = '';
        this.signal('SIGINT');
        return;
      case '\x1c':
        if (echo) this.echo('^\\');
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

  /** read the client's stdin from now on (as typed on a terminal, else on demand) */
  attachSource(source: StdinSource): void {
    this.stopPull();
    this.source = source;
    this.held = [];
    if (this.isTTY) this.pull();
    this.wake();
  }

  /** stop reading the client's stdin: the read under way is cancelled */
  detachSource(source?: StdinSource): void {
    if (source && this.source !== source) return;
    this.source = undefined;
    this.stopPull();
  }

  private stopPull(): void {
    this.pullAbort?.abort();
    this.pullAbort = undefined;
    this.reading = false;
  }

  private pull(): void {
    const src = this.source;
    if (!src || this.reading || this.closed) return;
    this.reading = true;
    const ctl = new AbortController();
    this.pullAbort = ctl;
    src.stream.read(ctl.signal).then(
      (chunk) => {
        if (ctl.signal.aborted) {
          // detached while the reply was on its way: it was typed for this container
          if (chunk) this.feed(chunk);
          return;
        }
        this.reading = false;
        this.pullAbort = undefined;
        if (this.source !== src) return;
        if (chunk === null) {
          this.source = undefined;
          src.onEnd();
          this.wake();
          return;
        }
        this.fromClient(src, chunk);
        if (this.isTTY) this.pull();
      },
      () => {
        if (ctl.signal.aborted) return;
        this.reading = false;
        this.pullAbort = undefined;
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
          this.stopPull();
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
    this.waiters.wakeAll();
  }

  private async next(signal?: AbortSignal): Promise<Uint8Array | null> {
    for (;;) {
      if (this.queue.length > 0) return this.queue.shift() as Uint8Array | null;
      if (this.closed) return null;
      this.pull();
      await this.waiters.wait(signal);
    }
  }

  /** bytes read but not used go back in front (an interactive shell's line editor leaves the rest of a paste) */
  unread(data: Uint8Array): void {
    if (data.length === 0) return;
    const joined = new Uint8Array(data.length + this.rest.length);
    joined.set(data);
    joined.set(this.rest, data.length);
    this.rest = joined;
    this.wake();
  }

  async read(signal?: AbortSignal): Promise<Uint8Array | null> {
    if (this.rest.length > 0) {
      const r = this.rest;
      this.rest = new Uint8Array(0);
      return r;
    }
    return this.next(signal);
  }

  async readLine(signal?: AbortSignal): Promise<string | null> {
    let buf = this.rest;
    this.rest = new Uint8Array(0);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl >= 0) {
        this.rest = buf.slice(nl + 1);
        return textDecoder.decode(buf.slice(0, nl));
      }
      let chunk: Uint8Array | null;
      try {
        chunk = await this.next(signal);
      } catch (e) {
        this.rest = buf;
        throw e;
      }
      if (chunk === null) return buf.length > 0 ? textDecoder.decode(buf) : null;
      const joined = new Uint8Array(buf.length + chunk.length);
      joined.set(buf);
      joined.set(chunk, buf.length);
      buf = joined;
    }
  }

  async readAll(signal?: AbortSignal): Promise<Uint8Array> {
    const parts: Uint8Array[] = [this.rest];
    this.rest = new Uint8Array(0);
    for (;;) {
      let chunk: Uint8Array | null;
      try {
        chunk = await this.next(signal);
      } catch (e) {
        this.unread(concatBytes(parts));
        throw e;
      }
      if (chunk === null) break;
      parts.push(chunk);
    }
    return concatBytes(parts);
  }
}
