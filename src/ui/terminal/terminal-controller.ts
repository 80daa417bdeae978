/**
 * One interactive terminal on the simulator, independent of xterm: keys come in
 * through key(), text goes out through the Screen. Between commands the line
 * editor owns the keyboard (history, Ctrl-R, Tab completion), as readline does
 * for bash; a command that is not complete yet (a trailing `\`, a here-document,
 * an open quote, an unfinished `if`/`for`/`|`…) gets the PS2 prompt `> ` and
 * more lines, and runs as one history entry. While a command runs, keys go to
 * the terminal's line discipline (src/shell/tty.ts: cooked/noecho/raw, Ctrl-C
 * interrupts the command), so `docker run -it` and `exec -it` take the
 * terminal over until they end. Input typed ahead (the rest of a paste, keys
 * pressed while a command runs) goes to whoever reads next: the running
 * program, or the next prompt.
 */
import type { OutputStream, ProcessIO } from '../../api/io';
import { MultiLineInput } from '../../shell/parser/incomplete';
import { TerminalInput, type TtyReader } from '../../shell/tty';
import { type CompletionRequest, applyCompletion } from './completion/complete';
import { LineEditor } from './line-editor';

export interface Screen {
  write(text: string): void;
  readonly cols: number;
  /**
   * draw what was written in the next frame: parse it now, not in the
   * terminal's own timer (the page: parse-now.ts); optional
   */
  parseNow?(): void;
}

export interface TerminalControllerOptions {
  screen: Screen;
  /** run one command (its lines joined by "\n"); resolves with its exit status */
  run(line: string, io: ProcessIO): Promise<number>;
  prompt(): string;
  /** PS2, the prompt of a command's further lines (default "> ") */
  continuationPrompt?(): string;
  /** prefix for errors the simulator itself throws */
  internalError: string | (() => string);
  /** the candidates for the word at the cursor (Tab); without it Tab does nothing */
  complete?(line: string, cursor: number): Promise<CompletionRequest>;
  /** a command starts / ends (the store's undo snapshot, the running-command marker) */
  onStart?(line: string): void;
  onFinish?(line: string, status: number): void;
  /**
   * resolves when the new prompt is on the screen (the page: after its next
   * frame); onFinish waits for it, so the bookkeeping of a finished command
   * (undo snapshot, the views it re-renders) does not hold back the frame
   * that shows the prompt, e.g. after a Ctrl-C. Keys typed meanwhile wait.
   */
  promptShown?(): Promise<void>;
  /** a line of advice to show after a command (the UI's language), or undefined */
  hint?(line: string, status: number): string | undefined;
  /** history to start with (restored from an earlier visit) */
  history?: readonly string[];
}

class TerminalOutput implements OutputStream {
  readonly isTTY = true;
  private readonly decoder = new TextDecoder();
  /** the last character a program wrote */
  last = '';
  /** a program wrote since markInterrupt() */
  wroteSinceMark = false;
  constructor(private readonly screen: Screen) {}
  get columns(): number {
    return this.screen.cols;
  }
  write(data: string | Uint8Array): void {
    const s = typeof data === 'string' ? data : this.decoder.decode(data, { stream: true });
    if (!s) return;
    this.last = s[s.length - 1];
    this.wroteSinceMark = true;
    this.screen.write(s.replace(/\r?\n/g, '\r\n'));
  }
  mark(): void {
    this.wroteSinceMark = false;
  }
}

/** the command running in the foreground */
interface Job {
  line: string;
  /** aborted by Ctrl-C (SIGINT to the foreground job); one per job, so every reader of io.interrupt sees it */
  interrupt: AbortController;
  stdin: TtyReader;
  interrupted: boolean;
}

