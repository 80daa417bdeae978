/**
 * Draws a Layout as plain SVG: band titles, links (all of them when there are
 * few, otherwise only those touching the selection), boxes by role, tags as
 * translated groups (their move animates), and a brief glow over what the last
 * command changed; the boxes are memoised (StateBox.tsx).
 */
import { useCallback, useRef } from 'react';
import type { Selection } from '../../store/contract';
import type { StateViewDictionary } from './i18n';
import type { Box, Layout, Link } from './layout-types';
import { objectKey } from './model';
import { PALETTE } from './palette';
import { Glow, StateBox } from './StateBox';

/** the links take the colour of what they lead to */
const LINK_COLOURS = {
  '--sv-link-tag': PALETTE.tag.stroke,
  '--sv-link-volume': PALETTE.volume.stroke,
  '--sv-link-registry': PALETTE.privateRegistry.stroke,
  '--sv-link-repository': PALETTE.repository.stroke,
} as React.CSSProperties;

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
  // one stable handler for every box, so a memoised box does not re-render for a new closure
  const handlers = useRef({ onSelect, onToggle });
  handlers.current = { onSelect, onToggle };
  const activate = useCallback((b: Box) => {
    if (b.group) handlers.current.onToggle(b.group);
    else if (b.object) handlers.current.onSelect(b.object);
  }, []);
  const isChanged = (b: Box) => changed.has(b.key) || (objKey(b) !== undefined && changed.has(objKey(b) as string));
  const isSelected = (b: Box) => selKey !== undefined && objKey(b) === selKey;
  const plain = layout.boxes.filter((b) => b.role !== 'tag');
  const tags = layout.boxes.filter((b) => b.role === 'tag');

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
        <StateBox key={b.key} box={b} selected={isSelected(b)} toggleHint={t.toggleGroup} onActivate={activate} />
      ))}
      {tags.map((b) => (
        <StateBox key={b.key} box={b} selected={isSelected(b)} toggleHint={t.toggleGroup} onActivate={activate} />
      ))}
      <g className="sv-glows">
        {layout.boxes.filter(isChanged).map((b) => (
          <Glow key={`${glowGeneration}:${b.key}`} box={b} />
        ))}
      </g>
    </svg>
  );
}
