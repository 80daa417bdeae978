import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, loadSizes, nextArea, parseSizes, saveSizes } from './layout-model';
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
    expect(parseSizes('{"lesson":300,"upper":-5,"editor":"x","lessonCollapsed":true}')).toEqual({ ...DEFAULT_SIZES, lesson: 300, lessonCollapsed: true });
  });
  it('saves and loads through a storage, surviving a storage that throws', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    saveSizes(store, { ...DEFAULT_SIZES, editor: 600 });
    expect(loadSizes(store).editor).toBe(600);
    const broken = { getItem: (): string | null => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(() => saveSizes(broken, DEFAULT_SIZES)).not.toThrow();
    expect(loadSizes(broken)).toEqual(DEFAULT_SIZES);
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
