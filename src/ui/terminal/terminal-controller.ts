/**
 * One interactive terminal on the simulator, independent of xterm: keys come in
 * through key(), text goes out through the Screen. Between commands the line
 * editor owns the keyboard; while a command runs, keys go to its stdin through
 * the terminal line discipline (cooked/noecho/raw, Ctrl-C → interrupt).
 */
import type { OutputStream, ProcessIO } from '../../api/io';
import { TerminalInput } from '../../runner/tty';
import { LineEditor } from './line-editor';

export interface Screen {
  write(text: string): void;
  readonly cols: number;
}

export interface TerminalControllerOptions {
  screen: Screen;
  /** run one command line; resolves with its exit status */
  run(line: string, io: ProcessIO): Promise<number>;
  prompt(): string;
  /** prefix for errors the simulator itself throws */
  internalError: string;
}

class TerminalOutput implements OutputStream {
  readonly isTTY = true;
  private readonly decoder = new TextDecoder();
  constructor(private readonly screen: Screen) {}
  get columns(): number {
    return this.screen.cols;
  }
  write(data: string | Uint8Array): void {
    const s = typeof data === 'string' ? data : this.decoder.decode(data, { stream: true });
    if (s) this.screen.write(s.replace(/\r?\n/g, '\r\n'));
  }
}

export class TerminalController {
  private readonly editor: LineEditor;
  private input: TerminalInput | null = null;
  private readonly output: TerminalOutput;

  constructor(private readonly opts: TerminalControllerOptions) {
    this.editor = new LineEditor(opts.prompt());
    this.output = new TerminalOutput(opts.screen);
  }

  get running(): boolean {
    return this.input !== null;
  }

  /** print the first prompt */
  start(): void {
    this.editor.prompt = this.opts.prompt();
    this.opts.screen.write(this.editor.start());
  }

  /** data typed at the keyboard (xterm onData) */
  key(data: string): void {
    if (this.input) {
      this.input.type(data);
      return;
    }
    const r = this.editor.handle(data);
    if (r.output) this.opts.screen.write(r.output);
    if (r.submit === undefined) return;
    if (!r.submit.trim()) {
      this.start();
      return;
    }
    void this.runLine(r.submit);
  }

  /** run a line as if typed at the prompt (lessons, tests); resolves when the prompt is back */
  async execute(line: string): Promise<number> {
    if (this.input) throw new Error('a command is still running');
    this.opts.screen.write(`${line}\r\n`);
    return this.runLine(line);
  }

  private async runLine(line: string): Promise<number> {
    let interrupt = new AbortController();
    let interrupted = false;
    const input = new TerminalInput({
      echo: (s) => this.opts.screen.write(s),
      interrupt: () => {
        interrupted = true;
        const c = interrupt;
        interrupt = new AbortController();
        c.abort();
      },
    });
    this.input = input;
    const io: ProcessIO = {
      stdin: input,
      stdout: this.output,
      stderr: this.output,
      get interrupt() {
        return interrupt.signal;
      },
    };
    let status: number;
    try {
      status = await this.opts.run(line, io);
    } catch (e) {
      this.output.write(`${this.opts.internalError} ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    input.close();
    this.input = null;
    // like bash after a job stopped by Ctrl-C: the prompt starts on a fresh line
    if (interrupted) this.opts.screen.write('\r\n');
    this.start();
    return status;
  }
}
