/**
 * Draws a Layout as plain SVG: band titles, links (all of them when there are
 * few, otherwise only those touching the selection), boxes by role, tags as
 * translated groups (their move animates with a CSS transition), and a brief
 * glow over what the last command changed.
 */
import type { KeyboardEvent } from 'react';
import type { Selection } from '../../store/contract';
import type { StateViewDictionary } from './i18n';
import type { Box, Layout, Link } from './layout-types';
import { objectKey } from './model';
import { PALETTE, swatchOf, swatchStyle } from './palette';

/** the links take the colour of what they lead to */
const LINK_COLOURS = {
  '--sv-link-tag': PALETTE.tag.stroke,
  '--sv-link-volume': PALETTE.volume.stroke,
  '--sv-link-registry': PALETTE.privateRegistry.stroke,
  '--sv-link-repository': PALETTE.repository.stroke,
} as React.CSSProperties;

/** boxes with a header line and chips below it */
const CARDS = new Set<Box['role']>(['registry', 'network', 'volume']);

/** links drawn without a selection when there are at most this many */
export const FEW_LINKS = 24;

export interface StateSvgProps {
  t: StateViewDictionary;
  layout: Layout;
  zoom: number;
  selection?: Selection;
  changed: ReadonlySet<string>;
  /** bumps with every new set of changes: restarts the glow */
  glowGeneration: number;
  allLinks: boolean;
  onSelect(sel: Selection): void;
  onToggle(group: string): void;
}

const objKey = (b: Box) => (b.object ? objectKey(b.object.kind, b.object.id) : undefined);

function linkPath(l: Link): string {
  return l.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

export function StateSvg({ t, layout, zoom, selection, changed, glowGeneration, allLinks, onSelect, onToggle }: StateSvgProps) {
  const selKey = selection ? objectKey(selection.kind, selection.id) : undefined;
  const showAll = allLinks || layout.links.length <= FEW_LINKS;
  const links = layout.links.filter((l) => l.kind === 'tag' || showAll || (selKey !== undefined && l.ends.includes(selKey)));
  const activate = (b: Box) => {
    if (b.group) onToggle(b.group);
    else if (b.object) onSelect(b.object);
  };
  const onKey = (b: Box) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(b);
    }
  };
  const boxClass = (b: Box) => {
    const k = objKey(b);
    const cls = ['sv-box', `sv-${b.role}`];
    if (b.tone) cls.push(`sv-tone-${b.tone}`);
    if (PALETTE[swatchOf(b)].dashed) cls.push('sv-dashed');
    if (selKey !== undefined && k === selKey) cls.push('sv-selected');
    if (b.group) cls.push('sv-group');
    return cls.join(' ');
  };
  const isChanged = (b: Box) => changed.has(b.key) || (objKey(b) !== undefined && changed.has(objKey(b) as string));
  const plain = layout.boxes.filter((b) => b.role !== 'tag');
  const tags = layout.boxes.filter((b) => b.role === 'tag');
  const rx = (b: Box) => (b.role === 'tag' || b.role === 'chip' || b.role === 'repository' || b.role === 'more' ? 8 : b.role === 'layer' ? 2 : 4);

  const boxBody = (b: Box, x: number, y: number) => (
    <>
      <title>{b.group ? `${b.title} — ${t.toggleGroup}` : b.title}</title>
      <rect x={x} y={y} width={b.w} height={b.h} rx={rx(b)} />
      <text x={x + (b.role === 'layer' || b.role === 'container' ? 5 : 6)} y={CARDS.has(b.role) ? y + 11 : y + b.h / 2} dominantBaseline="central">
        {b.label}
      </text>
    </>
  );

  return (
    <svg
      className="sv-svg"
      width={Math.ceil(layout.width * zoom)}
      height={Math.ceil(layout.height * zoom)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={t.title}
      style={LINK_COLOURS}
    >
      {layout.bands.map((band) => (
        <text key={band.id} className="sv-band-title" x={band.x} y={band.y + 12}>
          {t.bands[band.id]}
        </text>
      ))}
      <g className="sv-links">
        {links.map((l) => (
          <path key={l.key} className={`sv-link sv-link-${l.kind}${selKey && l.ends.includes(selKey) ? ' sv-link-active' : ''}`} d={linkPath(l)} />
        ))}
      </g>
      {plain.map((b) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
        <g key={b.key} className={boxClass(b)} style={swatchStyle(swatchOf(b)) as React.CSSProperties} role="button" tabIndex={0} onClick={() => activate(b)} onKeyDown={onKey(b)}>
          {boxBody(b, b.x, b.y)}
        </g>
      ))}
      {tags.map((b) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
        <g
          key={b.key}
          className={boxClass(b)}
          style={{ ...swatchStyle(swatchOf(b)), transform: `translate(${b.x}px, ${b.y}px)` } as React.CSSProperties}
          role="button"
          tabIndex={0}
          onClick={() => activate(b)}
          onKeyDown={onKey(b)}
        >
          {boxBody(b, 0, 0)}
        </g>
      ))}
      <g className="sv-glows">
        {layout.boxes.filter(isChanged).map((b) => (
          <rect key={`${glowGeneration}:${b.key}`} className="sv-glow" x={b.x - 2} y={b.y - 2} width={b.w + 4} height={b.h + 4} rx={rx(b) + 2} />
        ))}
      </g>
    </svg>
  );
}
