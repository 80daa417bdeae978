/**
 * The host shell's command-line editor (what readline does for bash): turns
 * keys from the terminal into screen updates and, on Enter, a line to run.
 * Pure logic, no xterm: the terminal controller feeds it keys and writes what
 * it returns. Lines longer than the terminal wrap; the editor keeps track of
 * the rows it drew (line-layout.ts) so redraws and cursor moves stay right.
 *
 * Keys: printable text, Left/Right, Home/End (Ctrl-A/Ctrl-E), Ctrl-Left/Right
 * and Alt-B/Alt-F (words), Backspace, Delete (Ctrl-D on a non-empty line),
 * Up/Down (history; a multi-line entry shows on its rows), Ctrl-R
 * (reverse-i-search), Ctrl-C (abandon the line),
 * Ctrl-L (clear screen), Ctrl-U/Ctrl-K (erase to the start/end), Ctrl-W and
 * Alt-Backspace (erase the word before), Alt-D (the word after), Ctrl-Y (yank),
 * Tab (completion: the controller asks the completer and calls complete()).
 */
import { History } from './history';
import { type Cell, layoutLine, moveCursor } from './line-layout';
import { formatColumns } from './columns';

export interface EditResult {
  /** bytes to write to the terminal */
  output: string;
  /** Enter was pressed: the line to run (added to history when not blank, unless recordOnSubmit is off) */
  submit?: string;
  /** Ctrl-C abandoned the line: the caller draws the next prompt (start()) */
  cancelled?: boolean;
  /** Tab was pressed: the controller completes the word at the cursor */
  complete?: boolean;
  /** keys after Enter or Tab, not handled yet (feed them once the line ran / the completion is in) */
  rest?: string;
}

interface Search {
  query: string;
  /** index of the matching history entry, or -1 */
  index: number;
  /** character index of the match in that entry */
  at: number;
  failed: boolean;
  /** what was being edited when Ctrl-R was pressed */
  savedChars: string[];
  savedCursor: number;
}

interface Drawn {
  prompt: string;
  chars: string[];
  /** where the terminal's cursor is, relative to the prompt's first row */
  cursor: Cell;
  rows: number;
  /** nothing drawn yet: the prompt goes where the cursor is */
  fresh?: boolean;
}

