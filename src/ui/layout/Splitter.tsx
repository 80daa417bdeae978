/**
 * The bar between two panes: drag it with the mouse (or a finger), or focus it
 * and use the arrow keys, Home and End (WAI-ARIA window splitter).
 */
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { type SplitLimits, clampSize, sizeForDrag, sizeForKey } from './splitter-model';

export interface SplitterProps {
  /** 'vertical': a vertical bar between side-by-side panes; 'horizontal': between stacked panes */
  orientation: 'vertical' | 'horizontal';
  /** size of the pane being sized, in px */
  size: number;
  limits: SplitLimits;
  /** the sized pane is after the bar (right or below) */
  reverse?: boolean;
  label: string;
  /** id of the pane being sized */
  controls?: string;
  onSize(size: number): void;
  /** the drag or key press ended: keep the size */
  onCommit?(size: number): void;
}

export function Splitter({ orientation, size, limits, reverse, label, controls, onSize, onCommit }: SplitterProps) {
  const drag = useRef<{ startSize: number; startPos: number; last: number } | null>(null);
  const pos = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { startSize: size, startPos: pos(e), last: size };
    document.body.classList.add(orientation === 'vertical' ? 'resizing-x' : 'resizing-y');
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = sizeForDrag(d.startSize, d.startPos, pos(e), limits, reverse);
    onSize(d.last);
  };
  const end = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    document.body.classList.remove('resizing-x', 'resizing-y');
    onCommit?.(d.last);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = sizeForKey(e.key, e.shiftKey, size, limits, orientation, reverse);
    if (next === undefined) return;
    e.preventDefault();
    onSize(next);
    onCommit?.(next);
  };
  const max = Math.max(limits.min, limits.total - limits.minOther);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is a separator with a value (WAI-ARIA)
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={limits.min}
      aria-valuemax={max}
      aria-valuenow={clampSize(size, limits)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  );
}
