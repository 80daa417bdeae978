/**
 * Line editing of an interactive bash or ash on a terminal (what readline and
 * busybox's lineedit do): the terminal is put in raw mode while the shell
 * reads a command; the shell echoes, edits (Backspace, Delete, Ctrl-U/K/W,
 * Ctrl-A/E, arrows), recalls history (Up/Down), Ctrl-C abandons the line,
 * Ctrl-D on an empty line is end of input, Ctrl-L clears the screen. The
 * terminal goes back to cooked mode while the command runs. Keys read past
 * the end of the line (the rest of a paste) go back to the terminal for
 * whoever reads next, the command or the next prompt, as readline leaves
 * them in the tty by reading a byte at a time.
 */
import { textDecoder, textEncoder } from '../../api/fs';
import type { InputStream, OutputStream } from '../../api/io';

export type EditResult = { line: string } | { interrupted: true } | { eof: true };

export interface LineEditor {
  /** read one line; `prompt` is already on screen */
  read(prompt: string): Promise<EditResult>;
  /** the text typed so far (SIGWINCH redraws it after the prompt) */
  readonly current: string;
}

export function canEdit(stdin: InputStream): boolean {
  return stdin.isTTY && typeof stdin.setMode === 'function';
}

export function createLineEditor(stdin: InputStream, out: OutputStream, history: readonly string[]): LineEditor {
  let buf: string[] = [];
  let pending = '';
  const editor: LineEditor = {
    get current() {
      return buf.join('');
    },
    async read(prompt) {
      const prev = stdin.setMode?.('raw') ?? 'cooked';
      try {
        return await edit(prompt);
      } finally {
        stdin.setMode?.(prev === 'raw' ? 'cooked' : prev);
        if (pending && stdin.unread) {
          // the terminal maps Enter to a newline for a program reading lines (ICRNL)
          stdin.unread(textEncoder.encode(pending.replace(/\r/g, '\n')));
          pending = '';
        }
      }
    },
  };

  async function nextKeys(): Promise<string | null> {
    if (pending) {
      const p = pending;
      pending = '';
      return p;
    }
    const chunk = await stdin.read();
    return chunk === null ? null : textDecoder.decode(chunk);
  }

  async function edit(prompt: string): Promise<EditResult> {
    buf = [];
    let cursor = 0;
    let hist = history.length;
    let draft = '';
    const w = (s: string) => out.write(s);
    const back = (n: number) => (n > 0 ? `\x1b[${n}D` : '');
    /** rewrite from the cursor to the end, clear what is left, put the cursor back */
    const redrawTail = (extraCleared: number) => {
      const tail = buf.slice(cursor).join('');
      w(`${tail}${' '.repeat(extraCleared)}${back(buf.length - cursor + extraCleared)}`);
    };
    const replace = (text: string) => {
      w(`${back(cursor)}\x1b[K`);
      buf = [...text];
      cursor = buf.length;
      w(text);
    };
    for (;;) {
      const keys = await nextKeys();
      if (keys === null) return buf.length ? { line: buf.join('') } : { eof: true };
      const chars = [...keys];
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        if (c === '\r' || c === '\n') {
          pending = chars.slice(i + 1).join('');
          w('\n');
          return { line: buf.join('') };
        }
        if (c === '\x03') {
          pending = chars.slice(i + 1).join('');
          w('^C\n');
          buf = [];
          return { interrupted: true };
        }
        if (c === '\x04') {
          if (buf.length === 0) {
            pending = chars.slice(i + 1).join('');
            return { eof: true };
          }
          if (cursor < buf.length) {
            buf.splice(cursor, 1);
            redrawTail(1);
          }
          continue;
        }
        if (c === '\x7f' || c === '\b') {
          if (cursor === 0) continue;
          cursor--;
          buf.splice(cursor, 1);
          w('\b');
          redrawTail(1);
          continue;
        }
        if (c === '\x01') {
          w(back(cursor));
          cursor = 0;
          continue;
        }
        if (c === '\x05') {
          w(buf.slice(cursor).join(''));
          cursor = buf.length;
          continue;
        }
        if (c === '\x15') {
          const n = cursor;
          buf.splice(0, cursor);
          w(back(n));
          cursor = 0;
          redrawTail(n);
          continue;
        }
        if (c === '\x0b') {
          const n = buf.length - cursor;
          buf.splice(cursor);
          w(`${' '.repeat(n)}${back(n)}`);
          continue;
        }
        if (c === '\x17') {
          let start = cursor;
          while (start > 0 && buf[start - 1] === ' ') start--;
          while (start > 0 && buf[start - 1] !== ' ') start--;
          const n = cursor - start;
          buf.splice(start, n);
          w(back(n));
          cursor = start;
          redrawTail(n);
          continue;
        }
        if (c === '\x0c') {
          w(`\x1b[H\x1b[2J${prompt}${buf.join('')}${back(buf.length - cursor)}`);
          continue;
        }
        if (c === '\x1b') {
          // an escape sequence: ESC [ X, ESC [ n ~, ESC O X
          let seq = '';
          let j = i + 1;
          if (chars[j] === '[' || chars[j] === 'O') {
            seq = chars[j];
            j++;
            while (j < chars.length && /[0-9;]/.test(chars[j])) seq += chars[j++];
            if (j < chars.length) seq += chars[j];
          }
          i = Math.max(i, j);
          const final = seq.slice(-1);
          if (final === 'A' && hist > 0) {
            if (hist === history.length) draft = buf.join('');
            hist--;
            replace(history[hist]);
          } else if (final === 'B' && hist < history.length) {
            hist++;
            replace(hist === history.length ? draft : history[hist]);
          } else if (final === 'C' && cursor < buf.length) {
            w('\x1b[C');
            cursor++;
          } else if (final === 'D' && cursor > 0) {
            w('\x1b[D');
            cursor--;
          } else if (final === 'H') {
            w(back(cursor));
            cursor = 0;
          } else if (final === 'F') {
            w(buf.slice(cursor).join(''));
            cursor = buf.length;
          } else if (seq === '[3~' && cursor < buf.length) {
            buf.splice(cursor, 1);
            redrawTail(1);
          }
          continue;
        }
        if (c < ' ' && c !== '\t') continue;
        // printable (a tab is inserted as typed: no completion)
        buf.splice(cursor, 0, c);
        cursor++;
        w(c);
        if (cursor < buf.length) redrawTail(0);
      }
    }
  }

  return editor;
}
