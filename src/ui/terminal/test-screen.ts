/**
 * A small terminal emulator of fixed width for tests: wraps at the right
 * margin with xterm's deferred wrap, wide characters take two cells, cursor
 * moves (CSI A/B/C/D/H), erase (CSI K, CSI J), CR, LF, BS. No scrolling limit.
 */
import { charWidth } from './display-width';

export class TestScreen {
  private rows: string[][] = [[]];
  row = 0;
  col = 0;
  /** the cursor waits at the right margin; the next character wraps */
  private pendingWrap = false;

  constructor(readonly cols: number) {}

  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (text[i] === '\x1b') {
        const m = /^\x1b\[([0-9;?]*)([A-Za-z~])/.exec(text.slice(i));
        if (m) {
          this.csi(m[1]!, m[2]!);
          i += m[0].length;
          continue;
        }
        i += 2;
        continue;
      }
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      i += ch.length;
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.row++;
        this.pendingWrap = false;
      } else if (ch === '\b') {
        if (this.pendingWrap) this.pendingWrap = false;
        else this.col = Math.max(0, this.col - 1);
      } else if (ch >= ' ') this.put(ch);
    }
  }

  private line(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r]!;
  }

  private put(ch: string): void {
    const w = charWidth(ch);
    if (w === 0) return;
    if (this.pendingWrap || this.col + w > this.cols) {
      this.row++;
      this.col = 0;
      this.pendingWrap = false;
    }
    const l = this.line(this.row);
    while (l.length < this.col + w) l.push(' ');
    l[this.col] = ch;
    if (w === 2) l[this.col + 1] = '';
    this.col += w;
    if (this.col >= this.cols) {
      this.col = this.cols - 1;
      this.pendingWrap = true;
    }
  }

  private csi(params: string, final: string): void {
    const nums = params.split(';').map((x) => Number.parseInt(x, 10) || 0);
    const n = Math.max(1, nums[0] ?? 0);
    this.pendingWrap = false;
    if (final === 'A') this.row = Math.max(0, this.row - n);
    else if (final === 'B') this.row += n;
    else if (final === 'C') this.col = Math.min(this.cols - 1, this.col + n);
    else if (final === 'D') this.col = Math.max(0, this.col - n);
    else if (final === 'H') {
      this.row = Math.max(0, (nums[0] || 1) - 1);
      this.col = Math.max(0, (nums[1] || 1) - 1);
    } else if (final === 'K') this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
    else if (final === 'J') {
      if ((nums[0] ?? 0) === 0) {
        this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
        this.rows.length = Math.min(this.rows.length, this.row + 1);
      } else {
        this.rows = [[]];
      }
    }
  }

  /** the screen as text, trailing blanks trimmed */
  text(): string {
    const lines = this.rows.map((l) => l.join('').replace(/\s+$/, ''));
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }
}
