/**
 * The arithmetic behind a splitter (the bar between two panes): the size of
 * the first pane in pixels, kept between a minimum and what leaves the second
 * pane its minimum; arrow keys move it by a step (Shift: a bigger step),
 * Home/End to the limits (WAI-ARIA window splitter pattern).
 */
export interface SplitLimits {
  /** smallest size of the first pane */
  min: number;
  /** the container's size along the split */
  total: number;
  /** smallest size of the second pane */
  minOther: number;
}

export function clampSize(size: number, l: SplitLimits): number {
  const max = Math.max(l.min, l.total - l.minOther);
  return Math.round(Math.min(max, Math.max(l.min, size)));
}

export const KEY_STEP = 16;
export const KEY_BIG_STEP = 80;

/**
 * The size after a key on a splitter, or undefined for keys it ignores.
 * `orientation`: 'vertical' = a vertical bar between side-by-side panes
 * (Left/Right move it); 'horizontal' = a bar between stacked panes (Up/Down).
 * `reverse`: the pane being sized is the one after the bar (right/bottom).
 */
export function sizeForKey(
  key: string,
  shift: boolean,
  size: number,
  l: SplitLimits,
  orientation: 'vertical' | 'horizontal',
  reverse = false,
): number | undefined {
  const step = shift ? KEY_BIG_STEP : KEY_STEP;
  const dec = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
  const inc = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
  const sign = reverse ? -1 : 1;
  if (key === dec) return clampSize(size - sign * step, l);
  if (key === inc) return clampSize(size + sign * step, l);
  if (key === 'Home') return clampSize(reverse ? Number.POSITIVE_INFINITY : l.min, l);
  if (key === 'End') return clampSize(reverse ? l.min : Number.POSITIVE_INFINITY, l);
  return undefined;
}

/** the size while dragging: where the pointer is relative to where the drag started */
export function sizeForDrag(startSize: number, startPos: number, pos: number, l: SplitLimits, reverse = false): number {
  const delta = pos - startPos;
  return clampSize(reverse ? startSize - delta : startSize + delta, l);
}