export class TerminalController {
  private readonly editor: LineEditor;
  /** the terminal's line discipline, for its whole life */
  private readonly tty: TerminalInput;
  private readonly output: TerminalOutput;
  private readonly lines = new MultiLineInput();
  /** keys waiting for the line editor (the rest of a paste, keys typed during a completion or a command) */
  private queue = '';
  private completing = false;
  /** the prompt is back and onFinish waits for it to be drawn (promptShown) */
  private finishing = false;
  private job: Job | null = null;
  /** what the terminal writes between a Ctrl-C and the end of the job (or of the key's task): see sigint */
  private held: string | undefined;
  /** the screen, through the hold */
  private readonly screen: Screen;

  constructor(private readonly opts: TerminalControllerOptions) {
    this.editor = new LineEditor(opts.prompt(), opts.screen.cols, opts.history ?? []);
    this.editor.recordOnSubmit = false;
    this.screen = {
      write: (s) => {
        if (this.held === undefined) opts.screen.write(s);
        else this.held += s;
      },
      get cols() {
        return opts.screen.cols;
      },
    };
    this.output = new TerminalOutput(this.screen);
    this.tty = new TerminalInput({
      echo: (s) => this.screen.write(s),
      interrupt: () => this.sigint(),
    });
  }

  get running(): boolean {
    return this.job !== null || this.finishing;
  }

  /** the command running now */
  get runningLine(): string | undefined {
    return this.job?.line;
  }

  get history(): readonly string[] {
    return this.editor.history.entries;
  }

  /** print the prompt: PS1, or PS2 while a command waits for its further lines */
  start(): void {
    this.editor.prompt = this.lines.pending ? (this.opts.continuationPrompt?.() ?? '> ') : this.opts.prompt();
    this.editor.cols = this.opts.screen.cols;
    this.screen.write(this.editor.start());
  }

  /** the terminal changed width */
  resize(cols: number): void {
    this.editor.cols = cols;
  }

  /** the sandbox was replaced (undo, import): show the prompt its shell has now */
  refreshPrompt(): void {
    if (this.job || this.completing || this.lines.pending) return;
    const p = this.opts.prompt();
    if (p !== this.editor.prompt) this.screen.write(this.editor.setPrompt(p));
  }

  /** data typed at the keyboard (xterm onData) */
  key(data: string): void {
    if (this.job) {
      // the line discipline echoes ^C before it interrupts: hold from the echo on (see sigint)
      if (data.includes('\x03') && this.tty.getMode() !== 'raw') this.hold();
      this.tty.type(data);
      return;
    }
    if (this.completing || this.finishing) {
      this.queue += data;
      return;
    }
    const r = this.editor.handle(data);
    if (r.output) this.screen.write(r.output);
    if (r.rest) this.queue = r.rest + this.queue;
    if (r.cancelled) {
      // Ctrl-C drops the line, and at PS2 the whole unfinished command
      this.lines.reset();
      this.start();
      this.drain();
      return;
    }
    if (r.complete) {
      void this.completeWord();
      return;
    }
    if (r.submit !== undefined) this.submit(r.submit);
  }

  /** put text at the prompt as if typed, without running it (the editor's Build button) */
  type(text: string): void {
    const clean = text.replace(/[\r\n]+$/, '').replace(/[\r\n]/g, ' ');
    if (this.job || this.completing || this.finishing) this.queue += clean;
    else this.key(clean);
  }

  /** Ctrl-C from outside the keyboard */
  interrupt(): void {
    this.key('\x03');
  }

  /**
   * End the running command whatever mode the terminal is in (its sandbox was
   * replaced): SIGINT to the job and end of input on its stdin.
   */
  abandon(): void {
    const job = this.job;
    if (!job) return;
    job.interrupted = true;
    job.interrupt.abort();
    job.stdin.close();
  }

  /** run a line as if typed at the prompt (lessons, tests); resolves when the prompt is back */
  async execute(line: string): Promise<number> {
    if (this.running) throw new Error('a command is still running');
    this.lines.reset();
    this.screen.write(`${this.editor.handle('\x15').output}${line.replace(/\n/g, '\r\n')}\r\n`);
    this.editor.history.add(line);
    this.editor.forget();
    return this.runLine(line);
  }

