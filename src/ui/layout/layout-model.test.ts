import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, loadSizes, nextArea, paneFraction, paneSize, parseSizes, saveSizes } from './layout-model';
import { shortcutFor } from './shortcuts';
import { clampSize, sizeForDrag, sizeForKey } from './splitter-model';

const key = (k: Partial<Parameters<typeof shortcutFor>[0]> & { key: string }) => ({ ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...k });

describe('splitter model', () => {
  const l = { min: 200, total: 1000, minOther: 300 };
  it('keeps both panes at their minimum', () => {
    expect(clampSize(100, l)).toBe(200);
    expect(clampSize(900, l)).toBe(700);
    expect(clampSize(450.4, l)).toBe(450);
    expect(clampSize(500, { min: 200, total: 300, minOther: 300 })).toBe(200);
  });
  it('moves with arrow keys, Shift for big steps, Home/End to the limits', () => {
    expect(sizeForKey('ArrowRight', false, 400, l, 'vertical')).toBe(416);
    expect(sizeForKey('ArrowLeft', true, 400, l, 'vertical')).toBe(320);
    expect(sizeForKey('ArrowDown', false, 400, l, 'horizontal')).toBe(416);
    expect(sizeForKey('ArrowRight', false, 400, l, 'horizontal')).toBeUndefined();
    expect(sizeForKey('Home', false, 400, l, 'vertical')).toBe(200);
    expect(sizeForKey('End', false, 400, l, 'vertical')).toBe(700);
    // the pane after the bar: moving the bar right makes it smaller
    expect(sizeForKey('ArrowRight', false, 400, l, 'vertical', true)).toBe(384);
    expect(sizeForKey('Home', false, 400, l, 'vertical', true)).toBe(700);
  });
  it('follows the pointer', () => {
    expect(sizeForDrag(400, 100, 150, l)).toBe(450);
    expect(sizeForDrag(400, 100, 150, l, true)).toBe(350);
    expect(sizeForDrag(400, 100, 2000, l)).toBe(700);
  });
});

describe('layout model', () => {
  it('reads saved sizes, falling back to defaults for anything odd', () => {
    expect(parseSizes(null)).toEqual(DEFAULT_SIZES);
    expect(parseSizes('{bad')).toEqual(DEFAULT_SIZES);
    expect(parseSizes('{"lesson":0.3,"upper":-5,"editor":"x","lessonCollapsed":true}')).toEqual({ ...DEFAULT_SIZES, lesson: 0.3, lessonCollapsed: true });
    // pixels (the old format) are not fractions
    expect(parseSizes('{"lesson":320,"upper":300,"editor":480}')).toEqual(DEFAULT_SIZES);
  });
  it('saves and loads through a storage, surviving a storage that throws', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    saveSizes(store, { ...DEFAULT_SIZES, editor: 0.6 });
    expect(loadSizes(store).editor).toBe(0.6);
    const broken = { getItem: (): string | null => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(() => saveSizes(broken, DEFAULT_SIZES)).not.toThrow();
    expect(loadSizes(broken)).toEqual(DEFAULT_SIZES);
  });
  it('turns fractions into pixels inside the limits, and back', () => {
    const l = { min: 200, total: 1000, minOther: 300 };
    expect(paneSize(0.55, l)).toBe(550);
    expect(paneSize(0.1, l)).toBe(200);
    expect(paneSize(0.9, l)).toBe(700);
    expect(paneSize(0.22, { min: 220, total: 2560, minOther: 480, max: 440 })).toBe(440);
    expect(paneSize(0.5, { ...l, total: 0 })).toBe(0);
    expect(paneFraction(550, l)).toBe(0.55);
    expect(paneFraction(550, { ...l, total: 0 })).toBe(0);
  });
  it('gives the editor and the state view room to read at 1440×900 and 1280×720, and the terminal its rows', () => {
    // the workspace below the top bar, the main column beside the lesson panel (measured in Chromium)
    for (const [width, column] of [
      [1440, 852],
      [1280, 672],
    ] as const) {
      const lesson = paneSize(DEFAULT_SIZES.lesson, { min: 220, total: width, minOther: 480, max: 440 });
      const main = width - lesson - 6;
      const editor = paneSize(DEFAULT_SIZES.editor, { min: 200, total: main, minOther: 200 });
      const upper = paneSize(DEFAULT_SIZES.upper, { min: 120, total: column, minOther: 160 });
      expect(editor).toBeGreaterThanOrEqual(520);
      expect(main - editor).toBeGreaterThanOrEqual(420);
      expect(upper).toBeGreaterThanOrEqual(300);
      expect(column - upper).toBeGreaterThanOrEqual(360);
    }
  });
  it('cycles areas for F6', () => {
    expect(nextArea(undefined, ['lesson', 'terminals'])).toBe('lesson');
    expect(nextArea('terminals', ['lesson', 'terminals', 'editor', 'state'])).toBe('editor');
    expect(nextArea('lesson', ['lesson', 'terminals', 'editor', 'state'], true)).toBe('state');
  });
});

describe('shortcuts', () => {
  it('maps keys to actions without taking keys the shell needs', () => {
    expect(shortcutFor(key({ key: 'F1' }))).toBe('help');
    expect(shortcutFor(key({ key: 'F6', shiftKey: true }))).toBe('prevArea');
    expect(shortcutFor(key({ key: 'T', code: 'KeyT', altKey: true, shiftKey: true }))).toBe('newTerminal');
    expect(shortcutFor(key({ key: '†', code: 'KeyT', altKey: true, shiftKey: true }))).toBe('newTerminal');
    expect(shortcutFor(key({ key: '2', code: 'Digit2', altKey: true }))).toEqual({ terminal: 2 });
    expect(shortcutFor(key({ key: 'z', code: 'KeyZ', altKey: true, shiftKey: true }))).toBe('undo');
    expect(shortcutFor(key({ key: 'r', code: 'KeyR', ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key({ key: 'Tab', code: 'Tab' }))).toBeUndefined();
    expect(shortcutFor(key({ key: 'b', code: 'KeyB', altKey: true }))).toBeUndefined();
  });
});
