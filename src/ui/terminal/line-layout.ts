/**
 * Where a prompt and the line after it land on a terminal `cols` wide:
 * characters fill rows left to right, a wide (CJK) character that does not fit
 * in the last column moves to the next row (as xterm draws it). Rows are
 * counted from the row the prompt starts on.
 */
import { charWidth } from './display-width';

export interface Cell {
  row: number;
  col: number;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/** the visible characters of a prompt (colour sequences take no room) */
export function visibleChars(text: string): string[] {
  return Array.from(text.replace(ANSI, ''));
}

export interface LineLayout {
  /** start of each character of `chars` (index i), plus the end position at index chars.length */
  positions: Cell[];
  /** rows the prompt and the line take (at least 1) */
  rows: number;
  /** the text ends exactly at the right margin (the terminal's cursor waits to wrap) */
  endsAtMargin: boolean;
}

export function layoutLine(prompt: string, chars: readonly string[], cols: number): LineLayout {
  const width = Math.max(1, cols);
  let row = 0;
  let col = 0;
  const place = (w: number): Cell => {
    if (col + w > width) {
      row++;
      col = 0;
    }
    const at = { row, col };
    col += w;
    return at;
  };
  for (const ch of visibleChars(prompt)) {
    const w = charWidth(ch);
    if (w) place(w);
  }
  const positions: Cell[] = [];
  for (const ch of chars) {
    if (ch === '\n') {
      // a multi-line history entry: the text goes on at the start of the next row
      positions.push({ row, col: Math.min(col, width - 1) });
      row++;
      col = 0;
      continue;
    }
    const w = charWidth(ch);
    if (w === 0) {
      positions.push({ row, col });
      continue;
    }
    positions.push(place(w));
  }
  const endsAtMargin = col >= width;
  const end = endsAtMargin ? { row: row + 1, col: 0 } : { row, col };
  positions.push(end);
  // a cursor before a wide character that wrapped sits where it is drawn
  return { positions, rows: end.row + 1, endsAtMargin };
}

/** escape sequence moving the cursor from one cell to another */
export function moveCursor(from: Cell, to: Cell): string {
  let out = '';
  if (to.row < from.row) out += `\x1b[${from.row - to.row}A`;
  else if (to.row > from.row) out += `\x1b[${to.row - from.row}B`;
  if (to.col !== from.col) {
    if (to.col === 0) out += '\r';
    else if (to.col < from.col) out += `\x1b[${from.col - to.col}D`;
    else out += `\x1b[${to.col - from.col}C`;
  }
  return out;
}
