/**
 * One interactive terminal on the simulator, independent of xterm: keys come in
 * through key(), text goes out through the Screen. Between commands the line
 * editor owns the keyboard (history, Ctrl-R, Tab completion); while a command
 * runs, keys go to its stdin through the terminal line discipline
 * (cooked/noecho/raw, Ctrl-C → interrupt), so `docker run -it` and `exec -it`
 * take the terminal over until they end. Keys after an Enter (a pasted script)
 * wait and are typed at the next prompt.
 */
import type { OutputStream, ProcessIO } from '../../api/io';
import { TerminalInput } from '../../shell/tty';
import { type CompletionRequest, applyCompletion } from './completion/complete';
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
  /** the candidates for the word at the cursor (Tab); without it Tab does nothing */
  complete?(line: string, cursor: number): Promise<CompletionRequest>;
  /** a command starts / ends (the store's undo snapshot, the running-command marker) */
  onStart?(line: string): void;
  onFinish?(line: string, status: number): void;
  /** history to start with (restored from an earlier visit) */
  history?: readonly string[];
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
  /** keys waiting for the prompt (typed after Enter in one paste, or during a completion) */
  private queue = '';
  private completing = false;
  private current: string | undefined;

  constructor(private readonly opts: TerminalControllerOptions) {
    this.editor = new LineEditor(opts.prompt(), opts.screen.cols, opts.history ?? []);
    this.output = new TerminalOutput(opts.screen);
  }

  get running(): boolean {
    return this.input !== null;
  }

  /** the command line running now */
  get runningLine(): string | undefined {
    return this.current;
  }

  get history(): readonly string[] {
    return this.editor.history.entries;
  }

  /** print the first prompt */
  start(): void {
    this.editor.prompt = this.opts.prompt();
    this.editor.cols = this.opts.screen.cols;
    this.opts.screen.write(this.editor.start());
  }

  /** the terminal changed width */
  resize(cols: number): void {
    this.editor.cols = cols;
  }

  /** the sandbox was replaced (undo, import): show the prompt its shell has now */
  refreshPrompt(): void {
    if (this.input || this.completing) return;
    const p = this.opts.prompt();
    if (p !== this.editor.prompt) this.opts.screen.write(this.editor.setPrompt(p));
  }

  /** data typed at the keyboard (xterm onData) */
  key(data: string): void {
    if (this.input) {
      this.input.type(data);
      return;
    }
    if (this.completing) {
      this.queue += data;
      return;
    }
    const r = this.editor.handle(data);
    if (r.output) this.opts.screen.write(r.output);
    if (r.rest) this.queue = r.rest + this.queue;
    if (r.complete) {
      void this.completeWord();
      return;
    }
    if (r.submit === undefined) return;
    if (!r.submit.trim()) {
      this.start();
      this.drain();
      return;
    }
    void this.runLine(r.submit);
  }

  /** put text at the prompt as if typed, without running it (the editor's Build button) */
  type(text: string): void {
    const clean = text.replace(/[\r\n]+$/, '').replace(/[\r\n]/g, ' ');
    if (this.input || this.completing) this.queue += clean;
    else this.key(clean);
  }

  /** Ctrl-C from outside the keyboard */
  interrupt(): void {
    this.key('\x03');
  }

  /** run a line as if typed at the prompt (lessons, tests, a command interrupted by a reload); resolves when the prompt is back */
  async execute(line: string): Promise<number> {
    if (this.input) throw new Error('a command is still running');
    this.opts.screen.write(`${this.editor.handle('\x15').output}${line}\r\n`);
    this.editor.history.add(line);
    this.editor.forget();
    return this.runLine(line);
  }

  private async completeWord(): Promise<void> {
    const complete = this.opts.complete;
    if (!complete) {
      this.drain();
      return;
    }
    this.completing = true;
    try {
      const cursor = this.editor.cursorIndex;
      const req = await complete(this.editor.line, cursor);
      const action = applyCompletion(req, cursor);
      if (action.kind === 'replace') this.opts.screen.write(this.editor.replace(action.from, action.to, action.text));
      else if (action.kind === 'list') this.opts.screen.write(this.editor.showList(action.items));
      else this.opts.screen.write('\x07');
    } catch {
      // a failed list call completes nothing
    } finally {
      this.completing = false;
    }
    this.drain();
  }

  /** feed the keys that waited */
  private drain(): void {
    if (!this.queue || this.input || this.completing) return;
    const q = this.queue;
    this.queue = '';
    this.key(q);
  }

  private async runLine(line: string): Promise<number> {
    let interrupt = new AbortController();
    let interrupted = false;
    const input = new TerminalInput({
      echo: (s) => this.opts.screen.write(s),
      interrupt: () => {
        interrupted = true;
        // Ctrl-C also drops what was typed ahead
        this.queue = '';
        const c = interrupt;
        interrupt = new AbortController();
        c.abort();
      },
    });
    this.input = input;
    this.current = line;
    const io: ProcessIO = {
      stdin: input,
      stdout: this.output,
      stderr: this.output,
      get interrupt() {
        return interrupt.signal;
      },
    };
    this.opts.onStart?.(line);
    let status: number;
    try {
      status = await this.opts.run(line, io);
    } catch (e) {
      this.output.write(`${this.opts.internalError} ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    input.close();
    this.input = null;
    this.current = undefined;
    // like bash after a job stopped by Ctrl-C: the prompt starts on a fresh line
    if (interrupted) this.opts.screen.write('\r\n');
    this.start();
    try {
      this.opts.onFinish?.(line, status);
    } catch (e) {
      this.output.write(`${this.opts.internalError} ${e instanceof Error ? e.message : String(e)}\n`);
      this.start();
    }
    this.drain();
    return status;
  }
}
