/**
 * Go's text/tabwriter as docker/cli uses it for tables:
 * `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)` — minwidth 10, padding 3,
 * padchar ' ', no flags.
 *
 * Semantics (same algorithm as Go): text is split into lines; a tab ends a
 * cell; the text after the last tab of a line is the line's trailing cell and
 * never belongs to a column. Consecutive lines that have a cell in column k
 * form a block; the column is `max(cell width + padding, minwidth)` wide in
 * that block. Cell width counts Unicode code points (Go counts UTF-8 runes).
 * Empty cells are padded too, so rows keep trailing spaces when their last
 * columns are empty.
 */

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
  padchar: string;
}

/** docker/cli's settings */
export const DOCKER_TABWRITER: TabwriterOptions = { minwidth: 10, padding: 3, padchar: ' ' };

/** width of a cell: its code points (a surrogate pair is one rune, like Go's UTF-8 decoding) */
function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Lay out `text` (lines separated by \n, cells by \t) the way Go's tabwriter
 * does after Write(text) + Flush(). A final line without \n is laid out too
 * and printed without a newline.
 */
export function tabwrite(text: string, opts: TabwriterOptions = DOCKER_TABWRITER): string {
  const rawLines = text.split('\n');
  // "a\n" splits into ["a", ""]: the trailing empty string is not a line
  const partial = rawLines[rawLines.length - 1] !== '';
  if (!partial) rawLines.pop();
  return layout(rawLines, partial, text.includes('\v'), opts);
}

/** tabwrite(lines.join('\n') + '\n') for lines without a newline of their own, without the text in between */
export function tabwriteLines(lines: string[], opts: TabwriterOptions = DOCKER_TABWRITER): string {
  let vtab = false;
  for (const l of lines) {
    if (l.includes('\n')) return tabwrite(`${lines.join('\n')}\n`, opts);
    if (!vtab && l.includes('\v')) vtab = true;
  }
  return layout(lines, false, vtab, opts);
}

function layout(rawLines: string[], partial: boolean, vtab: boolean, opts: TabwriterOptions): string {
  const sep = vtab ? /[\t\v]/ : '\t';
  const cells: string[][] = rawLines.map((l) => l.split(sep));
  const uniform = uniformTable(cells, partial, opts);
  if (uniform !== undefined) return uniform;
  const cellWidths: number[][] = cells.map((line) => line.map(runeCount));

  const padCache: string[] = [];
  const pad = (n: number): string => {
    if (n <= 0) return '';
    let p = padCache[n];
    if (p === undefined) {
      p = opts.padchar.repeat(n);
      padCache[n] = p;
    }
    return p;
  };

  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = cells[i]!;
      const lw = cellWidths[i]!;
      for (let j = 0; j < line.length; j++) {
        out.push(line[j]!);
        if (j < widths.length) out.push(pad(widths[j]! - lw[j]!));
      }
      if (!(i + 1 === cells.length && partial)) out.push('\n');
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= cells[t]!.length - 1) continue;
      // a cell exists in this column: print the lines before the block
      writeLines(line0, t);
      line0 = t;
      let width = opts.minwidth;
      for (; t < line1; t++) {
        const line = cells[t]!;
        if (column >= line.length - 1) break;
        const w = cellWidths[t]![column]! + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      // (Go's loop then skips line t: it has no cell in this column)
      line0 = t;
    }
    writeLines(line0, line1);
  };

  format(0, cells.length);
  return out.join('');
}

/**
 * The usual table (every line has the same number of cells, docker's tables
 * among them): each column but the last is one block over all lines, as wide
 * as its widest cell plus padding (at least minwidth). Laid out line by line,
 * the same text as the general algorithm; undefined for any other shape.
 */
function uniformTable(cells: string[][], partial: boolean, opts: TabwriterOptions): string | undefined {
  const n = cells.length === 0 ? 0 : (cells[0] as string[]).length;
  if (n < 2) return undefined;
  for (const line of cells) if (line.length !== n) return undefined;
  const widths: number[] = new Array<number>(n - 1).fill(opts.minwidth);
  for (const line of cells) {
    for (let j = 0; j < n - 1; j++) {
      const w = runeCount(line[j] as string) + opts.padding;
      if (w > (widths[j] as number)) widths[j] = w;
    }
  }
  const pads: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const line = cells[i] as string[];
    for (let j = 0; j < n - 1; j++) {
      const cell = line[j] as string;
      const k = (widths[j] as number) - runeCount(cell);
      out.push(cell);
      if (k > 0) out.push((pads[k] ??= opts.padchar.repeat(k)));
    }
    out.push(line[n - 1] as string);
    if (!(i + 1 === cells.length && partial)) out.push('\n');
  }
  return out.join('');
}

/** Convenience: rows of cells → tab-separated text → tabwrite (every row ends with \n). */
export function tabulate(rows: readonly (readonly string[])[], opts?: TabwriterOptions): string {
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), opts);
}
