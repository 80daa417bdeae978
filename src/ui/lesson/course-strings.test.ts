import { describe, expect, it } from 'vitest';
import { courseStrings } from './course-strings';

describe('the lesson panel strings', () => {
  it('has every key in both languages, none empty, and the same {placeholders}', () => {
    const flat = (o: object, p = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [[`${p}${k}`, String(v)] as [string, string]]));
    const en = new Map(flat(courseStrings.en));
    const zh = new Map(flat(courseStrings['zh-CN']));
    expect([...zh.keys()]).toEqual([...en.keys()]);
    for (const [k, v] of en) {
      expect(v.trim(), k).not.toBe('');
      expect(zh.get(k)?.trim(), k).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(zh.get(k) ?? ''), k).toEqual(ph(v));
    }
  });
});
