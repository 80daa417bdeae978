/**
 * One box of the state view, memoised: a new layout (the view re-reads the
 * engine about every 90 ms while a loop runs) re-renders only the boxes whose
 * drawing changed, not the hundred others. A tag's move and the glow over what
 * changed are Web Animations started here, not CSS transitions/animations:
 * those fire transitionrun/start/end and animationstart/end events, and each
 * of them went through React's root listener (one tree walk per event, per
 * box) in the middle of a busy loop's frames. Animations started with
 * `element.animate` fire no DOM events.
 */
import { type KeyboardEvent, memo, useLayoutEffect, useRef } from 'react';
import type { Box } from './layout-types';
import { PALETTE, swatchOf, swatchStyle } from './palette';

/** boxes with a header line and chips below it */
const CARDS = new Set<Box['role']>(['registry', 'network', 'volume']);

/** how long a tag takes to move to its new place, and a glow to fade */
export const TAG_MOVE_MS = 600;
export const GLOW_MS = 1600;

export function boxRadius(b: Box): number {
  return b.role === 'tag' || b.role === 'chip' || b.role === 'repository' || b.role === 'more' ? 8 : b.role === 'layer' ? 2 : 4;
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function canAnimate(el: Element | null): el is Element & { animate: Element['animate'] } {
  return el !== null && typeof el.animate === 'function' && !reducedMotion();
}

export interface StateBoxProps {
  box: Box;
  selected: boolean;
  /** the box's tooltip suffix for groups ("click to open or close") */
  toggleHint: string;
  /** stable across renders: the box is passed back */
  onActivate(b: Box): void;
}

function sameBox(a: Box, b: Box): boolean {
  return (
    a.key === b.key &&
    a.role === b.role &&
    a.x === b.x &&
    a.y === b.y &&
    a.w === b.w &&
    a.h === b.h &&
    a.label === b.label &&
    a.title === b.title &&
    a.group === b.group &&
    a.tone === b.tone &&
    a.object?.kind === b.object?.kind &&
    a.object?.id === b.object?.id
  );
}

function sameProps(a: StateBoxProps, b: StateBoxProps): boolean {
  return a.selected === b.selected && a.toggleHint === b.toggleHint && a.onActivate === b.onActivate && sameBox(a.box, b.box);
}

function StateBoxView({ box: b, selected, toggleHint, onActivate }: StateBoxProps) {
  const el = useRef<SVGGElement>(null);
  const isTag = b.role === 'tag';
  const at = useRef({ x: b.x, y: b.y });
  // a tag slides from where it was to where it is now
  useLayoutEffect(() => {
    const from = at.current;
    at.current = { x: b.x, y: b.y };
    if (!isTag || (from.x === b.x && from.y === b.y) || !canAnimate(el.current)) return;
    el.current.animate([{ transform: `translate(${from.x}px, ${from.y}px)` }, { transform: `translate(${b.x}px, ${b.y}px)` }], {
      duration: TAG_MOVE_MS,
      easing: 'ease-in-out',
    });
  }, [isTag, b.x, b.y]);

  const cls = ['sv-box', `sv-${b.role}`];
  if (b.tone) cls.push(`sv-tone-${b.tone}`);
  const swatch = swatchOf(b);
  if (PALETTE[swatch].dashed) cls.push('sv-dashed');
  if (selected) cls.push('sv-selected');
  if (b.group) cls.push('sv-group');
  const style = (isTag ? { ...swatchStyle(swatch), transform: `translate(${b.x}px, ${b.y}px)` } : swatchStyle(swatch)) as React.CSSProperties;
  // a tag is drawn at 0,0 and moved by its transform (so the move can animate)
  const x = isTag ? 0 : b.x;
  const y = isTag ? 0 : b.y;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(b);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
    <g ref={el} className={cls.join(' ')} style={style} role="button" tabIndex={0} onClick={() => onActivate(b)} onKeyDown={onKeyDown}>
      <title>{b.group ? `${b.title} — ${toggleHint}` : b.title}</title>
      <rect x={x} y={y} width={b.w} height={b.h} rx={boxRadius(b)} />
      <text x={x + (b.role === 'layer' || b.role === 'container' ? 5 : 6)} y={CARDS.has(b.role) ? y + 11 : y + b.h / 2} dominantBaseline="central">
        {b.label}
      </text>
    </g>
  );
}

export const StateBox = memo(StateBoxView, sameProps);

export interface GlowProps {
  box: Box;
}

/** a brief glow over a box the last command changed; a new generation mounts new glows (their key) */
function GlowView({ box: b }: GlowProps) {
  const el = useRef<SVGRectElement>(null);
  useLayoutEffect(() => {
    if (!canAnimate(el.current)) return;
    el.current.animate([{ opacity: 0.95 }, { opacity: 0 }], { duration: GLOW_MS, easing: 'ease-out' });
  }, []);
  return <rect ref={el} className="sv-glow" x={b.x - 2} y={b.y - 2} width={b.w + 4} height={b.h + 4} rx={boxRadius(b) + 2} />;
}

export const Glow = memo(GlowView, (a, b) => sameBox(a.box, b.box));
