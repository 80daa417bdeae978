/**
 * The page's areas and how they are arranged: on wide screens the lesson panel
 * on the left, the editor and the state view side by side above the terminals;
 * below 900 px one area at a time behind a tab bar. Pane sizes are the
 * learner's preference and are kept in localStorage.
 */
export type AreaId = 'lesson' | 'terminals' | 'editor' | 'state';

/** the order areas have in the narrow tab bar and for F6 */
export const AREAS: readonly AreaId[] = ['lesson', 'terminals', 'editor', 'state'];

export const NARROW_MAX_WIDTH = 900;

export interface PaneSizes {
  /** width of the lesson panel */
  lesson: number;
  /** height of the upper row (editor and state view) */
  upper: number;
  /** width of the editor (the state view takes the rest) */
  editor: number;
  /** the lesson panel is folded away */
  lessonCollapsed: boolean;
}

export const DEFAULT_SIZES: PaneSizes = { lesson: 320, upper: 300, editor: 480, lessonCollapsed: false };

export const MIN = { lesson: 220, upper: 120, editor: 200, state: 200, terminals: 160, main: 480 } as const;

const STORAGE_KEY = 'dockyard.layout.v1';

export function parseSizes(text: string | null | undefined): PaneSizes {
  if (!text) return { ...DEFAULT_SIZES };
  try {
    const v = JSON.parse(text) as Partial<Record<keyof PaneSizes, unknown>>;
    const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) && x > 0 && x < 10000 ? x : d);
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
