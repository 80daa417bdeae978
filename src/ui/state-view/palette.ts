/**
 * The state view's colours, one swatch per kind of object and per state, so
 * that no two things a learner must tell apart share a colour (a paused
 * container is not the colour of a tag). Each swatch has a fill, an edge and
 * a text colour; palette.test.ts checks them against WCAG AA on the view's
 * background (text 4.5:1 on its fill, edges 3:1 on the background) and checks
 * that every two swatches differ (ΔE*ab). Drawn through CSS variables
 * (--sv-fill, --sv-stroke, --sv-text) on each box and legend chip.
 */
import type { Box } from './layout-types';

/** the state view's background (styles.css --surface) */
export const BACKGROUND = '#121820';

export interface Swatch {
  fill: string;
  stroke: string;
  text: string;
  /** an outline drawn dashed: something expected but not there (not pushed, missing, unused) */
  dashed?: boolean;
}

export type SwatchId =
  // containers, by state
  | 'running'
  | 'paused'
  | 'exited'
  | 'created'
  | 'restarting'
  | 'removing'
  | 'dead'
  // images and what they are made of
  | 'image'
  | 'imageGroup'
  | 'dangling'
  | 'missing'
  | 'tag'
  | 'layer'
  | 'sharedLayer'
  // the rest
  | 'group'
  | 'hub'
  | 'privateRegistry'
  | 'repository'
  | 'pending'
  | 'network'
  | 'builtinNetwork'
  | 'volume'
  | 'unusedVolume';

const TEXT = '#eef2f6';

export const PALETTE: Record<SwatchId, Swatch> = {
  running: { fill: '#173d25', stroke: '#46c36c', text: TEXT },
  paused: { fill: '#2f2450', stroke: '#b592f5', text: TEXT },
  exited: { fill: '#2a2e34', stroke: '#9aa3ad', text: TEXT },
  created: { fill: '#14325a', stroke: '#4f9cf0', text: TEXT },
  restarting: { fill: '#4a2a10', stroke: '#f28c3a', text: TEXT },
  removing: { fill: '#3d2a33', stroke: '#d895b5', text: TEXT },
  dead: { fill: '#4a1616', stroke: '#f0605a', text: TEXT },
  image: { fill: '#25323f', stroke: '#7fa6cc', text: TEXT },
  imageGroup: { fill: '#1d3a3f', stroke: '#56c2c9', text: TEXT },
  dangling: { fill: '#4a1033', stroke: '#ff5cb0', text: TEXT },
  missing: { fill: '#1c2128', stroke: '#7a8490', text: '#d0d6dd', dashed: true },
  tag: { fill: '#3f3208', stroke: '#e8b923', text: TEXT },
  layer: { fill: '#222a33', stroke: '#66717e', text: '#d3dae2' },
  sharedLayer: { fill: '#2b3510', stroke: '#b5d95a', text: TEXT },
  group: { fill: '#1c2128', stroke: '#8a949f', text: '#d0d6dd', dashed: true },
  hub: { fill: '#0f2e3a', stroke: '#2fb4e0', text: TEXT },
  privateRegistry: { fill: '#2c1f3f', stroke: '#d070f0', text: TEXT },
  repository: { fill: '#12333a', stroke: '#3dd6c0', text: TEXT },
  pending: { fill: '#1c2128', stroke: '#3dd6c0', text: '#d0d6dd', dashed: true },
  network: { fill: '#1a2240', stroke: '#6e8cff', text: TEXT },
  builtinNetwork: { fill: '#1f2238', stroke: '#a9b4ec', text: TEXT },
  volume: { fill: '#3a2410', stroke: '#d99a4e', text: TEXT },
  unusedVolume: { fill: '#1c2128', stroke: '#b08a5e', text: '#d0d6dd', dashed: true },
};

/** the swatches a learner tells apart by colour alone (the dashed ones also differ by their outline) */
export const DISTINCT: readonly SwatchId[] = (Object.keys(PALETTE) as SwatchId[]).filter((id) => !PALETTE[id].dashed);

/** the legend, by what the colours are about: every swatch once */
export const LEGEND: readonly ['containers' | 'images' | 'registries' | 'other', readonly SwatchId[]][] = [
  ['containers', ['running', 'paused', 'exited', 'created', 'restarting', 'removing', 'dead']],
  ['images', ['image', 'tag', 'dangling', 'layer', 'sharedLayer', 'imageGroup', 'missing']],
  ['registries', ['hub', 'privateRegistry', 'repository', 'pending']],
  ['other', ['network', 'builtinNetwork', 'volume', 'unusedVolume', 'group']],
];

const CONTAINER_STATES: Record<string, SwatchId> = {
  running: 'running',
  paused: 'paused',
  exited: 'exited',
  created: 'created',
  restarting: 'restarting',
  removing: 'removing',
  dead: 'dead',
};

/** which swatch a box of the layout is drawn with */
export function swatchOf(b: Pick<Box, 'role' | 'tone'>): SwatchId {
  switch (b.role) {
    case 'image':
      return b.tone === 'dangling' ? 'dangling' : b.tone === 'missing' ? 'missing' : b.tone === 'group' ? 'imageGroup' : 'image';
    case 'layer':
      return b.tone === 'shared' ? 'sharedLayer' : 'layer';
    case 'container':
    case 'chip':
      return CONTAINER_STATES[b.tone ?? ''] ?? 'exited';
    case 'tag':
      return 'tag';
    case 'registry':
      return b.tone === 'private' ? 'privateRegistry' : 'hub';
    case 'repository':
      return b.tone === 'pending' ? 'pending' : 'repository';
    case 'network':
      return b.tone === 'builtin' ? 'builtinNetwork' : 'network';
    case 'volume':
      return b.tone === 'unused' ? 'unusedVolume' : 'volume';
    default:
      return 'group';
  }
}

/** the CSS variables a box or legend chip is drawn with */
export function swatchStyle(id: SwatchId): Record<string, string> {
  const s = PALETTE[id];
  return { '--sv-fill': s.fill, '--sv-stroke': s.stroke, '--sv-text': s.text };
}
