/**
 * The page's areas and how they are arranged: on wide screens the lesson panel
 * on the left, the editor and the state view side by side above the terminals;
 * below 900 px one area at a time behind a tab bar. Pane sizes are fractions
 * of the space they share (the layout keeps its proportions when the window
 * changes), the learner's preference once dragged, kept in localStorage.
 *
 * The defaults are chosen so a learner reads a Dockerfile and the state view's
 * picture without dragging, and the terminal still shows a command with its
 * output (measured in Chromium; README, under the screenshots): at 1440×900 the editor
 * pane gets 617×383 px (Monaco 450×334, about 17 lines), the state view
 * 504×383 px, the terminal 20 rows; at 1280×720 Monaco 400×253, the terminal
 * 15 rows. A larger editor row (0.52) left 17 rows at 1440×900: hello-world's
 * greeting scrolled off before it ended.
 */
export type AreaId = 'lesson' | 'terminals' | 'editor' | 'state';

/** the order areas have in the narrow tab bar and for F6 */
export const AREAS: readonly AreaId[] = ['lesson', 'terminals', 'editor', 'state'];

export const NARROW_MAX_WIDTH = 900;

export interface PaneSizes {
  /** width of the lesson panel, as a fraction of the page's width */
  lesson: number;
  /** height of the upper row (editor and state view), as a fraction of the column's height */
  upper: number;
  /** width of the editor, as a fraction of the upper row's width (the state view takes the rest) */
  editor: number;
  /** the lesson panel is folded away */
  lessonCollapsed: boolean;
}

export const DEFAULT_SIZES: PaneSizes = { lesson: 0.22, upper: 0.45, editor: 0.55, lessonCollapsed: false };

/** smallest sizes in px; the lesson panel also has a largest (very wide screens) */
export const MIN = { lesson: 220, upper: 120, editor: 200, state: 200, terminals: 160, main: 480 } as const;
export const MAX_LESSON = 440;

/** v1 kept pixels; its values are not carried over (the new defaults are the point) */
const STORAGE_KEY = 'dockyard.layout.v2';

export interface PaneLimits {
  min: number;
  /** the space shared with the other pane, px */
  total: number;
  minOther: number;
  max?: number;
}

/** a fraction of the shared space as px, kept inside the limits (0 space: not measured yet) */
export function paneSize(fraction: number, l: PaneLimits): number {
  if (l.total <= 0) return 0;
  const max = Math.min(l.max ?? Number.POSITIVE_INFINITY, l.total - l.minOther);
  return Math.round(Math.max(l.min, Math.min(fraction * l.total, max)));
}

/** px (a drag, a key) back to the fraction kept */
export function paneFraction(px: number, l: PaneLimits): number {
  return l.total > 0 ? Math.min(1, Math.max(0, px / l.total)) : 0;
}

export function parseSizes(text: string | null | undefined): PaneSizes {
  if (!text) return { ...DEFAULT_SIZES };
  try {
    const v = JSON.parse(text) as Partial<Record<keyof PaneSizes, unknown>>;
    const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) && x > 0 && x < 1 ? x : d);
    return {
      lesson: num(v.lesson, DEFAULT_SIZES.lesson),
      upper: num(v.upper, DEFAULT_SIZES.upper),
      editor: num(v.editor, DEFAULT_SIZES.editor),
      lessonCollapsed: v.lessonCollapsed === true,
    };
  } catch {
    return { ...DEFAULT_SIZES };
  }
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadSizes(storage: KeyValueStore | undefined): PaneSizes {
  try {
    return parseSizes(storage?.getItem(STORAGE_KEY));
  } catch {
    return { ...DEFAULT_SIZES };
  }
}

export function saveSizes(storage: KeyValueStore | undefined, sizes: PaneSizes): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(sizes));
  } catch {
    // private mode or quota: the layout is only a preference
  }
}

/** F6 / Shift-F6: the next area to focus */
export function nextArea(current: AreaId | undefined, visible: readonly AreaId[], back = false): AreaId {
  const list = visible.length ? visible : AREAS;
  const i = current ? list.indexOf(current) : -1;
  if (i < 0) return list[0]!;
  return list[(i + (back ? list.length - 1 : 1)) % list.length]!;
}
