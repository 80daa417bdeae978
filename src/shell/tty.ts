/**
 * A simulated terminal's input side: the line discipline between the keyboard
 * and the foreground program (what the kernel's tty driver does). Shared by the
 * headless runner and the web terminal.
 *
 * cooked: typed characters are echoed and collected into lines (Backspace,
 *   Ctrl-U edit; Enter delivers "line\n"); Ctrl-C echoes ^C, drops the line and
 *   interrupts; Ctrl-D on an empty line is end of input.
 * noecho: cooked without echo (password prompts).
 * raw:    every byte is delivered as typed; no echo, no signals.
 */
import { textDecoder, textEncoder } from '../api/fs';
import type { InputStream, TtyMode } from '../api/io';

const EOF = Symbol('eof');
type Item = Uint8Array | typeof EOF;

export interface TerminalInputOptions {
  /** where echoed characters go (the screen) */
  echo(text: string): void;
  /** Ctrl-C in cooked mode */
  interrupt(): void;
}

export class TerminalInput implements InputStream {
  readonly isTTY = true;
  private mode: TtyMode = 'cooked';
  private line = '';
  private queue: Item[] = [];
  private pending: Uint8Array | null = null;
  private waiters: (() => void)[] = [];
  private ended = false;

  constructor(private readonly opts: TerminalInputOptions) {}

  setMode(mode: TtyMode): TtyMode {
    const prev = this.mode;
    this.mode = mode;
    if (mode === 'raw' && this.line) {
      // a half-typed line goes to the program as it is
      this.push(textEncoder.encode(this.line));
      this.line = '';
    }
    return prev;
  }

  getMode(): TtyMode {
    return this.mode;
  }

  /** someone is waiting for input (the program called read) */
  get reading(): boolean {
    return this.waiters.length > 0;
  }

  /** Keys typed at the keyboard (Enter is "\r", as terminals send it). */
  type(data: string): void {
    if (this.mode === 'raw') {
      this.push(textEncoder.encode(data));
      return;
    }
    const echo = this.mode === 'cooked';
    for (const ch of data) {
      if (ch === '\x03') {
        this.opts.echo('^C');
        this.line = '';
        this.opts.interrupt();
      } else if (ch === '\x04') {
        if (this.line) {
          this.push(textEncoder.encode(this.line));
          this.line = '';
        } else this.pushEof();
      } else if (ch === '\r' || ch === '\n') {
        if (echo) this.opts.echo('\r\n');
        this.push(textEncoder.encode(`${this.line}\n`));
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line) {
          const chars = Array.from(this.line);
          chars.pop();
          this.line = chars.join('');
          if (echo) this.opts.echo('\b \b');
        }
      } else if (ch === '\x15') {
        if (echo) this.opts.echo('\b \b'.repeat(Array.from(this.line).length));
        this.line = '';
      } else if (ch < ' ') {
        // other control characters: echoed as ^X (ECHOCTL) and kept
        if (echo) this.opts.echo(`^${String.fromCharCode(ch.charCodeAt(0) + 64)}`);
        this.line += ch;
      } else {
        if (echo) this.opts.echo(ch);
        this.line += ch;
      }
    }
  }

  /** The terminal is gone: readers see end of input from now on. */
  close(): void {
    this.ended = true;
    this.wake();
  }

  private push(b: Uint8Array): void {
    if (b.length) this.queue.push(b);
    this.wake();
  }
  private pushEof(): void {
    this.queue.push(EOF);
    this.wake();
  }
  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async read(signal?: AbortSignal): Promise<Uint8Array | null> {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    for (;;) {
      if (signal?.aborted) throw abortError();
      const item = this.queue.shift();
      if (item === EOF) return null;
      if (item) return item;
      if (this.ended) return null;
      await this.waitForInput(signal);
    }
  }

  /** until something is typed or the terminal closes; an aborted wait leaves the waiters at once */
  private waitForInput(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', cancel);
        resolve();
      };
      const cancel = () => {
        this.waiters = this.waiters.filter((w) => w !== done);
        done();
      };
      this.waiters.push(done);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  async readLine(): Promise<string | null> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return parts.length ? decode(parts) : null;
      const nl = chunk.indexOf(10);
      if (nl >= 0) {
        parts.push(chunk.subarray(0, nl));
        if (nl + 1 < chunk.length) this.pending = chunk.subarray(nl + 1);
        return decode(parts);
      }
      parts.push(chunk);
    }
  }

  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return concat(parts);
      parts.push(chunk);
    }
  }
}

function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const decode = (parts: Uint8Array[]) => textDecoder.decode(concat(parts));
