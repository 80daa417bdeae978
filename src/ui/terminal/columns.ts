/**
 * A list of words in columns, filled top to bottom then left to right, the way
 * bash lists completions: each column as wide as the longest word plus two spaces.
 */
import { displayWidth } from './display-width';

export function formatColumns(items: readonly string[], cols: number): string[] {
  if (items.length === 0) return [];
  const widest = Math.max(...items.map(displayWidth));
  const colWidth = widest + 2;
  const perRow = Math.max(1, Math.floor((Math.max(cols, 1) + 2) / colWidth));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) break;
      const last = items[(c + 1) * rows + r] === undefined;
      line += last ? item : item + ' '.repeat(colWidth - displayWidth(item));
    }
    lines.push(line);
  }
  return lines;
}
