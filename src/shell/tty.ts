/**
 * A simulated terminal's input side: the line discipline between the keyboard
 * and the foreground program (what the kernel's tty driver does). One per
 * terminal for its whole life, shared by the headless runner and the web
 * terminal, so input typed ahead waits for whoever reads next.
 *
 * cooked: typed characters are echoed and collected into lines (Backspace,
 *   Ctrl-U edit; Enter delivers "line\n"); Ctrl-C echoes ^C, flushes the
 *   input and interrupts; Ctrl-D on an empty line is end of input.
 * noecho: cooked without echo (password prompts).
 * raw:    every byte is delivered as typed; no echo, no signals.
 *
 * Keys that arrived while the shell's own line editor had the terminal (the
 * rest of a paste) are preloaded: they were never echoed and are processed,
 * silently, when a program reads. What nobody read when a command ends goes
 * back to the shell's line editor (takeTypeAhead). A command's view of the
 * terminal (reader()) stops reading when the command ends, so a read left
 * behind cannot take the next command's input.
 */
import { textDecoder, textEncoder } from '../api/fs';
import type { InputStream, TtyMode } from '../api/io';
import { concatBytes } from '../lib/bytes';
import { Waiters } from '../lib/waiters';

const EOF = Symbol('eof');
type Item = Uint8Array | typeof EOF;

export interface TerminalInputOptions {
  /** where echoed characters go (the screen) */
  echo(text: string): void;
  /** Ctrl-C in cooked or noecho mode */
  interrupt(): void;
}

export class TerminalInput implements InputStream {
  readonly isTTY = true;
  private mode: TtyMode = 'cooked';
  private line = '';
  private queue: Item[] = [];
  /** bytes given back (unread, the rest of a line readLine took): read first */
  private pending: Uint8Array | null = null;
  private readonly waiters = new Waiters();
  private ended = false;
  /** keys typed ahead while no program had the terminal: processed without echo when read */
  private unprocessed = '';

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
    return this.waiters.size > 0;
  }

  /** Keys typed at the keyboard (Enter is "\r", as terminals send it). */
  type(data: string): void {
    this.settle();
    this.process(data, true);
  }

  /** keys typed ahead that nobody has read or echoed yet (the rest of a paste): the next reader gets them */
  preload(keys: string): void {
    if (!keys) return;
    this.unprocessed += keys;
    if (this.waiters.size > 0) {
      this.settle();
      this.waiters.wakeAll();
    }
  }

  /**
   * Everything typed that no program read, as keys (a line typed ahead ends
   * in "\n", an end of input is Ctrl-D), and forget it: the shell's line
   * editor takes it when the command has ended.
   */
  takeTypeAhead(): string {
    let s = this.pending ? textDecoder.decode(this.pending) : '';
    for (const item of this.queue) s += item === EOF ? '\x04' : textDecoder.decode(item);
    s += this.line + this.unprocessed;
    this.pending = null;
    this.queue = [];
    this.line = '';
    this.unprocessed = '';
    return s;
  }

  /** bytes a reader took but did not use go back in front */
  unread(data: Uint8Array): void {
    if (data.length === 0) return;
    this.unshift(data);
    this.waiters.wakeAll();
  }

  /** this terminal as one command's stdin: its reads end (end of input) when the command ends */
  reader(): TtyReader {
    return new TtyReader(this);
  }

  /** the preloaded keys, processed in the current mode without echo or signals */
  private settle(): void {
    if (!this.unprocessed) return;
    const keys = this.unprocessed;
    this.unprocessed = '';
    this.process(keys, false);
  }

  private process(data: string, live: boolean): void {
    if (this.mode === 'raw') {
      this.push(textEncoder.encode(data));
      return;
    }
    const echo = live && this.mode === 'cooked';
    for (const ch of data) {
      if (ch === '\x03') {
        if (!live) continue;
        this.opts.echo('^C');
        // ISIG without NOFLSH: the line and everything typed ahead are dropped
        this.line = '';
        this.queue = [];
        this.pending = null;
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
    this.waiters.wakeAll();
  }

  private push(b: Uint8Array): void {
    if (b.length) this.queue.push(b);
    this.waiters.wakeAll();
  }
  private pushEof(): void {
    this.queue.push(EOF);
    this.waiters.wakeAll();
  }
  private unshift(b: Uint8Array): void {
    this.pending = this.pending ? concatBytes([b, this.pending]) : b;
  }

  async read(signal?: AbortSignal): Promise<Uint8Array | null> {
    for (;;) {
      if (this.pending) {
        const p = this.pending;
        this.pending = null;
        return p;
      }
      this.settle();
      const item = this.queue.shift();
      if (item === EOF) return null;
      if (item) return item;
      if (this.ended) return null;
      await this.waiters.wait(signal);
    }
  }

  async readLine(signal?: AbortSignal): Promise<string | null> {
    const parts: Uint8Array[] = [];
    try {
      for (;;) {
        const chunk = await this.read(signal);
        if (chunk === null) return parts.length ? decode(parts) : null;
        const nl = chunk.indexOf(10);
        if (nl >= 0) {
          parts.push(chunk.subarray(0, nl));
          if (nl + 1 < chunk.length) this.unshift(chunk.subarray(nl + 1));
          return decode(parts);
        }
        parts.push(chunk);
      }
    } catch (e) {
      if (parts.length) this.unshift(concatBytes(parts));
      throw e;
    }
  }

  async readAll(signal?: AbortSignal): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    try {
      for (;;) {
        const chunk = await this.read(signal);
        if (chunk === null) return concatBytes(parts);
        parts.push(chunk);
      }
    } catch (e) {
      if (parts.length) this.unshift(concatBytes(parts));
      throw e;
    }
  }
}