  /**
   * Run a line without showing it or keeping it in history (a reload
   * reattaching to what ran before); resolves when the prompt is back.
   */
  async resume(line: string): Promise<number> {
    if (this.running) throw new Error('a command is still running');
    this.editor.forget();
    return this.runLine(line);
  }

  /** a line was entered at PS1 or PS2 */
  private submit(line: string): void {
    const cmd = this.lines.add(line);
    if (!cmd?.source.trim()) {
      this.start();
      this.drain();
      return;
    }
    this.editor.history.add(cmd.history);
    void this.runLine(cmd.source);
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
      if (action.kind === 'replace') this.screen.write(this.editor.replace(action.from, action.to, action.text));
      else if (action.kind === 'list') this.screen.write(this.editor.showList(action.items));
      else this.screen.write('\x07');
    } catch {
      // a failed list call completes nothing
    } finally {
      this.completing = false;
    }
    this.drain();
  }

  /** feed the keys that waited */
  private drain(): void {
    if (!this.queue || this.job || this.completing || this.finishing) return;
    const q = this.queue;
    this.queue = '';
    this.key(q);
  }

  /**
   * Ctrl-C in the line discipline: SIGINT to the foreground job. What the
   * terminal writes from here on (the `^C` echo, the job's last output, the
   * new line and the prompt) is held until the job has ended, or at the latest
   * until the key's task is over, and then goes to the screen in one write: a
   * loop that was giving way ends within the key's task, and that write is
   * parsed at once (Screen.parseNow) with whatever the loop wrote before it
   * (xterm alone would wait for a timer of its own, behind the page's other
   * tasks), so the prompt is drawn in the next frame. Nothing is dropped.
   */
  private sigint(): void {
    const job = this.job;
    if (!job) return;
    job.interrupted = true;
    this.hold();
    this.output.mark();
    job.interrupt.abort();
  }

  private hold(): void {
    if (this.held !== undefined) return;
    this.held = '';
    setTimeout(() => this.release(), 0);
  }

  /** the output held since a Ctrl-C goes to the screen */
  private release(): void {
    const held = this.held;
    if (held === undefined) return;
    this.held = undefined;
    if (!held) return;
    this.opts.screen.write(held);
    // the answer to the key: drawn in the next frame, whatever else waited in xterm's buffer
    this.opts.screen.parseNow?.();
  }

  private internalError(): string {
    const e = this.opts.internalError;
    return typeof e === 'string' ? e : e();
  }

  private async runLine(line: string): Promise<number> {
    const job: Job = { line, interrupt: new AbortController(), stdin: this.tty.reader(), interrupted: false };
    this.job = job;
    // what was typed ahead at the prompt is the next reader's: this command's, or the next prompt's
    this.tty.preload(this.queue);
    this.queue = '';
    const io: ProcessIO = { stdin: job.stdin, stdout: this.output, stderr: this.output, interrupt: job.interrupt.signal };
    let status: number;
    try {
      this.opts.onStart?.(line);
      status = await this.opts.run(line, io);
    } catch (e) {
      this.output.write(`${this.internalError()} ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    job.stdin.close();
    this.job = null;
    this.tty.setMode('cooked');
    this.queue = this.tty.takeTypeAhead() + this.queue;
    // like bash after a job Ctrl-C killed: the prompt starts on a fresh line, unless the program ended its line after the ^C (ping's statistics)
    if (job.interrupted && (!this.output.wroteSinceMark || this.output.last !== '\n')) this.screen.write('\r\n');
    const hint = this.opts.hint?.(line, status);
    if (hint) this.screen.write(`\x1b[2m${hint}\x1b[0m\r\n`);
    this.start();
    this.release();
    if (this.opts.promptShown) {
      this.finishing = true;
      try {
        await this.opts.promptShown();
      } finally {
        this.finishing = false;
      }
    }
    try {
      this.opts.onFinish?.(line, status);
    } catch (e) {
      this.output.write(`${this.internalError()} ${e instanceof Error ? e.message : String(e)}\n`);
      this.start();
    }
    this.drain();
    return status;
  }
}