const CSI = '\x1b[';
const KEY_SEQ = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[^[O])?/;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  readonly history: History;
  /** position while browsing history; history.length = the line being typed */
  private hpos = 0;
  private draft = '';
  private search: Search | null = null;
  private drawn: Drawn = { prompt: '', chars: [], cursor: { row: 0, col: 0 }, rows: 1, fresh: true };
  private yanked = '';
  /** submit() adds the line to history (off when the caller keeps whole multi-line commands itself) */
  recordOnSubmit = true;

  constructor(
    public prompt: string,
    /** terminal width; update it when the terminal is resized */
    public cols = 80,
    history: readonly string[] = [],
  ) {
    this.history = new History(history);
  }

  get line(): string {
    return this.chars.join('');
  }

  /** character index of the cursor in the line */
  get cursorIndex(): number {
    return this.cursor;
  }

  get searching(): boolean {
    return this.search !== null;
  }

  /** the prompt for a new line (the terminal's cursor is at the start of a row) */
  start(): string {
    this.chars = [];
    this.cursor = 0;
    this.hpos = this.history.length;
    this.draft = '';
    this.search = null;
    this.forget();
    return this.flush();
  }

  /** the prompt changed (another session): draw it again with the line typed so far */
  setPrompt(prompt: string): string {
    this.prompt = prompt;
    return this.flush();
  }

  /** the screen was cleared or rewritten by someone else: the next draw starts fresh at the cursor */
  forget(): void {
    this.drawn = { prompt: '', chars: [], cursor: { row: 0, col: 0 }, rows: 1, fresh: true };
  }

  handle(data: string): EditResult {
    let output = '';
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const seq = rest[0] === '\x1b' ? KEY_SEQ.exec(rest) : null;
      const key = seq ? seq[0] : String.fromCodePoint(rest.codePointAt(0) ?? 32);
      i += key.length;
      if (this.search) {
        const r = this.searchKey(key);
        if (r === 'consumed') continue;
        if (r === 'submit') return this.submit(output, data.slice(i));
        // the key ends the search and then does what it does
      }
      if (key === '\r' || key === '\n') return this.submit(output, data.slice(i));
      if (key === '\t') return { output: output + this.flush(), complete: true, rest: data.slice(i) || undefined };
      if (key === '\x03') {
        output += `${this.flush()}${this.moveToEnd()}^C\r\n`;
        this.chars = [];
        this.cursor = 0;
        this.search = null;
        this.forget();
        return { output, cancelled: true, rest: data.slice(i) || undefined };
      }
      if (key === '\x0c') {
        output += `${this.flush()}${CSI}H${CSI}2J${CSI}3J`;
        this.forget();
        continue;
      }
      this.editKey(key);
    }
    return { output: output + this.flush() };
  }

  /** replace characters [from, to) of the line (a completion) and redraw */
  replace(from: number, to: number, text: string): string {
    const ins = Array.from(text);
    this.chars.splice(from, to - from, ...ins);
    this.cursor = from + ins.length;
    return this.flush();
  }

  /** list completion candidates under the line (in columns, like bash) and draw the line again */
  showList(items: readonly string[]): string {
    const out = this.flush() + this.moveToEnd() + '\r\n' + formatColumns(items, this.cols).join('\r\n') + '\r\n';
    this.forget();
    return out + this.flush();
  }

  private submit(output: string, rest: string): EditResult {
    output += this.flush();
    const line = this.line;
    if (this.recordOnSubmit) this.history.add(line);
    output += this.moveToEnd() + '\r\n';
    this.chars = [];
    this.cursor = 0;
    this.forget();
    return { output, submit: line, rest: rest || undefined };
  }

  private editKey(key: string): void {
    const c = this.chars;
    switch (key) {
      case '\x7f':
      case '\b':
        if (this.cursor > 0) c.splice(--this.cursor, 1);
        return;
      case '\x04':
      case `${CSI}3~`:
        if (this.cursor < c.length) c.splice(this.cursor, 1);
        return;
      case '\x15':
        this.yanked = c.splice(0, this.cursor).join('');
        this.cursor = 0;
        return;
      case '\x0b':
        this.yanked = c.splice(this.cursor).join('');
        return;
      case '\x17':
      case '\x1b\x7f':
      case '\x1b\b': {
        const from = key === '\x17' ? this.wordStartBefore(isSpace) : this.wordStartBefore(isWordBreak);
        this.yanked = c.splice(from, this.cursor - from).join('');
        this.cursor = from;
        return;
      }
      case '\x1bd': {
        const to = this.wordEndAfter();
        this.yanked = c.splice(this.cursor, to - this.cursor).join('');
        return;
      }
      case '\x19':
        this.insert(this.yanked);
        return;
      case '\x01':
      case `${CSI}H`:
      case '\x1bOH':
      case `${CSI}1~`:
        this.cursor = 0;
        return;
      case '\x05':
      case `${CSI}F`:
      case '\x1bOF':
      case `${CSI}4~`:
        this.cursor = c.length;
        return;
      case '\x02':
      case `${CSI}D`:
      case '\x1bOD':
        if (this.cursor > 0) this.cursor--;
        return;
      case '\x06':
      case `${CSI}C`:
      case '\x1bOC':
        if (this.cursor < c.length) this.cursor++;
        return;
      case `${CSI}1;5D`:
      case `${CSI}1;3D`:
      case '\x1bb':
        this.cursor = this.wordStartBefore(isWordBreak);
        return;
      case `${CSI}1;5C`:
      case `${CSI}1;3C`:
      case '\x1bf':
        this.cursor = this.wordEndAfter();
        return;
      case `${CSI}A`:
      case '\x1bOA':
      case '\x10':
        this.browse(-1);
        return;
      case `${CSI}B`:
      case '\x1bOB':
      case '\x0e':
        this.browse(1);
        return;
      case '\x12':
        this.search = { query: '', index: -1, at: 0, failed: false, savedChars: [...c], savedCursor: this.cursor };
        return;
      default:
        if (key.length > 0 && key[0]! >= ' ' && key !== '\x7f') this.insert(key);
    }
  }

  private insert(text: string): void {
    const ins = Array.from(text).filter((ch) => ch >= ' ' && ch !== '\x7f');
    this.chars.splice(this.cursor, 0, ...ins);
    this.cursor += ins.length;
  }

  private wordStartBefore(isBreak: (c: string | undefined) => boolean): number {
    let i = this.cursor;
    while (i > 0 && isBreak(this.chars[i - 1])) i--;
    while (i > 0 && !isBreak(this.chars[i - 1])) i--;
    return i;
  }

  private wordEndAfter(): number {
    let i = this.cursor;
    while (i < this.chars.length && isWordBreak(this.chars[i])) i++;
    while (i < this.chars.length && !isWordBreak(this.chars[i])) i++;
    return i;
  }

  private browse(dir: number): void {
    const next = this.hpos + dir;
    if (next < 0 || next > this.history.length) return;
    if (this.hpos === this.history.length) this.draft = this.line;
    this.hpos = next;
    this.chars = Array.from(next === this.history.length ? this.draft : (this.history.at(next) ?? ''));
    this.cursor = this.chars.length;
  }

  /** a key during reverse-i-search: 'consumed', 'submit', or 'pass' (the search ended; handle the key as usual) */
  private searchKey(key: string): 'consumed' | 'submit' | 'pass' {
    const s = this.search!;
    if (key === '\x12') {
      this.findMatch(s.query, s.index >= 0 ? s.index - 1 : this.history.length - 1, true);
      return 'consumed';
    }
    if (key === '\x7f' || key === '\b') {
      const q = Array.from(s.query);
      q.pop();
      s.query = q.join('');
      this.findMatch(s.query, this.history.length - 1, false);
      return 'consumed';
    }
    if (key === '\x07') {
      this.chars = s.savedChars;
      this.cursor = s.savedCursor;
      this.search = null;
      return 'consumed';
    }
    if (key.length > 0 && key[0]! >= ' ' && key !== '\x7f' && key[0] !== '\x1b') {
      s.query += key;
      this.findMatch(s.query, s.index >= 0 ? s.index : this.history.length - 1, false);
      return 'consumed';
    }
    // any other key accepts the match as the line being edited
    this.search = null;
    this.hpos = s.index >= 0 ? s.index : this.history.length;
    if (key === '\x1b') return 'consumed';
    if (key === '\r' || key === '\n') return 'submit';
    return 'pass';
  }

  private findMatch(query: string, from: number, older: boolean): void {
    const s = this.search!;
    const found = this.history.searchBackward(query, from);
    if (found) {
      s.index = found.index;
      s.at = found.at;
      s.failed = false;
      const entry = this.history.at(found.index) ?? '';
      this.chars = Array.from(entry);
      this.cursor = Array.from(entry.slice(0, found.at)).length;
    } else if (query) s.failed = true;
    else {
      s.failed = false;
      if (!older) {
        s.index = -1;
        this.chars = s.savedChars;
        this.cursor = s.savedCursor;
      }
    }
  }

  private currentPrompt(): string {
    const s = this.search;
    if (!s) return this.prompt;
    return `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
  }

  private moveToEnd(): string {
    const lay = layoutLine(this.drawn.prompt, this.drawn.chars, this.cols);
    const end = lay.positions[lay.positions.length - 1]!;
    const out = moveCursor(this.drawn.cursor, end);
    this.drawn.cursor = end;
    return out;
  }

  /** bring the screen in line with the editor's state with as little output as it takes */
  private flush(): string {
    const prompt = this.currentPrompt();
    const d = this.drawn;
    const lay = layoutLine(prompt, this.chars, this.cols);
    const target = lay.positions[this.cursor]!;
    const drawnEnd = layoutLine(d.prompt, d.chars, this.cols);
    const endOfDrawn = drawnEnd.positions[drawnEnd.positions.length - 1]!;
    const samePrefix = d.prompt === prompt && d.chars.length <= this.chars.length && d.chars.every((ch, k) => ch === this.chars[k]);
    let out = '';
    if (samePrefix && d.chars.length === this.chars.length && !d.fresh) {
      out = moveCursor(d.cursor, target);
    } else if (samePrefix && !d.fresh && d.cursor.row === endOfDrawn.row && d.cursor.col === endOfDrawn.col) {
      // typing at the end of the line: just write the new characters
      out = onScreen(this.chars.slice(d.chars.length)) + (lay.endsAtMargin ? ' \r' : '');
      out += moveCursor(lay.positions[lay.positions.length - 1]!, target);
    } else {
      if (!d.fresh) {
        out = (d.cursor.row > 0 ? `${CSI}${d.cursor.row}A` : '') + '\r';
        out += d.rows > 1 ? `${CSI}J` : `${CSI}K`;
      }
      out += prompt + onScreen(this.chars) + (lay.endsAtMargin ? ' \r' : '');
      out += moveCursor(lay.positions[lay.positions.length - 1]!, target);
    }
    this.drawn = { prompt, chars: [...this.chars], cursor: target, rows: lay.rows };
    return out;
  }
}

/** the characters as written to the terminal: a newline of a multi-line history entry starts the next row */
function onScreen(chars: readonly string[]): string {
  return chars.join('').replace(/\n/g, '\r\n');
}

/** readline's word boundaries for Alt-B/F and Alt-Backspace: anything not a letter or digit */
function isWordBreak(c: string | undefined): boolean {
  return c === undefined || !/[\p{L}\p{N}_]/u.test(c);
}