/**
 * One command's stdin on the terminal: reads go to the terminal until
 * close() (the command ended); a read still waiting then, or made later (a
 * background job), sees end of input instead of taking what the next
 * command is typed.
 */
export class TtyReader implements InputStream {
  readonly isTTY = true;
  private readonly done = new AbortController();

  constructor(private readonly tty: TerminalInput) {}

  setMode(mode: TtyMode): TtyMode {
    return this.tty.setMode(mode);
  }

  getMode(): TtyMode {
    return this.tty.getMode();
  }

  unread(data: Uint8Array): void {
    if (!this.done.signal.aborted) this.tty.unread(data);
  }

  close(): void {
    this.done.abort();
  }

  read(signal?: AbortSignal): Promise<Uint8Array | null> {
    return this.guard((s) => this.tty.read(s), signal, null);
  }

  readLine(signal?: AbortSignal): Promise<string | null> {
    return this.guard((s) => this.tty.readLine(s), signal, null);
  }

  readAll(signal?: AbortSignal): Promise<Uint8Array> {
    return this.guard((s) => this.tty.readAll(s), signal, new Uint8Array(0));
  }

  private async guard<T>(op: (s: AbortSignal) => Promise<T>, signal: AbortSignal | undefined, atEnd: T): Promise<T> {
    const done = this.done.signal;
    if (done.aborted) return atEnd;
    let s = done;
    let dispose = () => {};
    if (signal) {
      const both = new AbortController();
      const abort = () => both.abort();
      if (signal.aborted) both.abort();
      signal.addEventListener('abort', abort, { once: true });
      done.addEventListener('abort', abort, { once: true });
      s = both.signal;
      dispose = () => {
        signal.removeEventListener('abort', abort);
        done.removeEventListener('abort', abort);
      };
    }
    try {
      return await op(s);
    } catch (e) {
      if (done.aborted && !signal?.aborted) return atEnd;
      throw e;
    } finally {
      dispose();
    }
  }
}

const decode = (parts: Uint8Array[]) => textDecoder.decode(concatBytes(parts));
