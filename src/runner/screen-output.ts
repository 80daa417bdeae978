/**
 * The output side of a simulated terminal for the runner: collects what a
 * program writes (UTF-8 decoded), translating "\n" to "\r\n" as a tty does
 * (ONLCR), and reports each write so the runner knows when output was idle.
 */
import type { OutputStream } from '../api/io';

export class ScreenOutput implements OutputStream {
  readonly isTTY = true;
  private text = '';
  private readonly decoder = new TextDecoder();
  private closed = false;
  /** `maxChars`: keep only the first that many characters (an endless writer must not fill the memory) */
  constructor(
    readonly columns: number,
    private readonly onWrite: () => void = () => {},
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}
  write(data: string | Uint8Array): void {
    if (this.closed) return;
    const s = typeof data === 'string' ? data : this.decoder.decode(data, { stream: true });
    if (!s) return;
    this.append(s.replace(/\r?\n/g, '\r\n'));
    this.onWrite();
  }
  /** text echoed by the terminal itself (already in tty form) */
  echo(s: string): void {
    if (this.closed) return;
    this.append(s);
  }
  private append(s: string): void {
    if (this.text.length >= this.maxChars) return;
    this.text += s.length > this.maxChars - this.text.length ? s.slice(0, this.maxChars - this.text.length) : s;
  }
  /** what was written so far, as raw terminal bytes */
  raw(): string {
    return this.text;
  }
  /** ignore everything written from now on (the step was killed) */
  close(): void {
    this.closed = true;
  }
}
