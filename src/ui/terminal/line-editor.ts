/**
 * The host shell's command-line editor (what readline does for bash): turns
 * keys from the terminal into screen updates and, on Enter, a line to run.
 * Pure logic, no xterm: Terminal.tsx feeds it keys and writes what it returns.
 *
 * Keys: printable text, Left/Right, Home/End (also Ctrl-A/Ctrl-E), Backspace,
 * Delete, Up/Down (history), Ctrl-C (abandon the line), Ctrl-L (clear screen),
 * Ctrl-U (erase to the start of the line), Ctrl-K (erase to the end).
 */
import { displayWidth } from './display-width';

export interface EditResult {
  /** bytes to write to the terminal */
  output: string;
  /** Enter was pressed: the line to run (already added to history when not blank) */
  submit?: string;
}

const CSI = '\x1b[';

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private history: string[] = [];
  /** position while browsing history; history.length = the line being typed */
  private hpos = 0;
  private draft = '';

  constructor(public prompt: string) {}

  get line(): string {
    return this.chars.join('');
  }

  /** the prompt for a new line */
  start(): string {
    this.chars = [];
    this.cursor = 0;
    this.hpos = this.history.length;
    this.draft = '';
    return this.prompt;
  }

  handle(data: string): EditResult {
    let output = '';
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const seq = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(rest);
      if (seq) {
        output += this.escape(seq[0]);
        i += seq[0].length;
        continue;
      }
      const ch = String.fromCodePoint(rest.codePointAt(0) ?? 32);
      i += ch.length;
      switch (ch) {
        case '\r':
        case '\n': {
          const line = this.line;
          if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
          output += this.moveTo(this.chars.length) + '\r\n';
          this.chars = [];
          this.cursor = 0;
          return { output, submit: line };
        }
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.chars.splice(this.cursor - 1, 1);
            this.cursor--;
            output += this.redraw();
          }
          break;
        case '\x03':
          output += `${this.moveTo(this.chars.length)}^C\r\n${this.start()}`;
          break;
        case '\x0c':
          output += `${CSI}H${CSI}2J${CSI}3J${this.redraw()}`;
          break;
        case '\x15':
          this.chars.splice(0, this.cursor);
          this.cursor = 0;
          output += this.redraw();
          break;
        case '\x0b':
          this.chars.splice(this.cursor);
          output += this.redraw();
          break;
        case '\x01':
          output += this.moveTo(0);
          break;
        case '\x05':
          output += this.moveTo(this.chars.length);
          break;
        default:
          if (ch >= ' ' && ch !== '\x7f') {
            this.chars.splice(this.cursor, 0, ch);
            this.cursor++;
            output += this.redraw();
          }
      }
    }
    return { output };
  }

  private escape(seq: string): string {
    switch (seq) {
      case `${CSI}D`:
      case '\x1bOD':
        return this.cursor > 0 ? this.moveTo(this.cursor - 1) : '';
      case `${CSI}C`:
      case '\x1bOC':
        return this.cursor < this.chars.length ? this.moveTo(this.cursor + 1) : '';
      case `${CSI}H`:
      case '\x1bOH':
      case `${CSI}1~`:
        return this.moveTo(0);
      case `${CSI}F`:
      case '\x1bOF':
      case `${CSI}4~`:
        return this.moveTo(this.chars.length);
      case `${CSI}3~`:
        if (this.cursor < this.chars.length) {
          this.chars.splice(this.cursor, 1);
          return this.redraw();
        }
        return '';
      case `${CSI}A`:
      case '\x1bOA':
        return this.browse(-1);
      case `${CSI}B`:
      case '\x1bOB':
        return this.browse(1);
      default:
        return '';
    }
  }

  private browse(dir: number): string {
    const next = this.hpos + dir;
    if (next < 0 || next > this.history.length) return '';
    if (this.hpos === this.history.length) this.draft = this.line;
    this.hpos = next;
    this.chars = Array.from(next === this.history.length ? this.draft : this.history[next]);
    this.cursor = this.chars.length;
    return this.redraw();
  }

  /** cursor from its place to index `to`, by columns */
  private moveTo(to: number): string {
    const from = this.cursor;
    this.cursor = to;
    if (to === from) return '';
    const w = displayWidth(this.chars.slice(Math.min(from, to), Math.max(from, to)).join(''));
    return to < from ? `${CSI}${w}D` : `${CSI}${w}C`;
  }

  /** rewrite the whole line and put the cursor back */
  private redraw(): string {
    const after = displayWidth(this.chars.slice(this.cursor).join(''));
    return `\r${CSI}K${this.prompt}${this.line}${after ? `${CSI}${after}D` : ''}`;
  }
}
