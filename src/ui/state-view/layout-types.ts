/**
 * What layoutStateModel produces: positioned boxes (every one a thing you can
 * click), the links between them and the bands they sit in. Plain data, so
 * the layout is tested in Node and the React component only draws it.
 */
import type { ObjectKind } from '../../store/contract';

export interface Viewport {
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** collapse the images of one repository into one column: 'auto' does it past 24 images */
  collapseImages?: boolean | 'auto';
  /** containers drawn on one image before the rest become a "+N" group (default 5) */
  maxContainersPerImage?: number;
  /** containers listed in one network/volume box before a "+N" chip (default 8) */
  maxChips?: number;
  /** group keys the learner opened (Box.group of a group box) */
  expanded?: ReadonlySet<string>;
}

export type BoxRole =
  | 'registry'
  | 'repository'
  | 'layer'
  | 'image'
  | 'container'
  | 'container-group'
  | 'tag'
  | 'network'
  | 'volume'
  | 'chip'
  | 'more';

export interface Box {
  /** unique and stable across layouts of the same objects (React key; tags animate by it) */
  key: string;
  role: BoxRole;
  x: number;
  y: number;
  w: number;
  h: number;
  /** already shortened to fit the box */
  label: string;
  /** the full text (tooltip) */
  title: string;
  /** what a click selects */
  object?: { kind: ObjectKind; id: string };
  /** what a click opens or closes instead (image/container groups, "+N" chips) */
  group?: string;
  /** style modifiers: "running", "exited", "dangling", "shared", "missing", "pending", … */
  tone?: string;
  /** the enclosing box (chips in a network box, repositories in a registry) */
  parent?: string;
}

export interface Link {
  key: string;
  kind: 'tag' | 'volume' | 'registry' | 'repository';
  /** polyline points */
  points: { x: number; y: number }[];
  /** object keys ("container:…") at both ends: a link is drawn when few links exist or one end is selected */
  ends: string[];
}

export type BandId = 'registries' | 'images' | 'networks' | 'volumes';

export interface Band {
  id: BandId;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  width: number;
  height: number;
  bands: Band[];
  boxes: Box[];
  links: Link[];
}

export const PAD = 16;
export const BAND_TITLE = 22;
export const BAND_GAP = 26;
/** average width of one character of the 11px UI font */
export const CHAR_PX = 6.4;

/** shorten to fit `px` pixels ("…" at the end) */
export function fitText(text: string, px: number): string {
  const max = Math.max(1, Math.floor(px / CHAR_PX));
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
